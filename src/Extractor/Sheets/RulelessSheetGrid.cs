using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Sheets;

/// <summary>
/// Reads a sheet drawn with horizontal rules only (no vertical rules) as the same grid a ruled sheet gives, so the form
/// reader need not know how it was drawn. Rows are the bands between all rules, partial ones included: a rule that
/// stops short leaves a merged cell standing across it (年度预算 label, 一级/二级 levels merged down), and its end is a
/// column boundary in the bands it touches. Columns of the indicator grid are the texts of its header row
/// (一级指标 … 佐证资料), each boundary put where no body text of the grid crosses; in the header block above it, every
/// band is cut at its own gutters (label | value | label | value).
/// </summary>
/// <param name="options">gutters, edge snap and header length (<see cref="SheetOptions"/>)</param>
/// <param name="layout">the layout thresholds the rebuilt grid is built with</param>
internal sealed class RulelessSheetGrid(SheetOptions options, LayoutTolerances layout)
{
    private double MinGutterEms => options.MinGutterEms;
    private double MinEdgeGapEms => options.MinEdgeGapEms;
    private int MaxHeaderLength => options.MaxHeaderLength;
    private double EdgeSnap => options.EdgeSnap;

    private sealed record Segment(double Left, double Right, List<Glyph> Glyphs, LayoutTolerances Layout)
    {
        public string Text => TextLineBuilder.JoinLines(Glyphs, Layout).Text.Trim();
    }

    /// <summary>
    /// The grids with every rule-less sheet rebuilt: a stream grid that reads as a sheet once rebuilt (or continues one
    /// on the next page with the same outer edges) is replaced; stream grids nested inside another grid of their page
    /// (a stack of partial rules under a merged cell) are dropped, their rules belong to the enclosing one. A continued
    /// page without a repeated indicator header takes the indicator columns of the page before.
    /// </summary>
    public List<TableGrid> Prepare(IReadOnlyList<TableGrid> grids, SheetCatalog catalog)
    {
        var result = new List<TableGrid>(grids.Count);
        var byPage = grids.GroupBy(g => g.Page).ToDictionary(g => g.Key, g => g.ToList());
        Rebuilt? last = null;
        foreach (var grid in grids)
        {
            if (grid.Method == GridMethod.Stream && byPage[grid.Page].Any(o => !ReferenceEquals(o, grid) && Encloses(o.Box, grid.Box)))
                continue;
            var continues = last is not null && grid.Page == last.Grid.Page + 1
                && Math.Abs(grid.Box.Left - last.Grid.Box.Left) <= EdgeSnap && Math.Abs(grid.Box.Right - last.Grid.Box.Right) <= EdgeSnap;
            var rebuilt = Rebuild(grid, catalog, continues ? last!.IndicatorEdges : null);
            if (rebuilt is not null && (continues || SheetGridProfile.Of(rebuilt.Grid, catalog, options).IsSheetLike))
            {
                result.Add(rebuilt.Grid);
                last = rebuilt;
            }
            else result.Add(grid);
        }
        return result;
    }

    private bool Encloses(Box outer, Box inner) =>
        outer.Left <= inner.Left + EdgeSnap && outer.Right >= inner.Right - EdgeSnap && outer.Top >= inner.Top - EdgeSnap && outer.Bottom <= inner.Bottom + EdgeSnap
        && (outer.Width > inner.Width + EdgeSnap || outer.Height > inner.Height + EdgeSnap);

    /// <summary>A rebuilt grid and the column boundaries of its indicator grid (null when it has none).</summary>
    private sealed record Rebuilt(TableGrid Grid, IReadOnlyList<double>? IndicatorEdges);

    /// <summary>
    /// The grid rebuilt with virtual vertical rules, or null when it is not a stream grid with rules.
    /// <paramref name="inheritedEdges"/>: the indicator columns of the page before, for a page that does not repeat the header.
    /// </summary>
    private Rebuilt? Rebuild(TableGrid grid, SheetCatalog catalog, IReadOnlyList<double>? inheritedEdges)
    {
        if (grid.Method != GridMethod.Stream || grid.HorizontalRules.Count < 3) return null;
        var glyphs = grid.Cells.SelectMany(c => c.Glyphs).ToList();
        var visible = glyphs.Where(g => !g.IsWhitespace).ToList();
        if (visible.Count == 0) return null;
        var sizes = visible.Select(g => g.FontSize).Order().ToList();
        var minGap = MinGutterEms * sizes[sizes.Count / 2];
        double left = grid.Box.Left, right = grid.Box.Right;

        var ys = GridLines.DistinctDescending(grid.HorizontalRules.Select(r => r.Position), layout.RulingSnap);
        var bands = ys.Count - 1;
        if (bands < 2) return null;
        var bandGlyphs = new List<Glyph>[bands];
        for (var b = 0; b < bands; b++) bandGlyphs[b] = [];
        foreach (var g in visible)
            if (GridLines.BandIndex(ys, g.CentreY) is var b && b >= 0) bandGlyphs[b].Add(g);

        // Rule ends inside the table: a merged cell's side, a column boundary in the bands above and below the rule.
        var ruleEnds = new List<double>[bands];
        for (var b = 0; b < bands; b++) ruleEnds[b] = [];
        var allEnds = new List<double>();
        foreach (var rule in grid.HorizontalRules)
        {
            var at = GridLines.Nearest(ys, rule.Position);
            foreach (var x in new[] { rule.Start, rule.End })
            {
                if (x <= left + EdgeSnap || x >= right - EdgeSnap) continue;
                allEnds.Add(x);
                if (at > 0) ruleEnds[at - 1].Add(x);
                if (at < bands) ruleEnds[at].Add(x);
            }
        }
        var minEdgeGap = MinEdgeGapEms * sizes[sizes.Count / 2];
        var segments = bandGlyphs.Select(list => Segments(list, minGap, minEdgeGap, allEnds)).ToArray();

        var headerBand = Array.FindIndex(segments, s => IsIndicatorHeader(s, catalog));
        // Without its own header, a continued page's bands are all indicator rows under the inherited columns.
        var gridStart = headerBand >= 0 ? headerBand : inheritedEdges is not null ? 0 : bands;
        var boundaries = new List<double>[bands];
        for (var b = 0; b < gridStart; b++)
            boundaries[b] = BandBoundaries(segments[b], ruleEnds[b], bandGlyphs[b]);
        List<double>? columns = null;
        if (gridStart < bands)
        {
            var gridEnds = Enumerable.Range(gridStart, bands - gridStart).SelectMany(b => ruleEnds[b]).ToList();
            if (headerBand >= 0)
            {
                var body = Enumerable.Range(headerBand + 1, bands - headerBand - 1).SelectMany(b => bandGlyphs[b]).ToList();
                columns = BandBoundaries(segments[headerBand], gridEnds, body);
            }
            else columns = inheritedEdges!.Where(x => x > left + EdgeSnap && x < right - EdgeSnap).ToList();
            // A rule end that no header gutter explains (a level column whose header text wraps) is a boundary too.
            columns.AddRange(gridEnds.Where(x => columns.All(c => Math.Abs(c - x) > EdgeSnap)));
            for (var b = gridStart; b < bands; b++) boundaries[b] = columns;
        }

        var xs = SnapEdges(boundaries.SelectMany(list => list).Append(left).Append(right));
        var verticals = new List<Ruling>();
        for (var b = 0; b < bands; b++)
        {
            verticals.Add(new Ruling(Orientation.Vertical, left, ys[b + 1], ys[b]));
            verticals.Add(new Ruling(Orientation.Vertical, right, ys[b + 1], ys[b]));
            foreach (var x in boundaries[b])
                verticals.Add(new Ruling(Orientation.Vertical, xs[GridLines.Nearest(xs, x)], ys[b + 1], ys[b]));
        }
        var box = new Box(left, ys[^1], right, ys[0]);
        var frame = new LatticeDetector.Frame(box, xs, ys, grid.HorizontalRules.ToList(), verticals);
        return new Rebuilt(LatticeDetector.BuildGrid(frame, grid.Page, glyphs, layout, grid.Method, grid.HorizontalRules), columns);
    }

    /// <summary>The same test as <see cref="SheetGridProfile.IsLevelHeaderRow"/>, on a band's texts instead of a grid row.</summary>
    private bool IsIndicatorHeader(List<Segment> segments, SheetCatalog catalog)
    {
        int levels = 0, roles = 0;
        var named = false;
        foreach (var segment in segments)
        {
            var text = segment.Text;
            if (text.Length > MaxHeaderLength) continue;
            if (catalog.IsLevelHeader(text) && ++levels >= 2) return true;
            var role = catalog.IndicatorRole(text);
            if (role is null) continue;
            roles++;
            named |= role is "level3" or "indicator";
        }
        return named && roles >= 3;
    }

    /// <summary>
    /// The boundaries between neighbouring texts of a band: a rule end inside their gutter when there is one, else the
    /// middle of the widest stretch of the gutter that no text of <paramref name="crossing"/> covers.
    /// </summary>
    private List<double> BandBoundaries(List<Segment> segments, List<double> ruleEnds, List<Glyph> crossing)
    {
        var result = new List<double>();
        for (var i = 1; i < segments.Count; i++)
        {
            double from = segments[i - 1].Right, to = segments[i].Left;
            var end = ruleEnds.Where(x => x >= from - EdgeSnap && x <= to + EdgeSnap).DefaultIfEmpty(double.NaN).First();
            result.Add(double.IsNaN(end) ? WidestFreeMiddle(from, to, crossing) : end);
        }
        result.AddRange(ruleEnds.Where(x => result.All(r => Math.Abs(r - x) > EdgeSnap)));
        return result;
    }

    private static double WidestFreeMiddle(double from, double to, List<Glyph> glyphs)
    {
        var covers = glyphs.Where(g => !g.IsWhitespace && g.AdvanceRight > from && g.AdvanceLeft < to)
            .Select(g => (Math.Max(from, g.AdvanceLeft), Math.Min(to, g.AdvanceRight))).OrderBy(c => c.Item1).ToList();
        double bestFrom = from, bestTo = from, at = from;
        foreach (var (a, b) in covers)
        {
            if (a - at > bestTo - bestFrom) (bestFrom, bestTo) = (at, a);
            at = Math.Max(at, b);
        }
        if (to - at > bestTo - bestFrom) (bestFrom, bestTo) = (at, to);
        return bestTo > bestFrom ? (bestFrom + bestTo) / 2 : (from + to) / 2;
    }

    /// <summary>
    /// Runs of text along x in one band (all its lines), apart by more than a gutter, or by any visible gap where the
    /// sheet has a column edge (a rule end elsewhere in the grid): narrow paddings hide some gutters.
    /// </summary>
    private List<Segment> Segments(List<Glyph> glyphs, double minGap, double minEdgeGap, List<double> edges)
    {
        var result = new List<Segment>();
        foreach (var g in glyphs.OrderBy(g => g.AdvanceLeft))
        {
            var gap = result.Count > 0 ? g.AdvanceLeft - result[^1].Right : 0;
            var atEdge = result.Count > 0 && gap > minEdgeGap && edges.Any(x => x >= result[^1].Right - 1 && x <= g.AdvanceLeft + 1);
            if (result.Count > 0 && gap <= minGap && !atEdge)
            {
                var last = result[^1];
                last.Glyphs.Add(g);
                result[^1] = last with { Right = Math.Max(last.Right, g.AdvanceRight) };
            }
            else result.Add(new Segment(g.AdvanceLeft, g.AdvanceRight, [g], layout));
        }
        return result;
    }

    private List<double> SnapEdges(IEnumerable<double> xs)
    {
        var result = new List<double>();
        foreach (var x in xs.Order())
            if (result.Count == 0 || x - result[^1] > EdgeSnap) result.Add(x);
        return result;
    }
}
