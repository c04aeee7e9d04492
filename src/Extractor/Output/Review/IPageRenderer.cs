namespace Extractor.Output.Review;

/// <summary>A page rasterised from the PDF: the encoded image (PNG or WebP) and its size in pixels.</summary>
public sealed record PageImage(int Page, string Extension, byte[] Bytes, int PixelWidth, int PixelHeight);

/// <summary>Rasterises PDF pages for the review report (an external tool or a library; the report does not care which).</summary>
public interface IPageRenderer
{
    /// <summary>Null when the renderer can run; otherwise one line saying what is missing and how to get it.</summary>
    string? Unavailable { get; }

    /// <summary>The given pages of the PDF at `path`; a page that cannot be rendered is left out.</summary>
    IReadOnlyDictionary<int, PageImage> Render(string path, IReadOnlyCollection<int> pages, CancellationToken cancel = default);
}
