using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Text that runs past its cell's right rule into the next cell: a label wider than its column (`5、对事业单位经常性补助`
/// beside `1839311.66`) prints its last characters over the neighbour, whose amount would read `助1839311.66`, or, when
/// the overflow lands on the amount's digits, `0设.0)0`. The characters that continue the label's line without a gap,
/// none of them part of a number, go back to the label's cell.
/// </summary>
internal static class OverflowingText
{
    /// <summary>Largest gap, in em, between two characters of one run of text (an overflowing label's advances touch).</summary>
    private const double RunGapEms = 0.1;

    /// <summary>A cell's own text starts this close, in em, right of its rule (its left padding).</summary>
    private const double PaddingEms = 0.3;

    /// <summary>A line that ends farther than this, in em, left of its cell's rule does not overflow it.</summary>
    private const double ReachEms = 1.0;

    /// <summary>Moves overflowing glyphs from <paramref name="right"/> to <paramref name="left"/>, two cells side by side split by the rule at x = <paramref name="rule"/>.</summary>
    public static void Reclaim(List<Glyph> left, List<Glyph> right, double rule)
    {
        if (left.Count == 0 || right.Count == 0) return;
        // Called for every pair of neighbouring cells: in nearly all of them no line can reach the rule, or the right
        // cell holds nothing but numbers (which never move), so answer that with a loop before grouping lines.
        if (!AnyLineCanReach(left, rule) || !HasText(right)) return;
        foreach (var line in left.Where(g => !g.IsWhitespace).GroupBy(g => Math.Round(g.Baseline)).ToList())
        {
            var last = line.MaxBy(g => g.AdvanceRight)!;
            var end = last.AdvanceRight;
            var size = line.Max(g => g.FontSize);
            // Only a text line that reaches its cell's rule overflows: a right-aligned number ends there too, and the
            // next cell's text starts a hair after it (`0.00` | `动工作积极性…`).
            if (end < rule - ReachEms * size || IsNumberPart(last) || Overprinted(line)) continue;
            var baseline = line.Key;
            var candidates = right.Where(g => !g.IsWhitespace && Math.Abs(g.Baseline - baseline) <= 0.2 * size).OrderBy(g => g.AdvanceLeft).ToList();
            var moved = new List<Glyph>();
            // A line whose own characters already reach past the rule (`…服务保` ending right of it) continues over it.
            var crossed = end > rule;
            foreach (var g in candidates)
            {
                if (IsNumberPart(g)) continue;
                // The overflow starts on the rule's left side; a character that starts just right of the rule is where
                // the next cell's own text begins (`服务对象满意度指` | `学生满意度`, the 指 over the rule).
                if (g.AdvanceLeft > end + RunGapEms * size) break;
                if (!crossed && ((moved.Count == 0 && g.AdvanceLeft >= rule) || (g.AdvanceLeft >= rule && g.AdvanceLeft <= rule + PaddingEms * size))) break;
                moved.Add(g);
                end = Math.Max(end, g.AdvanceRight);
            }
            // Printed over the next cell's own text (two headers overprinted): which character is whose is not known.
            if (moved.Count == 0 || candidates.Except(moved).Any(o => !IsNumberPart(o) && moved.Any(m => Overlap(m, o)))) continue;
            foreach (var g in moved)
            {
                right.Remove(g);
                left.Add(g);
            }
        }
    }

    /// <summary>
    /// Moves the last line of a wrapped text from <paramref name="below"/> back to <paramref name="above"/>, two cells
    /// one over the other split by the rule at y = <paramref name="rule"/>. A name too long for its row wraps and its
    /// second line prints over the rule, on the next row's own text (bj-038 p.11: `2130306-水利工程运行与维` with `护`
    /// below the rule, at the top of the next row's cell, which then read `护2130306-…`): see <see cref="Wraps"/>; the
    /// line also overlaps the cell's own first line (or the cell has none).
    /// </summary>
    public static void ReclaimFromBelow(List<Glyph> above, List<Glyph> below, double rule, double aboveRight)
    {
        if (above.Count == 0 || below.Count == 0) return;
        // Called for every pair of stacked cells: nothing pokes above the rule in nearly all of them (see Wraps), so
        // answer that with a loop before grouping the cell's lines.
        if (!PokesAbove(below, rule)) return;
        var lines = Lines(below).OrderByDescending(l => l.Key).ToList();
        if (lines.Count == 0) return;
        var top = lines[0];
        // The cell's own first line starts less than a line below (printed over): the top line is not its own.
        if (lines.Count > 1 && top.Min(g => g.Baseline) - lines[1].Max(g => g.Baseline) >= MinLineSpacingEms * top.Max(g => g.FontSize)) return;
        if (!Wraps(above, top.ToList(), rule, aboveRight)) return;
        foreach (var g in top)
        {
            below.Remove(g);
            above.Add(g);
        }
    }

    /// <summary>
    /// True when <paramref name="line"/>, printed under the rule at y = <paramref name="rule"/>, is the wrapped last
    /// line of the cell above it (glyphs <paramref name="above"/>, right rule at x = <paramref name="aboveRight"/>): it
    /// pokes above the rule, stands a line's spacing under the cell's last line, which is full to its right rule, and
    /// holds no digits only.
    /// </summary>
    public static bool Wraps(IReadOnlyCollection<Glyph> above, IReadOnlyList<Glyph> line, double rule, double aboveRight)
    {
        var visible = line.Where(g => !g.IsWhitespace).ToList();
        if (visible.Count == 0 || visible.Max(g => g.Box.Top) <= rule || visible.All(IsNumberPart)) return false;
        var aboveLast = Lines(above).MinBy(l => l.Key);
        if (aboveLast is null || aboveLast.All(IsNumberPart)) return false;
        var spacing = aboveLast.Min(g => g.Baseline) - visible.Max(g => g.Baseline);
        var size = aboveLast.Max(g => g.FontSize);
        if (spacing < MinLineSpacingEms * size || spacing > MaxLineSpacingEms * size) return false;
        // Only a full line wraps: the cell above's last line reaches its right rule.
        return aboveLast.Max(g => g.AdvanceRight) >= aboveRight - ReachEms * size;
    }

    /// <summary>
    /// Glyphs of <paramref name="free"/> (text outside every table) that are the wrapped last line of a cell in the
    /// last row of <paramref name="grid"/>, printed under its bottom rule (bj-038 p.11's last row, `…运行与维` over `护`).
    /// </summary>
    public static List<Glyph> SpilledBelow(TableGrid grid, IReadOnlyList<Glyph> free)
    {
        var bottom = grid.Box.Bottom;
        var spilled = new List<Glyph>();
        // Lines right under the bottom rule (within a character's height), whole: a comma's box may not reach the rule.
        var under = free.Where(g => g.CentreY < bottom && g.CentreY >= bottom - g.FontSize && g.CentreX > grid.Box.Left && g.CentreX < grid.Box.Right).ToList();
        if (!under.Any(g => !g.IsWhitespace && g.Box.Top > bottom)) return spilled;
        foreach (var cell in grid.Cells.Where(c => c.Row + c.RowSpan == grid.RowCount))
            foreach (var line in under.Where(g => g.CentreX > cell.Box.Left && g.CentreX < cell.Box.Right).GroupBy(g => Math.Round(g.Baseline)))
            {
                var glyphs = line.ToList();
                if (Wraps(cell.Glyphs, glyphs, bottom, cell.Box.Right)) spilled.AddRange(glyphs);
            }
        return spilled;
    }

    /// <summary>
    /// False when no line of <paramref name="glyphs"/> can end within <see cref="ReachEms"/> of the rule: every line
    /// ends at most at the cell's rightmost advance, and its font is at most the cell's largest.
    /// </summary>
    private static bool AnyLineCanReach(List<Glyph> glyphs, double rule)
    {
        double end = double.NegativeInfinity, size = double.NegativeInfinity;
        var any = false;
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) continue;
            any = true;
            // NaN sizes or advances are left to the full check, which compares them as it always did.
            if (double.IsNaN(g.AdvanceRight) || double.IsNaN(g.FontSize)) return true;
            end = Math.Max(end, g.AdvanceRight);
            size = Math.Max(size, g.FontSize);
        }
        return any && end >= rule - ReachEms * size;
    }

    private static bool HasText(List<Glyph> glyphs)
    {
        foreach (var g in glyphs)
            if (!g.IsWhitespace && !IsNumberPart(g)) return true;
        return false;
    }

    private static bool PokesAbove(List<Glyph> glyphs, double rule)
    {
        foreach (var g in glyphs)
            if (!g.IsWhitespace && g.Box.Top > rule) return true;
        return false;
    }

    private static IEnumerable<IGrouping<double, Glyph>> Lines(IEnumerable<Glyph> glyphs) =>
        glyphs.Where(g => !g.IsWhitespace).GroupBy(g => Math.Round(g.Baseline));

    /// <summary>Baselines of two lines of one cell stand at least this far apart, in em; a line overprinted on another, less.</summary>
    private const double MinLineSpacingEms = 0.9;

    /// <summary>Wrapped lines of a cell stand at most this far apart, in em.</summary>
    private const double MaxLineSpacingEms = 1.8;

    private static bool Overprinted(IEnumerable<Glyph> line)
    {
        var sorted = line.OrderBy(g => g.AdvanceLeft).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (Overlap(sorted[i - 1], sorted[i])) return true;
        return false;
    }

    private static bool Overlap(Glyph a, Glyph b) => a.AdvanceLeft < b.AdvanceRight - 0.1 * b.FontSize && b.AdvanceLeft < a.AdvanceRight - 0.1 * a.FontSize;

    private static bool IsNumberPart(Glyph g)
    {
        // A loop, not LINQ over the string: this runs for every glyph of every cell pair.
        foreach (var ch in g.Text)
            if (!(char.IsAsciiDigit(ch) || ch is '.' or ',' or '-' or '%')) return false;
        return true;
    }
}
