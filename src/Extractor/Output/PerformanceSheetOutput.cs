using Extractor.Geometry;
using Extractor.Model;
using Newtonsoft.Json;

namespace Extractor.Output;

// performanceSheets[]: each sheet as printed (fields, indicatorColumns, indicators) with provenance beside it
// (fieldCells, indicatorCells: page and box [left, bottom, right, top]) and typed data (summary, budget lines, records,
// projects). Amounts are JSON numbers from decimal with their printed text.

// The records that already have the contract's shape (SheetAmount, TargetValue, BudgetLine, SheetSummary,
// IndicatorRecord, ExecutionLine) are written as they are (OutputContract.cs); the types below exist only where the
// JSON splits a printed value into its text grid and its provenance grid (fields / fieldCells, indicators /
// indicatorCells, a project's goal / goalCell).

public sealed record PerformanceSheetOut(
    string Kind,
    string Title,
    string? Subtitle,
    string Layout,
    IReadOnlyList<int> Pages,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, SheetCellOut> FieldCells,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FieldGroups,
    SheetBudgetOut? Budget,
    IReadOnlyList<string> IndicatorColumns,
    IReadOnlyList<IReadOnlyList<string>> Indicators,
    IReadOnlyList<IReadOnlyList<SheetCellOut>> IndicatorCells,
    SheetSummary Summary,
    IReadOnlyList<IndicatorRecord> Records,
    IReadOnlyList<SheetProjectOut> Projects)
{
    /// <summary>Self-evaluation sheets: the typed 预算执行 lines; absent on target sheets.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public IReadOnlyList<ExecutionLine>? Execution { get; init; }
}

/// <summary>Where a printed value stands: page and box.</summary>
public sealed record SheetCellOut(int Page, Box Box);

public sealed record SheetBudgetOut(
    string Label,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<IReadOnlyList<SheetCellOut>> Cells,
    IReadOnlyList<BudgetLine> Lines);

public sealed record SheetProjectOut(
    int Row,
    string Name,
    string? FundingUnit,
    IReadOnlyDictionary<string, SheetAmount> Amounts,
    string? Goal,
    SheetCellOut? GoalCell,
    int FirstIndicator,
    int IndicatorCount);

/// <summary>Maps a <see cref="PerformanceSheet"/> onto its JSON shape.</summary>
public static class PerformanceSheetOutput
{
    public static PerformanceSheetOut ToOutput(PerformanceSheet sheet)
    {
        var fields = new Dictionary<string, string>();
        var fieldCells = new Dictionary<string, SheetCellOut>();
        var groups = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var field in sheet.Fields)
        {
            // A label printed twice keeps its first value: the JSON object cannot hold both.
            if (!fields.TryAdd(field.Label, field.Value.Text)) continue;
            fieldCells[field.Label] = Cell(field.Value);
            if (field.Group is { } group)
            {
                if (!groups.TryGetValue(group, out var members)) groups[group] = members = new List<string>();
                ((List<string>)members).Add(field.Label);
            }
        }
        return new PerformanceSheetOut(sheet.Kind, sheet.Title, sheet.Subtitle, sheet.Layout, sheet.Pages, fields, fieldCells, groups,
            sheet.Budget is { } b ? Budget(b) : null,
            sheet.IndicatorColumns,
            Texts(sheet.Indicators),
            Cells(sheet.Indicators),
            sheet.Summary,
            sheet.Records,
            sheet.Projects.Select(Project).ToList())
        {
            Execution = sheet.Execution.Count == 0 ? null : sheet.Execution,
        };
    }

    private static SheetCellOut Cell(SheetValue value) => new(value.Page, value.Box);

    private static IReadOnlyList<IReadOnlyList<string>> Texts(IReadOnlyList<IReadOnlyList<SheetValue>> rows) =>
        rows.Select(r => (IReadOnlyList<string>)r.Select(v => v.Text).ToList()).ToList();

    private static IReadOnlyList<IReadOnlyList<SheetCellOut>> Cells(IReadOnlyList<IReadOnlyList<SheetValue>> rows) =>
        rows.Select(r => (IReadOnlyList<SheetCellOut>)r.Select(Cell).ToList()).ToList();

    private static SheetBudgetOut Budget(SheetBudget b) => new(b.Label, b.Columns, Texts(b.Rows), Cells(b.Rows), b.Lines);

    private static SheetProjectOut Project(SheetProject p) => new(p.Row, p.Name, p.FundingUnit, p.Amounts, p.Goal?.Text,
        p.Goal is { } g ? Cell(g) : null, p.FirstIndicator, p.IndicatorCount);
}
