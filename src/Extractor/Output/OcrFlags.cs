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

    public static CellOut Mark(CellOut cell, Cell from) => from.Confidence is not { } confidence ? cell : cell with
    {
        Source = Source,
        Confidence = Math.Round(confidence, 1),
        LowConfidence = confidence < OcrOptions.DefaultLowConfidence,
    };

    public static TableOut Mark(TableOut table, ExtractedTable from, IReadOnlySet<int> failing)
    {
        var cells = from.Structure.Rows.SelectMany(r => r).Where(c => c.Confidence is not null).ToList();
        if (cells.Count == 0) return table;
        var review = (from.Number is { } n && failing.Contains(n)) || cells.Any(c => c.Confidence < OcrOptions.DefaultLowConfidence);
        return table with { NeedsReview = review };
    }

    /// <summary>The numbers of the tables that have a cell in a failing check.</summary>
    public static IReadOnlySet<int> TablesWithFailingChecks(ReconciliationReport? report) =>
        report is null ? new HashSet<int>()
            : report.Checks.Where(c => c.Outcome == Outcome.Fail).SelectMany(c => c.Cells).Select(c => c.Table).OfType<int>().ToHashSet();

    public static string? SourceOf(IReadOnlyList<Glyph> glyphs) => glyphs.Any(g => g.Confidence is not null) ? Source : null;
}
