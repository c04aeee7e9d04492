using Extractor.Geometry;

namespace Extractor.Layout;

/// <summary>
/// Sorted grid-line positions and look-ups into them by binary search: the spatial index every grid builder uses to
/// place a glyph in its band or column without scanning all lines.
/// </summary>
public static class GridLines
{
    /// <summary>Positions ascending, positions closer than <paramref name="snap"/> (<see cref="LayoutTolerances.RulingSnap"/>) to the previous one dropped.</summary>
    public static List<double> DistinctAscending(IEnumerable<double> positions, double snap) => Distinct(positions.Order(), ascending: true, snap);

    /// <summary>Positions descending (top of the page first), snapped the same way.</summary>
    public static List<double> DistinctDescending(IEnumerable<double> positions, double snap) => Distinct(positions.OrderDescending(), ascending: false, snap);

    private static List<double> Distinct(IEnumerable<double> ordered, bool ascending, double snap)
    {
        var result = new List<double>();
        foreach (var p in ordered)
            if (result.Count == 0 || (ascending ? p - result[^1] : result[^1] - p) > snap) result.Add(p);
        return result;
    }

    /// <summary>Index of the value closest to <paramref name="v"/>.</summary>
    public static int Nearest(IReadOnlyList<double> values, double v)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
            if (Math.Abs(values[i] - v) < Math.Abs(values[best] - v)) best = i;
        return best;
    }

    /// <summary>Index of the band between descending <paramref name="ys"/> that holds y, or −1 outside them.</summary>
    public static int BandIndex(IReadOnlyList<double> ys, double y)
    {
        if (y > ys[0] || y < ys[^1]) return -1;
        int lo = 0, hi = ys.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (ys[mid] >= y) lo = mid; else hi = mid;
        }
        return lo;
    }

    /// <summary>Index of the column between ascending <paramref name="edges"/> that holds x: −1 left of them, Count−1 right of them.</summary>
    public static int ColumnIndex(IReadOnlyList<double> edges, double x)
    {
        int lo = 0, hi = edges.Count;
        while (lo < hi) { var mid = (lo + hi) / 2; if (edges[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo - 1;
    }

    /// <summary>First index whose value is not below <paramref name="value"/>.</summary>
    public static int LowerBound(IReadOnlyList<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
