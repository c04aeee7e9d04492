using Extractor.Pdf;

namespace Extractor.Layout;

/// <summary>
/// Column boundaries of a table without vertical rules, from the whitespace that runs down the whole table: the
/// x-ranges covered by glyph advances are projected onto one axis (a coverage profile); every run of covered x is a
/// column and a boundary goes in the middle of each uncovered gap. The caller leaves out text that spans columns
/// (merged header groups), so that the leaf header cells and the body rows anchor the columns.
/// </summary>
public static class ColumnFinder
{
    /// <summary>Profile resolution in points.</summary>
    private const double BinWidth = 0.25;

    /// <summary>
    /// Gaps narrower than this fraction of the font size are letter spacing, not column gutters (two cell paddings
    /// make a gutter of at least ~0.45 em; a space glyph covers its own gap, so spaced words stay together).
    /// </summary>
    public const double MinGapEms = 0.3;

    public static List<double> Find(double left, double right, IEnumerable<Glyph> glyphs)
    {
        var bins = (int)Math.Ceiling((right - left) / BinWidth) + 1;
        var covered = new int[bins + 1]; // difference array: +1 at start, −1 after end
        var sizes = new List<double>();
        foreach (var g in glyphs)
        {
            var a = Math.Clamp((int)Math.Floor((g.AdvanceLeft - left) / BinWidth), 0, bins - 1);
            var b = Math.Clamp((int)Math.Ceiling((g.AdvanceRight - left) / BinWidth), 0, bins - 1);
            covered[a]++;
            covered[b + 1]--;
            if (!g.IsWhitespace) sizes.Add(g.FontSize);
        }
        var edges = new List<double> { left };
        if (sizes.Count == 0) { edges.Add(right); return edges; }
        sizes.Sort();
        var minGapBins = (int)Math.Ceiling(MinGapEms * sizes[sizes.Count / 2] / BinWidth);

        // Runs of covered bins, merged across gaps narrower than the minimum gutter.
        var runs = new List<(int Start, int End)>();
        var depth = 0;
        int? runStart = null;
        for (var i = 0; i < bins; i++)
        {
            depth += covered[i];
            if (depth > 0 && runStart is null) runStart = i;
            if (depth <= 0 && runStart is { } s)
            {
                if (runs.Count > 0 && s - runs[^1].End <= minGapBins) runs[^1] = (runs[^1].Start, i);
                else runs.Add((s, i));
                runStart = null;
            }
        }
        if (runStart is { } open)
        {
            if (runs.Count > 0 && open - runs[^1].End <= minGapBins) runs[^1] = (runs[^1].Start, bins);
            else runs.Add((open, bins));
        }
        for (var k = 1; k < runs.Count; k++)
            edges.Add(left + (runs[k - 1].End + runs[k].Start) / 2.0 * BinWidth);
        edges.Add(right);
        return edges;
    }
}
