using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>
/// An amount as published: exact value in the table's unit, the same in 元, the printed text, and where it stands
/// (page, box, body row, column). <see cref="ValueYuan"/> is null where the number is not money in a known unit: the
/// table prints no unit, or the column holds counts or scores (数量, 自评分数).
/// </summary>
public sealed record Amount(decimal Value, decimal? ValueYuan, string Text, Provenance At, int Row, int Column)
{
    public int Page => At.Page;
    public Box Box => At.Box;

    /// <summary>The column's canonical id (column catalogue), null when its header is not known.</summary>
    public string? ColumnId { get; init; }
}

/// <summary>Which of the three record classes a row is, for callers that branch on it without a type test.</summary>
public enum RecordShape
{
    /// <summary>A coded row (functional, economic or project): <see cref="ClassifiedRecord"/>.</summary>
    Classified,
    /// <summary>One line of a summary table's half: <see cref="SummaryRecord"/>.</summary>
    Summary,
    /// <summary>A labelled row without a code: <see cref="ItemRecord"/>.</summary>
    Item,
}

/// <summary>
/// Base of every typed row. <see cref="Row"/> indexes the table's body rows. The common members below let the checks,
/// writers and tests read any record without a type switch; the derived ones are not part of the JSON
/// (Output/OutputContract.cs), so the output contract (and its schema) stays as it was.
/// </summary>
public abstract record TableRecord(string Type, int Row)
{
    /// <summary>The row's amounts keyed by column path.</summary>
    public abstract IReadOnlyDictionary<string, Amount> Amounts { get; init; }

    /// <summary>The row's classification code (`2010301`), null when the row has none.</summary>
    public abstract string? Code { get; init; }

    /// <summary>What the row is called: a project's name, an item's label, a summary line's name (or label if uncoded).</summary>
    public abstract string RowLabel { get; }

    /// <summary>Whether this row totals the whole table (level 0, 总计, the items' 合计).</summary>
    public abstract bool IsTableTotal { get; }

    public abstract RecordShape Shape { get; }

    /// <summary>The same row with other amounts (column ids tagged, a mutation test's changed value).</summary>
    public abstract TableRecord WithAmounts(IReadOnlyDictionary<string, Amount> amounts);
}

/// <summary>
/// A row classified by a code: functional (201 / 201 03 / 201 03 01) or economic (301 / 301 01). Level 0 is the
/// total row, 1 类, 2 款, 3 项; −1 a row without a code (a unit's subtotal in 表7).
/// </summary>
public sealed record ClassifiedRecord(
    int Row,
    string Classification,
    string? Code,
    string? ClassCode,
    string? ItemCode,
    string? SubitemCode,
    int Level,
    string Name,
    string? Project,
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord(Classification == "economic" ? "economic" : Project is null ? "functional" : "project", Row)
{
    public override string RowLabel => Project ?? Name;
    public override bool IsTableTotal => Level == 0;
    public override RecordShape Shape => RecordShape.Classified;
    public override TableRecord WithAmounts(IReadOnlyDictionary<string, Amount> amounts) => this with { Amounts = amounts };
}

/// <summary>One line of either half of a summary table (表1 收入 | 支出, 表4 财政拨款收入 | 支出).</summary>
public sealed record SummaryRecord(
    int Row,
    string Side,
    string Label,
    string? Code,
    string Name,
    bool IsTotal,
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord("summary", Row)
{
    public override string RowLabel => Code is null ? Label : Name;

    /// <summary>Only the grand total (收入总计 / 支出总计) totals the table; 本年收入合计 is a subtotal.</summary>
    public override bool IsTableTotal => IsTotal && string.Concat(Label.Where(c => !char.IsWhiteSpace(c))).EndsWith("总计", StringComparison.Ordinal);

    public override RecordShape Shape => RecordShape.Summary;
    public override TableRecord WithAmounts(IReadOnlyDictionary<string, Amount> amounts) => this with { Amounts = amounts };
}

/// <summary>A labelled row (表10 三公 items, 表11 carry-over items).</summary>
public sealed record ItemRecord(
    int Row,
    string Label,
    bool IsTotal,
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord("item", Row)
{
    public override string? Code { get => null; init { } }

    /// <summary>The budget unit the item is listed under, when the table prints units in a column of their own before the items.</summary>
    public string? Unit { get; init; }

    public override string RowLabel => Label;
    public override bool IsTableTotal => IsTotal;
    public override RecordShape Shape => RecordShape.Item;
    public override TableRecord WithAmounts(IReadOnlyDictionary<string, Amount> amounts) => this with { Amounts = amounts };
}
