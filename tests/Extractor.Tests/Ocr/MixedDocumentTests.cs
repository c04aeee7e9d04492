using Extractor.Model;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tests.Support;
using Xunit.Abstractions;

namespace Extractor.Tests.Ocr;

/// <summary>
/// A document whose middle page is a scan between two text-layer pages (`fixtures/ocr/…mixed.pdf`: 表1 text, 表2
/// scanned, 表3 text): `auto` OCRs that page only, the text pages are read from their text layer as usual, and all
/// three tables are compared with the seed's truth cell for cell.
/// </summary>
public sealed class MixedDocumentTests(ITestOutputHelper output)
{
    private const string Pdf = "ocr/urumqi-port-office-2025.mixed.pdf";
    private const string Truth = "urumqi-port-office-2025.truth.json";

    private static readonly Lazy<BudgetDocument> Auto = new(() => DocumentExtractor.Extract(Repo.Fixture(Pdf), ExtractorOptions.Default with { Ocr = OcrOptions.Auto }));

    [Fact]
    public void Auto_reads_only_the_scanned_page_by_ocr()
    {
        var document = Auto.Value;
        Assert.Equal([2], document.Info.OcrPages);
        var warning = Assert.Single(document.Warnings, w => w.Code == OcrWarning.Code);
        Assert.Contains("page 2 read by OCR", warning.Message);
        foreach (var table in document.Tables.Where(t => t.Number is 1 or 3))
            Assert.All(table.Structure.Rows.SelectMany(r => r), c => Assert.Null(c.Confidence));
        var scanned = Assert.Single(document.Tables, t => t.Number == 2);
        Assert.Equal([2], scanned.Structure.Pages);
        Assert.Contains(scanned.Structure.Rows.SelectMany(r => r), c => c.Confidence is not null);
    }

    [Fact]
    public void The_text_pages_are_exact_and_the_scanned_table_nearly()
    {
        var scores = TruthComparison.Compare(Auto.Value, Truth, new HashSet<int> { 1, 2, 3 }).ToList();
        foreach (var s in scores)
        {
            output.WriteLine($"表{s.Number}: {s.Correct}/{s.Total}{(s.Found ? "" : " (not found)")}");
            foreach (var (row, col, expected, actual) in s.Wrong) output.WriteLine($"  row {row} col {col}: read {actual.Text}, printed {expected}");
        }
        Assert.All(scores.Where(s => s.Number != 2), s => Assert.Equal(s.Total, s.Correct));
        var ocr = Assert.Single(scores, s => s.Number == 2);
        Assert.True(ocr.Correct >= 0.98 * ocr.Total, $"表2 (scanned, 16 gray levels): {ocr.Correct} of {ocr.Total} cells exact, want ≥ 98 %");
    }

    [Fact]
    public void Never_keeps_the_text_pages_and_leaves_the_scan_unread()
    {
        var document = DocumentExtractor.Extract(Repo.Fixture(Pdf), ExtractorOptions.Default);
        Assert.Empty(document.Info.OcrPages);
        Assert.DoesNotContain(document.Tables, t => t.Number == 2);
        var scores = TruthComparison.Compare(document, Truth, new HashSet<int> { 1, 3 }).ToList();
        Assert.Equal(2, scores.Count);
        Assert.All(scores, s => Assert.Equal(s.Total, s.Correct));
    }
}
