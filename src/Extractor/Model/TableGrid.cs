using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>One cell of a grid: its top-left grid position, spans, outline and the text that sits in it.</summary>
public sealed record GridCell(int Row, int Col, int RowSpan, int ColSpan, Box Box, string Text, string Raw, IReadOnlyList<Glyph> Glyphs)
{
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>How a grid was found; the lower-case name is the `method` of the JSON contract.</summary>
public enum GridMethod
{
    /// <summary>From ruling lines on all sides: every ruling position is a grid line (LatticeDetector).</summary>
    Lattice,
    /// <summary>From horizontal rules only, columns from text alignment (StreamTableBuilder).</summary>
    Stream,
}

/// <summary>
/// A table region on one page as a grid of rows (top to bottom) and columns (left to right). Every grid position is
/// covered by exactly one cell; merged cells cover several.
/// </summary>
public sealed class TableGrid
{
    private readonly int[] _cellAt;

    public TableGrid(Provenance at, IReadOnlyList<double> columnEdges, IReadOnlyList<double> rowEdges, IReadOnlyList<GridCell> cells, GridMethod method)
    {
        At = at;
        ColumnEdges = columnEdges;
        RowEdges = rowEdges;
        Cells = cells;
        Method = method;
        _cellAt = new int[RowCount * ColumnCount];
        Array.Fill(_cellAt, -1);
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            for (var r = c.Row; r < c.Row + c.RowSpan; r++)
                for (var k = c.Col; k < c.Col + c.ColSpan; k++)
                    _cellAt[r * ColumnCount + k] = i;
        }
    }

    /// <summary>The page of the table and the box of its region.</summary>
    public Provenance At { get; }
    public int Page => At.Page;
    public Box Box => At.Box;
    /// <summary>x of each column boundary, ascending (ColumnCount + 1 values).</summary>
    public IReadOnlyList<double> ColumnEdges { get; }
    /// <summary>y of each row boundary, descending: top of the table first (RowCount + 1 values).</summary>
    public IReadOnlyList<double> RowEdges { get; }
    public IReadOnlyList<GridCell> Cells { get; }
    /// <summary>How the grid was found (which table detector built it).</summary>
    public GridMethod Method { get; }

    /// <summary>
    /// A stream grid's horizontal rules, full-width and partial (also those the stream rows ignore): where a rule
    /// stops short, a merged cell stands, which later stages (forms drawn without vertical rules) read. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Ruling> HorizontalRules { get; init; } = [];

    public int ColumnCount => ColumnEdges.Count - 1;
    public int RowCount => RowEdges.Count - 1;

    public GridCell? CellAt(int row, int col)
    {
        var i = _cellAt[row * ColumnCount + col];
        return i < 0 ? null : Cells[i];
    }

    /// <summary>The cells whose top row is <paramref name="row"/>, left to right.</summary>
    public IEnumerable<GridCell> CellsStartingInRow(int row)
    {
        for (var c = 0; c < ColumnCount; c++)
        {
            var cell = CellAt(row, c);
            if (cell is not null && cell.Row == row && cell.Col == c) yield return cell;
        }
    }

    /// <summary>Text of the row as one string per column: a merged cell's text in its first column, "" elsewhere.</summary>
    public string[] RowTexts(int row)
    {
        var texts = new string[ColumnCount];
        for (var c = 0; c < ColumnCount; c++)
        {
            var cell = CellAt(row, c);
            texts[c] = cell is not null && cell.Row == row && cell.Col == c ? cell.Text : "";
        }
        return texts;
    }
}
