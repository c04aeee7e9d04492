namespace Extractor.Pdf;

/// <summary>
/// Bounds checked before PdfPig allocates, so that one hostile file costs its own document and not the machine.
/// PdfPig 0.1.16 has no hooks for these: <see cref="PdfPreScanner"/> measures the raw bytes before they are handed
/// over (font width arrays, every stream inflated with a cap, operators counted in every content stream), and
/// <see cref="PdfPageReader"/> checks the page count and each page's glyphs after opening. A value of 0 turns a
/// bound off. Exceeding one fails the document with `NAME: too large: …` (see README, Bounds).
/// </summary>
/// <param name="MaxFontWidthEntries">widths one CID font /W (or /W2) array may expand to (PdfPig expands `c1 c2 w`
/// ranges entry by entry); the CID space is 65,536, so twice that leaves room for any real font</param>
/// <param name="MaxDecodedStreamBytes">bytes one stream may inflate to (256 MiB)</param>
/// <param name="MaxOperatorsPerStream">content-stream operators in one stream (a page's content or a form)</param>
/// <param name="MaxPathSegmentsPerStream">path segments (l, c, v, y; re counts 4) in one content stream</param>
/// <param name="MaxGlyphsPerStream">string bytes shown in one content stream (an upper bound of its glyphs)</param>
/// <param name="MaxPages">pages of one document</param>
/// <param name="MaxGlyphsPerPage">glyphs PdfPig reports on one page (checked after the page is read)</param>
public sealed record ResourceLimits(
    long MaxFontWidthEntries = 131_072,
    long MaxDecodedStreamBytes = 256L * 1024 * 1024,
    long MaxOperatorsPerStream = 2_000_000,
    long MaxPathSegmentsPerStream = 250_000,
    long MaxGlyphsPerStream = 1_000_000,
    int MaxPages = 20_000,
    int MaxGlyphsPerPage = 200_000)
{
    public static ResourceLimits Default { get; } = new();

    /// <summary>No bounds at all (measurements, trusted input).</summary>
    public static ResourceLimits None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    internal static bool Exceeds(long value, long limit) => limit > 0 && value > limit;
}
