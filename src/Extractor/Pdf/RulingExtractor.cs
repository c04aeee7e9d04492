using Extractor.Geometry;
using Extractor.Model;
using System.Runtime.InteropServices;

namespace Extractor.Pdf;

/// <summary>
/// Turns a page's vector paths into ruling segments: stroked axis-aligned lines, stroked rectangles (their four
/// edges) and thin filled rectangles (how browsers draw borders). White strokes and large fills (shading) are not borders.
/// </summary>
internal static class RulingExtractor
{
    /// <param name="options">the thickness below which a fill is a line, and the length below which a line is decoration</param>
    public static List<Ruling> Extract(PageVectors vectors, Func<double, double, (double X, double Y)> toDisplay, PdfTextLayerOptions options)
    {
        var result = new List<Ruling>();
        foreach (var path in vectors.Paths)
        {
            for (var s = path.FirstSubpath; s < path.FirstSubpath + path.SubpathCount; s++)
            {
                var commands = CollectionsMarshal.AsSpan(vectors.Commands).Slice(vectors.Subpaths[s].FirstCommand, vectors.Subpaths[s].CommandCount);
                if (TryAsRectangle(commands, toDisplay, out var rect))
                {
                    var thinX = rect.Width <= options.MaxRulingThickness;
                    var thinY = rect.Height <= options.MaxRulingThickness;
                    if (thinY && !thinX) Add(result, options.MinRulingLength, Orientation.Horizontal, rect.CentreY, rect.Left, rect.Right);
                    else if (thinX && !thinY) Add(result, options.MinRulingLength, Orientation.Vertical, rect.CentreX, rect.Bottom, rect.Top);
                    else if (!thinX && !thinY && path.Stroked)
                    {
                        Add(result, options.MinRulingLength, Orientation.Horizontal, rect.Bottom, rect.Left, rect.Right);
                        Add(result, options.MinRulingLength, Orientation.Horizontal, rect.Top, rect.Left, rect.Right);
                        Add(result, options.MinRulingLength, Orientation.Vertical, rect.Left, rect.Bottom, rect.Top);
                        Add(result, options.MinRulingLength, Orientation.Vertical, rect.Right, rect.Bottom, rect.Top);
                    }
                    continue;
                }
                if (!path.Stroked) continue;
                foreach (var line in commands)
                {
                    if (line.Kind != PathCommandKind.Line) continue;
                    var (x1, y1) = toDisplay(line.FromX, line.FromY);
                    var (x2, y2) = toDisplay(line.ToX, line.ToY);
                    if (Math.Abs(y1 - y2) < 0.5) Add(result, options.MinRulingLength, Orientation.Horizontal, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2));
                    else if (Math.Abs(x1 - x2) < 0.5) Add(result, options.MinRulingLength, Orientation.Vertical, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2));
                }
            }
        }
        return result;
    }

    private static void Add(List<Ruling> into, double minLength, Orientation orientation, double position, double start, double end)
    {
        if (end - start >= minLength) into.Add(new Ruling(orientation, position, start, end));
    }

    /// <summary>Longest diagonal edge (points, each way) a rule's outline may have at a corner.</summary>
    private const double MaxBevel = 1.0;

    /// <summary>A subpath of only straight axis-aligned edges (corners may be bevelled) that closes on itself, as its box.</summary>
    private static bool TryAsRectangle(ReadOnlySpan<PathCommand> commands, Func<double, double, (double X, double Y)> toDisplay, out Box box)
    {
        box = default;
        var points = new List<(double X, double Y)>(5);
        foreach (var command in commands)
        {
            switch (command.Kind)
            {
                case PathCommandKind.Move: points.Add(toDisplay(command.ToX, command.ToY)); break;
                case PathCommandKind.Line:
                    if (points.Count == 0) points.Add(toDisplay(command.FromX, command.FromY));
                    points.Add(toDisplay(command.ToX, command.ToY));
                    break;
                case PathCommandKind.Close: break;
                default: return false;
            }
        }
        if (points.Count is < 4 or > 6) return false;
        for (var i = 1; i < points.Count; i++)
        {
            var (ax, ay) = points[i - 1];
            var (bx, by) = points[i];
            var (dx, dy) = (Math.Abs(ax - bx), Math.Abs(ay - by));
            // A mitred corner of a cell border drawn as a filled outline (`79.8 374.48 l 80.55 373.73 l`) is a
            // diagonal no longer than the line is thick; any longer slant is a shape, not a rule.
            if (dx > 0.5 && dy > 0.5 && (dx > MaxBevel || dy > MaxBevel)) return false;
        }
        double l = double.MaxValue, b = double.MaxValue, r = double.MinValue, t = double.MinValue;
        foreach (var (x, y) in points) { l = Math.Min(l, x); r = Math.Max(r, x); b = Math.Min(b, y); t = Math.Max(t, y); }
        box = new Box(l, b, r, t);
        return true;
    }
}
