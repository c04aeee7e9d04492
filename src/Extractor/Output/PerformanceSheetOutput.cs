using Extractor.Model;
using Newtonsoft.Json;

namespace Extractor.Output;

// performanceSheets[]: each sheet as printed (fields, indicatorColumns, indicators) with provenance beside it
// (fieldCells, indicatorCells: page and box [left, bottom, right, top]) and typed data (summary, budget lines, records,
// projects). Amounts are JSON numbers from decimal with their printed text.

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
    SheetSummaryOut Summary,
    IReadOnlyList<IndicatorRecordOut> Records,
    IReadOnlyList<SheetProjectOut> Projects)
{
    /// <summary>Self-evaluation sheets: the typed 预算执行 lines; absent on target sheets.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public IReadOnlyList<ExecutionLineOut>? Execution { get; init; }

    /// <summary>List-form sheets: the 合计 and funding-unit rows with their amounts; absent when the sheet prints none.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public IReadOnlyList<SheetTotalOut>? Totals { get; init; }
}

public sealed record SheetTotalOut(int Row, string Name, IReadOnlyDictionary<string, SheetAmountOut> Amounts, int FirstProject);

public sealed record SheetCellOut(int Page, double[] Box);

public sealed record SheetAmountOut(decimal Value, string Text, int Page, double[] Box);

public sealed record TargetValueOut(string Text, string? Comparator, decimal? Number, string? Unit);

public sealed record SheetBudgetOut(
    string Label,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<IReadOnlyList<SheetCellOut>> Cells,
    IReadOnlyList<BudgetLineOut> Lines);

public sealed record BudgetLineOut(int Row, IReadOnlyList<string> Sources, SheetAmountOut? Amount);

public sealed record SheetSummaryOut(
    string? BudgetUnit,
    string? ProjectName,
    string? ProjectLead,
    string? Contact,
    string? Phone,
    string? Goal,
    SheetAmountOut? TotalAmount,
    SheetAmountOut? FiscalAmount,
    SheetAmountOut? OtherAmount);

public sealed record IndicatorRecordOut(
    int Row,
    int Page,
    [property: JsonProperty(NullValueHandling = NullValueHandling.Ignore)] string? Project,
    string Level1,
    string Level2,
    string Level3,
    TargetValueOut? Target,
    [property: JsonProperty(NullValueHandling = NullValueHandling.Ignore)] TargetValueOut? PeriodTarget,
    string? Basis,
    string? PreviousValue,
    decimal? Weight,
    string? ScoringRule,
    string? Evidence)
{
    // Self-evaluation sheets only (绩效自评表); absent on target sheets.
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public TargetValueOut? Actual { get; init; }
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public decimal? Score { get; init; }
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public string? Deviation { get; init; }
}

public sealed record ExecutionLineOut(int Row, string Label, SheetAmountOut? InitialBudget, SheetAmountOut? FullYearBudget, SheetAmountOut? Executed,
    decimal? Weight, string? ExecutionRate, decimal? Score);

public sealed record SheetProjectOut(
    int Row,
    string Name,
    string? FundingUnit,
    IReadOnlyDictionary<string, SheetAmountOut> Amounts,
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
            sheet.Indicators.Select(r => (IReadOnlyList<string>)r.Select(v => v.Text).ToList()).ToList(),
            sheet.Indicators.Select(r => (IReadOnlyList<SheetCellOut>)r.Select(Cell).ToList()).ToList(),
            Summary(sheet.Summary),
            sheet.Records.Select(Record).ToList(),
            sheet.Projects.Select(Project).ToList())
        {
            Execution = sheet.Execution.Count == 0 ? null
                : sheet.Execution.Select(l => new ExecutionLineOut(l.Row, l.Label, Amount(l.InitialBudget), Amount(l.FullYearBudget), Amount(l.Executed),
                    l.Weight, l.ExecutionRate, l.Score)).ToList(),
            Totals = sheet.Totals.Count == 0 ? null
                : sheet.Totals.Select(t => new SheetTotalOut(t.Row, t.Name, Amounts(t.Amounts), t.FirstProject)).ToList(),
        };
    }

    private static Dictionary<string, SheetAmountOut> Amounts(IReadOnlyDictionary<string, SheetAmount> amounts) =>
        amounts.ToDictionary(a => a.Key, a => Amount(a.Value)!);

    private static SheetCellOut Cell(SheetValue value) => new(value.Page, value.Box.ToArray());

    private static SheetAmountOut? Amount(SheetAmount? amount) =>
        amount is null ? null : new SheetAmountOut(amount.Value, amount.Text, amount.Page, amount.Box.ToArray());

    private static TargetValueOut? Target(TargetValue? t) => t is null ? null : new TargetValueOut(t.Text, t.Comparator, t.Number, t.Unit);

    private static SheetBudgetOut Budget(SheetBudget b) => new(b.Label, b.Columns,
        b.Rows.Select(r => (IReadOnlyList<string>)r.Select(v => v.Text).ToList()).ToList(),
        b.Rows.Select(r => (IReadOnlyList<SheetCellOut>)r.Select(Cell).ToList()).ToList(),
        b.Lines.Select(l => new BudgetLineOut(l.Row, l.Sources, Amount(l.Amount))).ToList());

    private static SheetSummaryOut Summary(SheetSummary s) => new(s.BudgetUnit, s.ProjectName, s.ProjectLead, s.Contact, s.Phone, s.Goal,
        Amount(s.TotalAmount), Amount(s.FiscalAmount), Amount(s.OtherAmount));

    private static IndicatorRecordOut Record(IndicatorRecord r) => new(r.Row, r.Page, r.Project, r.Level1, r.Level2, r.Level3,
        Target(r.Target), Target(r.PeriodTarget), r.Basis, r.PreviousValue, r.Weight, r.ScoringRule, r.Evidence)
    {
        Actual = Target(r.Actual),
        Score = r.Score,
        Deviation = r.Deviation,
    };

    private static SheetProjectOut Project(SheetProject p) => new(p.Row, p.Name, p.FundingUnit,
        Amounts(p.Amounts), p.Goal?.Text, p.Goal is { } g ? Cell(g) : null, p.FirstIndicator, p.IndicatorCount);
}
