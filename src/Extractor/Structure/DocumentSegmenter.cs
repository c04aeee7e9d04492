using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Structure;

/// <summary>
/// Walks the pages in order and ties each table title to the grid below it (`编制部门`, `单位` lines in between, a note
/// line under it), follows tables continued on the next page, and leaves every other grid and line for later stages.
/// </summary>
/// <param name="options">the structure stage's distances and lengths</param>
/// <param name="layout">the layout thresholds, for regridding a continuation with its first page's columns</param>
public sealed class DocumentSegmenter(StructureOptions options, LayoutTolerances layout)
{
    /// <summary>Longest column label of a performance sheet that names an indicator (`三级指标（绩效指标）` is 10).</summary>
    private const int MaxIndicatorLabel = 12;

    private double NameOnlyReach => options.NameOnlyReach;
    private double ContinuationEdgeReach => options.ContinuationEdgeReach;
    private double MetaReachWithoutGrid => options.MetaReachWithoutGrid;

    /// <param name="pages">The pages' layouts in order.</param>
    /// <param name="vocabulary">Known table titles: enables headings without a `表N` label and keeps forms out of tables.</param>
    /// <param name="cancellationToken">checked once per page</param>
    public DocumentStructure Segment(IReadOnlyList<PageLayout> pages, ITitleVocabulary? vocabulary = null, CancellationToken cancellationToken = default)
    {
        var tables = new List<TableBuilder>();
        var untitled = new List<TableGrid>();
        var textLines = new List<TextLine>();
        var warnings = new List<Diagnostic>();
        TableBuilder? open = null; // the last table, which a title-less grid at the top of the next page may continue

        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Text drawn outside the page (clipped leftovers some producers keep) is not part of the document.
            var lines = page.Lines.Where(l => l.Box.Top > 0 && l.Box.Bottom < page.Page.Height).OrderByDescending(l => l.Box.Top).ToList();
            var grids = page.Grids.OrderByDescending(g => g.Box.Top).ToList();
            var claimed = new HashSet<TableGrid>();
            var consumed = new HashSet<int>();
            var titlesOnPage = new List<(TitleFinder.Found Found, TableBuilder Builder)>();

            var candidates = FindTitles(lines, grids, vocabulary);
            foreach (var candidate in candidates)
            {
                for (var k = candidate.FirstIndex; k <= candidate.Found.LastLineIndex; k++) consumed.Add(k);
                titlesOnPage.Add((candidate.Found, new TableBuilder(this, candidate.Found.Title)));
            }

            // Grids above the first title continue the table left open on the previous page, when nothing but a
            // running head stands above them and their columns match.
            var firstTitleBottom = titlesOnPage.Count > 0 ? titlesOnPage[0].Found.Title.Box.Bottom : double.NegativeInfinity;
            // A grid that repeats the open table's header continues it even after a page whose part of the table was
            // not found (long project tables with pages of wrapped 绩效目标 text): the header is the table's signature.
            if (open is not null && open.LastPage < page.Page.Number)
            {
                var adjacent = open.LastPage == page.Page.Number - 1;
                foreach (var found in grids.Where(g => g.Box.Bottom > firstTitleBottom))
                {
                    // The right part of a wide table goes on over the pages its left part did.
                    if (open.HasRightPart)
                    {
                        if (adjacent && open.TryJoinAtRight(found)) claimed.Add(found);
                        break;
                    }
                    // A grid that prints another table's title in its first rows (spreadsheet exports) starts that table.
                    if (vocabulary is not null && GridPreamble(found, vocabulary).Title is { } inner && !SameTitle(open.Title, inner)) break;
                    var textAbove = lines.Count(l => l.Box.Bottom > found.Box.Top && !l.Compact().All(char.IsAsciiDigit));
                    var grid = open.AlignColumns(found);
                    var repeats = open.IsRepeatedIn(grid);
                    if (!adjacent && !repeats) break;
                    // A title at the foot of a page may have its whole grid on the next page.
                    if ((open.FirstGrid is { } openGrid && ColumnMap(openGrid, grid) is null) || (textAbove > 3 && !repeats)) break;
                    if (open.ColumnCount < 0)
                        for (var i = 0; i < lines.Count; i++)
                            if (lines[i].Box.Bottom > grid.Box.Top && open.TryTakeMeta(lines[i])) consumed.Add(i);
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
                // Without a grid here (table on the next page, or drawn without rules) the meta lines stand right under the title.
                var gridTop = grid?.Box.Top ?? Math.Max(top - MetaReachWithoutGrid, nextTitleTop);

                // A repeated title (`表6（续）`) on the page after its table continues that table.
                var sameTable = open is not null && open.LastPage == page.Page.Number - 1 && SameTitle(open.Title, found.Title);
                var aligned = sameTable && grid is not null ? open!.AlignColumns(grid) : grid;
                var continues = sameTable && aligned is not null && open!.FirstGrid is { } openFirst && ColumnMap(openFirst, aligned) is not null;
                // Other columns under the same title on the same rows: the part of a wide table that did not fit.
                var atRight = sameTable && !continues && grid is not null && open!.TryJoinAtRight(grid);
                var target = continues ? open! : builder;
                if (grid is not null && !continues && !atRight && vocabulary is not null && GridPreamble(grid, vocabulary) is { Rows: > 0 } preamble)
                {
                    foreach (var line in preamble.Meta) builder.TryTakeMeta(line);
                    builder.FirstRow = preamble.Rows;
                }
                if (grid is not null && !atRight) target.AddGrid(continues ? aligned! : grid);
                if (grid is not null) claimed.Add(grid);

                for (var i = 0; i < lines.Count; i++)
                {
                    if (consumed.Contains(i)) continue;
                    var line = lines[i];
                    // Lines between the title and the grid: 编制部门 / 单位.
                    if (line.Box.Top <= top + 1 && line.Box.Bottom >= gridTop - 1 && builder.TryTakeMeta(line)) consumed.Add(i);
                }
                var note = TakeNote(lines, consumed, gridBottom, nextTitleTop);
                if (atRight) open!.TakeMetaOf(builder);
                if (continues || atRight) { open!.Note ??= note; continue; }
                builder.Note = note;
                tables.Add(builder);
                open = builder;
            }
            if (vocabulary is not null)
                foreach (var grid in grids)
                {
                    if (claimed.Contains(grid) || TitleInsideGrid(grid, vocabulary) is not { } inner) continue;
                    tables.Add(inner);
                    claimed.Add(grid);
                    open = inner;
                }
            // A page without grids ends a table still waiting for its first grid; a table with grids stays open, but
            // only a grid repeating its header may continue it after the gap.
            if (open is not null && open.LastPage < page.Page.Number && grids.Count == 0 && (open.FirstGrid is null || candidates.Count > 0)) open = null;

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

    /// <summary>
    /// Spreadsheet exports print the title, label and unit line inside the sheet: the first rows of the grid then hold
    /// one cell each (`表11`, `2019年…支出表`, `单位：万元`) or only `…：…` meta cells. Returns how many such rows there
    /// are, the title among them (if the vocabulary knows it), and the meta lines.
    /// </summary>
    private (int Rows, TableTitle? Title, List<TextLine> Meta) GridPreamble(TableGrid grid, ITitleVocabulary vocabulary)
    {
        TableTitle? title = null;
        var meta = new List<TextLine>();
        var row = 0;
        for (; row < Math.Min(grid.RowCount - 1, 5); row++)
        {
            var cells = grid.CellsStartingInRow(row).Where(c => !c.IsEmpty).ToList();
            if (cells.Count == 0) continue;
            if (cells.All(c => c.Text.Contains('：') || c.Text.Contains(':')))
            {
                meta.AddRange(cells.Select(c => new TextLine(c.Text, c.Raw, new Provenance(grid.Page, c.Box), c.Glyphs.Count > 0 ? c.Glyphs.Max(g => g.FontSize) : 0, c.Glyphs)));
                continue;
            }
            if (cells.Count != 1) break;
            var text = TextNormalizer.Compact(cells[0].Text);
            if (TitleFinder.TryReadCellTitle(text, grid.Page, cells[0].Box, vocabulary, options) is { } found) title ??= found;
            else if (!TitleFinder.IsLabelOnly(text)) break;
        }
        // Without a title or meta line, the rows above are not a preamble but the table's own first rows.
        return title is null && meta.Count == 0 ? (0, null, meta) : (row, title, meta);
    }

    private TableBuilder? TitleInsideGrid(TableGrid grid, ITitleVocabulary vocabulary)
    {
        if (grid.RowCount < 3) return null;
        var (rows, title, meta) = GridPreamble(grid, vocabulary);
        if (title is null) return null;
        var builder = new TableBuilder(this, title);
        foreach (var line in meta) builder.TryTakeMeta(line);
        builder.FirstRow = rows;
        builder.AddGrid(grid);
        return builder;
    }

    private TableGrid Regrid(TableGrid grid, IReadOnlyList<double> columnEdges) => new StreamTableBuilder(layout).Regrid(grid, columnEdges);

    /// <summary>
    /// How a continuation grid's columns line up with the first grid's: for each first-grid column, the continuation
    /// column that starts at the same x, or -1 where a wider continuation column covers it (exports drop the borders of
    /// empty columns). Null when the edges do not line up (another table).
    /// </summary>
    private int[]? ColumnMap(TableGrid first, TableGrid grid)
    {
        if (grid.ColumnCount == first.ColumnCount) return Enumerable.Range(0, first.ColumnCount).ToArray();
        if (grid.ColumnCount > first.ColumnCount) return null;
        var map = new int[first.ColumnCount];
        var g = 0;
        for (var c = 0; c < first.ColumnCount; c++)
        {
            var left = first.ColumnEdges[c];
            if (g < grid.ColumnCount && Math.Abs(grid.ColumnEdges[g] - left) <= options.ContinuationEdgeReach) map[c] = g++;
            else if (g > 0 && grid.ColumnEdges[g] > left) map[c] = -1;
            else return null;
        }
        var rightAligned = Math.Abs(grid.ColumnEdges[^1] - first.ColumnEdges[^1]) <= options.ContinuationEdgeReach;
        return g == grid.ColumnCount && rightAligned && map[0] == 0 ? map : null;
    }

    /// <summary>How many first-grid columns a continuation cell ending before grid column <paramref name="endColumn"/> covers.</summary>
    private static int SpanInFirstColumns(int[] map, int c, int endColumn)
    {
        var span = 1;
        while (c + span < map.Length && (map[c + span] == -1 || map[c + span] < endColumn) && map[c + span] != endColumn) span++;
        return span;
    }

    /// <summary>True when row <paramref name="row"/> and every row above it hold only header texts or column numbers.</summary>
    private static bool RepeatsHeader(TableGrid grid, int row, HashSet<string> headerTexts)
    {
        for (var r = 0; r <= row; r++)
        {
            var texts = grid.RowTexts(r);
            if (ColumnNumberRow.IsRow(texts)) continue;
            if (texts.Any(t => t.Length > 0 && !headerTexts.Contains(TextNormalizer.Compact(t)))) return false;
        }
        return true;
    }

    // A continuation page may repeat the name without its label (Xi'an: `表5 …明细表（按功能科目分）`, then the same name
    // alone on the next page).
    private static bool SameTitle(TableTitle a, TableTitle b) =>
        a.Number is not null && b.Number is not null ? a.Number == b.Number : a.Title == b.Title;

    private sealed record Candidate(TitleFinder.Found Found, int FirstIndex, TextLine FirstLine, bool Labelled);

    /// <summary>
    /// The titles on one page, top to bottom. A labelled title (`表N …`) stands on its own, except in a list of titles
    /// without tables (a contents page). A heading without a label counts only when a grid starts right below it with
    /// no other heading in between. Headings of forms (performance sheets) are left to the sheet stage.
    /// </summary>
    private List<Candidate> FindTitles(List<TextLine> lines, List<TableGrid> grids, ITitleVocabulary? vocabulary)
    {
        var candidates = new List<Candidate>();
        for (var i = 0; i < lines.Count; i++)
        {
            var labelled = TitleFinder.TryRead(lines, i, options);
            if (labelled is not null)
            {
                if (vocabulary?.Classify(labelled.Title.Title) != TitleVerdict.Form)
                    candidates.Add(new Candidate(labelled, i, lines[i], true));
                i = labelled.LastLineIndex;
                continue;
            }
            if (vocabulary is null || TitleFinder.TryReadName(lines, i, vocabulary, options) is not { } named) continue;
            if (named.Verdict != TitleVerdict.Form) candidates.Add(new Candidate(named.Found, i, lines[i], false));
            i = named.Found.LastLineIndex;
        }

        var result = new List<Candidate>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var title = candidates[c].Found.Title;
            var nextTop = c + 1 < candidates.Count ? candidates[c + 1].Found.Title.Box.Top : double.NegativeInfinity;
            var gridBelow = grids.FirstOrDefault(g => g.Box.Top <= title.Box.Bottom + 2 && g.Box.Top > nextTop);
            if (candidates[c].Labelled)
            {
                // Contents pages list titles one under another with no table between them.
                var listed = gridBelow is null && (NearNeighbour(candidates, c, c + 1) || NearNeighbour(candidates, c, c - 1));
                if (!listed) result.Add(candidates[c]);
            }
            else if (gridBelow is not null ? title.Box.Bottom - gridBelow.Box.Top <= NameOnlyReach
                     : HasMetaLineBelow(lines, candidates[c], nextTop) || (c + 1 == candidates.Count && !NearNeighbour(candidates, c, c - 1, anyKind: true) && AtFootOfPage(lines, grids, candidates[c])))
                result.Add(candidates[c]);
        }
        return result;
    }

    /// <summary>
    /// A heading followed by its `单位：万元` / `编制部门：…` line names a table even when no grid was found under it
    /// (a table drawn without rules): it is kept, so that the missing grid is reported rather than the table lost.
    /// </summary>
    private static bool HasMetaLineBelow(List<TextLine> lines, Candidate candidate, double nextTitleTop)
    {
        var title = candidate.Found.Title.Box;
        for (var i = candidate.Found.LastLineIndex + 1; i < lines.Count && i <= candidate.Found.LastLineIndex + 3; i++)
        {
            var line = lines[i];
            if (title.Bottom - line.Box.Top > 4 * candidate.FirstLine.FontSize || line.Box.Top <= nextTitleTop + 0.5) break;
            if (line.Compact().Contains("单位：") || line.Compact().Contains("单位:") || line.Compact().StartsWith("编制部门")) return true;
        }
        return false;
    }

    /// <summary>A heading with nothing under it but a page number: its table starts on the next page.</summary>
    private static bool AtFootOfPage(List<TextLine> lines, List<TableGrid> grids, Candidate candidate)
    {
        var bottom = candidate.Found.Title.Box.Bottom;
        if (grids.Any(g => g.Box.Top < bottom)) return false;
        for (var i = candidate.Found.LastLineIndex + 1; i < lines.Count; i++)
            if (!lines[i].Compact().All(c => char.IsAsciiDigit(c) || c is '-' or '—' or '第' or '页')) return false;
        return true;
    }

    private static bool NearNeighbour(List<Candidate> candidates, int c, int other, bool anyKind = false)
    {
        if (other < 0 || other >= candidates.Count || !(anyKind || candidates[other].Labelled)) return false;
        var (upper, lower) = other > c ? (candidates[c].Found.Title.Box, candidates[other].Found.Title.Box) : (candidates[other].Found.Title.Box, candidates[c].Found.Title.Box);
        return upper.Bottom - lower.Top < 3 * candidates[c].FirstLine.FontSize;
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
            if (line.Compact().All(char.IsAsciiDigit)) break; // page number
            if (OutlineNumbering.StartsWith(line.Compact(), OutlineMark.Part)) break; // `第三部分` starts the next part
            parts.Add(line.Text);
            consumed.Add(i);
            previousBottom = line.Box.Bottom;
        }
        return parts.Count == 0 ? null : string.Concat(parts);
    }

    /// <summary>
    /// Tables out of grids that belong to no title and to no other stage (the sheets took theirs): each grid is a table
    /// titled by the nearest line above it on its page ("" when none), and a grid at the top of the next page with the
    /// same columns and no line above it continues the one before. Grids of a single row or column are frames, not tables;
    /// grids with 指标 columns or under a form title are parts of performance sheets (forms, not tables): a warning says
    /// when no sheet took them.
    /// </summary>
    /// <param name="cancellationToken">checked once per grid (a drug list is one grid per page over thousands of pages)</param>
    public (IReadOnlyList<StructuredTable> Tables, IReadOnlyList<Diagnostic> Warnings) UntitledTables(IReadOnlyList<TableGrid> grids, IReadOnlyList<TextLine> lines,
        ITitleVocabulary? vocabulary = null, CancellationToken cancellationToken = default)
    {
        var warnings = new List<Diagnostic>();
        var linesByPage = lines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.ToList());
        TextLine? LineAbove(TableGrid grid)
        {
            if (!linesByPage.TryGetValue(grid.Page, out var onPage)) return null;
            var above = onPage.Where(l => l.Box.Bottom >= grid.Box.Top - 1 && l.Box.Left < grid.Box.Right && l.Box.Right > grid.Box.Left)
                .OrderBy(l => l.Box.Bottom).Take(2).ToList();
            // A bracketed subtitle (`（2022年度）`) stands under the title it belongs to.
            return above.Count == 2 && above[0].Compact() is ['（' or '(', .., '）' or ')'] ? above[1] : above.FirstOrDefault();
        }
        // A sheet's column label (`一级指标`, `指标值`), not a 绩效目标 text that happens to say 指标 (`…费用估算指标的通知`).
        static bool IsIndicatorLabel(GridCell cell) => cell.Text.Contains("指标") && TextNormalizer.Compact(cell.Text).Length <= MaxIndicatorLabel;
        var builders = new List<TableBuilder>();
        TableBuilder? open = null;
        foreach (var grid in grids.OrderBy(g => g.Page).ThenByDescending(g => g.Box.Top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (grid.RowCount < 2 || grid.ColumnCount < 2) continue;
            var above = LineAbove(grid);
            if (grid.Cells.Count(IsIndicatorLabel) >= 2 || (above is not null && vocabulary?.Classify(above.Compact()) == TitleVerdict.Form))
            {
                warnings.Add(new Diagnostic("unread-sheet-grid", $"page {grid.Page}: a performance-sheet grid (指标 columns) that no sheet was read from", grid.Page));
                open = null;
                continue;
            }
            if (open is not null && open.LastPage == grid.Page - 1 && above is null && open.FirstGrid is { } first && ColumnMap(first, grid) is not null)
            {
                open.AddGrid(grid);
                continue;
            }
            open = new TableBuilder(this, new TableTitle(null, "", above?.Text ?? "", new Provenance(grid.Page, above?.Box ?? grid.Box)));
            open.AddGrid(grid);
            builders.Add(open);
        }
        var tables = builders.Select(b => b.Build(warnings)).ToList();
        return (tables, warnings);
    }

    private sealed class TableBuilder(DocumentSegmenter segmenter, TableTitle title)
    {
        private readonly List<TableGrid> _grids = [];
        /// <summary>The right part of a table too wide for its pages: grid i stands beside left grid i (<see cref="RightContinuation"/>).</summary>
        private readonly List<TableGrid> _right = [];
        /// <summary>For each right part, the row beside each body row of its left grid (<see cref="RightContinuation.PartnerRows"/>).</summary>
        private readonly List<int[]> _partners = [];
        public TableTitle Title => title;
        public int LastPage => _right.Count > 0 ? _right[^1].Page : _grids.Count > 0 ? _grids[^1].Page : title.Page;
        public bool HasRightPart => _right.Count > 0;
        public int ColumnCount => _grids.Count > 0 ? _grids[0].ColumnCount : -1;
        public TableGrid? FirstGrid => _grids.Count > 0 ? _grids[0] : null;
        public string? Department { get; private set; }
        public string? Unit { get; private set; }
        public string? Note { get; set; }
        /// <summary>Rows of the first grid above this one hold the title and meta lines, not header or body.</summary>
        public int FirstRow { get; set; }

        public void AddGrid(TableGrid grid) => _grids.Add(grid);

        /// <summary>
        /// Takes <paramref name="grid"/> as the part of the table printed to the right of the next left grid without a
        /// partner, when its rows are that grid's body rows (and, after the first, its columns the first right part's).
        /// </summary>
        public bool TryJoinAtRight(TableGrid grid)
        {
            if (_right.Count >= _grids.Count || grid.Page <= _grids[^1].Page) return false;
            if (_right.Count > 0 && (grid.ColumnCount != _right[0].ColumnCount || segmenter.ColumnMap(_right[0], grid) is null)) return false;
            var left = _grids[_right.Count];
            if (RightContinuation.PartnerRows(left, BodyStart(left), grid, segmenter.ContinuationEdgeReach) is not { } partners) return false;
            _right.Add(grid);
            _partners.Add(partners);
            return true;
        }

        /// <summary>The unit or department printed over the right part when the left part printed none.</summary>
        public void TakeMetaOf(TableBuilder other)
        {
            Unit ??= other.Unit;
            Department ??= other.Department;
        }

        private HeaderAnalyzer.HeaderInfo? _header;
        private HashSet<string>? _firstHeaderTexts;
        private HeaderAnalyzer.HeaderInfo FirstHeader => _header ??= WithWrappedUnit(HeaderAnalyzer.Analyze(_grids[0], FirstRow), _grids[0]);

        /// <summary>The first body row of one of the table's grids: the first grid's after its header; a continuation's after the rows that repeat it.</summary>
        private int BodyStart(TableGrid grid)
        {
            if (ReferenceEquals(grid, _grids[0])) return FirstHeader.HeaderRowCount;
            var headerTexts = _firstHeaderTexts ??= FirstHeader.HeaderRows.SelectMany(r => r).Select(c => TextNormalizer.Compact(c.Text)).ToHashSet();
            // A continuation repeats the header (or part of it) at its top: skip rows that are header again.
            var h = HeaderAnalyzer.Analyze(grid);
            var start = h.HeaderRowCount < grid.RowCount || h.ColumnNumberRow is not null ? h.HeaderRowCount : 0;
            // Only rows that repeat the first page's header are header again; label rows without amounts
            // (`小计`, `上年结转资金`) at the top of a continuation are body.
            while (start > 0 && !RepeatsHeader(grid, start - 1, headerTexts)) start--;
            return start;
        }

        private HashSet<string>? _headerTexts;

        /// <summary>
        /// True when the top rows of <paramref name="grid"/> print this table's header again: at least three of its
        /// header texts, and nearly all of them.
        /// </summary>
        public bool IsRepeatedIn(TableGrid grid)
        {
            if (FirstGrid is not { } first || ReferenceEquals(first, grid)) return false;
            if (_headerTexts is null)
            {
                var header = HeaderAnalyzer.Analyze(first, FirstRow);
                _headerTexts = header.HeaderRows.SelectMany(r => r).Select(c => TextNormalizer.Compact(c.Text)).Where(t => t.Length > 0).ToHashSet();
            }
            if (_headerTexts.Count < 3) return false;
            var top = new HashSet<string>();
            for (var r = 0; r < Math.Min(grid.RowCount, 6); r++)
                foreach (var t in grid.RowTexts(r)) top.Add(TextNormalizer.Compact(t));
            return _headerTexts.Count(top.Contains) >= Math.Max(3, (int)Math.Ceiling(0.8 * _headerTexts.Count));
        }

        /// <summary>
        /// A stream grid continuing this table on the next page, read with this table's columns when it found a
        /// different number of its own (no repeated header to anchor them) but spans the same width.
        /// </summary>
        public TableGrid AlignColumns(TableGrid grid)
        {
            if (_grids.Count == 0 || grid.Method != GridMethod.Stream || grid.ColumnCount == ColumnCount) return grid;
            var first = _grids[0];
            if (Math.Abs(first.Box.Left - grid.Box.Left) > 3 || Math.Abs(first.Box.Right - grid.Box.Right) > 3) return grid;
            return segmenter.Regrid(grid, first.ColumnEdges);
        }

        public bool TryTakeMeta(TextLine line)
        {
            var text = line.Text;
            var taken = false;
            foreach (var key in new[] { "编制部门", "编制单位", "部门名称", "单位名称", "预算单位", "部门" })
            {
                var at = line.Compact().IndexOf(key, StringComparison.Ordinal);
                if (at < 0) continue;
                var rest = AfterColon(text, key);
                if (rest is not null) { Department = CutAtUnit(rest).Trim(); taken = true; }
            }
            var unitAt = text.LastIndexOf("单位", StringComparison.Ordinal);
            if (unitAt >= 0)
            {
                var rest = AfterColon(text[unitAt..], "单位");
                if (rest is not null && rest.Trim() is { Length: > 0 and <= 4 } unit && unit.Contains('元')) { Unit = unit; taken = true; }
                // `单位：万` with `元` wrapped onto the next line of a narrow cell.
                else if (rest is not null && UnitParser.IsPrefix(rest.Trim())) { _unitStart = (rest.Trim(), line.Box); taken = true; }
            }
            if (!taken && Unit is null && _unitStart is { } start && line.Compact() == "元"
                && line.Box.Top <= start.Box.Bottom + 1 && line.Box.Left < start.Box.Right && line.Box.Right > start.Box.Left)
            {
                Unit = start.Prefix + "元";
                taken = true;
            }
            return taken;
        }

        private (string Prefix, Box Box)? _unitStart;

        /// <summary>
        /// `单位：万` whose `元` wrapped into the grid's top header cell below it (`元预算金额`): the unit is 万元 and the
        /// header reads `预算金额`.
        /// </summary>
        private HeaderAnalyzer.HeaderInfo WithWrappedUnit(HeaderAnalyzer.HeaderInfo header, TableGrid grid)
        {
            if (Unit is not null || _unitStart is not { } start || FirstRow >= grid.RowCount) return header;
            foreach (var cell in grid.CellsStartingInRow(FirstRow))
            {
                if (!cell.Text.StartsWith('元') || cell.Text.Length < 2) continue;
                var below = cell.Glyphs.Any(g => g.Text == "元" && g.Box.Left < start.Box.Right && g.Box.Right > start.Box.Left
                    && g.Box.Top <= start.Box.Bottom + 1 && g.Box.Top >= start.Box.Bottom - 2 * start.Box.Height);
                if (!below) continue;
                Unit = start.Prefix + "元";
                var name = cell.Text[1..].TrimStart();
                return header with
                {
                    Columns = header.Columns.Select(c => c with { Path = c.Path.Select(p => p == cell.Text ? name : p).ToList() }).ToList(),
                    HeaderRows = header.HeaderRows.Select(r => (IReadOnlyList<HeaderCell>)r.Select(h => h.Text == cell.Text && h.Column == cell.Col ? h with { Text = name } : h).ToList()).ToList(),
                };
            }
            return header;
        }

        private static string? AfterColon(string text, string key)
        {
            var compact = TextNormalizer.Compact(text);
            var at = compact.IndexOf(key, StringComparison.Ordinal);
            if (at < 0) return null;
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
            {
                warnings.Add(new Diagnostic("table-without-grid", $"{title.Label} {title.Title}: no table grid found below the title (drawn without ruling lines?)", title.Page));
                return new StructuredTable(title, Department, Unit, [title.Page], [], [], [], [], Note, []);
            }

            var first = _grids[0];
            var header = FirstHeader;
            var right = RightPart();
            if (right is not null)
                header = RightContinuation.JoinHeaders(header, first, FirstRow, right.Header, _right[0], right.Skip, segmenter.ContinuationEdgeReach);
            var rows = new List<IReadOnlyList<Cell>>();
            var spans = new List<Span>();
            var pages = new SortedSet<int> { title.Page };
            for (var g = 0; g < _grids.Count; g++)
            {
                var grid = _grids[g];
                pages.Add(grid.Page);
                var start = BodyStart(grid);
                if (!ReferenceEquals(grid, first) && grid.ColumnCount != first.ColumnCount && segmenter.ColumnMap(first, grid) is null)
                    warnings.Add(new Diagnostic("continuation-columns", $"{title.Label}: continued on page {grid.Page} with {grid.ColumnCount} columns instead of {first.ColumnCount}", grid.Page));
                var beside = right is not null && g < _right.Count ? _right[g] : null;
                var partners = beside is null ? null : _partners[g];
                if (beside is not null) pages.Add(beside.Page);

                // Index of the grid column that starts at each column of the first grid (-1 inside a wider one).
                var map = segmenter.ColumnMap(first, grid) ?? Enumerable.Range(0, first.ColumnCount).Select(c => c < grid.ColumnCount ? c : -1).ToArray();
                for (var r = start; r < grid.RowCount; r++)
                {
                    var cells = new Cell[header.Columns.Count];
                    var any = false;
                    for (var c = 0; c < first.ColumnCount; c++)
                    {
                        var gc = map[c];
                        var cell = gc >= 0 ? grid.CellAt(r, gc) : null;
                        if (cells[c] is not null) continue; // an amount moved here from a merged cell on its left
                        if (cell is not null && cell.Row == r && cell.Col == gc)
                        {
                            var text = BodyCell(cell, grid.Page);
                            any |= cell.Text.Length > 0;
                            var span = SpanInFirstColumns(map, c, gc + cell.ColSpan);
                            if (span > 1 && AmountColumnUnder(cell, grid, map, c, span) is { } under && under != c)
                            {
                                // A rule missing in a body row merges an amount's cell with the one on its left (bj-038
                                // 合计 row: `1,024,807.171785` in a cell over 部门支出经济分类科目 | 合计): it belongs
                                // to the column it stands under.
                                cells[c] = new Cell("", "", text.At);
                                cells[under] = text;
                                continue;
                            }
                            cells[c] = text;
                            if (span > 1 && cell.Text.Length > 0) spans.Add(new Span(rows.Count, c, span));
                        }
                        else cells[c] = new Cell("", "", new Provenance(grid.Page, cell?.Box ?? default));
                    }
                    for (var c = first.ColumnCount; c < cells.Length; c++)
                    {
                        var rc = c - first.ColumnCount + right!.Skip;
                        var cell = beside is not null && partners is not null ? beside.CellAt(partners[r - start], rc) : null;
                        if (cell is not null && cell.Row == partners![r - start] && cell.Col == rc)
                        {
                            cells[c] = BodyCell(cell, beside!.Page);
                            any |= cell.Text.Length > 0;
                            if (cell.ColSpan > 1 && cell.Text.Length > 0) spans.Add(new Span(rows.Count, c, Math.Min(cell.ColSpan, cells.Length - c)));
                        }
                        else cells[c] = new Cell("", "", new Provenance(beside?.Page ?? grid.Page, cell?.Box ?? default));
                    }
                    if (any && r == start && g > 0 && rows.Count > 0 && CarriesOver(rows[^1], cells))
                    {
                        // The wrapped text of the last row of the page before, continued on this page (sz-finance p.12:
                        // `相关行业规范和健康发展；…` finishing the 绩效目标 of 财政监督管理业务): one row.
                        rows[^1] = rows[^1].Select((cell, c) => cells[c].Text.Length == 0 ? cell : cell with { Text = cell.Text + cells[c].Text, Raw = cell.Raw + cells[c].Raw }).ToList();
                        any = false;
                    }
                    if (any) rows.Add(cells);
                    else spans.RemoveAll(s => s.Row == rows.Count);
                }
            }
            return new StructuredTable(title, Department, Unit, pages.ToList(), header.Columns, header.HeaderRows, rows, spans, Note, [.. _grids, .. _right]);
        }

        /// <summary>
        /// True when <paramref name="row"/>, the first body row of a page, only carries on the texts of <paramref name="previous"/>,
        /// the last row of the page before: no amount, nothing in the first column, text only where the previous row has
        /// text (not an amount), and fewer filled cells than half of the previous row's, which holds amounts.
        /// </summary>
        private static bool CarriesOver(IReadOnlyList<Cell> previous, Cell[] row)
        {
            if (row[0].Text.Length > 0) return false;
            var filled = 0;
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c].Text.Length == 0) continue;
                if (AmountParser.TryParse(row[c].Text, out _) || previous[c].Text.Length == 0 || AmountParser.TryParse(previous[c].Text, out _)) return false;
                filled++;
            }
            var previousFilled = previous.Count(c => c.Text.Length > 0);
            return filled > 0 && 2 * filled < previousFilled && previous.Any(c => AmountParser.Parse(c.Text).Kind == AmountKind.Number);
        }

        private static Cell BodyCell(GridCell cell, int page) =>
            new(cell.Text, cell.Raw, new Provenance(page, cell.Box)) { Confidence = cell.Glyphs.Min(g => g.Confidence) };

        private sealed record RightHeader(HeaderAnalyzer.HeaderInfo Header, int Skip);

        /// <summary>The right part's header (its rows above the left part's first body row) and how many label columns it repeats.</summary>
        private RightHeader? RightPart()
        {
            if (_right.Count == 0) return null;
            var left = _grids[0];
            var partners = _partners[0];
            var skip = RightContinuation.RepeatedLabelColumns(left, BodyStart(left), _right[0], partners);
            return new RightHeader(HeaderAnalyzer.Analyze(_right[0], 0, partners[0]), skip);
        }

        /// <summary>
        /// For a body cell merged over <paramref name="span"/> columns from <paramref name="column"/> that prints one amount:
        /// the column under the amount's centre; null for any other text.
        /// </summary>
        private static int? AmountColumnUnder(GridCell cell, TableGrid grid, int[] map, int column, int span)
        {
            if (cell.Glyphs.Count == 0 || AmountParser.Parse(cell.Text).Kind != AmountKind.Number) return null;
            var centre = (cell.Glyphs.Min(g => g.Box.Left) + cell.Glyphs.Max(g => g.Box.Right)) / 2;
            for (var c = column; c < column + span; c++)
            {
                var gc = map[c];
                if (gc < 0) continue;
                var right = c + 1 < column + span && map[c + 1] >= 0 ? grid.ColumnEdges[map[c + 1]] : cell.Box.Right;
                if (centre >= grid.ColumnEdges[gc] && centre < right) return c;
            }
            return null;
        }
    }
}
