using Extractor.Geometry;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Finds bordered tables: groups crossing rulings into connected frames, takes every distinct ruling position as a
/// grid line, and merges neighbouring grid positions that no ruling separates into one cell (row/column spans).
/// </summary>
public static class LatticeDetector
{
    public sealed record Frame(Box Box, List<double> Xs, List<double> Ys, List<Ruling> Horizontals, List<Ruling> Verticals);

    public static List<Frame> FindFrames(IReadOnlyList<Ruling> cleaned, LayoutTolerances tolerances)
    {
        var horizontals = cleaned.Where(r => r.Orientation == Orientation.Horizontal).ToList();
        var verticals = cleaned.Where(r => r.Orientation == Orientation.Vertical).OrderBy(r => r.Position).ToList();
        var all = new List<Ruling>(horizontals.Count + verticals.Count);
        all.AddRange(horizontals);
        all.AddRange(verticals);
        var sets = new DisjointSets(all.Count);
        var verticalPositions = verticals.Select(v => v.Position).ToArray();
        var reach = tolerances.IntersectionReach;

        for (var h = 0; h < horizontals.Count; h++)
        {
            var line = horizontals[h];
            // Only verticals whose x falls within the horizontal's span can cross it: binary search, not a full scan.
            var first = GridLines.LowerBound(verticalPositions, line.Start - reach);
            for (var v = first; v < verticals.Count && verticals[v].Position <= line.End + reach; v++)
            {
                var vertical = verticals[v];
                if (line.Position >= vertical.Start - reach && line.Position <= vertical.End + reach)
                    sets.Union(h, horizontals.Count + v);
            }
        }

        var frames = new List<Frame>();
        var groups = Enumerable.Range(0, all.Count).GroupBy(sets.Find).Select(group => (
            Hs: group.Where(i => i < horizontals.Count).Select(i => all[i]).ToList(),
            Vs: group.Where(i => i >= horizontals.Count).Select(i => all[i]).ToList())).ToList();
        var loose = groups.Where(g => g.Hs.Count == 0).SelectMany(g => g.Vs).ToList();
        foreach (var (hs, vs) in groups)
        {
            if (hs.Count < 2 || vs.Count < 2) continue;
            vs.AddRange(OpenColumns(hs, vs, loose, reach));
            var xs = GridLines.DistinctAscending(vs.Select(v => v.Position), tolerances.RulingSnap);
            var ys = GridLines.DistinctAscending(hs.Select(h => h.Position), tolerances.RulingSnap);
            if (xs.Count < 2 || ys.Count < 2) continue;
            ys.Reverse();
            var box = new Box(xs[0], ys[^1], xs[^1], ys[0]);
            if (box.Width < 20 || box.Height < 8) continue;
            frames.Add(new Frame(box, xs, ys, hs, vs));
        }
        return frames.OrderByDescending(f => f.Box.Top).ToList();
    }

    /// <summary>
    /// Column rules of a frame whose top and bottom rules stop short of them: a row continued from the page before onto
    /// the next one prints its merged cells (project name, amounts) with no rule above or below them, only the column
    /// rules down the whole frame, so those rules touch no horizontal one. A rule that no horizontal crosses and that
    /// runs from the frame's bottom to its top (bj 项目支出绩效目标表: rules x=61…323 beside 435…780) belongs to the frame.
    /// </summary>
    private static IEnumerable<Ruling> OpenColumns(List<Ruling> hs, List<Ruling> vs, List<Ruling> loose, double reach)
    {
        if (loose.Count == 0) return [];
        double top = vs.Max(v => v.End), bottom = vs.Min(v => v.Start);
        if (hs.Max(h => h.Position) < top - reach || hs.Min(h => h.Position) > bottom + reach) return [];
        double left = vs.Min(v => v.Position), right = vs.Max(v => v.Position), width = right - left;
        var spanning = loose.Where(v => Math.Abs(v.Start - bottom) <= reach && Math.Abs(v.End - top) <= reach).ToList();
        // A chain of such rules from the frame's edge outwards, each no farther from the last than the frame is wide.
        var taken = new List<Ruling>();
        foreach (var v in spanning.Where(v => v.Position < left).OrderByDescending(v => v.Position))
        {
            if (left - v.Position > width) break;
            taken.Add(v);
            left = v.Position;
        }
        foreach (var v in spanning.Where(v => v.Position > right).OrderBy(v => v.Position))
        {
            if (v.Position - right > width) break;
            taken.Add(v);
            right = v.Position;
        }
        return taken;
    }

    /// <summary>Builds the cell structure of a frame and places glyphs in it.</summary>
    public static TableGrid BuildGrid(Frame frame, int page, IReadOnlyList<Glyph> glyphs, LayoutTolerances tolerances, GridMethod method = GridMethod.Lattice, IReadOnlyList<Ruling>? sourceRules = null)
    {
        var xs = frame.Xs;
        var ys = frame.Ys;
        int cols = xs.Count - 1, rows = ys.Count - 1;
        var sets = new DisjointSets(rows * cols);
        var verticalAt = frame.Verticals.GroupBy(v => GridLines.Nearest(xs, v.Position)).ToDictionary(g => g.Key, g => g.ToList());
        var horizontalAt = frame.Horizontals.GroupBy(h => GridLines.Nearest(ys, h.Position)).ToDictionary(g => g.Key, g => g.ToList());

        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                if (c + 1 < cols && !Covered(verticalAt, c + 1, (ys[r] + ys[r + 1]) / 2, tolerances.IntersectionReach))
                    sets.Union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !Covered(horizontalAt, r + 1, (xs[c] + xs[c + 1]) / 2, tolerances.IntersectionReach))
                    sets.Union(r * cols + c, (r + 1) * cols + c);
            }

        var members = new Dictionary<int, List<Glyph>>();
        foreach (var g in glyphs)
        {
            var c = GridLines.ColumnIndex(xs, g.CentreX);
            var r = GridLines.BandIndex(ys, g.CentreY);
            // The wrapped last line of a last-row cell printed over the bottom rule (OverflowingText.SpilledBelow).
            if (r < 0 && g.CentreY < ys[^1] && g.CentreY >= ys[^1] - g.FontSize) r = rows - 1;
            if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
            var id = sets.Find(r * cols + c);
            if (!members.TryGetValue(id, out var list)) members[id] = list = [];
            list.Add(g);
        }

        for (var r = 0; r < rows; r++)
            for (var c = 0; c + 1 < cols; c++)
            {
                int a = sets.Find(r * cols + c), b = sets.Find(r * cols + c + 1);
                if (a != b && members.TryGetValue(a, out var left) && members.TryGetValue(b, out var right))
                    OverflowingText.Reclaim(left, right, xs[c + 1]);
            }

        var stacked = new HashSet<(int, int)>();
        for (var r = 0; r + 1 < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                int a = sets.Find(r * cols + c), b = sets.Find((r + 1) * cols + c);
                if (a == b || !stacked.Add((a, b)) || !members.TryGetValue(a, out var upper) || !members.TryGetValue(b, out var lower)) continue;
                var right = c + 1;
                while (right < cols && sets.Find(r * cols + right) == a) right++;
                OverflowingText.ReclaimFromBelow(upper, lower, ys[r + 1], xs[right]);
            }

        var cells = new List<GridCell>();
        foreach (var span in MergedSpans(sets, rows, cols))
        {
            var (root, r0, c0, r1, c1) = span;
            var box = new Box(xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0]);
            var inCell = members.TryGetValue(root, out var list) ? list : [];
            var (text, raw) = inCell.Count == 0 ? ("", "") : TextLineBuilder.JoinLines(inCell, tolerances);
            cells.Add(new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box, text.Trim(), raw.Trim(), inCell));
        }
        return new TableGrid(new Provenance(page, frame.Box), xs, ys, cells, method) { HorizontalRules = sourceRules ?? [] };
    }

    /// <summary>
    /// The grid positions each merged cell covers, as row and column bounds, in the order of each cell's first
    /// position (row by row): one pass with a slot per cell instead of grouping every position into lists.
    /// </summary>
    private static List<(int Root, int R0, int C0, int R1, int C1)> MergedSpans(DisjointSets sets, int rows, int cols)
    {
        var spans = new List<(int Root, int R0, int C0, int R1, int C1)>();
        var slotOf = new Dictionary<int, int>();
        for (var i = 0; i < rows * cols; i++)
        {
            int root = sets.Find(i), r = i / cols, c = i % cols;
            if (!slotOf.TryGetValue(root, out var slot))
            {
                slotOf[root] = spans.Count;
                spans.Add((root, r, c, r, c));
                continue;
            }
            var s = spans[slot];
            spans[slot] = (root, Math.Min(s.R0, r), Math.Min(s.C0, c), Math.Max(s.R1, r), Math.Max(s.C1, c));
        }
        return spans;
    }

    private static bool Covered(Dictionary<int, List<Ruling>> rulingsAt, int index, double middle, double reach)
    {
        if (!rulingsAt.TryGetValue(index, out var list)) return false;
        foreach (var r in list)
            if (r.Start - reach <= middle && r.End + reach >= middle) return true;
        return false;
    }
}
