using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Structure;

/// <summary>
/// Splits a grid into header rows and body rows and builds the column tree: each leaf column's path is the text of
/// the header cells above it, top to bottom. The `※ 1 2 3` (or 栏次) row closes the header and gives column numbers.
/// </summary>
public static partial class HeaderAnalyzer
{
    public sealed record HeaderInfo(int HeaderRowCount, int? ColumnNumberRow, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<HeaderCell>> HeaderRows);

    [GeneratedRegex(@"^\d{3}(\s|$)|^\d{5}$|^\d{7}$|^\d{2}$")]
    private static partial Regex CodeLike();

    /// <param name="grid">The grid.</param>
    /// <param name="firstRow">Rows above this one are not header (a title and unit line printed inside the grid).</param>
    /// <param name="headerRowCount">When the header's end is known from elsewhere (the right part of a table printed
    /// over two pages ends its header where the left part's body starts): the rows above it are header.</param>
    public static HeaderInfo Analyze(TableGrid grid, int firstRow = 0, int? headerRowCount = null)
    {
        var headerCount = headerRowCount ?? grid.RowCount;
        int? numberRow = null;
        for (var r = firstRow; r < headerCount; r++)
        {
            var texts = grid.RowTexts(r);
            if (ColumnNumberRow.IsRow(texts, unreadable: IsOcrRow(grid, r))) { numberRow = r; headerCount = r + 1; break; }
            if (headerRowCount is null && IsDataRow(texts)) { headerCount = r; break; }
        }
        var columns = BuildColumns(grid, firstRow, headerCount, numberRow);
        return new HeaderInfo(headerCount, numberRow, WithLevelNames(grid, headerCount, columns), BuildHeaderRows(grid, firstRow, headerCount, numberRow));
    }

    /// <summary>A row read by OCR (its glyphs carry tesseract's confidence): a column number may be unreadable.</summary>
    private static bool IsOcrRow(TableGrid grid, int row) =>
        Enumerable.Range(0, grid.ColumnCount).Any(c => grid.CellAt(row, c)?.Glyphs.Any(g => g.Confidence is not null) == true);

    private static readonly HashSet<string> LevelNames = ["类", "款", "项"];

    /// <summary>
    /// Shanghai's 决算 tables print the code levels `类 款 项` in the row of the `合计` total, under `科目编码`: they name
    /// the code columns (the row stays body, it holds the totals).
    /// </summary>
    private static List<Column> WithLevelNames(TableGrid grid, int headerCount, List<Column> columns)
    {
        if (headerCount >= grid.RowCount) return columns;
        var levels = new Dictionary<int, string>();
        for (var c = 0; c < grid.ColumnCount; c++)
            if (grid.CellAt(headerCount, c) is { ColSpan: 1 } cell && cell.Col == c && LevelNames.Contains(TextNormalizer.Compact(cell.Text)))
                levels[c] = TextNormalizer.Compact(cell.Text);
        if (levels.Count < 2 || levels.Values.Distinct().Count() != levels.Count) return columns;
        return columns.Select(col => levels.TryGetValue(col.Index, out var level) && (col.Path.Count == 0 || col.Path[^1] != level)
            ? col with { Path = [.. col.Path, level] } : col).ToList();
    }

    /// <summary>A row that holds an amount or a classification code is body, never header.</summary>
    public static bool IsDataRow(IReadOnlyList<string> texts)
    {
        foreach (var t in texts)
        {
            if (t.Length == 0) continue;
            if (AmountParser.TryParse(t, out _)) return true;
        }
        return false;
    }

    private static List<Column> BuildColumns(TableGrid grid, int firstRow, int headerCount, int? numberRow)
    {
        var columns = new List<Column>(grid.ColumnCount);
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var path = new List<string>();
            GridCell? previous = null;
            for (var r = firstRow; r < headerCount; r++)
            {
                if (r == numberRow) continue;
                var cell = grid.CellAt(r, c);
                if (cell is null || ReferenceEquals(cell, previous) || cell.IsEmpty) { previous = cell; continue; }
                path.Add(cell.Text);
                previous = cell;
            }
            var number = numberRow is { } nr ? grid.CellAt(nr, c) is { Col: var col } cellN && col == c ? TextNormalizer.Compact(cellN.Text) : null : null;
            columns.Add(new Column(c, path, string.IsNullOrEmpty(number) ? null : number));
        }
        return columns;
    }

    private static List<IReadOnlyList<HeaderCell>> BuildHeaderRows(TableGrid grid, int firstRow, int headerCount, int? numberRow)
    {
        var rows = new List<IReadOnlyList<HeaderCell>>();
        for (var r = firstRow; r < headerCount; r++)
        {
            if (r == numberRow) continue;
            rows.Add(grid.CellsStartingInRow(r)
                .Where(c => !c.IsEmpty)
                .Select(c => new HeaderCell(c.Text, c.Col, c.ColSpan, Math.Min(c.RowSpan, headerCount - r)))
                .ToList());
        }
        return rows;
    }

    /// <summary>True when the text looks like a classification code cell (201, 03, 2010301, `201 一般…`).</summary>
    public static bool LooksLikeCode(string text) => CodeLike().IsMatch(text);
}
