using Extractor.Model;

namespace Extractor.Ocr;

/// <summary>A ruling found in a bitmap, in pixels: a band of ink rows (or columns) [From, To) spanning [Start, End).</summary>
public sealed record PixelRuling(Orientation Orientation, int From, int To, int Start, int End)
{
    public double Position => (From + To) / 2.0;
}

/// <summary>
/// Table borders in a page image: long dark horizontal and vertical runs. A run must be longer than any stroke of a
/// character (the 一 of an 18 pt title is ~16 pt) and the band of adjacent runs thinner than a bold glyph, so text
/// is never taken for a ruling; what it finds feeds the lattice detector exactly as drawn paths do.
/// </summary>
public static class BitmapRulingDetector
{
    /// <param name="dpi">the bitmap's resolution, for the lengths in points</param>
    /// <param name="minHorizontalPt">shortest horizontal ruling (a narrow merged header cell is ~50 pt)</param>
    /// <param name="minVerticalPt">shortest vertical ruling (a one-row cell border is ~12 pt, but such borders are part of longer lines)</param>
    /// <param name="maxThicknessPt">thickest ruling band</param>
    public static IReadOnlyList<PixelRuling> Detect(GrayBitmap bitmap, int dpi, double minHorizontalPt = 30, double minVerticalPt = 20, double maxThicknessPt = 3.5)
    {
        var px = dpi / 72.0;
        var result = new List<PixelRuling>();
        result.AddRange(Bands(Runs(bitmap, horizontal: true, (int)(minHorizontalPt * px)), Orientation.Horizontal, (int)Math.Ceiling(maxThicknessPt * px)));
        result.AddRange(Bands(Runs(bitmap, horizontal: false, (int)(minVerticalPt * px)), Orientation.Vertical, (int)Math.Ceiling(maxThicknessPt * px)));
        return result;
    }

    /// <summary>Every ink run of at least <paramref name="minLength"/> per row (horizontal) or column (vertical): (line, start, end).</summary>
    private static List<(int Line, int Start, int End)> Runs(GrayBitmap b, bool horizontal, int minLength)
    {
        var runs = new List<(int, int, int)>();
        var lines = horizontal ? b.Height : b.Width;
        var length = horizontal ? b.Width : b.Height;
        for (var line = 0; line < lines; line++)
        {
            var start = -1;
            // a one-pixel gap (anti-aliasing, a scan's dropout) does not end a run
            var gap = 0;
            for (var i = 0; i <= length; i++)
            {
                var ink = i < length && (horizontal ? b.IsInk(i, line) : b.IsInk(line, i));
                if (ink) { if (start < 0) start = i; gap = 0; continue; }
                if (start < 0) continue;
                if (++gap <= 1 && i < length) continue;
                var end = i - gap + 1;
                if (end - start >= minLength) runs.Add((line, start, end));
                start = -1;
                gap = 0;
            }
        }
        return runs;
    }

    /// <summary>Groups runs on adjacent lines that overlap into one band; bands thicker than a ruling are text or images.</summary>
    private static IEnumerable<PixelRuling> Bands(List<(int Line, int Start, int End)> runs, Orientation orientation, int maxThickness)
    {
        var open = new List<(int From, int To, int Start, int End)>();
        var done = new List<(int From, int To, int Start, int End)>();
        foreach (var run in runs)
        {
            // close bands that the current line no longer continues
            for (var i = open.Count - 1; i >= 0; i--)
                if (open[i].To < run.Line) { done.Add(open[i]); open.RemoveAt(i); }
            var joined = false;
            for (var i = 0; i < open.Count; i++)
            {
                var o = open[i];
                if (o.To != run.Line || run.Start > o.End || run.End < o.Start) continue;
                open[i] = (o.From, run.Line + 1, Math.Min(o.Start, run.Start), Math.Max(o.End, run.End));
                joined = true;
                break;
            }
            if (!joined) open.Add((run.Line, run.Line + 1, run.Start, run.End));
        }
        done.AddRange(open);
        return done.Where(b => b.To - b.From <= maxThickness)
            .Select(b => new PixelRuling(orientation, b.From, b.To, b.Start, b.End))
            .OrderBy(r => r.From).ThenBy(r => r.Start);
    }

    /// <summary>Paints the rulings white (a pixel beyond each side too), so that tesseract does not read borders as 丨 or 一.</summary>
    public static void Erase(GrayBitmap bitmap, IEnumerable<PixelRuling> rulings)
    {
        foreach (var r in rulings)
        {
            if (r.Orientation == Orientation.Horizontal) bitmap.Fill(r.Start, r.From - 1, r.End, r.To + 1, 255);
            else bitmap.Fill(r.From - 1, r.Start, r.To + 1, r.End, 255);
        }
    }
}
