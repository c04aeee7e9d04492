using Extractor.Geometry;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// A table drawn with horizontal rules only: the y of every rule that crosses its full width (top first), and the
/// shorter rules inside it (the lines under merged header groups).
/// </summary>
public sealed record RuledRegion(Box Box, IReadOnlyList<double> RuleYs, IReadOnlyList<Ruling> PartialRules);

/// <summary>
/// Finds tables without vertical rules from their horizontal ones: three or more rules with the same left and right
/// ends, stacked one under the other, frame a table (three-line tables: top, under the header, bottom; row-ruled
/// tables: one rule per row). Rules inside the stack that stop short are kept as header group separators.
/// </summary>
public static class RuledRegionFinder
{
    /// <param name="glyphs">the page's glyphs: they tell a tall row of one table from the space between two tables</param>
    /// <param name="tolerances">rule-end tolerance, minimum rules and width of a stack (<see cref="LayoutTolerances"/>)</param>
    public static List<RuledRegion> Find(IReadOnlyList<Ruling> cleaned, IReadOnlyList<Box> taken, IReadOnlyList<Glyph> glyphs, double pageHeight, LayoutTolerances tolerances)
    {
        var (endTolerance, snap) = (tolerances.RuleEndTolerance, tolerances.RulingSnap);
        var horizontals = cleaned
            .Where(r => r.Orientation == Orientation.Horizontal && !taken.Any(b => b.Contains((r.Start + r.End) / 2, r.Position)))
            .OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
        // Group by (start, end): sorted by start, a group is a run whose starts and ends agree within the tolerance.
        var groups = new List<List<Ruling>>();
        foreach (var rule in horizontals.Where(r => r.Length >= tolerances.MinTableWidth))
        {
            var group = groups.FirstOrDefault(g => Math.Abs(g[0].Start - rule.Start) <= endTolerance && Math.Abs(g[0].End - rule.End) <= endTolerance);
            if (group is null) groups.Add([rule]); else group.Add(rule);
        }

        var regions = new List<RuledRegion>();
        foreach (var group in groups)
        {
            var ys = group.Select(r => r.Position).OrderByDescending(y => y).ToList();
            var breaks = new StackBreaks(glyphs, group[0].Start, group[0].End, ys, pageHeight, tolerances);
            var start = 0;
            for (var i = 1; i <= ys.Count; i++)
            {
                if (i < ys.Count && !breaks.IsBreak(i, firstOfTable: i - start == 1)) continue;
                if (i - start >= tolerances.MinRules)
                {
                    var stack = ys.GetRange(start, i - start);
                    var left = group.Min(r => r.Start);
                    var right = group.Max(r => r.End);
                    var box = new Box(left, stack[^1], right, stack[0]);
                    var partials = horizontals.Where(r => r.Position < box.Top - snap && r.Position > box.Bottom + snap
                        && r.Start >= left - endTolerance && r.End <= right + endTolerance
                        && (r.Start > left + endTolerance || r.End < right - endTolerance)).ToList();
                    regions.Add(new RuledRegion(box, stack, partials));
                }
                start = i;
            }
        }
        return regions.OrderByDescending(r => r.Box.Top).ToList();
    }
}
