using System.CommandLine;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Cli.Commands;

/// <summary>`layout PDF PAGE`: prints what the layout stage sees on one page (lines, grids, cells) for diagnosis.</summary>
public static class DebugPageCommand
{
    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "PDF file" };
        var page = new Argument<int>("page") { Description = "1-based page number" };
        var command = new Command("layout", "Show the text lines and table grids found on one page") { pdf, page };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pdf)!;
            if (!file.Exists) throw new PdfReadException($"{file.FullName}: no such file");
            using var reader = PdfPageReader.Open(File.ReadAllBytes(file.FullName), file.Name);
            var number = parse.GetValue(page);
            if (number < 1 || number > reader.PageCount)
                throw new UsageException($"{file.FullName}: no page {number} (the document has pages 1 to {reader.PageCount})");
            var model = reader.ReadPage(number);
            var layout = PageLayoutAnalyzer.Default.Analyze(model);
            Console.WriteLine($"page {model.Number} {model.Width:F0}x{model.Height:F0} rotate={model.Rotation} glyphs={model.Glyphs.Count} rulings={model.Rulings.Count} problem={model.Problem} {model.ProblemDetail}");
            foreach (var ruling in RulingCleaner.Clean(model.Rulings, LayoutTolerances.Default).Where(r => r.Orientation == Orientation.Horizontal))
                Console.WriteLine($"  hrule y={ruling.Position:F1} x={ruling.Start:F0}..{ruling.End:F0}");
            foreach (var line in layout.Lines)
                Console.WriteLine($"  line [{line.Box.Left:F0},{line.Box.Bottom:F0},{line.Box.Right:F0},{line.Box.Top:F0}] fs={line.FontSize:F1} {line.Text}");
            foreach (var grid in layout.Grids)
            {
                Console.WriteLine($"  grid {grid.Method.ToString().ToLowerInvariant()} {grid.RowCount}x{grid.ColumnCount} [{grid.Box.Left:F0},{grid.Box.Bottom:F0},{grid.Box.Right:F0},{grid.Box.Top:F0}]");
                for (var r = 0; r < grid.RowCount; r++)
                    Console.WriteLine("    | " + string.Join(" | ", grid.RowTexts(r)));
            }
            return 0;
        });
        return command;
    }
}
