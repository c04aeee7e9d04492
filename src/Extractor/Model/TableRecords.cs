using Extractor.Geometry;
using Newtonsoft.Json;

namespace Extractor.Model;

/// <summary>
/// An amount as published: exact value in the table's unit, the same in 元, the printed text, and where it stands
/// (page, box, body row, column).
/// </summary>
public sealed record Amount(decimal Value, decimal ValueYuan, string Text, int Page, Box Box, int Row, int Column)
{
    [JsonProperty("box")] public double[] BoxArray => Box.ToArray();
    [JsonIgnore] public Box Box { get; init; } = Box;

    /// <summary>The column's canonical id (column catalogue), null when its header is not known.</summary>
    public string? ColumnId { get; init; }
}

/// <summary>Base of every typed row. <see cref="Row"/> indexes the table's body rows.</summary>
public abstract record TableRecord(string Type, int Row);

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
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord(Classification == "economic" ? "economic" : Project is null ? "functional" : "project", Row);

/// <summary>One line of either half of a summary table (表1 收入 | 支出, 表4 财政拨款收入 | 支出).</summary>
public sealed record SummaryRecord(
    int Row,
    string Side,
    string Label,
    string? Code,
    string Name,
    bool IsTotal,
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord("summary", Row);

/// <summary>A labelled row (表10 三公 items, 表11 carry-over items).</summary>
public sealed record ItemRecord(
    int Row,
    string Label,
    bool IsTotal,
    IReadOnlyDictionary<string, Amount> Amounts) : TableRecord("item", Row);
