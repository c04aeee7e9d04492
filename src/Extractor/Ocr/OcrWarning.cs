using Extractor.Model;

namespace Extractor.Ocr;

/// <summary>The document-level notice that pages were read by OCR: `NAME: pages 1–3, 7 read by OCR (tesseract): …`.</summary>
public static class OcrWarning
{
    public const string Code = "ocr";

    public static Diagnostic For(string name, IReadOnlyList<int> pages) =>
        new(Code, $"{name}: {(pages.Count == 1 ? "page" : "pages")} {Ranges(pages)} read by OCR (tesseract): their values carry source \"ocr\" and a confidence; check them against the page", pages[0]);

    /// <summary>1, 2, 3, 5 → `1–3, 5`.</summary>
    public static string Ranges(IReadOnlyList<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            parts.Add(j == i ? $"{pages[i]}" : $"{pages[i]}–{pages[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
