using Extractor.Output;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Output;

public class OutputContractTests
{
    private const string Pdf = "urumqi-port-office-2025.office.pdf";

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var committed = File.ReadAllText(Path.Combine(Repo.Root, "schema", "extractor-output.schema.json")).Replace("\r\n", "\n");
        Assert.True(committed == OutputSchema.ToJson(),
            "schema/extractor-output.schema.json is stale: regenerate it with `dotnet run --project src/Extractor.Cli -- schema > schema/extractor-output.schema.json`");
    }

    [Fact]
    public void Json_keeps_the_contract_fields_and_exact_decimals()
    {
        var json = JObject.Parse(JsonDocumentWriter.Serialize(DocumentCache.Get(Pdf)));
        Assert.Equal(JsonDocumentWriter.SchemaVersion, (string?)json["schemaVersion"]);
        Assert.Equal(Pdf, (string?)json["document"]!["sourceFile"]);
        var t2 = json["tables"]!.Single(t => (int?)t["number"] == 2);
        Assert.Equal("income_summary", (string?)t2["kind"]);
        Assert.Equal([3], t2["pages"]!.Select(p => (int)p));
        Assert.Equal("9,651.89", (string?)t2["rows"]![0]![4]);
        var cell = t2["cells"]![0]![4]!;
        Assert.Equal(3, (int)cell["page"]!);
        Assert.Equal(4, cell["box"]!.Count());
        var total = t2["records"]!.First(r => (int?)r["level"] == 0);
        var amount = total["amounts"]!["总计"]!;
        Assert.Equal("9651.89", amount["value"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("9,651.89", (string?)amount["text"]);
    }

    [Fact]
    public void Facts_hold_every_amount_of_every_table_once()
    {
        var facts = Facts.Of(DocumentCache.Get(Pdf));
        var truth = Repo.Truth("urumqi-port-office-2025.truth.json");

        // Expected: every amount-looking body cell of the truth, outside the columns that are not money.
        var expected = 0;
        foreach (JObject table in (JArray)truth["tables"]!)
        {
            var names = ((JArray)table["columns"]!).Select(c => (string)c["name"]!).ToList();
            foreach (JArray row in (JArray)table["rows"]!)
                for (var c = 0; c < row.Count; c++)
                    if (!Extractor.Records.ColumnRoles.IsTextColumn(names[c]) && Extractor.Text.AmountParser.TryParse((string?)row[c], out _)) expected++;
        }
        Assert.Equal(expected, facts.Count);
        var fact = facts.Single(f => f.TableNumber == 6 && f.RowCode == "30101" && f.ColumnPath.EndsWith("合计"));
        Assert.Equal((54.59m, "54.59", 545900m, "基本工资", "economic", false), (fact.Value, fact.Printed, fact.ValueYuan, fact.RowLabel, fact.RecordType, fact.IsTotal));
        var total = facts.Single(f => f.TableNumber == 2 && f.CodeLevel == 0 && f.ColumnPath == "总计");
        Assert.Equal((9651.89m, "9,651.89", 96518900m, true), (total.Value, total.Printed, total.ValueYuan, total.IsTotal));
        Assert.Equal("乌鲁木齐市口岸管理办公室", total.Department);
        Assert.Equal((2025, "budget"), (total.Year, total.DocumentKind));
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-out-").FullName;
        var path = Path.Combine(dir, "a.json");
        AtomicFile.Write(path, "first");
        AtomicFile.Write(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["a.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Directory.Delete(dir, true);
    }
}
