using System.Text.RegularExpressions;
using Extractor.Text;

namespace Extractor.Diagnostics;

/// <summary>How many amounts printed on the table lines of a document landed in an extracted cell, and where the rest are.</summary>
public sealed record TableLineCount(int Tokens, int Captured, int TableLines, IReadOnlyDictionary<int, int> MissedByPage)
{
    public double Share => Tokens == 0 ? 1.0 : (double)Captured / Tokens;
    public static TableLineCount Zero { get; } = new(0, 0, 0, new Dictionary<int, int>());
}

/// <summary>
/// The coverage measure, independent of what the extractor detected. A <em>table line</em> is a line of
/// <c>pdftotext -layout</c> holding two or more amounts (<c>1,234.56</c>, <c>12.30</c>, <c>5,484</c>) with a gap of
/// three or more spaces; each of its amount tokens must land in an extracted cell (a table row or a sheet value).
/// Cells are counted as a multiset over the document, consumed page by page in order, so one cell never pays for two
/// printed amounts; a page the extractor never looked at counts against it. A token matches a cell of any page when it
/// is the whole amount, and only a cell of its own page when it is the first part of an amount wrapped in its cell.
/// </summary>
public static partial class TableLineCoverage
{
    [GeneratedRegex(@"(?<![\d.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])-?\d+\.\d+(?![\d.,])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\S\s{3,}\S")]
    private static partial Regex Gap();

    [GeneratedRegex(@"(\d)\s+(\.\d)")]
    private static partial Regex SplitDecimals();

    /// <summary>The amount tokens of a text (whitespace removed first, as a cell's text may be wrapped).</summary>
    public static IEnumerable<string> CellTokens(string cellText) =>
        Amount().Matches(TextNormalizer.Compact(cellText)).Select(m => m.Value);

    /// <summary>The amount tokens of one layout line, or none when it is not a table line.</summary>
    public static IReadOnlyList<string> TableLineTokens(string line)
    {
        // A prose amount whose decimals pdftotext set apart (`减少 10,586          .36 万元`) is one amount, not two columns.
        line = SplitDecimals().Replace(line, "$1$2");
        var found = Amount().Matches(line);
        if (found.Count < 2 || !Gap().IsMatch(line)) return [];
        return found.Select(m => m.Value).ToList();
    }

    /// <param name="pageTexts">The layout text of every page (index 0 = page 1).</param>
    /// <param name="cellTexts">The text of every extracted cell, table rows and sheet values, with the pages it stands on.</param>
    public static TableLineCount Measure(IReadOnlyList<string> pageTexts, IEnumerable<PlacedCellText> cellTexts)
    {
        var cells = new Dictionary<string, List<IReadOnlyList<int>>>(StringComparer.Ordinal);
        foreach (var cell in cellTexts)
            foreach (var token in CellTokens(cell.Text))
            {
                if (!cells.TryGetValue(token, out var places)) cells[token] = places = [];
                places.Add(cell.Pages);
            }
        int tokens = 0, captured = 0, lines = 0;
        var unmatched = new List<(int Page, string Token)>();
        for (var p = 0; p < pageTexts.Count; p++)
        {
            foreach (var line in pageTexts[p].Split('\n', '\r'))
            {
                var found = TableLineTokens(line);
                if (found.Count == 0) continue;
                lines++;
                foreach (var token in found)
                {
                    tokens++;
                    // A whole amount may be matched by a cell of any page (a table's page numbers are its own reading);
                    // a cell on the token's page is taken first, so it is not left for another page's token.
                    if (cells.TryGetValue(token, out var places) && places.Count > 0)
                    {
                        var at = places.FindIndex(pages => pages.Contains(p + 1));
                        places.RemoveAt(at >= 0 ? at : 0);
                        captured++;
                    }
                    else unmatched.Add((p + 1, token));
                }
            }
        }
        // An amount wrapped inside its cell prints its last digits on the line below (`1,532.5537` over `59`): the cell
        // holds the whole `1,532.553759`, which begins with the line's token and goes on in digits only. Matched after
        // every whole token, so a wrapped amount never takes the cell of one printed in full; only by a cell of the same
        // page, and only for a token of at least four digits, so that a short number (`12`, `3.5`) cannot take whatever
        // remaining cell happens to begin with it.
        var missed = new SortedDictionary<int, int>();
        var wrappedCandidates = cells.Where(c => c.Key.Contains('.')).ToList();
        foreach (var (page, token) in unmatched)
        {
            var taken = DigitCount(token) >= MinWrappedDigits && TakeWrapped(wrappedCandidates, token, page);
            if (taken) captured++;
            else missed[page] = missed.GetValueOrDefault(page) + 1;
        }
        return new TableLineCount(tokens, captured, lines, missed);
    }

    /// <summary>Fewest digits a printed token needs to be matched as the first part of a wrapped amount (`1,532.5537` has 8).</summary>
    private const int MinWrappedDigits = 4;

    private static int DigitCount(string token) => token.Count(char.IsAsciiDigit);

    private static bool TakeWrapped(List<KeyValuePair<string, List<IReadOnlyList<int>>>> candidates, string token, int page)
    {
        foreach (var (whole, places) in candidates)
        {
            if (!IsWrappedPrefix(token, whole)) continue;
            var at = places.FindIndex(pages => pages.Contains(page));
            if (at < 0) continue;
            places.RemoveAt(at);
            return true;
        }
        return false;
    }

    /// <summary>`whole` is `token` continued: more decimals (`1,532.5537` + `59`), or the decimals of an integer part (`99,320` + `.55`).</summary>
    private static bool IsWrappedPrefix(string token, string whole)
    {
        if (whole.Length <= token.Length || !whole.StartsWith(token, StringComparison.Ordinal)) return false;
        var rest = whole.AsSpan(token.Length);
        if (!token.Contains('.') && rest[0] == '.') rest = rest[1..];
        return rest.Length > 0 && rest.IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
