using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>How one identity came out.</summary>
public enum Outcome { Pass, Rounding, Fail, Skipped }

/// <summary>
/// One amount taking part in a check, pinned to where it is printed: a table cell (table number, kind, body row and
/// column, labels) or a figure in the prose (page and box of its line). <see cref="Text"/> is the amount as printed,
/// "" for an empty cell (which counts as zero).
/// </summary>
public sealed record CheckCell(
    string Source,
    int? Table,
    string? Kind,
    int? Row,
    int? Column,
    string? RowLabel,
    string? ColumnName,
    string Text,
    decimal Value,
    Provenance? At,
    string Role)
{
    public int? Page => At?.Page;
    public Box? Box => At?.Box;
}

/// <summary>
/// The result of one identity: expected (the printed total or the figure stated elsewhere) against actual (what the
/// parts add up to, or the other copy of the figure), the difference, the tolerance, and every cell involved.
/// </summary>
public sealed record Check(
    string RuleId,
    string Statement,
    Outcome Outcome,
    string? Expected,
    string? Actual,
    string? Difference,
    string? Tolerance,
    string? Unit,
    string? Reason,
    IReadOnlyList<CheckCell> Cells);

/// <summary>Counts per outcome.</summary>
public sealed record ReconciliationSummary(int Checks, int Pass, int Rounding, int Fail, int Skipped)
{
    public static ReconciliationSummary Of(IReadOnlyCollection<Check> checks) => new(
        checks.Count,
        checks.Count(c => c.Outcome == Outcome.Pass),
        checks.Count(c => c.Outcome == Outcome.Rounding),
        checks.Count(c => c.Outcome == Outcome.Fail),
        checks.Count(c => c.Outcome == Outcome.Skipped));

    public override string ToString() =>
        $"{Checks} checks: {Pass} pass, {Rounding} rounding, {Fail} fail, {Skipped} skipped";
}

/// <summary>What the reconciliation stage hands on: the summary, every check, and the figures read from the prose.</summary>
public sealed record ReconciliationReport(
    ReconciliationSummary Summary,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<ProseFigure> ProseFigures);
