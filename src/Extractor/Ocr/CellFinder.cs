using Extractor.Model;

namespace Extractor.Ocr;

/// <summary>A table cell found in a bitmap: the inside of its borders, in pixels [Left, Right) × [Top, Bottom).</summary>
public readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
    public bool Contains(double x, double y) => x >= Left && x < Right && y >= Top && y < Bottom;
}

/// <summary>
/// The cells of ruled tables: the regions of the page that the rulings enclose (a merged cell is one region). Each is
/// then read on its own, as one line or one block, which tesseract does far better than a whole page of grid.
/// </summary>
public static class CellFinder
{
    /// <summary>Side of the pixel blocks regions are found on: a cell's box may lose up to 2 px at each side, all white (its padding).</summary>
    private const int Coarse = 3;

    /// <param name="closePx">how far a ruling is extended at both ends, to close the gap at a corner</param>
    /// <param name="minSidePx">narrowest region that is a cell (smaller ones are the gaps between double rules)</param>
    public static IReadOnlyList<PixelRect> Find(int pageWidth, int pageHeight, IReadOnlyList<PixelRuling> rulings, int closePx, int minSidePx)
    {
        if (rulings.Count < 4) return [];
        // The regions are labelled on a grid of Coarse × Coarse pixel blocks, a block touched by a ruling being wall:
        // a wall never opens, and the labels of a 300 dpi A4 page take 3.9 MB instead of 35 MB (the worker's memory).
        var width = (pageWidth + Coarse - 1) / Coarse;
        var height = (pageHeight + Coarse - 1) / Coarse;
        // label: 0 = free, -1 = ruling, >0 = region id
        var label = new int[width * height];
        foreach (var r in rulings)
        {
            var (x0, y0, x1, y1) = r.Orientation == Orientation.Horizontal
                ? (r.Start - closePx, r.From - 1, r.End + closePx, r.To + 1)
                : (r.From - 1, r.Start - closePx, r.To + 1, r.End + closePx);
            x0 = Math.Max(0, x0) / Coarse; y0 = Math.Max(0, y0) / Coarse;
            x1 = (Math.Min(pageWidth, x1) + Coarse - 1) / Coarse; y1 = (Math.Min(pageHeight, y1) + Coarse - 1) / Coarse;
            for (var y = y0; y < y1; y++) Array.Fill(label, -1, y * width + x0, Math.Max(0, x1 - x0));
        }
        var regions = new List<(PixelRect Box, bool Open)>();
        var stack = new Stack<int>();
        for (var start = 0; start < label.Length; start++)
        {
            if (label[start] != 0) continue;
            var id = regions.Count + 1;
            int left = width, top = height, right = 0, bottom = 0;
            var open = false;
            label[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                if (x < left) left = x;
                if (x >= right) right = x + 1;
                if (y < top) top = y;
                if (y >= bottom) bottom = y + 1;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) open = true;
                if (x > 0 && label[i - 1] == 0) { label[i - 1] = id; stack.Push(i - 1); }
                if (x < width - 1 && label[i + 1] == 0) { label[i + 1] = id; stack.Push(i + 1); }
                if (y > 0 && label[i - width] == 0) { label[i - width] = id; stack.Push(i - width); }
                if (y < height - 1 && label[i + width] == 0) { label[i + width] = id; stack.Push(i + width); }
            }
            regions.Add((new PixelRect(left * Coarse, top * Coarse, Math.Min(pageWidth, right * Coarse), Math.Min(pageHeight, bottom * Coarse)), open));
        }
        var closed = regions.Where(r => !r.Open && r.Box.Width >= minSidePx && r.Box.Height >= minSidePx).Select(r => r.Box).ToList();
        // a region around other regions is a frame (a box drawn round the page or a table), not a cell
        return closed.Where(c => !closed.Any(o => o != c && c.Contains((o.Left + o.Right) / 2.0, (o.Top + o.Bottom) / 2.0))).ToList();
    }
}
