using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>The printed heading of a table: `表 N` label and name, where and on which page it stands.</summary>
public sealed record TableTitle(int? Number, string Label, string Title, Provenance At)
{
    public int Page => At.Page;
    public Box Box => At.Box;
}

/// <summary>A leaf column: its header path from the top header row down, and its printed column number (※, 1, 2 …).</summary>
public sealed record Column(int Index, IReadOnlyList<string> Path, string? Number)
{
    public string Name => Path.Count > 0 ? Path[^1] : "";
    public string Key => string.Join("/", Path);

    /// <summary>
    /// The key of a column's amounts in a record (<see cref="TableRecord.Amounts"/>): its header path, suffixed `#2`,
    /// `#3` … when earlier columns share that path (`本年支出/基本支出`, `本年支出/基本支出#2`).
    /// </summary>
    public static string AmountKey(IReadOnlyList<Column> columns, int column)
    {
        var key = columns[column].Key;
        var earlier = 0;
        for (var i = 0; i < column; i++) if (columns[i].Key == key) earlier++;
        return earlier == 0 ? key : $"{key}#{earlier + 1}";
    }
}

/// <summary>One header cell as printed, with its spans.</summary>
public sealed record HeaderCell(string Text, int Column, int ColSpan, int RowSpan);

/// <summary>A body cell: printed (normalised) text, raw text-layer text, and where it is.</summary>
public sealed record Cell(string Text, string Raw, Provenance At)
{
    public int Page => At.Page;
    public Box Box => At.Box;

    /// <summary>When the cell was read by OCR: the lowest confidence (0–100) of its glyphs; null for text-layer cells.</summary>
    public double? Confidence { get; init; }
}

/// <summary>A merged body cell: its text sits in <see cref="Col"/>, the next <see cref="ColSpan"/>−1 columns are "".</summary>
public sealed record Span(int Row, int Col, int ColSpan);

/// <summary>A table with its title, header tree and body, possibly continued over several pages.</summary>
public sealed record StructuredTable(
    TableTitle Title,
    string? Department,
    string? Unit,
    IReadOnlyList<int> Pages,
    IReadOnlyList<Column> Columns,
    IReadOnlyList<IReadOnlyList<HeaderCell>> HeaderRows,
    IReadOnlyList<IReadOnlyList<Cell>> Rows,
    IReadOnlyList<Span> Spans,
    string? Note,
    IReadOnlyList<TableGrid> Grids);

/// <summary>What the structure stage hands on: tables, the grids that belong to no titled table, and free text.</summary>
public sealed record DocumentStructure(
    IReadOnlyList<StructuredTable> Tables,
    IReadOnlyList<TableGrid> UntitledGrids,
    IReadOnlyList<TextLine> TextLines,
    IReadOnlyList<Diagnostic> Warnings);
