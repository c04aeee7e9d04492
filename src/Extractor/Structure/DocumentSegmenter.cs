using Extractor.Layout;
using Extractor.Records;

namespace Extractor.Structure;

/// <summary>
/// Walks the pages in order and ties each table title to the grid below it (`编制部门`, `单位` lines in between, a note
/// line under it), follows tables continued on the next page, and leaves every other grid and line for later stages.
/// </summary>
public static class DocumentSegmenter
{
    public static DocumentStructure Segment(IReadOnlyList<PageLayout> pages)
    {
        var tables = new List<TableBuilder>();
        var untitled = new List<TableGrid>();
        var textLines = new List<TextLine>();
        var warnings = new List<Diagnostic>();
        TableBuilder? open = null; // the last table, which a title-less grid at the top of the next page may continue

        foreach (var page in pages)
        {
            var lines = page.Lines.OrderByDescending(l => l.Box.Top).ToList();
            var grids = page.Grids.OrderByDescending(g => g.Box.Top).ToList();
            var claimed = new HashSet<TableGrid>();
            var consumed = new HashSet<int>();
            var titlesOnPage = new List<(TitleFinder.Found Found, TableBuilder Builder)>();

            for (var i = 0; i < lines.Count; i++)
            {
                var found = TitleFinder.TryRead(lines, i);
                if (found is null) continue;
                for (var k = i; k <= found.LastLineIndex; k++) consumed.Add(k);
                var builder = new TableBuilder(found.Title);
                titlesOnPage.Add((found, builder));
                i = found.LastLineIndex;
            }

            // Grids above the first title continue the table left open on the previous page, when nothing but a
            // running head stands above them and their columns match.
            var firstTitleBottom = titlesOnPage.Count > 0 ? titlesOnPage[0].Found.Title.Box.Bottom : double.NegativeInfinity;
            if (open is not null && open.LastPage == page.Page.Number - 1)
            {
                foreach (var found in grids.Where(g => g.Box.Bottom > firstTitleBottom))
                {
                    var textAbove = lines.Count(l => l.Box.Bottom > found.Box.Top && !l.Compact.All(char.IsAsciiDigit));
                    var grid = open.AlignColumns(found);
                    if (grid.ColumnCount != open.ColumnCount || textAbove > 3) break;
                    open.AddGrid(grid);
                    claimed.Add(found);
                }
            }

            for (var t = 0; t < titlesOnPage.Count; t++)
            {
                var (found, builder) = titlesOnPage[t];
                var top = found.Title.Box.Bottom;
                var nextTitleTop = t + 1 < titlesOnPage.Count ? titlesOnPage[t + 1].Found.Title.Box.Top : double.NegativeInfinity;
                var grid = grids.FirstOrDefault(g => !claimed.Contains(g) && g.Box.Top <= top + 2 && g.Box.Top > nextTitleTop);
                var gridBottom = grid?.Box.Bottom ?? top;
                var gridTop = grid?.Box.Top ?? top;

                // A repeated title (`表6（续）`) on the page after its table continues that table.
                var sameTable = open is not null && open.LastPage == page.Page.Number - 1 && open.Title.Number == found.Title.Number;
                var aligned = sameTable && grid is not null ? open!.AlignColumns(grid) : grid;
                var continues = sameTable && aligned is not null && aligned.ColumnCount == open!.ColumnCount;
                var target = continues ? open! : builder;
                if (grid is not null) { target.AddGrid(continues ? aligned! : grid); claimed.Add(grid); }
                else warnings.Add(new Diagnostic("table-without-grid", $"{found.Title.Label} {found.Title.Title}: no table grid found below the title", found.Title.Page));

                for (var i = 0; i < lines.Count; i++)
                {
                    if (consumed.Contains(i)) continue;
                    var line = lines[i];
                    // Lines between the title and the grid: 编制部门 / 单位.
                    if (line.Box.Top <= top + 1 && line.Box.Bottom >= gridTop - 1 && builder.TryTakeMeta(line)) consumed.Add(i);
                }
                var note = TakeNote(lines, consumed, gridBottom, nextTitleTop);
                if (continues) { open!.Note ??= note; continue; }
                builder.Note = note;
                tables.Add(builder);
                open = builder;
            }
            if (open is not null && open.LastPage < page.Page.Number && grids.Count == 0) open = null;

            foreach (var grid in grids)
                if (!claimed.Contains(grid)) untitled.Add(grid);
            for (var i = 0; i < lines.Count; i++)
                if (!consumed.Contains(i)) textLines.Add(lines[i]);
        }

        var built = new List<StructuredTable>();
        foreach (var builder in tables)
        {
            var table = builder.Build(warnings);
            built.Add(table);
        }
        return new DocumentStructure(built, untitled, textLines, warnings);
    }

    /// <summary>The text right under a grid, before anything else: `…为空表。` notes. Page numbers are not notes.</summary>
    private static string? TakeNote(List<TextLine> lines, HashSet<int> consumed, double gridBottom, double limit)
    {
        var parts = new List<string>();
        var previousBottom = gridBottom;
        for (var i = 0; i < lines.Count; i++)
        {
            if (consumed.Contains(i)) continue;
            var line = lines[i];
            if (line.Box.Top > gridBottom + 1 || line.Box.Top <= limit) continue;
            if (previousBottom - line.Box.Top > 2.5 * line.FontSize) break;
            if (line.Compact.All(char.IsAsciiDigit)) break; // page number
            if (line.Compact.StartsWith("第") && line.Compact.Contains("部分")) break;
            parts.Add(line.Text);
            consumed.Add(i);
            previousBottom = line.Box.Bottom;
        }
        return parts.Count == 0 ? null : string.Concat(parts);
    }

    private sealed class TableBuilder(TableTitle title)
    {
        private readonly List<TableGrid> _grids = [];
        public TableTitle Title => title;
        public int LastPage => _grids.Count > 0 ? _grids[^1].Page : title.Page;
        public int ColumnCount => _grids.Count > 0 ? _grids[0].ColumnCount : -1;
        public string? Department { get; private set; }
        public string? Unit { get; private set; }
        public string? Note { get; set; }

        public void AddGrid(TableGrid grid) => _grids.Add(grid);

        /// <summary>
        /// A stream grid continuing this table on the next page, read with this table's columns when it found a
        /// different number of its own (no repeated header to anchor them) but spans the same width.
        /// </summary>
        public TableGrid AlignColumns(TableGrid grid)
        {
            if (_grids.Count == 0 || grid.Method != "stream" || grid.ColumnCount == ColumnCount) return grid;
            var first = _grids[0];
            if (Math.Abs(first.Box.Left - grid.Box.Left) > 3 || Math.Abs(first.Box.Right - grid.Box.Right) > 3) return grid;
            return StreamTableBuilder.Regrid(grid, first.ColumnEdges);
        }

        public bool TryTakeMeta(TextLine line)
        {
            var text = line.Text;
            var taken = false;
            foreach (var key in new[] { "编制部门", "编制单位", "部门名称", "单位名称" })
            {
                var at = line.Compact.IndexOf(key, StringComparison.Ordinal);
                if (at < 0) continue;
                var rest = AfterColon(text, key);
                if (rest is not null) { Department = CutAtUnit(rest).Trim(); taken = true; }
            }
            var unitAt = text.LastIndexOf("单位", StringComparison.Ordinal);
            if (unitAt >= 0)
            {
                var rest = AfterColon(text[unitAt..], "单位");
                if (rest is not null && rest.Trim() is { Length: > 0 and <= 4 } unit && unit.Contains('元')) { Unit = unit; taken = true; }
            }
            return taken;
        }

        private static string? AfterColon(string text, string key)
        {
            var at = text.Replace(" ", "").IndexOf(key, StringComparison.Ordinal);
            if (at < 0) return null;
            var compact = text.Replace(" ", "");
            var after = compact[(at + key.Length)..];
            if (after.Length == 0 || after[0] is not ('：' or ':')) return null;
            return after[1..];
        }

        private static string CutAtUnit(string s)
        {
            var at = s.IndexOf("单位：", StringComparison.Ordinal);
            return at > 0 ? s[..at] : s;
        }

        public StructuredTable Build(List<Diagnostic> warnings)
        {
            if (_grids.Count == 0)
                return new StructuredTable(title, Department, Unit, [title.Page], [], [], [], [], Note, []);

            var first = _grids[0];
            var header = HeaderAnalyzer.Analyze(first);
            var rows = new List<IReadOnlyList<Cell>>();
            var spans = new List<Span>();
            var pages = new SortedSet<int> { title.Page };
            foreach (var grid in _grids)
            {
                pages.Add(grid.Page);
                var start = 0;
                if (!ReferenceEquals(grid, first))
                {
                    // A continuation repeats the header (or part of it) at its top: skip rows that are header again.
                    var h = HeaderAnalyzer.Analyze(grid);
                    start = h.HeaderRowCount < grid.RowCount || h.ColumnNumberRow is not null ? h.HeaderRowCount : 0;
                    if (grid.ColumnCount != first.ColumnCount)
                        warnings.Add(new Diagnostic("continuation-columns", $"{title.Label}: continued on page {grid.Page} with {grid.ColumnCount} columns instead of {first.ColumnCount}", grid.Page));
                }
                else start = header.HeaderRowCount;

                for (var r = start; r < grid.RowCount; r++)
                {
                    var cells = new Cell[first.ColumnCount];
                    var any = false;
                    for (var c = 0; c < first.ColumnCount; c++)
                    {
                        var cell = c < grid.ColumnCount ? grid.CellAt(r, c) : null;
                        if (cell is not null && cell.Row == r && cell.Col == c)
                        {
                            cells[c] = new Cell(cell.Text, cell.Raw, grid.Page, cell.Box);
                            any |= cell.Text.Length > 0;
                            if (cell.ColSpan > 1 && cell.Text.Length > 0) spans.Add(new Span(rows.Count, c, cell.ColSpan));
                        }
                        else cells[c] = new Cell("", "", grid.Page, cell?.Box ?? default);
                    }
                    if (any) rows.Add(cells);
                    else spans.RemoveAll(s => s.Row == rows.Count);
                }
            }
            return new StructuredTable(title, Department, Unit, pages.ToList(), header.Columns, header.HeaderRows, rows, spans, Note, _grids);
        }
    }
}
