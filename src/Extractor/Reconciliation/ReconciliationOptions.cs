using Extractor.Model;
namespace Extractor.Reconciliation;

/// <summary>
/// The tolerances of the reconciliation, with the defaults the rules were calibrated on. Published amounts are rounded
/// per cell, so an identity may miss by rounding without the publication being wrong; more than the tolerance is a fail.
/// </summary>
public sealed record ReconciliationOptions
{
    /// <summary>The defaults below.</summary>
    public static ReconciliationOptions Default { get; } = new();

    /// <summary>
    /// A sum may miss its printed total by this much per printed summand, in the unit the table is printed in
    /// (0.01: one cent of 元, or 0.01 万元, per rounded cell): |Σ parts − total| ≤ 0.01 × summands is `rounding`.
    /// </summary>
    public decimal RoundingPerSummand { get; init; } = 0.01m;

    /// <summary>A printed share may differ from its recomputation (rounded to 0.01 %) by this many percentage points.</summary>
    public decimal ShareTolerance { get; init; } = 0.01m;

    /// <summary>
    /// Performance sheets and project rows rarely spell a project alike: a name at least this similar (0–1, bigram
    /// overlap) is close enough to match the sheet by amount, or as this year's row plus its carry-over.
    /// </summary>
    public double SheetNameSimilarity { get; init; } = 0.3;

    /// <summary>A project name this similar (0–1) names the same project on its own, without an equal amount.</summary>
    public double ProjectNameSimilarity { get; init; } = 0.5;
}
