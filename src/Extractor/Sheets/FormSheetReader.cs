using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// Reads a form sheet (one sheet per project or for the department): the header block as label/value pairs above the
/// indicator grid, then one row per 三级指标 with the merged 一级/二级 cells carried down, over every grid of the sheet
/// (a sheet continued on the next page may or may not repeat the indicator header).
/// </summary>
/// <param name="options">header depth and length (<see cref="SheetOptions"/>)</param>
internal sealed class FormSheetReader(SheetOptions options)
{
    /// <summary>An indicator column: printed name, role, and its horizontal extent, which maps it onto any grid of the sheet.</summary>
    private sealed record IndicatorColumn(string Name, string? Role, double Left, double Right);

    public PerformanceSheet Read(SheetCandidate candidate, SheetCatalog catalog)
    {
        var fields = new List<SheetField>(candidate.MetaFields);
        SheetBudget? budget = null;
        List<IndicatorColumn>? columns = null;
        var rows = new List<IReadOnlyList<SheetValue>>();
        var pages = new SortedSet<int>();
        if (candidate.TitlePage is { } titlePage) pages.Add(titlePage);

        var carry = new CarryState(0);
        for (var g = 0; g < candidate.Grids.Count; g++)
        {
            var grid = candidate.Grids[g];
            pages.Add(grid.Page);
            var r = 0;
            int? firstBodyRow = null;
            while (r < grid.RowCount)
            {
                if (SheetGridProfile.IsLevelHeaderRow(grid, r, catalog, options))
                {
                    var (found, depth) = ReadColumns(grid, r, catalog);
                    if (columns is null) { columns = found; carry = new CarryState(columns.Count); }
                    r += depth;
                    continue;
                }
                if (columns is null) r = ReadHeaderRow(grid, r, fields, ref budget, catalog);
                else
                {
                    firstBodyRow ??= r;
                    // Merged cells cut by a page break continue at the top of the next page's grid.
                    ReadIndicatorRow(grid, r, columns, rows, carry, g > 0 ? firstBodyRow : null, catalog);
                    r++;
                }
            }
        }

        var names = columns?.Select(c => c.Name).ToList() ?? [];
        var roles = columns?.Select(c => c.Role).ToList() ?? [];
        NumberedIndicatorGroups.Apply(rows, roles);
        var records = rows.Select((row, i) => IndicatorRecords.FromRow(i, row, roles, null, catalog)).ToList();
        return new PerformanceSheet(candidate.Kind, candidate.Title, candidate.Subtitle, "form", pages.ToList(), fields, budget,
            names, rows, records, SheetSummaries.From(fields, catalog), []);
    }

    /// <summary>
    /// The printed indicator columns and how many rows the header takes: every header cell left to right, a cell over
    /// sub-headers (`其中：` over 财政资金 | 其他资金) giving one column per sub-header. A label merged down the left of the
    /// whole grid (`年度绩效指标`) is not a column.
    /// </summary>
    private (List<IndicatorColumn> Columns, int Depth) ReadColumns(TableGrid grid, int row, SheetCatalog catalog)
    {
        var header = grid.CellsStartingInRow(row).ToList();
        var firstNamed = header.FindIndex(c => catalog.IndicatorRole(c.Text) is not null);
        // A label merged down beside the body (`绩效指标`, `年度绩效指标`) spans deeper than any header does.
        header = header.Where((c, i) => c.RowSpan <= MaxHeaderDepth && (i >= firstNamed || c.RowSpan == 1 && c.Text.Length > 0)).ToList();
        var depth = Math.Min(MaxHeaderDepth, header.Max(c => c.RowSpan));
        var columns = new List<IndicatorColumn>();
        foreach (var cell in header)
        {
            var subs = new List<GridCell>();
            if (cell.RowSpan < depth)
                for (var r = row + cell.RowSpan; r < row + depth; r++)
                    subs.AddRange(grid.CellsStartingInRow(r).Where(s => s.Box.CentreX > cell.Box.Left && s.Box.CentreX < cell.Box.Right && s.Text.Length > 0));
            if (subs.Count == 0) columns.Add(new IndicatorColumn(cell.Text, catalog.IndicatorRole(cell.Text), cell.Box.Left, cell.Box.Right));
            else
                foreach (var sub in subs.OrderBy(s => s.Box.Left))
                    columns.Add(new IndicatorColumn(sub.Text, catalog.IndicatorRole(sub.Text), sub.Box.Left, sub.Box.Right));
        }
        return (columns, depth);
    }

    private int MaxHeaderDepth => options.MaxHeaderDepth;

    /// <summary>
    /// One row of the header block. A label spanning rows with labels to its right is a group (`项目资金(万元)`); one with
    /// plain rows to its right is a small table (the department's `年度预算(万元)` block). Returns the next row to read.
    /// </summary>
    private int ReadHeaderRow(TableGrid grid, int row, List<SheetField> fields, ref SheetBudget? budget, SheetCatalog catalog)
    {
        var items = grid.CellsStartingInRow(row).ToList();
        // A label alone on its row with its value alone on the row below (`当年整体绩效目标` over the text).
        if (items.Count == 1 && catalog.FieldRole(items[0].Text) is not null && row + 1 < grid.RowCount
            && grid.CellsStartingInRow(row + 1).ToList() is [var below] && !catalog.IsFieldLabel(below.Text)
            && !SheetGridProfile.IsLevelHeaderRow(grid, row + 1, catalog, options))
        {
            fields.Add(new SheetField(items[0].Text, Value(below, grid.Page), null));
            return row + 2;
        }
        // The same block with its label cut in two by the rule between the rows (`年度` over `总体目标`).
        if (items.Count >= 3 && items[0].RowSpan == 1 && items[0].Text.Length > 0 && row + 1 < grid.RowCount
            && grid.CellsStartingInRow(row + 1).FirstOrDefault() is { } lower && lower.Col == items[0].Col && lower.ColSpan == items[0].ColSpan
            && lower.RowSpan == 1 && TextBlock(grid, row, items[0].Col + items[0].ColSpan, items[0].Text + lower.Text, catalog) is { } cutBlock)
        {
            fields.AddRange(cutBlock);
            return row + 2;
        }
        string? group = null;
        var start = 0;
        if (items.Count >= 2 && items[0].RowSpan > 1 && items[1].RowSpan < items[0].RowSpan && items[0].Text.Length > 0)
        {
            var label = items[0];
            // A label merged down beside the indicator grid too (`整体绩效目标` over the rest of the sheet) only names a group.
            var spansIndicators = Enumerable.Range(row + 1, Math.Max(0, Math.Min(label.RowSpan, grid.RowCount - row) - 1))
                .Any(r => SheetGridProfile.IsLevelHeaderRow(grid, r, catalog, options));
            if (spansIndicators)
            {
                ReadPairs(grid, items, 1, label.Text, fields, catalog);
                return row + 1;
            }
            // One value cell per row to the right: a long value printed over several rows (`年度总体目标`).
            var valueRows = Enumerable.Range(row, label.RowSpan).Where(r => r < grid.RowCount)
                .Select(r => grid.CellsStartingInRow(r).Where(c => c.Col > label.Col).ToList()).ToList();
            if (valueRows.All(cells => cells.Count == 1 && cells[0].ColSpan == grid.ColumnCount - label.Col - label.ColSpan))
            {
                var parts = valueRows.Select(cells => cells[0]).ToList();
                var box = Geometry.Box.UnionAll(parts.Select(c => c.Box))!.Value;
                fields.Add(new SheetField(label.Text, new SheetValue(string.Concat(parts.Select(c => c.Text)), new Provenance(grid.Page, box)), null));
                return row + label.RowSpan;
            }
            // Two texts under their headers (`年度总体目标完成情况`: 预期目标（年初设定） | 实际完成情况, the texts below): each
            // header is the label of the text under it.
            if (label.RowSpan == 2 && TextBlock(grid, row, label.Col + label.ColSpan, label.Text, catalog) is { } block)
            {
                fields.AddRange(block);
                return row + label.RowSpan;
            }
            // A label followed by its value on the group's first row makes a field group; labels over a row of
            // amounts (or source rows with amounts) make a small table.
            var right = items.Skip(1).ToList();
            var pairs = right.Zip(right.Skip(1)).Any(p => catalog.FieldRole(p.First.Text) is not null && !catalog.IsFieldLabel(p.Second.Text))
                        || right.Any(c => AmountParser.TryParse(c.Text, out _));
            if (!pairs)
            {
                budget ??= ReadBudget(grid, row, items[0]);
                return row + items[0].RowSpan;
            }
            group = items[0].Text;
            start = 1;
        }
        ReadPairs(grid, items, start, group, fields, catalog);
        // Rows below under the same group label: the group is the label that covers them on the left.
        return row + 1;
    }

    /// <summary>
    /// Two rows right of a label (from column <paramref name="firstCol"/>) whose first row names the texts of the second,
    /// column by column; null otherwise.
    /// </summary>
    private static List<SheetField>? TextBlock(TableGrid grid, int row, int firstCol, string label, SheetCatalog catalog)
    {
        if (row + 1 >= grid.RowCount) return null;
        var headers = grid.CellsStartingInRow(row).Where(c => c.Col >= firstCol).ToList();
        var texts = grid.CellsStartingInRow(row + 1).Where(c => c.Col >= firstCol).ToList();
        if (headers.Count < 2 || headers.Count != texts.Count || headers.Zip(texts).Any(p => p.First.Col != p.Second.Col)) return null;
        if (headers.Any(h => h.Text.Length == 0) || headers.Concat(texts).Any(c => AmountParser.TryParse(c.Text, out _))) return null;
        // The headers are labels the catalogue knows (预期目标（年初设定）, 实际完成情况), not a label beside its text.
        if (!headers.All(h => catalog.FieldRole(h.Text) is not null)) return null;
        return headers.Zip(texts).Select(p => new SheetField(p.First.Text, Value(p.Second, grid.Page), label)).ToList();
    }

    private static void ReadPairs(TableGrid grid, List<GridCell> items, int start, string? group, List<SheetField> fields, SheetCatalog catalog)
    {
        // A row that starts under a merged group label belongs to that group.
        if (group is null && items.Count > 0 && items[0].Col > 0)
        {
            var left = grid.CellAt(items[0].Row, 0);
            if (left is not null && left.Row < items[0].Row && left.Text.Length > 0) group = left.Text;
        }
        // A row with an empty label cell and one value continues the value above (a long text cut by a page break).
        var nonEmpty = items.Skip(start).Where(c => c.Text.Length > 0).ToList();
        if (fields.Count > 0 && items.Count > start && items[start].Text.Length == 0 && nonEmpty.Count == 1 && !catalog.IsFieldLabel(nonEmpty[0].Text))
        {
            var last = fields[^1];
            fields[^1] = last with { Value = last.Value with { Text = last.Value.Text + nonEmpty[0].Text } };
            return;
        }
        for (var i = start; i < items.Count;)
        {
            var label = items[i];
            if (label.Text.Length == 0) { i++; continue; }
            var next = i + 1 < items.Count ? items[i + 1] : null;
            if (next is not null && !(catalog.IsFieldLabel(next.Text) && catalog.IsFieldLabel(label.Text)))
            {
                fields.Add(new SheetField(label.Text, Value(next, grid.Page), group));
                i += 2;
            }
            else
            {
                fields.Add(new SheetField(label.Text, SheetValue.Empty(grid.Page), group));
                i++;
            }
        }
    }

    private static SheetBudget ReadBudget(TableGrid grid, int row, GridCell label)
    {
        var firstCol = label.Col + label.ColSpan;
        var columns = grid.CellsStartingInRow(row).Where(c => c.Col >= firstCol).Select(c => c.Text).ToList();
        var rows = new List<IReadOnlyList<SheetValue>>();
        var lines = new List<BudgetLine>();
        List<GridCell>? above = null;
        for (var r = row + 1; r < row + label.RowSpan && r < grid.RowCount; r++)
        {
            var cells = DistinctCells(grid, r, firstCol, grid.ColumnCount);
            if (above is not null && ContinuesRowAbove(cells, above))
            {
                // A task name wrapped onto a row of its own (`国突预警发布及十四运气象` over `服务保障`) beside the merged
                // content and amount cells: its text goes to the line above, whose amounts it shares.
                var joined = rows[^1].Select((v, i) => ReferenceEquals(cells[i], above[i]) ? v
                    : new SheetValue(v.Text + cells[i].Text, new Provenance(grid.Page, v.Box.Union(cells[i].Box)))).ToList();
                rows[^1] = joined;
                lines[^1] = Line(lines[^1].Row, joined);
                above = cells;
                continue;
            }
            var values = cells.Select(c => Value(c, grid.Page)).ToList();
            if (values.All(v => v.Text.Length == 0)) continue;
            lines.Add(Line(rows.Count, values));
            rows.Add(values);
            above = cells;
        }
        return new SheetBudget(label.Text, columns, rows, lines);
    }

    /// <summary>The amount of a budget row is its last cell; the cells left of it are its source labels.</summary>
    private static BudgetLine Line(int row, IReadOnlyList<SheetValue> values)
    {
        var amount = values[^1];
        SheetAmount? parsed = AmountParser.TryParse(amount.Text, out var value) ? new SheetAmount(value, amount.Text, amount.At) : null;
        return new BudgetLine(row, values.Take(values.Count - 1).Select(v => v.Text).ToList(), parsed);
    }

    /// <summary>
    /// A row whose only cell of its own is the first (the wrapped name, not an amount): every other cell, the amounts
    /// included, is merged down from the row above.
    /// </summary>
    private static bool ContinuesRowAbove(List<GridCell> cells, List<GridCell> above) =>
        cells.Count == above.Count && cells.Count > 1 && !ReferenceEquals(cells[0], above[0]) && cells[0].Text.Length > 0
        && !AmountParser.TryParse(cells[0].Text, out _) && cells.Skip(1).Zip(above.Skip(1)).All(p => ReferenceEquals(p.First, p.Second));

    /// <summary>
    /// One indicator row: each column's covering cell (merged cells give their text to every row they cover). Level
    /// columns that are blank carry the row above down; so does any column whose merged cell a page break cut.
    /// </summary>
    private static void ReadIndicatorRow(TableGrid grid, int row, List<IndicatorColumn> columns, List<IReadOnlyList<SheetValue>> rows,
        CarryState carry, int? cutRow, SheetCatalog catalog)
    {
        var lastMerged = carry.LastMerged;
        var values = new SheetValue[columns.Count];
        var merged = new bool[columns.Count];
        var fromTop = new bool[columns.Count];
        var startsHere = false;
        for (var k = 0; k < columns.Count; k++)
        {
            var column = columns[k];
            var cells = CellsUnder(grid, row, column.Left, column.Right);
            if (cells.Count == 0) { values[k] = SheetValue.Empty(grid.Page); continue; }
            var text = string.Concat(cells.Select(c => c.Text));
            var box = Geometry.Box.UnionAll(cells.Select(c => c.Box))!.Value;
            values[k] = new SheetValue(text, new Provenance(grid.Page, box));
            // The lower part of a joined cut level keeps the joined text on every row it covers.
            if (carry.JoinedFrom[k] == values[k]) values[k] = carry.JoinedTo[k]!;
            merged[k] = cells.Any(c => c.RowSpan > 1);
            fromTop[k] = cutRow is { } top && cells.All(c => c.Row == top);
            if (cells.Any(c => c.Row == row && c.Text.Length > 0) && !catalog.CarriedRoles.Contains(column.Role ?? "")) startsHere = true;
        }
        if (!startsHere) return;
        // The text of a merged cell cut by a page break may stand only in its lower part: give it to the upper part too.
        // A level name cut in two (`效益指` above the break, `标` below) is joined when only the whole is a level name.
        for (var k = 0; k < columns.Count && rows.Count > 0; k++)
        {
            // An empty level is never meant, so level columns need not prove that the cell above the break was merged.
            var level = catalog.CarriedRoles.Contains(columns[k].Role ?? "");
            if (!fromTop[k] || !(lastMerged[k] || level) || values[k].Text.Length == 0) continue;
            var cut = rows[^1][k];
            SheetValue whole;
            if (cut.Text.Length == 0) whole = values[k];
            else if (level && catalog.IsLevelName(cut.Text + values[k].Text)
                     && !catalog.IsLevelName(cut.Text) && !catalog.IsLevelName(values[k].Text))
            {
                whole = cut with { Text = cut.Text + values[k].Text };
                carry.JoinedFrom[k] = values[k];
                values[k] = values[k] with { Text = whole.Text };
                carry.JoinedTo[k] = values[k];
            }
            else continue;
            for (var i = rows.Count - 1; i >= 0 && rows[i][k].Page == cut.Page && rows[i][k].Box == cut.Box && rows[i][k].Text == cut.Text; i--)
                ((SheetValue[])rows[i])[k] = whole;
        }
        if (rows.Count > 0)
            for (var k = 0; k < columns.Count; k++)
            {
                if (values[k].Text.Length > 0) continue;
                var carried = catalog.CarriedRoles.Contains(columns[k].Role ?? "");
                if (carried || fromTop[k] && lastMerged[k]) { values[k] = rows[^1][k]; merged[k] = true; }
            }
        // A cut merged cell stays blank down its whole span on the new page: remember it for the rows below.
        for (var k = 0; k < columns.Count; k++) lastMerged[k] = merged[k];
        rows.Add(values);
    }

    /// <summary>What the indicator rows hand on across a page break, per column.</summary>
    private sealed class CarryState(int columns)
    {
        /// <summary>Whether the column's last value came from a merged cell (or was carried).</summary>
        public bool[] LastMerged { get; } = new bool[columns];
        public SheetValue?[] JoinedFrom { get; } = new SheetValue?[columns];
        public SheetValue?[] JoinedTo { get; } = new SheetValue?[columns];
    }

    /// <summary>Distinct cells covering the grid columns whose centres fall inside [left, right] in one row.</summary>
    private static List<GridCell> CellsUnder(TableGrid grid, int row, double left, double right)
    {
        var cells = new List<GridCell>(2);
        var edges = grid.ColumnEdges;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var centre = (edges[c] + edges[c + 1]) / 2;
            if (centre < left || centre > right) continue;
            var cell = grid.CellAt(row, c);
            if (cell is not null && (cells.Count == 0 || !ReferenceEquals(cells[^1], cell))) cells.Add(cell);
        }
        return cells;
    }

    private static List<GridCell> DistinctCells(TableGrid grid, int row, int fromCol, int toCol)
    {
        var cells = new List<GridCell>();
        for (var c = fromCol; c < toCol; c++)
        {
            var cell = grid.CellAt(row, c);
            if (cell is not null && (cells.Count == 0 || !ReferenceEquals(cells[^1], cell))) cells.Add(cell);
        }
        return cells;
    }

    private static SheetValue Value(GridCell cell, int page) => new(cell.Text, new Provenance(page, cell.Box));
}
