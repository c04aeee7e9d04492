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

    private static bool Overprinted(IEnumerable<Glyph> line)
    {
        var sorted = line.OrderBy(g => g.AdvanceLeft).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (Overlap(sorted[i - 1], sorted[i])) return true;
        return false;
    }

    private static bool Overlap(Glyph a, Glyph b) => a.AdvanceLeft < b.AdvanceRight - 0.1 * b.FontSize && b.AdvanceLeft < a.AdvanceRight - 0.1 * a.FontSize;

    private static bool IsNumberPart(Glyph g) => g.Text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-' or '%');
}
