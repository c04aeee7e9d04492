namespace Extractor.Text;

/// <summary>Page numbers written as runs: 1, 2, 3, 5 → `1–3, 5` (warnings) or `1-3,5` (the corpus report).</summary>
public static class PageRanges
{
    /// <param name="pages">ascending page numbers</param>
    public static string Format(IReadOnlyList<int> pages, string through = "–", string separator = ", ")
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            parts.Add(j == i ? $"{pages[i]}" : $"{pages[i]}{through}{pages[j]}");
            i = j + 1;
        }
        return string.Join(separator, parts);
    }
}
