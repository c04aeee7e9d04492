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
/// printed amounts; a page the extractor never looked at counts against it.
/// </summary>
public static partial class TableLineCoverage
{
    [GeneratedRegex(@"(?<![\d.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])-?\d+\.\d+(?![\d.,])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\S\s{3,}\S")]
    private static partial Regex Gap();

    /// <summary>The amount tokens of a text (whitespace removed first, as a cell's text may be wrapped).</summary>
    public static IEnumerable<string> CellTokens(string cellText) =>
        Amount().Matches(TextNormalizer.Compact(cellText)).Select(m => m.Value);

    /// <summary>The amount tokens of one layout line, or none when it is not a table line.</summary>
    public static IReadOnlyList<string> TableLineTokens(string line)
    {
        var found = Amount().Matches(line);
        if (found.Count < 2 || !Gap().IsMatch(line)) return [];
        return found.Select(m => m.Value).ToList();
    }

    /// <param name="pageTexts">The layout text of every page (index 0 = page 1).</param>
    /// <param name="cellTexts">The text of every extracted cell: table rows and sheet values.</param>
    public static TableLineCount Measure(IReadOnlyList<string> pageTexts, IEnumerable<string> cellTexts)
    {
        var cells = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in cellTexts)
            foreach (var token in CellTokens(text))
                cells[token] = cells.GetValueOrDefault(token) + 1;
        int tokens = 0, captured = 0, lines = 0;
        var missed = new SortedDictionary<int, int>();
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
                    if (cells.GetValueOrDefault(token) > 0) { cells[token]--; captured++; }
                    else missed[p + 1] = missed.GetValueOrDefault(p + 1) + 1;
                }
            }
        }
        return new TableLineCount(tokens, captured, lines, missed);
    }
}
