using Extractor.Model;

namespace Extractor.Pdf;

/// <summary>Decides whether a page's text layer can be trusted: no text at all (scanned) or glyphs that do not decode.</summary>
public static class TextLayerInspector
{
    internal static (TextLayerProblem, string?) Inspect(IReadOnlyList<Glyph> glyphs, PageInk page, double undecodableShare) =>
        Inspect(glyphs, () => SafeImageCount(page), undecodableShare);

    /// <param name="imageCount">Counts the page's images; only asked when the page has no text.</param>
    /// <param name="undecodableShare">share of undecodable glyphs above which the page's text is not used as data</param>
    public static (TextLayerProblem, string?) Inspect(IReadOnlyList<Glyph> glyphs, Func<int> imageCount, double undecodableShare = PdfTextLayerOptions.DefaultUndecodableShare)
    {
        var visible = 0;
        var bad = 0;
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) continue;
            visible++;
            if (IsUndecodable(g.Raw)) bad++;
        }
        if (visible == 0)
        {
            var images = imageCount();
            return images > 0
                ? (TextLayerProblem.NoTextLayer, $"no text layer ({images} image(s) only: scanned page?)")
                : (TextLayerProblem.NoTextLayer, "no text on the page");
        }
        if (bad > undecodableShare * visible)
            return (TextLayerProblem.Undecodable, $"{bad} of {visible} glyphs do not decode to text (no ToUnicode, private-use or U+FFFD)");
        return (TextLayerProblem.None, null);
    }

    public static bool IsUndecodable(string raw)
    {
        foreach (var ch in raw)
        {
            if (ch == '\uFFFD' || ch is >= '\uE000' and <= '\uF8FF') return true;
            if (char.IsControl(ch) && ch is not '\t' and not '\n' and not '\r') return true;
        }
        return false;
    }

    private static int SafeImageCount(PageInk page)
    {
        try { return page.ImageCount(); }
        catch (Exception e) when (StageGuard.IsRecoverable(e)) { return 0; }
    }
}
