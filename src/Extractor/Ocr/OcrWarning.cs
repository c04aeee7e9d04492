using Extractor.Model;
using Extractor.Text;

namespace Extractor.Ocr;

/// <summary>The document-level notice that pages were read by OCR: `NAME: pages 1–3, 7 read by OCR (tesseract): …`.</summary>
public static class OcrWarning
{
    public const string Code = "ocr";

    public static Diagnostic For(string name, IReadOnlyList<int> pages) =>
        new(Code, $"{name}: {(pages.Count == 1 ? "page" : "pages")} {PageRanges.Format(pages)} read by OCR (tesseract): their values carry source \"ocr\" and a confidence; check them against the page", pages[0]);
}
