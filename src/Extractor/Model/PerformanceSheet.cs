using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>A printed value of a sheet and where it stands: normalised text, page and cell box.</summary>
public sealed record SheetValue(string Text, Provenance At)
{
    public int Page => At.Page;
    public Box Box => At.Box;

    public static SheetValue Empty(int page) => new("", new Provenance(page, default));
}

/// <summary>A label/value pair of the header block; <see cref="Group"/> is the merged label above it (`项目资金(万元)`).</summary>
public sealed record SheetField(string Label, SheetValue Value, string? Group);

/// <summary>An amount of a sheet as <see cref="decimal"/> with its printed text and place.</summary>
public sealed record SheetAmount(decimal Value, string Text, Provenance At)
{
    public int Page => At.Page;
    public Box Box => At.Box;
}

/// <summary>
/// A target value split into its parts where it has them (`＞=90%` → `>=`, 90, `%`); <see cref="Text"/> is always the
/// printed text, and the parts are null where the value is words (`有效改善`).
/// </summary>
public sealed record TargetValue(string Text, string? Comparator, decimal? Number, string? Unit);

/// <summary>The department sheet's 年度预算 block: its column names and rows (source, sub-source, amount).</summary>
public sealed record SheetBudget(string Label, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<SheetValue>> Rows, IReadOnlyList<BudgetLine> Lines);

/// <summary>One funding line of the 年度预算 block: the source labels left of the amount, and the amount.</summary>
public sealed record BudgetLine(int Row, IReadOnlyList<string> Sources, SheetAmount? Amount);

/// <summary>One 三级指标 as a typed record, with the printed row it comes from (<see cref="Row"/> indexes the indicators).</summary>
public sealed record IndicatorRecord(
    int Row,
    int Page,
    string? Project,
    string Level1,
    string Level2,
    string Level3,
    TargetValue? Target,
    TargetValue? PeriodTarget,
    string? Basis,
    string? PreviousValue,
    decimal? Weight,
    string? ScoringRule,
    string? Evidence)
{
    /// <summary>Self-evaluation sheets: the value reached (实际完成值), as printed and split like the target.</summary>
    public TargetValue? Actual { get; init; }

    /// <summary>Self-evaluation sheets: the points scored (得分).</summary>
    public decimal? Score { get; init; }

    /// <summary>Self-evaluation sheets: 偏差原因分析及改进措施.</summary>
    public string? Deviation { get; init; }
}

/// <summary>One funding line of a self-evaluation sheet's 预算执行 block, typed by column role.</summary>
public sealed record ExecutionLine(
    int Row,
    string Label,
    SheetAmount? InitialBudget,
    SheetAmount? FullYearBudget,
    SheetAmount? Executed,
    decimal? Weight,
    string? ExecutionRate,
    decimal? Score);

/// <summary>The header block read by role, whatever the labels are called in a region's template.</summary>
public sealed record SheetSummary(
    string? BudgetUnit,
    string? ProjectName,
    string? ProjectLead,
    string? Contact,
    string? Phone,
    string? Goal,
    SheetAmount? TotalAmount,
    SheetAmount? FiscalAmount,
    SheetAmount? OtherAmount)
{
    /// <summary>Self-evaluation sheets: what was achieved against the 年度总体目标 (its 实际完成情况 text).</summary>
    public string? GoalOutcome { get; init; }
}

/// <summary>One project of a list-form sheet (one row per project, all its indicators packed in one cell).</summary>
public sealed record SheetProject(
    int Row,
    string Name,
    string? FundingUnit,
    IReadOnlyDictionary<string, SheetAmount> Amounts,
    SheetValue? Goal,
    int FirstIndicator,
    int IndicatorCount);

/// <summary>
/// A total row of a list-form sheet: 合计 (the whole sheet) or a funding unit's row (the projects under it), with the
/// amounts it prints (`广州市固体废物管理中心 | 163.39 | 163.39`). <see cref="FirstProject"/> is the row of the first
/// project after it.
/// </summary>
public sealed record SheetTotal(int Row, string Name, IReadOnlyDictionary<string, SheetAmount> Amounts, int FirstProject);

/// <summary>
/// A 绩效目标表 as data: the header block (fields), the indicator grid as printed (columns and rows, merged levels carried
/// down), and typed records beside them. <see cref="Layout"/> is "form" (one sheet per project, header block + grid) or
/// "list" (one row per project, indicators packed in a cell).
/// </summary>
public sealed record PerformanceSheet(
    string Kind,
    string Title,
    string? Subtitle,
    string Layout,
    IReadOnlyList<int> Pages,
    IReadOnlyList<SheetField> Fields,
    SheetBudget? Budget,
    IReadOnlyList<string> IndicatorColumns,
    IReadOnlyList<IReadOnlyList<SheetValue>> Indicators,
    IReadOnlyList<IndicatorRecord> Records,
    SheetSummary Summary,
    IReadOnlyList<SheetProject> Projects)
{
    /// <summary>Self-evaluation sheets (绩效自评表): the 预算执行 lines (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分).</summary>
    public IReadOnlyList<ExecutionLine> Execution { get; init; } = [];

    /// <summary>List-form sheets: the 合计 and funding-unit rows above the projects they total.</summary>
    public IReadOnlyList<SheetTotal> Totals { get; init; } = [];
}
