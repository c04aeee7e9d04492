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
            if (end < rule - ReachEms * size || IsNumberPart(last)) continue;
            var first = true;
            var baseline = line.Key;
            var candidates = right.Where(g => !g.IsWhitespace && Math.Abs(g.Baseline - baseline) <= 0.2 * size).OrderBy(g => g.AdvanceLeft).ToList();
            foreach (var g in candidates)
            {
                if (IsNumberPart(g)) continue;
                // The overflow starts on the rule's left side: a character of its own cell starts right of it.
                if (g.AdvanceLeft > end + RunGapEms * size || (first && g.AdvanceLeft >= rule)) break;
                first = false;
                right.Remove(g);
                left.Add(g);
                end = Math.Max(end, g.AdvanceRight);
            }
        }
    }

    private static bool IsNumberPart(Glyph g) => g.Text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-' or '%');
}
