using Extractor.Model;
using Extractor.Text;

namespace Extractor.Structure;

/// <summary>
/// A table too wide for its page printed "down, then over" (spreadsheet page order): the columns that did not fit
/// stand on the next page under the same title, on the same rows. bj-038 预算02表 收入总表: p.3 `合计 | 本年收入 (小计 …
/// 附属单位上缴收入)`, p.4 `其他收入 | 上年结转结余 (小计 … 单位资金)`, one body row at the same height on both pages.
/// A right part is recognised by its rows: every body row of the left part has a row of the same height at the same
/// place on the right part's page (the whole grid may be shifted), and the right part has no other body rows.
/// </summary>
internal static class RightContinuation
{
    /// <summary>
    /// For each body row of <paramref name="left"/> from <paramref name="bodyStart"/>: the row of <paramref name="right"/>
    /// printed on the same place (rows matched by their edges, the grids aligned at their bottom rule); null when the
    /// rows do not line up (another table).
    /// </summary>
    public static int[]? PartnerRows(TableGrid left, int bodyStart, TableGrid right, double reach)
    {
        if (bodyStart >= left.RowCount) return null;
        var shift = right.RowEdges[^1] - left.RowEdges[^1];
        var partners = new int[left.RowCount - bodyStart];
        for (var r = bodyStart; r < left.RowCount; r++)
        {
            var top = left.RowEdges[r] + shift;
            var bottom = left.RowEdges[r + 1] + shift;
            var k = -1;
            for (var i = 0; i < right.RowCount && k < 0; i++)
                if (Math.Abs(right.RowEdges[i] - top) <= reach && Math.Abs(right.RowEdges[i + 1] - bottom) <= reach) k = i;
            if (k < 0) return null;
            partners[r - bodyStart] = k;
        }
        // The right part's rows from the first partner down are all partners: no body row of its own.
        for (var i = partners[0]; i < right.RowCount; i++)
            if (Array.IndexOf(partners, i) < 0) return null;
        return partners;
    }

    /// <summary>
    /// Leading right-part columns that print the left part's label columns again (print titles repeated on every
    /// page): each body text equal to the left column's at the same position.
    /// </summary>
    public static int RepeatedLabelColumns(TableGrid left, int bodyStart, TableGrid right, int[] partners)
    {
        var repeated = 0;
        while (repeated < right.ColumnCount - 1 && repeated < left.ColumnCount)
        {
            var any = false;
            for (var r = 0; r < partners.Length; r++)
            {
                var l = TextNormalizer.Compact(left.RowTexts(bodyStart + r)[repeated]);
                var t = TextNormalizer.Compact(right.RowTexts(partners[r])[repeated]);
                if (l != t || AmountParser.TryParse(l, out _)) return repeated;
                any |= l.Length > 0;
            }
            if (!any) return repeated;
            repeated++;
        }
        return repeated;
    }

    /// <summary>
    /// The header of the whole table: the left part's columns, then the right part's (from <paramref name="skip"/>) with
    /// their indices moved on. A group header of the left part that reaches its last column (`本年收入` over `小计 …
    /// 附属单位上缴收入`) continues over the right part's leading columns that have no header of their own at that level
    /// (`其他收入`, whose cell above is empty on p.4): their paths start with it and its header cell spans them.
    /// </summary>
    public static HeaderAnalyzer.HeaderInfo JoinHeaders(HeaderAnalyzer.HeaderInfo left, TableGrid leftGrid, int leftFirstRow,
        HeaderAnalyzer.HeaderInfo right, TableGrid rightGrid, int skip, double reach)
    {
        var offset = left.Columns.Count - skip;
        var inherited = new List<string>[rightGrid.ColumnCount];
        for (var c = 0; c < inherited.Length; c++) inherited[c] = [];
        var widened = new Dictionary<(int Row, int Column), int>(); // left header cell → right columns it now spans
        var lastColumn = leftGrid.ColumnCount - 1;
        for (var r = leftFirstRow; r < left.HeaderRowCount; r++)
        {
            if (r == left.ColumnNumberRow || leftGrid.CellAt(r, lastColumn) is not { } group || group.Row != r || group.IsEmpty) continue;
            // A leaf column's own cell (reaching the header's last row) is no group.
            if (group.Row + group.RowSpan >= left.HeaderRowCount) continue;
            var rightRow = RowAtHeight(rightGrid, leftGrid, r, reach);
            if (rightRow < 0 || rightRow >= right.HeaderRowCount) continue;
            var spanned = 0;
            for (var c = skip; c < rightGrid.ColumnCount; c++)
            {
                if (rightGrid.CellAt(rightRow, c) is { IsEmpty: false }) break;
                inherited[c].Add(group.Text);
                spanned++;
            }
            if (spanned > 0) widened[(r, group.Col)] = spanned;
        }

        var columns = left.Columns.ToList();
        for (var c = skip; c < right.Columns.Count; c++)
        {
            var column = right.Columns[c];
            columns.Add(column with { Index = c + offset, Path = [.. inherited[c], .. column.Path] });
        }

        // Header rows side by side: each right header row beside the left one printed at its height.
        var rows = new List<List<HeaderCell>>();
        var leftRows = new List<int>();
        for (var r = leftFirstRow; r < left.HeaderRowCount; r++)
            if (r != left.ColumnNumberRow) leftRows.Add(r);
        for (var i = 0; i < left.HeaderRows.Count; i++)
        {
            var gridRow = i < leftRows.Count ? leftRows[i] : -1;
            rows.Add(left.HeaderRows[i].Select(h => widened.TryGetValue((gridRow, h.Column), out var more) ? h with { ColSpan = h.ColSpan + more } : h).ToList());
        }
        var rightRows = new List<int>();
        for (var r = 0; r < right.HeaderRowCount; r++)
            if (r != right.ColumnNumberRow) rightRows.Add(r);
        for (var i = 0; i < right.HeaderRows.Count; i++)
        {
            var at = i < rightRows.Count ? leftRows.IndexOf(RowAtHeight(leftGrid, rightGrid, rightRows[i], reach)) : -1;
            if (at < 0) at = Math.Min(i, rows.Count - 1);
            if (at < 0) { rows.Add([]); at = 0; }
            rows[at].AddRange(right.HeaderRows[i].Where(h => h.Column >= skip).Select(h => h with { Column = h.Column + offset }));
        }
        return left with { Columns = columns, HeaderRows = rows.Select(r => (IReadOnlyList<HeaderCell>)r).ToList() };
    }

    /// <summary>The row of <paramref name="grid"/> whose top stands where row <paramref name="row"/> of <paramref name="other"/> does (−1 if none).</summary>
    private static int RowAtHeight(TableGrid grid, TableGrid other, int row, double reach)
    {
        var shift = grid.RowEdges[^1] - other.RowEdges[^1];
        var top = other.RowEdges[row] + shift;
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var r = 0; r < grid.RowCount; r++)
        {
            var distance = Math.Abs(grid.RowEdges[r] - top);
            if (distance < bestDistance) (best, bestDistance) = (r, distance);
        }
        return bestDistance <= reach ? best : -1;
    }
}
