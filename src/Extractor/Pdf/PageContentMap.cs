using Extractor.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf;

/// <summary>
/// Which content streams each page draws (page number → object numbers of its /Contents), read from the page tree
/// without parsing any content, so that a page whose content is over a bound fails alone. Loops and broken nodes
/// in the tree are skipped (PdfPig reports them when the page is read).
/// </summary>
internal static class PageContentMap
{
    private const int MaxDepth = 64;

    public static Dictionary<int, List<long>> Read(PdfDocument document)
    {
        var result = new Dictionary<int, List<long>>();
        var page = 0;
        var visited = new HashSet<long>();
        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root))
            Walk(document, root, 0, visited, result, ref page);
        return result;
    }

    private static void Walk(PdfDocument document, IToken? node, int depth, HashSet<long> visited, Dictionary<int, List<long>> result, ref int page)
    {
        if (depth > MaxDepth) return;
        if (node is IndirectReferenceToken reference)
        {
            if (!visited.Add(reference.Data.ObjectNumber)) return;
            node = Resolve(document, reference);
        }
        if (node is not DictionaryToken dictionary) return;
        if (dictionary.TryGet(NameToken.Kids, out var kids) && (kids is ArrayToken ? kids : Resolve(document, kids)) is ArrayToken array)
        {
            foreach (var kid in array.Data) Walk(document, kid, depth + 1, visited, result, ref page);
            return;
        }
        page++;
        var streams = new List<long>();
        if (dictionary.TryGet(NameToken.Contents, out var contents))
        {
            if (contents is IndirectReferenceToken single)
            {
                streams.Add(single.Data.ObjectNumber);
                contents = Resolve(document, single);
            }
            if (contents is ArrayToken parts)
                streams.AddRange(parts.Data.OfType<IndirectReferenceToken>().Select(p => p.Data.ObjectNumber));
        }
        result[page] = streams;
    }

    private static IToken? Resolve(PdfDocument document, IToken token)
    {
        if (token is not IndirectReferenceToken reference) return token;
        try { return document.Structure.GetObject(reference.Data).Data; }
        catch (Exception e) when (StageGuard.IsRecoverable(e)) { return null; } // a broken node: its pages are read (and reported) by PdfPig
    }
}
