using Extractor.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Extractor.Pdf;

/// <summary>
/// One letter as the page draws it, only what <see cref="PdfPageReader"/> reads: the text, PdfPig's glyph box (from
/// the font metrics, corners in drawing order), the advance along the baseline and the size in points.
/// </summary>
internal readonly record struct InkLetter(string Value, PdfRectangle BoundingBox, PdfPoint StartBaseLine, PdfPoint EndBaseLine, double PointSize);

/// <summary>
/// What one page draws that the pipeline reads, from either reader (<see cref="LeanPageFactory"/> or PdfPig's own
/// <see cref="Page"/>): letters, painted paths and how to count its images.
/// </summary>
/// <param name="Rotation">the page's /Rotate</param>
/// <param name="Media">the media box</param>
/// <param name="Width">displayed width (crop box, rotated)</param>
/// <param name="Height">displayed height</param>
/// <param name="ImageCount">counts the page's images as PdfPig reads them (throws as PdfPig does); asked only for a page without text</param>
internal sealed record PageInk(int Rotation, PdfRectangle Media, double Width, double Height, IReadOnlyList<InkLetter> Letters, PageVectors Vectors, Func<int> ImageCount)
{
    /// <summary>PdfPig's page in the same terms (the reference reader).</summary>
    public static PageInk From(Page page)
    {
        var letters = new InkLetter[page.Letters.Count];
        for (var i = 0; i < letters.Length; i++)
        {
            var l = page.Letters[i];
            letters[i] = new InkLetter(l.Value, l.BoundingBox, l.StartBaseLine, l.EndBaseLine, l.PointSize);
        }
        return new PageInk(page.Rotation.Value, page.MediaBox.Bounds, page.Width, page.Height, letters, PageVectors.From(page.Paths), () => page.GetImages().Count());
    }
}

internal enum PathCommandKind : byte { Move, Line, Curve, Close }

/// <summary>One drawing command in page space: a move to (ToX, ToY), a line From → To, a curve (only its kind matters) or a close.</summary>
internal readonly record struct PathCommand(PathCommandKind Kind, double FromX, double FromY, double ToX, double ToY);

/// <summary>A painted path: its subpaths <c>[FirstSubpath, FirstSubpath + SubpathCount)</c> and whether it shows ink.</summary>
/// <param name="Stroked">stroked in a colour that is not white</param>
/// <param name="Filled">filled in a colour that is not white</param>
internal readonly record struct PaintedPath(bool Stroked, bool Filled, int FirstSubpath, int SubpathCount);

/// <summary>One subpath's commands <c>[FirstCommand, FirstCommand + CommandCount)</c>.</summary>
internal readonly record struct SubpathSpan(int FirstCommand, int CommandCount);

/// <summary>
/// A page's painted paths as three flat lists (no path object per subpath and command): only paths that show ink,
/// in drawing order. Clipping paths, unpainted paths and white paths are left out, as <see cref="RulingExtractor"/> skips them.
/// </summary>
internal sealed class PageVectors
{
    public List<PaintedPath> Paths { get; } = [];
    public List<SubpathSpan> Subpaths { get; } = [];
    public List<PathCommand> Commands { get; } = [];

    public static PageVectors Empty => new();

    /// <summary>PdfPig's path objects in the flat form.</summary>
    public static PageVectors From(IEnumerable<PdfPath> paths)
    {
        var result = new PageVectors();
        foreach (var path in paths)
        {
            if (path.IsClipping || (!path.IsFilled && !path.IsStroked)) continue;
            var stroked = path.IsStroked && !Ink.IsWhite(path.StrokeColor);
            var filled = path.IsFilled && !Ink.IsWhite(path.FillColor);
            if (!stroked && !filled) continue;
            var first = result.Subpaths.Count;
            foreach (var subpath in path)
            {
                var start = result.Commands.Count;
                foreach (var command in subpath.Commands)
                    result.Commands.Add(command switch
                    {
                        PdfSubpath.Move move => new PathCommand(PathCommandKind.Move, 0, 0, move.Location.X, move.Location.Y),
                        PdfSubpath.Line line => new PathCommand(PathCommandKind.Line, line.From.X, line.From.Y, line.To.X, line.To.Y),
                        PdfSubpath.Close => new PathCommand(PathCommandKind.Close, 0, 0, 0, 0),
                        _ => new PathCommand(PathCommandKind.Curve, 0, 0, 0, 0),
                    });
                result.Subpaths.Add(new SubpathSpan(start, result.Commands.Count - start));
            }
            result.Paths.Add(new PaintedPath(stroked, filled, first, result.Subpaths.Count - first));
        }
        return result;
    }
}

internal static class Ink
{
    /// <summary>White (or nearly) paint is not a border; a colour that cannot be converted counts as ink.</summary>
    public static bool IsWhite(IColor? color)
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
