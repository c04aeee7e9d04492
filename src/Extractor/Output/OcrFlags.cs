using Extractor.Model;
using Extractor.Ocr;
using Extractor.Text;

namespace Extractor.Output;

/// <summary>
/// What the JSON says about values read by OCR: `source: "ocr"`, the confidence and `lowConfidence` per cell, and
/// `needsReview` on a table whose checks fail or which has a low-confidence amount that no passing check confirms.
/// Text-layer values get none of these fields, so their JSON is unchanged.
/// </summary>
public static class OcrFlags
{
    public const string Source = "ocr";

    /// <summary>The checks' verdicts by cell: which tables have a cell in a failing check, which cells a passing check covers.</summary>
    public sealed record Verdicts(IReadOnlySet<int> FailingTables, IReadOnlySet<(int Table, int Row, int Column)> Confirmed, double LowConfidence);

    /// <summary>A cell on a page read by OCR: source `ocr`, and the confidence of its glyphs (none when it is empty).</summary>
    public static CellOut Mark(CellOut cell, Cell from, IReadOnlyCollection<int> ocrPages, double lowConfidence) => !ocrPages.Contains(from.Page) ? cell : cell with
    {
        Source = Source,
        Confidence = from.Confidence is { } c ? Math.Round(c, 1) : null,
        LowConfidence = from.Confidence is { } low ? low < lowConfidence : null,
    };

    /// <summary>
    /// A table on a page read by OCR: needsReview when a check over it fails, or an amount is low-confidence and no
    /// passing check covers it. A low-confidence label (tesseract scores correct Chinese words as low as 0) is
    /// flagged on its cell, but its table passes when every amount is confirmed by the checks.
    /// </summary>
    public static TableOut Mark(TableOut table, ExtractedTable from, Verdicts verdicts, IReadOnlyCollection<int> ocrPages)
    {
        if (!from.Structure.Pages.Any(ocrPages.Contains)) return table;
        var number = from.Number;
        var review = (number is { } n && verdicts.FailingTables.Contains(n))
                     || from.Structure.Rows.Select((row, r) => row.Select((cell, c) => (cell, r, c))).SelectMany(x => x)
                         .Any(x => x.cell.Confidence < verdicts.LowConfidence && IsFigure(x.cell.Text)
                                   && !(number is { } t && verdicts.Confirmed.Contains((t, x.r, x.c))));
        return table with { NeedsReview = review };
    }

    /// <summary>An amount, or what should have been one (digits and no Chinese: `4,.167.41`).</summary>
    private static bool IsFigure(string text) => AmountParser.TryParse(text, out _) || text.Any(char.IsAsciiDigit) && !text.Any(c => c >= '\u2E80');

    public static Verdicts Judge(ReconciliationReport? report, double? lowConfidence)
    {
        var checks = report?.Checks ?? [];
        var failing = checks.Where(c => c.Outcome == Outcome.Fail).SelectMany(c => c.Cells).Select(c => c.Table).OfType<int>().ToHashSet();
        var confirmed = checks.Where(c => c.Outcome is Outcome.Pass or Outcome.Rounding).SelectMany(c => c.Cells)
            .Where(c => c.Table is not null && c.Row is not null && c.Column is not null)
            .Select(c => (c.Table!.Value, c.Row!.Value, c.Column!.Value)).ToHashSet();
        return new Verdicts(failing, confirmed, lowConfidence ?? OcrOptions.DefaultLowConfidence);
    }
}
