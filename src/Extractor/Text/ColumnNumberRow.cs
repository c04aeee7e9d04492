using System.Text.RegularExpressions;

namespace Extractor.Text;

/// <summary>
/// The row of column numbers printed under a header: `※ | 1 | 2 | 3`, `** | 1 | 2`, `栏次 | 1 | 2 | 3`, or with the
/// text columns numbered in Chinese (`一 | 二 | 1 | 2`). It closes the header; in the body it is a printed key, not data.
/// </summary>
public static partial class ColumnNumberRow
{
    // The label cell of the row: `※`, `*`, `**`, `＊`, `栏次`, `栏号`.
    [GeneratedRegex(@"^([*＊※]+|栏次|栏号)$")]
    private static partial Regex MarkerPattern();

    // One cell of the row: a marker, a column number up to 99, or a Chinese numeral for a text column.
    [GeneratedRegex(@"^([*＊※]+|栏次|栏号|\d{1,2}|[一二三四五六七八九十]+)$")]
    private static partial Regex TokenPattern();

    /// <summary>True for the label that marks the row (`※`, `**`, `栏次`, `栏号`), whatever its spacing (`栏 次`).</summary>
    public static bool IsMarker(string? label) => MarkerPattern().IsMatch(TextNormalizer.Compact(label));

    /// <summary>
    /// The cells (or the space-separated words of a line) are a column-number row: every non-empty one is a token, at
    /// least two are numbers, and at least half of the cells are filled (a header row with only `1` and `2` in two of
    /// ten cells is not one).
    /// </summary>
    public static bool IsRow(IReadOnlyList<string> cells)
    {
        var numbers = 0;
        var filled = 0;
        foreach (var cell in cells)
        {
            var s = TextNormalizer.Compact(cell);
            if (s.Length == 0) continue;
            filled++;
            if (!TokenPattern().IsMatch(s)) return false;
            if (char.IsDigit(s[0])) numbers++;
        }
        return numbers >= 2 && filled >= cells.Count / 2;
    }
}
