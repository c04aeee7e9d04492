using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// A run of text printed across a column rule that is not left-aligned in the cell it starts in belongs to the cell
/// under its centre: a label centred or right-aligned in a cell too narrow for it spills over the cell's rules and the
/// print clips it (xa-002 p.85: `其中：财政拨款`, right-aligned in its cell, starts under the `资金金额（万元）` label
/// beside it; `实施期资金总额：`, centred, runs over three cells). A run with digits is left to
/// <see cref="OverflowingText"/>: a label printed over an amount is told apart there.
/// </summary>
internal static class CentredRuns
{
    /// <summary>Largest gap, in em, between two characters of one run (the advances of a run touch).</summary>
    private const double RunGapEms = 0.1;

    /// <summary>Left-aligned text starts within this many em of its cell's left rule (its padding).</summary>
    private const double LeftPaddingEms = 1.0;

    /// <param name="glyphs">the glyphs inside the frame</param>
    /// <param name="xs">column edges, left to right</param>
    /// <param name="ys">row edges, top to bottom</param>
    /// <param name="cellId">the merged cell a grid position (row, column) belongs to</param>
    /// <returns>The cell each glyph of such a run goes to, instead of the one under its own centre.</returns>
    public static Dictionary<Glyph, int> Targets(IEnumerable<Glyph> glyphs, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Func<int, int, int> cellId)
    {
        var targets = new Dictionary<Glyph, int>(ReferenceEqualityComparer.Instance);
        foreach (var line in glyphs.GroupBy(g => Math.Round(g.Baseline)))
            foreach (var run in Runs(line.OrderBy(g => g.AdvanceLeft).ToList()))
            {
                if (run.Count(g => !g.IsWhitespace) < 2 || run.Any(g => g.Text.Any(char.IsAsciiDigit))) continue;
                var size = run.Max(g => g.FontSize);
                var first = run.First(g => !g.IsWhitespace);
                var last = run.Last(g => !g.IsWhitespace);
                var row = GridLines.BandIndex(ys, first.CentreY);
                var startCol = GridLines.ColumnIndex(xs, first.CentreX);
                var centreCol = GridLines.ColumnIndex(xs, (first.AdvanceLeft + last.AdvanceRight) / 2);
                if (row < 0 || startCol < 0 || centreCol < 0 || startCol >= xs.Count - 1 || centreCol >= xs.Count - 1) continue;
                var cells = run.Where(g => !g.IsWhitespace).Select(g => GridLines.ColumnIndex(xs, g.CentreX))
                    .Where(c => c >= 0 && c < xs.Count - 1).Select(c => cellId(row, c)).Distinct().Count();
                if (cells < 2) continue;
                // The left edge of the (merged) cell the run starts in: text starting at its padding is left-aligned there.
                var left = startCol;
                while (left > 0 && cellId(row, left - 1) == cellId(row, startCol)) left--;
                if (first.AdvanceLeft - xs[left] <= LeftPaddingEms * size) continue;
                var target = cellId(row, centreCol);
                foreach (var g in run) targets[g] = target;
            }
        return targets;
    }

    private static IEnumerable<List<Glyph>> Runs(List<Glyph> line)
    {
        var run = new List<Glyph>();
        foreach (var g in line)
        {
            if (run.Count > 0 && g.AdvanceLeft - run[^1].AdvanceRight > RunGapEms * Math.Max(g.FontSize, run[^1].FontSize))
            {
                yield return run;
                run = [];
            }
            run.Add(g);
        }
        if (run.Count > 0) yield return run;
    }
}
