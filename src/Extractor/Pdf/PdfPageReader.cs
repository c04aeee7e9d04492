using Extractor.Geometry;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Pdf;

/// <summary>Raised for input that is not a readable PDF; the message names the file and, where known, the page.</summary>
public sealed class PdfReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The PdfPig adapter: opens a document once and turns each page into a <see cref="PageModel"/> in displayed
/// orientation (page /Rotate applied), with normalised glyphs, ruling segments and a text-layer health verdict.
/// </summary>
public sealed class PdfPageReader : IDisposable
{
    private readonly PdfDocument _document;
    private readonly string _name;

    private PdfPageReader(PdfDocument document, string name)
    {
        _document = document;
        _name = name;
    }

    public int PageCount => _document.NumberOfPages;

    public static PdfPageReader Open(byte[] bytes, string name)
    {
        if (bytes.Length < 5 || !LooksLikePdf(bytes))
            throw new PdfReadException($"{name}: not a PDF (no %PDF header)");
        try
        {
            var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted && document.NumberOfPages == 0)
                throw new PdfReadException($"{name}: encrypted PDF that cannot be opened without a password");
            return new PdfPageReader(document, name);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new PdfReadException($"{name}: encrypted PDF that cannot be opened without a password", e);
        }
        catch (PdfReadException) { throw; }
        catch (Exception e)
        {
            throw new PdfReadException($"{name}: unreadable PDF ({e.Message})", e);
        }
    }

    private static bool LooksLikePdf(byte[] bytes)
    {
        // The header may be preceded by junk within the first KiB (tolerated by readers).
        var limit = Math.Min(bytes.Length - 4, 1024);
        for (var i = 0; i < limit; i++)
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F') return true;
        return false;
    }

    public PageModel ReadPage(int number)
    {
        Page page;
        try { page = _document.GetPage(number); }
        catch (Exception e) { throw new PdfReadException($"{_name}: page {number} cannot be read ({e.Message})", e); }

        var media = page.MediaBox.Bounds;
        var rotation = ((page.Rotation.Value % 360) + 360) % 360;
        var mw = media.Width;
        var mh = media.Height;
        var ox = media.Left;
        var oy = media.Bottom;
        Func<double, double, (double, double)> toDisplay = rotation switch
        {
            90 => (x, y) => (y - oy, mw - (x - ox)),
            180 => (x, y) => (mw - (x - ox), mh - (y - oy)),
            270 => (x, y) => (mh - (y - oy), x - ox),
            _ => (x, y) => (x - ox, y - oy),
        };
        var (width, height) = rotation is 90 or 270 ? (mh, mw) : (mw, mh);

        var glyphs = ReadGlyphs(page, toDisplay);
        List<Ruling> rulings;
        try { rulings = RulingExtractor.Extract(page.Paths, toDisplay); }
        catch (Exception) { rulings = []; } // a broken content stream costs the rulings, not the page's text

        var (problem, detail) = TextLayerInspector.Inspect(glyphs, page);
        return new PageModel(number, width, height, rotation, glyphs, rulings, problem, detail);
    }

    private static List<Glyph> ReadGlyphs(Page page, Func<double, double, (double X, double Y)> toDisplay)
    {
        var letters = page.Letters;
        var result = new List<Glyph>(letters.Count);
        var seen = new HashSet<(string, long, long)>();
        foreach (var letter in letters)
        {
            var raw = letter.Value;
            if (string.IsNullOrEmpty(raw)) continue;
            var r = letter.BoundingBox;
            var (x1, y1) = toDisplay(r.BottomLeft.X, r.BottomLeft.Y);
            var (x2, y2) = toDisplay(r.TopRight.X, r.TopRight.Y);
            var (sx, sy) = toDisplay(letter.StartBaseLine.X, letter.StartBaseLine.Y);
            var (ex, _) = toDisplay(letter.EndBaseLine.X, letter.EndBaseLine.Y);
            var box = new Box(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(box.Height, 1);
            var text = CjkNormalizer.Normalize(raw);

            // Fake bold draws the same glyph again a fraction of a point away: keep the first.
            var key = (text, (long)Math.Round(box.CentreX / Tolerances.OverprintDistance), (long)Math.Round(box.CentreY / Tolerances.OverprintDistance));
            if (!seen.Add(key)) continue;

            var advLeft = Math.Min(sx, ex);
            var advRight = Math.Max(sx, ex);
            if (advRight - advLeft < 0.01) { advLeft = box.Left; advRight = box.Right; }
            result.Add(new Glyph(raw, text, box, advLeft, advRight, sy, size));
        }
        return result;
    }

    public void Dispose() => _document.Dispose();
}
