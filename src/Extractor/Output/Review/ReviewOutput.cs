using Newtonsoft.Json;

namespace Extractor.Output.Review;

/// <summary>
/// A correction as the batch output carries it: the value extracted now beside the reviewer's correct value (text and,
/// when both are amounts, decimals). Stale when the extraction no longer gives the text the reviewer saw.
/// </summary>
public sealed record CorrectionOut(
    int Table, int? Number, string Kind, int Row, int Column,
    string? Extracted, decimal? ExtractedValue, string Corrected, decimal? CorrectedValue, string? Note,
    string ReviewedExtracted, bool Stale);

/// <summary>The reviewer's decisions (NAME.review.json) applied to a batch output: its `review` section.</summary>
public sealed record ReviewOut(
    string File,
    int Version,
    bool Reviewed,
    bool SameDocument,
    string? Reviewer,
    DateTime? SavedUtc,
    IReadOnlyList<VerifiedTable> Verified,
    IReadOnlyList<CorrectionOut> Corrections)
{
    /// <summary>The decisions matched against this output's tables (by index, checked against number and kind).</summary>
    public static ReviewOut From(string fileName, ReviewDecisions decisions, OutputDocument output)
    {
        var corrections = decisions.Corrections.Select(c =>
        {
            var table = c.Table >= 0 && c.Table < output.Tables.Count ? output.Tables[c.Table] : null;
            var same = table is not null && table.Kind == c.Kind && table.Number == c.Number;
            var text = same && c.Row >= 0 && c.Row < table!.Rows.Count && c.Column >= 0 && c.Column < table.Rows[c.Row].Count ? table.Rows[c.Row][c.Column] : null;
            return new CorrectionOut(c.Table, c.Number, c.Kind, c.Row, c.Column, text, Amount(text), c.Corrected, Amount(c.Corrected), c.Note,
                c.Extracted, text != c.Extracted);
        }).ToList();
        var verified = decisions.Verified.Where(v => v.Index >= 0 && v.Index < output.Tables.Count
                                                     && output.Tables[v.Index].Kind == v.Kind && output.Tables[v.Index].Number == v.Number).ToList();
        return new ReviewOut(fileName, decisions.Version, true, decisions.Sha256 == output.Document.Sha256, decisions.Reviewer, decisions.SavedUtc,
            verified, corrections);
    }

    private static decimal? Amount(string? text) => Text.AmountParser.TryParse(text, out var value) ? value : null;
}
