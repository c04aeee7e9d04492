using System.Text.RegularExpressions;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>
/// Builds the grid of a table drawn with horizontal rules only (Method "stream"). Rows come from the rules; columns
/// from the whitespace gutters of the leaf header cells and the body (<see cref="ColumnFinder"/>). Where no vertical
/// rule says which header cells are merged, the builder puts virtual vertical rules between columns and leaves them
/// out where a header text is centred over several columns or crosses a gutter, or where a body label (`总计`) stands
/// centred over empty leading columns. The result goes through <see cref="LatticeDetector.BuildGrid"/>, so spans and
/// cell texts come out exactly as for a ruled table.
/// </summary>
/// <param name="tolerances">the layout stage's thresholds (<see cref="LayoutOptions.Tolerances"/>)</param>
public sealed partial class StreamTableBuilder(LayoutTolerances tolerances)
{
    [GeneratedRegex(@"^[-−]?[\d,]*\d(\.\d+)?%?$")]
    private static partial Regex NumberToken();

    private double Eps => tolerances.StreamEps;

    private double ColumnReward => tolerances.ColumnReward;

    public TableGrid Build(RuledRegion region, int page, IReadOnlyList<Glyph> glyphs)
    {
        var ys = region.RuleYs;
        var bands = ys.Count - 1;
        var bandGlyphs = new List<Glyph>[bands];
        for (var i = 0; i < bands; i++) bandGlyphs[i] = [];
        foreach (var g in glyphs)
        {
            var band = GridLines.BandIndex(ys, g.CentreY);
            if (band >= 0) bandGlyphs[band].Add(g);
        }

        // The header ends with the column-number row (`※ 1 2 3`), or before the first band holding numbers.
        int headerEnd = bands, labelEnd = bands;
        for (var i = 0; i < bands; i++)
        {
            var tokens = Tokens(bandGlyphs[i], page);
            if (tokens.Count == 0) continue;
            if (ColumnNumberRow.IsRow(tokens)) { headerEnd = i + 1; labelEnd = i; break; }
            // A table whose amounts are all blank still opens its body with the total row or an enumerated item (一、…).
            if (tokens.Any(t => NumberToken().IsMatch(t)) || IsBodyOpener(tokens[0])) { headerEnd = labelEnd = i; break; }
        }
        var headerBottom = ys[headerEnd];
        var labelBottom = ys[labelEnd];
        var partials = region.PartialRules.Where(r => r.Position > headerBottom + Eps).ToList();

        // Header text with a rule under it (inside the header) heads a group of columns: it must not anchor columns.
        bool IsLeaf(Glyph g)
        {
            if (g.CentreY < labelBottom) return true;
            for (var i = 1; i < labelEnd; i++)
                if (ys[i] < g.CentreY && ys[i] > labelBottom + Eps) return false;
            foreach (var p in partials)
                if (p.Position < g.CentreY && p.Position > labelBottom + Eps && p.Start - Eps <= g.CentreX && p.End + Eps >= g.CentreX) return false;
            return true;
        }
        var headerLeaves = new List<Glyph>();
        var body = new List<Glyph>();
        for (var i = 0; i < headerEnd; i++)
            foreach (var g in bandGlyphs[i])
                if (i >= labelEnd || IsLeaf(g)) headerLeaves.Add(g);
        var labels = new List<(double Left, double Right)>();
        body.AddRange(WithoutCentredLabels(bandGlyphs.Skip(headerEnd).ToList(), labels));
        var edges = new ColumnFinder(tolerances).Find(region.Box.Left, region.Box.Right, headerLeaves, body, labels);
        var columns = edges.Count - 1;

        var gridYs = ys.Concat(partials.Select(p => p.Position)).OrderByDescending(y => y).ToList();
        gridYs = GridLines.DistinctDescending(gridYs, tolerances.RulingSnap);
        var rows = gridYs.Count - 1;
        var present = new bool[columns + 1, rows];
        for (var b = 0; b <= columns; b++)
            for (var r = 0; r < rows; r++) present[b, r] = true;

        var headerGlyphs = new List<Glyph>();
        for (var i = 0; i < headerEnd; i++) headerGlyphs.AddRange(bandGlyphs[i]);
        MergeHeaderCells(present, edges, gridYs, ys, partials, headerBottom, headerGlyphs, page);
        MergeBodyLabels(present, edges, gridYs, headerBottom, glyphs);

        var horizontals = ys.Select(y => new Ruling(Orientation.Horizontal, y, region.Box.Left, region.Box.Right)).Concat(partials).ToList();
        var verticals = new List<Ruling>();
        for (var b = 0; b <= columns; b++)
            for (var r = 0; r < rows; r++)
                if (present[b, r]) verticals.Add(new Ruling(Orientation.Vertical, edges[b], gridYs[r + 1], gridYs[r]));
        var frame = new LatticeDetector.Frame(region.Box, edges, gridYs, horizontals, verticals);
        var sourceRules = ys.Select(y => new Ruling(Orientation.Horizontal, y, region.Box.Left, region.Box.Right)).Concat(region.PartialRules).ToList();
        return LatticeDetector.BuildGrid(frame, page, glyphs, tolerances, GridMethod.Stream, sourceRules);
    }

    /// <summary>
    /// The same rows read with another table's column boundaries: a continuation page without repeated header rows
    /// has nothing to anchor its own columns on, but sits under the same template as the page before.
    /// </summary>
    public TableGrid Regrid(TableGrid grid, IReadOnlyList<double> columnEdges)
    {
        var edges = columnEdges.ToList();
        var ys = grid.RowEdges.ToList();
        var box = new Box(edges[0], ys[^1], edges[^1], ys[0]);
        var horizontals = ys.Select(y => new Ruling(Orientation.Horizontal, y, box.Left, box.Right)).ToList();
        var verticals = edges.Select(x => new Ruling(Orientation.Vertical, x, box.Bottom, box.Top)).ToList();
        var glyphs = grid.Cells.SelectMany(c => c.Glyphs).ToList();
        return LatticeDetector.BuildGrid(new LatticeDetector.Frame(box, edges, ys, horizontals, verticals), grid.Page, glyphs, tolerances, grid.Method, grid.HorizontalRules);
    }

    /// <summary>
    /// Body glyphs that anchor columns: all but a row's leading label when no other row's text starts where it starts
    /// (`总计` or the department's name centred over several columns would bridge the gutters between them).
    /// </summary>
    private List<Glyph> WithoutCentredLabels(List<List<Glyph>> bands, List<(double Left, double Right)> leftOut)
    {
        var leading = new List<Glyph>?[bands.Count];
        var starts = new List<double>();
        for (var i = 0; i < bands.Count; i++)
        {
            var visible = bands[i].Where(g => !g.IsWhitespace).ToList();
            if (visible.Count == 0) continue;
            starts.Add(visible.Min(g => g.Box.Left));
            var segment = LeadingSegment(bands[i]);
            leading[i] = segment;
        }
        starts.Sort();
        var result = new List<Glyph>();
        for (var i = 0; i < bands.Count; i++)
        {
            var skip = leading[i] is { Count: > 0 } seg && CountNear(starts, seg.Min(g => g.Box.Left), 1.5) < 2 ? seg.ToHashSet() : null;
            if (skip is not null) leftOut.Add((skip.Min(g => g.Box.Left), skip.Max(g => g.Box.Right)));
            foreach (var g in bands[i])
                if (skip is null || !skip.Contains(g)) result.Add(g);
        }
        return result;
    }

    private static int CountNear(List<double> sorted, double value, double tolerance)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] < value - tolerance) lo = mid + 1; else hi = mid; }
        var count = 0;
        for (var i = lo; i < sorted.Count && sorted[i] <= value + tolerance; i++) count++;
        return count;
    }

    /// <summary>
    /// In each header band, columns whose piece between rules has the same top and bottom form a strip; within a strip
    /// every text claims the columns it touches, and the empty columns between texts go to the text they centre best.
    /// </summary>
    private void MergeHeaderCells(bool[,] present, List<double> edges, List<double> gridYs, IReadOnlyList<double> ys,
        List<Ruling> partials, double headerBottom, List<Glyph> headerGlyphs, int page)
    {
        var columns = edges.Count - 1;
        var cuts = new List<double>[columns];
        for (var c = 0; c < columns; c++)
        {
            var x = (edges[c] + edges[c + 1]) / 2;
            cuts[c] = ys.Concat(partials.Where(p => p.Start - Eps <= x && p.End + Eps >= x).Select(p => p.Position)).OrderByDescending(y => y).ToList();
        }
        for (var r = 0; r < gridYs.Count - 1 && gridYs[r + 1] >= headerBottom - Eps; r++)
        {
            var pieces = new (double Top, double Bottom)[columns];
            for (var c = 0; c < columns; c++)
                pieces[c] = (cuts[c].Where(y => y >= gridYs[r] - Eps).Min(), cuts[c].Where(y => y <= gridYs[r + 1] + Eps).Max());
            var c0 = 0;
            while (c0 < columns)
            {
                var c1 = c0;
                while (c1 + 1 < columns && Math.Abs(pieces[c1 + 1].Top - pieces[c0].Top) < Eps && Math.Abs(pieces[c1 + 1].Bottom - pieces[c0].Bottom) < Eps) c1++;
                var box = new Box(edges[c0], pieces[c0].Bottom, edges[c1 + 1], pieces[c0].Top);
                var inStrip = headerGlyphs.Where(g => box.Contains(g.CentreX, g.CentreY)).ToList();
                var groups = GroupColumns(inStrip, edges, c0, c1, page);
                for (var b = c0 + 1; b <= c1; b++)
                    if (groups[b - c0] == groups[b - c0 - 1] && groups[b - c0] >= 0) present[b, r] = false;
                c0 = c1 + 1;
            }
        }
    }

    /// <summary>For columns c0..c1 of one strip: the group each column belongs to (−1: an empty cell of its own).</summary>
    private int[] GroupColumns(List<Glyph> glyphs, List<double> edges, int c0, int c1, int page)
    {
        var n = c1 - c0 + 1;
        var sets = new DisjointSets(n);
        var hasText = new bool[n];
        foreach (var line in TextLineBuilder.Build(glyphs, page, tolerances, tolerances.MinColumnGapEms))
        {
            var first = -1;
            foreach (var g in line.Glyphs)
            {
                var c = GridLines.ColumnIndex(edges, g.CentreX) - c0;
                if (c < 0 || c >= n) continue;
                hasText[c] = true;
                if (first < 0) first = c; else sets.Union(first, c);
            }
        }
        // Anchors: contiguous column ranges holding one text each (ranges that overlap are one anchor).
        var anchors = new List<(int Start, int End, double Left, double Right)>();
        for (var c = 0; c < n; c++)
        {
            if (!hasText[c]) continue;
            var root = sets.Find(c);
            var end = c;
            for (var other = c + 1; other < n; other++) if (hasText[other] && sets.Find(other) == root) end = other;
            if (anchors.Count > 0 && anchors[^1].End >= c) anchors[^1] = (anchors[^1].Start, Math.Max(anchors[^1].End, end), 0, 0);
            else anchors.Add((c, end, 0, 0));
        }
        var result = new int[n];
        Array.Fill(result, -1);
        if (anchors.Count == 0) return result;
        for (var a = 0; a < anchors.Count; a++)
        {
            var (s, e, _, _) = anchors[a];
            var own = glyphs.Where(g => !g.IsWhitespace && GridLines.ColumnIndex(edges, g.CentreX) - c0 is var c && c >= s && c <= e).ToList();
            anchors[a] = (s, e, own.Min(g => g.Box.Left), own.Max(g => g.Box.Right));
        }

        // Dynamic programme over anchors: best[a][end] = least centring error with anchor a's group ending at `end`.
        var k = anchors.Count;
        var best = new double[k, n];
        var from = new int[k, n];
        for (var a = 0; a < k; a++)
            for (var e = 0; e < n; e++) { best[a, e] = double.PositiveInfinity; from[a, e] = -1; }
        for (var a = 0; a < k; a++)
        {
            var (s, e, left, right) = anchors[a];
            var centre = (left + right) / 2;
            var maxEnd = a + 1 < k ? anchors[a + 1].Start - 1 : n - 1;
            for (var end = e; end <= maxEnd; end++)
            {
                var minStart = a == 0 ? 0 : anchors[a - 1].End + 1;
                for (var start = minStart; start <= s; start++)
                {
                    var before = a == 0 ? 0 : BestBefore(best, a - 1, start - 1, anchors[a - 1].End);
                    if (double.IsPositiveInfinity(before)) continue;
                    // Header cells are rarely empty: each column a text's group takes in earns a reward, so a group
                    // heading a whole strip beats a slightly better-centred one that leaves columns empty.
                    var cost = before + Math.Abs((edges[c0 + start] + edges[c0 + end + 1]) / 2 - centre) - ColumnReward * (end - start + 1);
                    if (cost < best[a, end]) { best[a, end] = cost; from[a, end] = start; }
                }
            }
        }
        // Walk back from the cheapest end of the last anchor.
        var last = Enumerable.Range(anchors[^1].End, n - anchors[^1].End).MinBy(e => best[k - 1, e]);
        for (var a = k - 1; a >= 0; a--)
        {
            var start = from[a, last];
            for (var c = start; c <= last; c++) result[c] = a;
            if (a > 0) last = Enumerable.Range(anchors[a - 1].End, start - anchors[a - 1].End).MinBy(e => best[a - 1, e]);
        }
        return result;
    }

    /// <summary>Least cost of anchor a ending anywhere between its own last column and <paramref name="maxEnd"/>.</summary>
    private static double BestBefore(double[,] best, int a, int maxEnd, int minEnd)
    {
        var result = double.PositiveInfinity;
        for (var e = minEnd; e <= maxEnd; e++) result = Math.Min(result, best[a, e]);
        return result;
    }

    /// <summary>
    /// A body label that stands alone in its row, after empty leading columns, centred over them and its own column
    /// rather than aligned like the other texts of its column, is a merged cell (`总计`, the department's name).
    /// </summary>
    private void MergeBodyLabels(bool[,] present, List<double> edges, List<double> gridYs, double headerBottom, IReadOnlyList<Glyph> glyphs)
    {
        var columns = edges.Count - 1;
        var firstBody = gridYs.FindIndex(y => y <= headerBottom + Eps);
        var rows = gridYs.Count - 1;
        if (firstBody < 0 || firstBody >= rows) return;
        var cells = new Dictionary<(int Row, int Col), (double Left, double Right)>();
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) continue;
            var r = GridLines.BandIndex(gridYs, g.CentreY);
            if (r < firstBody) continue;
            var c = GridLines.ColumnIndex(edges, g.CentreX);
            if (c < 0 || c >= columns) continue;
            cells[(r, c)] = cells.TryGetValue((r, c), out var box) ? (Math.Min(box.Left, g.Box.Left), Math.Max(box.Right, g.Box.Right)) : (g.Box.Left, g.Box.Right);
        }
        // Where the texts of each column usually start (left-aligned columns share one left edge).
        var usualLeft = cells.GroupBy(kv => kv.Key.Col)
            .ToDictionary(g => g.Key, g => g.GroupBy(kv => Math.Round(kv.Value.Left)).Where(h => h.Count() >= 2).Select(h => h.Key).ToHashSet());

        var columnsByRow = cells.Keys.GroupBy(k => k.Row).ToDictionary(g => g.Key, g => g.Select(k => k.Col).ToList());
        var rowGlyphs = new List<Glyph>[rows];
        for (var r = 0; r < rows; r++) rowGlyphs[r] = [];
        foreach (var g in glyphs)
            if (GridLines.BandIndex(gridYs, g.CentreY) is var r && r >= firstBody) rowGlyphs[r].Add(g);
        for (var r = firstBody; r < rows; r++)
        {
            var label = LeadingSegment(rowGlyphs[r]);
            if (label is null) continue;
            double left = label.Min(g => g.Box.Left), right = label.Max(g => g.Box.Right);
            int c = GridLines.ColumnIndex(edges, label[0].CentreX), cLast = GridLines.ColumnIndex(edges, label[^1].CentreX);
            if (c < 0 || cLast >= columns) continue;
            var centre = (left + right) / 2;
            var ownError = double.PositiveInfinity;
            if (c == cLast)
            {
                if (usualLeft.TryGetValue(c, out var lefts) && lefts.Any(l => Math.Abs(l - left) <= 1.5)) continue;
                ownError = Math.Abs((edges[c] + edges[c + 1]) / 2 - centre);
            }
            var labelCells = label.Select(g => GridLines.ColumnIndex(edges, g.CentreX)).ToHashSet();
            var others = columnsByRow.TryGetValue(r, out var used) ? used.Where(col => !labelCells.Contains(col)).ToHashSet() : [];
            if (others.Any(o => o < c)) continue;
            int bestEnd = -1;
            var bestError = ownError;
            for (var e = Math.Max(cLast, 1); e < columns && !others.Contains(e); e++)
            {
                var error = Math.Abs((edges[0] + edges[e + 1]) / 2 - centre);
                if (error < bestError && error <= 0.1 * (edges[e + 1] - edges[0]) + 2) { bestError = error; bestEnd = e; }
            }
            for (var b = 1; b <= bestEnd; b++) present[b, r] = false;
        }
    }

    /// <summary>The leftmost run of touching glyphs on a row's first line, when it is text (not a number or code).</summary>
    private List<Glyph>? LeadingSegment(List<Glyph> glyphs)
    {
        var visible = glyphs.Where(g => !g.IsWhitespace).ToList();
        if (visible.Count == 0) return null;
        var first = visible.MinBy(g => g.Box.Left)!;
        if (first.Text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-')) return null;
        var line = glyphs.Where(g => Math.Abs(g.Baseline - first.Baseline) < 0.5 * first.FontSize).OrderBy(g => g.AdvanceLeft).ToList();
        var segment = new List<Glyph>();
        var end = first.AdvanceLeft;
        foreach (var g in line)
        {
            if (g.AdvanceRight <= first.AdvanceLeft) continue;
            if (g.AdvanceLeft - end > tolerances.MinColumnGapEms * first.FontSize) break;
            if (!g.IsWhitespace) segment.Add(g);
            end = Math.Max(end, g.AdvanceRight);
        }
        return segment;
    }

    /// <summary>The row that opens a body whose amounts are all blank: the total (`合计`, `总计`) or a chapter (`一、`).</summary>
    private static bool IsBodyOpener(string token) =>
        token.StartsWith("合计", StringComparison.Ordinal) || token.StartsWith("总计", StringComparison.Ordinal) || OutlineNumbering.StartsWith(token, OutlineMark.Chapter);

    private List<string> Tokens(List<Glyph> glyphs, int page) =>
        TextLineBuilder.Build(glyphs, page, tolerances, 1.0).SelectMany(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
}
