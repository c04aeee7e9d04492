using Extractor.Cli.Batch;
using Extractor.Cli.Inputs;

namespace Extractor.Tests.Cli;

public class WorkOrderTests
{
    [Fact]
    public void Several_workers_take_the_largest_files_first_and_one_worker_keeps_the_input_order()
    {
        var folder = Directory.CreateTempSubdirectory("extractor-order-").FullName;
        try
        {
            BatchItem Local(string name, int size)
            {
                var path = Path.Combine(folder, name + ".pdf");
                File.WriteAllBytes(path, new byte[size]);
                return new BatchItem(InputItem.File(path), name);
            }
            var url = new BatchItem(InputItem.Url("https://example.org/u.pdf"), "u");
            var gone = new BatchItem(new InputItem(Path.Combine(folder, "gone.pdf"), Path.Combine(folder, "gone.pdf"), null), "gone");
            List<BatchItem> items = [Local("a", 10), url, Local("b", 300), gone, Local("c", 20), Local("d", 300)];

            Assert.Equal(["a", "u", "b", "gone", "c", "d"], WorkOrder.For(items, 1).Select(i => i.OutputBase));
            Assert.Equal(["b", "d", "c", "a", "u", "gone"], WorkOrder.For(items, 2).Select(i => i.OutputBase));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
