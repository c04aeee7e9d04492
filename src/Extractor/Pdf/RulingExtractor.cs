using Extractor.Geometry;
using Extractor.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Extractor.Pdf;

/// <summary>
/// Turns a page's vector paths into ruling segments: stroked axis-aligned lines, stroked rectangles (their four
/// edges) and thin filled rectangles (how browsers draw borders). White strokes and large fills (shading) are not borders.
/// </summary>
public static class RulingExtractor
{
    /// <param name="options">the thickness below which a fill is a line, and the length below which a line is decoration</param>
    public static List<Ruling> Extract(IEnumerable<PdfPath> paths, Func<double, double, (double X, double Y)> toDisplay, PdfTextLayerOptions options)
    {
        var result = new List<Ruling>();
        foreach (var path in paths)
        {
            if (path.IsClipping || (!path.IsFilled && !path.IsStroked)) continue;
            var stroked = path.IsStroked && !IsWhite(path.StrokeColor);
            var filled = path.IsFilled && !IsWhite(path.FillColor);
            if (!stroked && !filled) continue;

            foreach (var subpath in path)
            {
                if (TryAsRectangle(subpath, toDisplay, out var rect))
                {
                    var thinX = rect.Width <= options.MaxRulingThickness;
                    var thinY = rect.Height <= options.MaxRulingThickness;
                    if (thinY && !thinX) Add(result, options.MinRulingLength, Orientation.Horizontal, rect.CentreY, rect.Left, rect.Right);
                    else if (thinX && !thinY) Add(result, options.MinRulingLength, Orientation.Vertical, rect.CentreX, rect.Bottom, rect.Top);
                    else if (!thinX && !thinY && stroked)
                    {
                        Add(result, options.MinRulingLength, Orientation.Horizontal, rect.Bottom, rect.Left, rect.Right);
                        Add(result, options.MinRulingLength, Orientation.Horizontal, rect.Top, rect.Left, rect.Right);
                        Add(result, options.MinRulingLength, Orientation.Vertical, rect.Left, rect.Bottom, rect.Top);
                        Add(result, options.MinRulingLength, Orientation.Vertical, rect.Right, rect.Bottom, rect.Top);
                    }
                    continue;
                }
                if (!stroked) continue;
                foreach (var command in subpath.Commands)
                {
                    if (command is not PdfSubpath.Line line) continue;
                    var (x1, y1) = toDisplay(line.From.X, line.From.Y);
                    var (x2, y2) = toDisplay(line.To.X, line.To.Y);
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
    private static bool TryAsRectangle(PdfSubpath subpath, Func<double, double, (double X, double Y)> toDisplay, out Box box)
    {
        box = default;
        var points = new List<(double X, double Y)>(5);
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move: points.Add(toDisplay(move.Location.X, move.Location.Y)); break;
                case PdfSubpath.Line line:
                    if (points.Count == 0) points.Add(toDisplay(line.From.X, line.From.Y));
                    points.Add(toDisplay(line.To.X, line.To.Y));
                    break;
                case PdfSubpath.Close: break;
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

    private static bool IsWhite(IColor? color)
    {
        if (color is null) return false;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r > 0.9 && g > 0.9 && b > 0.9;
        }
        catch (Exception e) when (StageGuard.IsRecoverable(e))
        {
            return false; // pattern or unusual colour spaces: treat as ink
        }
    }
}
