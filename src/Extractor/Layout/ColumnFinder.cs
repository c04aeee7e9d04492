using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Column boundaries of a table without vertical rules, anchored on the header. Glyph advances are projected onto the
/// x axis (a coverage profile); runs of covered x separated by gutters are text columns. Every leaf header cell (and
/// column-number cell) run is one column; header runs that body text bridges are one column. Between two header
/// runs, the boundary goes into the gutter that keeps right-aligned numbers with the header on their left and
/// left-aligned text with the header on their right (Calc centres headers but aligns numbers right).
/// The caller leaves out header text that spans columns (merged header groups).
/// </summary>
/// <param name="tolerances">the profile resolution and the narrowest gutter (<see cref="LayoutTolerances"/>)</param>
public sealed class ColumnFinder(LayoutTolerances tolerances)
{
    private double BinWidth => tolerances.ColumnBinWidth;

    private double MinGapEms => tolerances.MinColumnGapEms;

    private readonly record struct Run(int Start, int End);

    /// <param name="labels">Extents of the row labels left out of <paramref name="body"/> (they may be centred over several
    /// columns); a boundary that would cut one whose tail ends in a gutter moves past it.</param>
    public List<double> Find(double left, double right, IReadOnlyList<Glyph> header, IReadOnlyList<Glyph> body,
        IReadOnlyList<(double Left, double Right)>? labels = null)
    {
        var bins = (int)Math.Ceiling((right - left) / BinWidth) + 1;
        var sizes = header.Concat(body).Where(g => !g.IsWhitespace).Select(g => g.FontSize).Order().ToList();
        if (sizes.Count == 0) return [left, right];
        var minGapBins = (int)Math.Ceiling(MinGapEms * sizes[sizes.Count / 2] / BinWidth);
        var all = Runs(header.Where(g => !g.IsWhitespace).Concat(body), left, bins, minGapBins);
        var heads = Runs(header.Where(g => !g.IsWhitespace), left, bins, minGapBins);
        double Mid(Run a, Run b) => left + (a.End + b.Start) / 2.0 * BinWidth;

        var edges = new List<double> { left };
        if (heads.Count == 0)
        {
            for (var k = 1; k < all.Count; k++) edges.Add(Mid(all[k - 1], all[k]));
            edges.Add(right);
            return edges;
        }

        // Which run of the whole profile each header run sits in; header runs in the same run share a column.
        var starts = all.Select(r => r.Start).ToArray();
        int RunOf(int bin) => Math.Max(0, UpperBound(starts, bin) - 1);
        var numeric = new bool[all.Count];
        var text = new bool[all.Count];
        foreach (var g in body)
        {
            if (g.IsWhitespace) continue;
            var run = RunOf(Bin(g.AdvanceLeft, left, bins));
            if (IsNumeric(g)) numeric[run] = true; else text[run] = true;
        }
        var headRuns = heads.Select(h => RunOf(h.Start)).Distinct().Order().ToList();
        for (var k = 1; k < headRuns.Count; k++)
        {
            int a = headRuns[k - 1], b = headRuns[k];
            // Body-only runs between two header columns: numbers lean left, text leans right.
            var cut = a; // boundary after run `cut`
            for (var m = a + 1; m < b; m++)
                if (numeric[m] && !text[m]) cut = m;
            edges.Add(Mid(all[cut], all[cut + 1]));
        }
        edges.Add(right);
        edges.AddRange(NumberTextGutters(heads, RunOf, header, body, left, bins));
        edges.Sort();
        if (labels is { Count: > 0 }) KeepLabelsWhole(edges, all, labels, left);
        return SplitNumberColumns(edges, left, bins, minGapBins, body, heads);
    }

    /// <summary>
    /// A left-out label (a department name longer than its column is wide) that a boundary cuts, while the label's
    /// part right of the boundary touches no other text, overflows into the gutter: the boundary moves to the middle
    /// of what is left of the gutter. A label centred over several columns reaches into their runs and keeps its cuts.
    /// </summary>
    private void KeepLabelsWhole(List<double> edges, List<Run> all, IReadOnlyList<(double Left, double Right)> labels, double left)
    {
        double X(int bin) => left + bin * BinWidth;
        for (var k = 1; k < edges.Count - 1; k++)
            foreach (var (labelLeft, labelRight) in labels)
            {
                if (edges[k] <= labelLeft || edges[k] >= labelRight) continue;
                var next = all.FindIndex(r => X(r.End) > edges[k]);
                if (next < 0 || X(all[next].Start) < labelRight) continue;
                var moved = (labelRight + X(all[next].Start)) / 2;
                if (moved < edges[k + 1]) edges[k] = moved;
            }
    }

    /// <summary>
    /// Two header texts in one run of the profile (the gutters below them narrower than the minimum) are still two
    /// columns where a number column ends right before a text column starts between them: Calc leaves less than
    /// 0.1 em between a right-aligned number and the next cell's left-aligned text (`0.00` | `珠海和澳门…` under 其他资金 |
    /// 绩效目标). The boundary goes into the last such gap before the second header.
    /// </summary>
    private IEnumerable<double> NumberTextGutters(List<Run> heads, Func<int, int> runOf, IReadOnlyList<Glyph> header,
        IReadOnlyList<Glyph> body, double left, int bins)
    {
        // Finer than the profile: a right-aligned amount can end 0.2 pt before the next column's text (`823.68` + `201 一般
        // 公共服务支出` in a rule-less 财政拨款收支总表), less than one bin of the profile.
        var fineWidth = tolerances.FineColumnBinWidth;
        var fineBins = (int)Math.Ceiling(bins * BinWidth / fineWidth) + 1;
        double X(int bin) => left + bin * fineWidth;
        double HeadLeft(Run run) => left + run.Start * BinWidth;
        List<Run>? fine = null;
        bool[]? numericOnly = null;
        for (var k = 1; k < heads.Count; k++)
        {
            if (runOf(heads[k - 1].Start) != runOf(heads[k].Start)) continue;
            if (fine is null)
            {
                fine = Runs(header.Where(g => !g.IsWhitespace).Concat(body), left, fineBins, 0, fineWidth);
                var starts = fine.Select(r => r.Start).ToArray();
                var hasNumber = new bool[fine.Count];
                var hasText = new bool[fine.Count];
                foreach (var g in body)
                {
                    if (g.IsWhitespace) continue;
                    var run = Math.Max(0, UpperBound(starts, Bin(g.AdvanceLeft, left, fineBins, fineWidth)) - 1);
                    if (IsNumeric(g)) hasNumber[run] = true; else hasText[run] = true;
                }
                numericOnly = hasNumber.Select((n, i) => n && !hasText[i]).ToArray();
            }
            for (var m = fine.Count - 2; m >= 0; m--)
            {
                if (X(fine[m + 1].Start) > HeadLeft(heads[k])) continue;
                if (X(fine[m].End) <= HeadLeft(heads[k - 1])) break;
                if (!numericOnly![m] || numericOnly[m + 1]) continue;
                yield return (X(fine[m].End) + X(fine[m + 1].Start)) / 2.0;
                break;
            }
        }
    }

    /// <summary>
    /// One cell never holds two numbers side by side: where the runs of numbers under one header column are apart
    /// (header texts that touch hid the gutter between them), a boundary goes between them, unless body text bridges
    /// the gap. The boundary goes into the gutter between two header texts when one lies between the numbers (right-
    /// aligned numbers end just short of the next header), else halfway.
    /// </summary>
    private List<double> SplitNumberColumns(List<double> edges, double left, int bins, int minGapBins, IReadOnlyList<Glyph> body, List<Run> heads)
    {
        var visible = body.Where(g => !g.IsWhitespace).ToList();
        var numbers = Runs(visible.Where(IsNumeric), left, bins, minGapBins);
        var text = Runs(visible, left, bins, minGapBins);
        var textStarts = text.Select(r => r.Start).ToArray();
        var result = new List<double> { edges[0] };
        var n = 0;
        for (var k = 1; k < edges.Count; k++)
        {
            var edgeBin = (edges[k] - left) / BinWidth;
            Run? previous = null;
            for (; n < numbers.Count && numbers[n].End <= edgeBin; n++)
            {
                if (numbers[n].Start < (edges[k - 1] - left) / BinWidth) { previous = null; continue; }
                // A gutter of the whole body between the two number runs, not just between the numbers.
                if (previous is { } p && SameTextRun(textStarts, text, p.End - 1, numbers[n].Start) is false)
                    result.Add(left + Boundary(p.End, numbers[n].Start, heads) * BinWidth);
                previous = numbers[n];
            }
            result.Add(edges[k]);
        }
        return result;
    }

    /// <summary>Bin of the boundary between bins a and b: the middle of the widest header gutter inside, else halfway.</summary>
    private static double Boundary(int a, int b, List<Run> heads)
    {
        double best = (a + b) / 2.0;
        var widest = 0;
        for (var k = 1; k < heads.Count; k++)
        {
            int from = Math.Max(a, heads[k - 1].End), to = Math.Min(b, heads[k].Start);
            if (to - from > widest) { widest = to - from; best = (from + to) / 2.0; }
        }
        return best;
    }

    private static bool SameTextRun(int[] starts, List<Run> runs, int a, int b)
    {
        var ra = UpperBound(starts, a) - 1;
        var rb = UpperBound(starts, b) - 1;
        return ra == rb && ra >= 0 && runs[ra].End >= b;
    }

    private static bool IsNumeric(Glyph g) => g.Text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-' or '%');

    private int Bin(double x, double left, int bins) => Bin(x, left, bins, BinWidth);

    private static int Bin(double x, double left, int bins, double width) => Math.Clamp((int)Math.Floor((x - left) / width), 0, bins - 1);

    private List<Run> Runs(IEnumerable<Glyph> glyphs, double left, int bins, int minGapBins) => Runs(glyphs, left, bins, minGapBins, BinWidth);

    private static List<Run> Runs(IEnumerable<Glyph> glyphs, double left, int bins, int minGapBins, double width)
    {
        var covered = new int[bins + 1]; // difference array: +1 at start, −1 after end
        foreach (var g in glyphs)
        {
            var a = Bin(g.AdvanceLeft, left, bins, width);
            var b = Math.Clamp((int)Math.Ceiling((g.AdvanceRight - left) / width), 0, bins - 1);
            covered[a]++;
            covered[b + 1]--;
        }
        // Runs of covered bins, merged across gaps narrower than the minimum gutter.
        var runs = new List<Run>();
        var depth = 0;
        int? runStart = null;
        for (var i = 0; i <= bins; i++)
        {
            if (i < bins) depth += covered[i];
            var inside = i < bins && depth > 0;
            if (inside && runStart is null) runStart = i;
            if (!inside && runStart is { } s)
            {
                if (runs.Count > 0 && s - runs[^1].End <= minGapBins) runs[^1] = new Run(runs[^1].Start, i);
                else runs.Add(new Run(s, i));
                runStart = null;
            }
        }
        return runs;
    }

    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] <= value) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
