using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Pdf;

/// <summary>Raised for input that is not a readable PDF; the message names the file and, where known, the page.</summary>
public sealed class PdfReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The PdfPig adapter: opens a document once and turns each page into a <see cref="PageModel"/> in displayed
/// orientation (page /Rotate applied), with normalised glyphs, ruling segments and a text-layer health verdict.
/// </summary>
public sealed class PdfPageReader : IPageSource
{
    private readonly PdfDocument _document;
    private readonly string _name;
    private readonly PdfTextLayerOptions _options;
    private readonly IStageTimer? _timer;
    private ResourceLimits Limits => _options.Limits;

    /// <summary>
    /// Each distinct raw letter text once, with its normalised text: a document repeats a few thousand distinct letters,
    /// and PdfPig makes a new string per letter (a 328-page list keeps about a million glyphs).
    /// </summary>
    private readonly Dictionary<string, (string Raw, string Text)> _normalised = new(StringComparer.Ordinal);

    private PdfPageReader(PdfDocument document, string name, PdfTextLayerOptions options, IStageTimer? timer)
    {
        _document = document;
        _name = name;
        _options = options;
        _timer = timer;
    }

    public int PageCount => _document.NumberOfPages;

    public static PdfPageReader Open(byte[] bytes, string name) => Open(bytes, name, PdfTextLayerOptions.Default, null);

    /// <param name="limits">bounds checked before and while PdfPig reads</param>
    public static PdfPageReader Open(byte[] bytes, string name, ResourceLimits limits) =>
        Open(bytes, name, PdfTextLayerOptions.Default with { Limits = limits }, null);

    /// <param name="timer">receives PdfPig's parse time and our conversion time apart (bench `--stages`); null = not timed</param>
    public static PdfPageReader Open(byte[] bytes, string name, PdfTextLayerOptions options, IStageTimer? timer) =>
        Open(bytes, name, options, timer, repaired: false);

    private static PdfPageReader Open(byte[] bytes, string name, PdfTextLayerOptions options, IStageTimer? timer, bool repaired)
    {
        if (bytes.Length < 5 || !LooksLikePdf(bytes))
            throw new PdfReadException($"{name}: not a PDF (no %PDF header)");
        var limits = options.Limits;
        var oversized = repaired ? new Dictionary<long, string>() : PdfPreScanner.Check(bytes, name, limits);
        try
        {
            var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted && document.NumberOfPages == 0)
                throw new PdfReadException($"{name}: encrypted PDF that cannot be opened without a password");
            if (ResourceLimits.Exceeds(document.NumberOfPages, limits.MaxPages))
            {
                document.Dispose();
                throw new PdfReadException($"{name}: too large: {document.NumberOfPages} pages (limit MaxPages {limits.MaxPages})");
            }
            if (options.Reader == PageReaderKind.Lean) document.AddPageFactory<PageInk, LeanPageFactory>();
            var reader = new PdfPageReader(document, name, options, timer);
            if (oversized.Count > 0) reader.FailPagesDrawing(oversized);
            return reader;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new PdfReadException($"{name}: encrypted PDF that cannot be opened without a password", e);
        }
        catch (PdfReadException) { throw; }
        catch (Exception e) when (StageGuard.IsRecoverable(e) && !repaired && PdfRepair.FlattenDeepArrays(bytes) is { } fixedCopy)
        {
            return Open(fixedCopy, name, options, timer, repaired: true);
        }
        catch (Exception e) when (StageGuard.IsRecoverable(e))
        {
            throw new PdfReadException($"{name}: damaged PDF, cannot be opened ({Describe(e)})", e);
        }
    }

    /// <summary>What is wrong, in the reader's words where they are meant for people; never a .NET cast or null message.</summary>
    public static string Describe(Exception e) =>
        e.Message.Contains("Unable to cast", StringComparison.Ordinal) || e.Message.Contains("UglyToad", StringComparison.Ordinal)
        || e is InvalidCastException or NullReferenceException or IndexOutOfRangeException or ArgumentOutOfRangeException or KeyNotFoundException
            ? "an object has the wrong type or is missing"
            : e.Message.Contains("xref trailer", StringComparison.Ordinal)
                ? "cut short or without a cross-reference table, and no document catalog found by scanning its objects"
                : e.Message.Split('\n')[0].TrimEnd('.');

    /// <summary>Pages (number → why) that are not read: they draw a content stream over a bound.</summary>
    private readonly Dictionary<int, string> _tooLarge = [];

    /// <summary>
    /// A content stream over a bound fails the pages that draw it. One that no page draws directly (a form, or a
    /// page tree that cannot be read) fails the document: PdfPig would parse it with some page.
    /// </summary>
    private void FailPagesDrawing(IReadOnlyDictionary<long, string> oversized)
    {
        Dictionary<int, List<long>> map;
        try { map = PageContentMap.Read(_document); }
        catch (Exception e) when (StageGuard.IsRecoverable(e)) { map = []; }
        var drawn = new HashSet<long>();
        foreach (var (page, streams) in map)
            foreach (var stream in streams)
                if (oversized.TryGetValue(stream, out var why))
                {
                    _tooLarge.TryAdd(page, why);
                    drawn.Add(stream);
                }
        var undrawn = oversized.Keys.FirstOrDefault(s => !drawn.Contains(s), -1);
        if (undrawn >= 0)
        {
            _document.Dispose();
            throw new PdfReadException($"{_name}: too large: {oversized[undrawn]}");
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

    public PageModel ReadPage(int number) => ReadPage(number, _timer);

    public PageModel ReadPage(int pageNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadPage(pageNumber, _timer);
    }

    /// <param name="timer">receives PdfPig's parse time and our conversion time apart (bench `--stages`)</param>
    public PageModel ReadPage(int number, IStageTimer? timer)
    {
        if (_tooLarge.TryGetValue(number, out var why)) throw new PdfReadException($"{_name}: page {number} too large: {why}");
        PageInk page;
        using (StageScope.Start(timer, Stages.PdfPig))
        {
            try { page = _options.Reader == PageReaderKind.Lean ? _document.GetPage<PageInk>(number) : PageInk.From(_document.GetPage(number)); }
            catch (Exception e) when (StageGuard.IsRecoverable(e)) { throw new PdfReadException($"{_name}: page {number} cannot be read ({Describe(e)})", e); }
        }
        using var conversion = StageScope.Start(timer, Stages.Conversion);
        if (ResourceLimits.Exceeds(page.Letters.Count, Limits.MaxGlyphsPerPage))
            throw new PdfReadException($"{_name}: page {number} too large: {page.Letters.Count} glyphs (limit MaxGlyphsPerPage {Limits.MaxGlyphsPerPage})");

        var rotation = ((page.Rotation % 360) + 360) % 360;
        // PdfPig already applies /Rotate: letters and paths come in displayed orientation, with page.Width and
        // page.Height as displayed. Unrotated pages keep the media box origin subtracted.
        var media = page.Media;
        var (ox, oy) = rotation == 0 ? (media.Left, media.Bottom) : (0.0, 0.0);
        Func<double, double, (double, double)> toDisplay = (x, y) => (x - ox, y - oy);
        var (width, height) = rotation == 0 ? (media.Width, media.Height) : (page.Width, page.Height);

        // Text drawn turned on the page (a landscape table printed sideways): read the page in the text's own frame,
        // so that lines run left to right and tables are found as usual. Boxes are then in that frame.
        var direction = DominantDirection(page.Letters, toDisplay);
        if (direction != 0)
        {
            var display = toDisplay;
            var (w, h) = (width, height);
            toDisplay = direction switch
            {
                90 => (x, y) => { var (dx, dy) = display(x, y); return (dy, w - dx); },   // text runs upwards
                180 => (x, y) => { var (dx, dy) = display(x, y); return (w - dx, h - dy); },
                _ => (x, y) => { var (dx, dy) = display(x, y); return (h - dy, dx); },    // text runs downwards
            };
            if (direction != 180) (width, height) = (height, width);
        }

        var glyphs = ReadGlyphs(page, toDisplay, _normalised, _options.OverprintDistance);
        List<Ruling> rulings;
        try { rulings = RulingExtractor.Extract(page.Vectors, toDisplay, _options); }
        catch (Exception e) when (StageGuard.IsRecoverable(e)) { rulings = []; } // a broken content stream costs the rulings, not the page's text

        var (problem, detail) = TextLayerInspector.Inspect(glyphs, page, _options.UndecodableShare);
        return new PageModel(number, width, height, rotation, glyphs, rulings, problem, detail) { Turn = direction };
    }

    /// <summary>
    /// The direction most letters' baselines run in on the displayed page, in degrees counter-clockwise from left to
    /// right: 0, 90 (upwards), 180 or 270 (downwards).
    /// </summary>
    private static int DominantDirection(IReadOnlyList<InkLetter> letters, Func<double, double, (double X, double Y)> toDisplay)
    {
        var votes = new int[4];
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) continue;
            var (sx, sy) = toDisplay(letter.StartBaseLine.X, letter.StartBaseLine.Y);
            var (ex, ey) = toDisplay(letter.EndBaseLine.X, letter.EndBaseLine.Y);
            double dx = ex - sx, dy = ey - sy;
            if (Math.Abs(dx) < 0.01 && Math.Abs(dy) < 0.01) continue;
            votes[Math.Abs(dx) >= Math.Abs(dy) ? (dx > 0 ? 0 : 2) : (dy > 0 ? 1 : 3)]++;
        }
        var best = 0;
        for (var i = 1; i < 4; i++) if (votes[i] > votes[best]) best = i;
        // Turn the page only when clearly most of its text is turned (a rotated stamp or margin note is not enough).
        return votes[best] > 2 * votes[0] ? best * 90 : 0;
    }

    private static List<Glyph> ReadGlyphs(PageInk page, Func<double, double, (double X, double Y)> toDisplay, Dictionary<string, (string Raw, string Text)> normalised, double overprint)
    {
        var letters = page.Letters;
        var result = new List<Glyph>(letters.Count);
        var seen = new HashSet<(string, long, long)>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrEmpty(letter.Value)) continue;
            if (!normalised.TryGetValue(letter.Value, out var known))
            {
                var normal = CjkNormalizer.Normalize(letter.Value);
                normalised[letter.Value] = known = (letter.Value, normal == letter.Value ? letter.Value : normal);
            }
            var (raw, text) = known;
            var r = letter.BoundingBox;
            var (x1, y1) = toDisplay(r.BottomLeft.X, r.BottomLeft.Y);
            var (x2, y2) = toDisplay(r.TopRight.X, r.TopRight.Y);
            var (sx, sy) = toDisplay(letter.StartBaseLine.X, letter.StartBaseLine.Y);
            var (ex, _) = toDisplay(letter.EndBaseLine.X, letter.EndBaseLine.Y);
            var box = new Box(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(box.Height, 1);

            // Fake bold draws the same glyph again a fraction of a point away: keep the first.
            var key = (text, (long)Math.Round(box.CentreX / overprint), (long)Math.Round(box.CentreY / overprint));
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
