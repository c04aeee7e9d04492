using System.Globalization;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Output;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Extractor.Tests.Ocr;

/// <summary>
/// The seed read back from its 150 dpi scan by OCR, cell for cell against the same truth file as the text-layer
/// renderings: at least 98 % of body cells exact, and no wrong amount passed off as read (each is in a failing
/// check or marked low-confidence).
/// </summary>
public sealed class ScannedSeedTests(ITestOutputHelper output)
{
    private const string Truth = "urumqi-port-office-2025.truth.json";

    [Fact]
    public void At_least_99_percent_of_body_cells_are_exact()
    {
        var (correct, total) = (0, 0);
        foreach (var table in Compare())
        {
            output.WriteLine($"表{table.Number}: {table.Correct}/{table.Total}{(table.Found ? "" : " (not found)")}");
            correct += table.Correct;
            total += table.Total;
        }
        output.WriteLine($"all: {correct}/{total} = {100.0 * correct / total:0.0} %");
        Assert.True(correct >= 0.99 * total, $"{correct} of {total} body cells exact ({100.0 * correct / total:0.0} %), want ≥ 99 %");
    }

    [Fact]
    public void The_column_number_rows_close_the_headers_and_are_not_body()
    {
        // 表2 and 表7 print `※ ※ ※ 1 2 … 12` under their headers; tesseract reads ※ as K, 迪 or % and 11 as ll
        foreach (var number in new[] { 2, 7 })
        {
            var table = ScannedSeed.Document.Tables.Single(t => t.Number == number);
            Assert.Contains(table.Structure.Columns, c => c.Number == "1");
            Assert.DoesNotContain(table.Structure.Rows, r => r.Count(c => c.Text.Trim() is "1" or "2" or "3") >= 3);
        }
    }

    [Fact]
    public void Every_wrong_amount_is_in_a_failing_check_or_low_confidence()
    {
        var document = ScannedSeed.Document;
        var failing = (document.Reconciliation?.Checks ?? []).Where(c => c.Outcome == Outcome.Fail)
            .SelectMany(c => c.Cells).Where(c => c.Table is not null && c.Row is not null && c.Column is not null)
            .Select(c => (c.Table!.Value, c.Row!.Value, c.Column!.Value)).ToHashSet();
        var unflagged = new List<string>();
        foreach (var table in Compare())
            foreach (var (row, col, expected, actual) in table.Wrong)
            {
                if (!IsAmount(expected) && !IsAmount(actual.Text)) continue;
                var low = actual.Confidence is { } c && c < OcrOptions.DefaultLowConfidence;
                if (!low && !failing.Contains((table.Number, row, col)))
                    unflagged.Add($"表{table.Number} row {row} col {col}: read {actual.Text} (confidence {actual.Confidence:0}), printed {expected}");
            }
        Assert.True(unflagged.Count == 0, "wrong amounts neither in a failing check nor low-confidence:\n" + string.Join("\n", unflagged));
    }

    [Fact]
    public void Every_value_is_flagged_ocr_and_the_warning_names_the_pages()
    {
        var document = ScannedSeed.Document;
        var warning = Assert.Single(document.Warnings, w => w.Code == OcrWarning.Code);
        Assert.Contains($"pages 1–{document.Info.PageCount} read by OCR", warning.Message);
        var json = JObject.Parse(JsonDocumentWriter.Serialize(document));
        var cells = json["tables"]!.SelectMany(t => t["rows"]!.SelectMany(r => r).Zip(t["cells"]!.SelectMany(r => r))).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal("ocr", (string?)c.Second["source"]));
        // a cell with text has its glyphs' confidence; an empty one has none (its table carries needsReview)
        Assert.All(cells.Where(c => ((string?)c.First)?.Trim().Length > 0), c => Assert.NotNull((double?)c.Second["confidence"]));
        Assert.All(json["tables"]!, t => Assert.NotNull((bool?)t["needsReview"]));
        Assert.All(json["prose"]!, p => Assert.Equal("ocr", (string?)p["source"]));
    }

    private static bool IsAmount(string text) =>
        text.Length > 0 && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) && text.Any(char.IsAsciiDigit);

    private static IEnumerable<TableScore> Compare() => TruthComparison.Compare(ScannedSeed.Document, Truth);
}

/// <summary>Pairs truth rows with extracted rows in order so that the most cells agree (rows left unpaired count as wrong).</summary>
public static class RowAlignment
{
    public static List<(int Truth, int Actual)> Align(IReadOnlyList<List<string>> truth, IReadOnlyList<List<string>> actual)
    {
        int Same(int i, int j) => truth[i].Where((cell, c) => c < actual[j].Count && actual[j][c] == cell).Count();
        var best = new int[truth.Count + 1, actual.Count + 1];
        for (var i = truth.Count - 1; i >= 0; i--)
            for (var j = actual.Count - 1; j >= 0; j--)
                best[i, j] = Math.Max(Math.Max(best[i + 1, j], best[i, j + 1]), best[i + 1, j + 1] + Same(i, j));
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < truth.Count && j < actual.Count;)
        {
            if (best[i, j] == best[i + 1, j + 1] + Same(i, j) && Same(i, j) > 0) { pairs.Add((i, j)); i++; j++; }
            else if (best[i, j] == best[i + 1, j]) i++;
            else j++;
        }
        return pairs;
    }
}
