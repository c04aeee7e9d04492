using Extractor.Model;

namespace Extractor.Pdf;

/// <summary>
/// The input seam: one opened document as pages in the pipeline's <see cref="PageModel"/> (glyphs and rulings in
/// displayed orientation). Today's source is the PDF text layer (<see cref="PdfPageReader"/>); an OCR source plugs in
/// here by producing the same model from page images.
/// </summary>
public interface IPageSource : IDisposable
{
    int PageCount { get; }

    /// <summary>Reads page <paramref name="pageNumber"/> (1-based).</summary>
    /// <exception cref="PdfReadException">the page cannot be read (the pipeline records it and goes on)</exception>
    PageModel ReadPage(int pageNumber, CancellationToken cancellationToken);
}

/// <summary>Opens a page source over a document's bytes; chosen through <c>ExtractorOptions.PageSource</c>.</summary>
public interface IPageSourceFactory
{
    /// <param name="name">the document's name, for messages</param>
    /// <param name="timer">receives the source's stage times; null = not timed</param>
    /// <exception cref="PdfReadException">the bytes are not a readable document</exception>
    IPageSource Open(byte[] bytes, string name, IStageTimer? timer);
}

/// <summary>
/// A factory from a function, so that a new page source is one class (its <see cref="IPageSource"/>):
/// <c>new PageSourceFactory((bytes, name, timer) => new OcrPageSource(bytes, name))</c>.
/// </summary>
public sealed class PageSourceFactory(Func<byte[], string, IStageTimer?, IPageSource> open) : IPageSourceFactory
{
    public IPageSource Open(byte[] bytes, string name, IStageTimer? timer) => open(bytes, name, timer);
}

/// <summary>Options of the PDF text-layer source.</summary>
/// <param name="UndecodableShare">
/// Share of a page's visible glyphs that may fail to decode (no ToUnicode, private use, U+FFFD) before the page's text
/// is no longer used as data: a few odd symbols are normal, a tenth means the font's text cannot be trusted.
/// </param>
public sealed record PdfTextLayerOptions(double UndecodableShare = PdfTextLayerOptions.DefaultUndecodableShare)
{
    public const double DefaultUndecodableShare = 0.10;

    /// <summary>Bounds checked before and while PdfPig reads (README, Reliability).</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>
    /// A filled rectangle thinner than this (points) is a ruling line: browsers draw borders as thin fills (a 1-px CSS
    /// border is a 0.75 pt fill, a 3-px one 2.25 pt); a shaded header band is a text line high (over 10 pt).
    /// </summary>
    public double MaxRulingThickness { get; init; } = 2.5;

    /// <summary>
    /// Rulings shorter than this (points) are decoration — tick marks, a glyph's underline, a check box stroke — not a
    /// table border; even a one-digit `序号` cell is wider than a digit (about 5 pt at 9 pt type).
    /// </summary>
    public double MinRulingLength { get; init; } = 4.0;

    /// <summary>
    /// A glyph drawn again within this distance (points) of an identical one is a fake-bold overprint (`合计` drawn twice
    /// a fraction of a point apart); two real neighbouring glyphs are at least a glyph width (several points) apart.
    /// </summary>
    public double OverprintDistance { get; init; } = 0.6;

    /// <summary>
    /// Which interpreter turns a page's content into letters and paths: the lean one (default; the same letters and
    /// paths without PdfPig's object graph) or PdfPig's own page (the reference the lean one is tested against).
    /// </summary>
    public PageReaderKind Reader { get; init; } = PageReaderKind.Lean;

    public static PdfTextLayerOptions Default { get; } = new();
}

/// <summary>The interpreter behind <see cref="PdfPageReader"/> (<see cref="PdfTextLayerOptions.Reader"/>).</summary>
public enum PageReaderKind
{
    /// <summary><see cref="LeanPageFactory"/>: PdfPig's parser and fonts, letters and paths as flat lists.</summary>
    Lean,

    /// <summary>PdfPig's <c>Page</c> with its letters and path objects.</summary>
    PdfPig,
}

/// <summary>The default page source: PdfPig's letters and paths (<see cref="PdfPageReader"/>).</summary>
public sealed class PdfTextLayerSourceFactory(PdfTextLayerOptions options) : IPageSourceFactory
{
    public static PdfTextLayerSourceFactory Default { get; } = new(PdfTextLayerOptions.Default);

    public IPageSource Open(byte[] bytes, string name, IStageTimer? timer) => PdfPageReader.Open(bytes, name, options, timer);
}
