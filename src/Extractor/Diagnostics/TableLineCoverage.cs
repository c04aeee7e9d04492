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
    public static IReadOnlyList<string> TableLineTokens(string line) => PlacedTokens(line).Select(t => t.Text).ToList();

    /// <summary>The amount tokens of one layout line with the character column each starts at.</summary>
    private static IReadOnlyList<(string Text, int Column)> PlacedTokens(string line)
    {
        // A prose amount whose decimals pdftotext set apart (`减少 10,586          .36 万元`) is one amount, not two columns.
        line = SplitDecimals().Replace(line, "$1$2");
        var found = Amount().Matches(line);
        if (found.Count < 2 || !Gap().IsMatch(line)) return [];
        return found.Select(m => (m.Value, m.Index)).ToList();
    }

    /// <summary>A printed amount not (yet) matched: its page, layout line and character column.</summary>
    private sealed record Unmatched(int Page, int Line, int Column, string Token);

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
        var unmatched = new List<Unmatched>();
        var pageLines = pageTexts.Select(t => t.Split('\n')).ToList();
        for (var p = 0; p < pageLines.Count; p++)
        {
            for (var l = 0; l < pageLines[p].Length; l++)
            {
                var found = PlacedTokens(pageLines[p][l]);
                if (found.Count == 0) continue;
                lines++;
                foreach (var (token, column) in found)
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
                    else unmatched.Add(new Unmatched(p + 1, l, column, token));
                }
            }
        }
        // An amount wrapped inside its cell prints its last digits on the line below (`1,532.5537` over `59`): the cell
        // holds the whole `1,532.553759`, which begins with the line's token and goes on in digits only. Matched after
        // every whole token, so a wrapped amount never takes the cell of one printed in full, and only by a cell of the
        // same page. A token of fewer than four digits (`0.0` over `0` in a narrow 0.00 cell) would otherwise take any
        // remaining cell that happens to begin with it: it is matched only when the rest is printed right under it.
        var missed = new SortedDictionary<int, int>();
        var wrappedCandidates = cells.Where(c => c.Key.Contains('.')).ToList();
        foreach (var u in unmatched)
        {
            if (TakeWrapped(wrappedCandidates, u, pageLines[u.Page - 1])) captured++;
            else missed[u.Page] = missed.GetValueOrDefault(u.Page) + 1;
        }
        return new TableLineCount(tokens, captured, lines, missed);
    }

    /// <summary>Fewest digits a printed token needs to be matched as the first part of a wrapped amount without its rest being seen (`1,532.5537` has 8).</summary>
    private const int MinWrappedDigits = 4;

    /// <summary>How many layout lines below a token its wrapped rest may stand (pdftotext may set a blank line between).</summary>
    private const int WrapReach = 2;

    private static bool TakeWrapped(List<KeyValuePair<string, List<IReadOnlyList<int>>>> candidates, Unmatched token, string[] lines)
    {
        var longEnough = token.Token.Count(char.IsAsciiDigit) >= MinWrappedDigits;
        foreach (var (whole, places) in candidates)
        {
            if (!IsWrappedPrefix(token.Token, whole)) continue;
            if (!longEnough && !RestPrintedBelow(lines, token, whole[token.Token.Length..])) continue;
            var at = places.FindIndex(pages => pages.Contains(token.Page));
            if (at < 0) continue;
            places.RemoveAt(at);
            return true;
        }
        return false;
    }

    /// <summary>The rest of a wrapped amount stands as a word of its own on one of the next lines, under the token's columns.</summary>
    private static bool RestPrintedBelow(string[] lines, Unmatched token, string rest)
    {
        for (var l = token.Line + 1; l < lines.Length && l <= token.Line + WrapReach; l++)
            foreach (Match word in Word().Matches(lines[l]))
                if (word.Value == rest && word.Index <= token.Column + token.Token.Length && word.Index + word.Length >= token.Column)
                    return true;
        return false;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    /// <summary>`whole` is `token` continued: more decimals (`1,532.5537` + `59`), or the decimals of an integer part (`99,320` + `.55`).</summary>
    private static bool IsWrappedPrefix(string token, string whole)
    {
        if (whole.Length <= token.Length || !whole.StartsWith(token, StringComparison.Ordinal)) return false;
        var rest = whole.AsSpan(token.Length);
        if (!token.Contains('.') && rest[0] == '.') rest = rest[1..];
        return rest.Length > 0 && rest.IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
