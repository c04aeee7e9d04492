using Extractor.Model;
using Extractor.Ocr;

namespace Extractor.Output;

/// <summary>
/// What the JSON says about values read by OCR: `source: "ocr"`, the confidence and `lowConfidence` per cell, and
/// `needsReview` on a table whose checks fail or which has a low-confidence cell. Text-layer values get none of these
/// fields, so their JSON is unchanged.
/// </summary>
public static class OcrFlags
{
    public const string Source = "ocr";

    /// <summary>A cell on a page read by OCR: source `ocr`, and the confidence of its glyphs (none when it is empty).</summary>
    public static CellOut Mark(CellOut cell, Cell from, IReadOnlyCollection<int> ocrPages) => !ocrPages.Contains(from.Page) ? cell : cell with
    {
        Source = Source,
        Confidence = from.Confidence is { } c ? Math.Round(c, 1) : null,
        LowConfidence = from.Confidence is { } low ? low < OcrOptions.DefaultLowConfidence : null,
    };

    /// <summary>A table on a page read by OCR: needsReview when a check over it fails or a cell is low-confidence.</summary>
    public static TableOut Mark(TableOut table, ExtractedTable from, IReadOnlySet<int> failing, IReadOnlyCollection<int> ocrPages)
    {
        if (!from.Structure.Pages.Any(ocrPages.Contains)) return table;
        var review = (from.Number is { } n && failing.Contains(n))
                     || from.Structure.Rows.SelectMany(r => r).Any(c => c.Confidence < OcrOptions.DefaultLowConfidence);
        return table with { NeedsReview = review };
    }

    /// <summary>The numbers of the tables that have a cell in a failing check.</summary>
    public static IReadOnlySet<int> TablesWithFailingChecks(ReconciliationReport? report) =>
        report is null ? new HashSet<int>()
            : report.Checks.Where(c => c.Outcome == Outcome.Fail).SelectMany(c => c.Cells).Select(c => c.Table).OfType<int>().ToHashSet();

}
