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
    public static bool IsRow(IReadOnlyList<string> cells) => IsRow(cells, unreadable: false);

    /// <summary>
    /// As <see cref="IsRow(IReadOnlyList{string})"/>, and with <paramref name="unreadable"/> (an OCR'd row) a cell may
    /// be a glyph tesseract could not read – one character, or two that are not Chinese (`※` read as `K`, `迪` or `%`,
    /// `11` as `ll`) – when the numbers that are read count the columns: each one the first plus its distance from it
    /// (`迪 K 迪 1 2 … 10 ll 12`); at least three numbers and more of them than unread cells.
    /// </summary>
    public static bool IsRow(IReadOnlyList<string> cells, bool unreadable)
    {
        if (IsStrictRow(cells)) return true;
        if (!unreadable) return false;
        var filled = cells.Select(TextNormalizer.Compact).Where(s => s.Length > 0).ToList();
        int numbers = 0, unread = 0, first = -1, firstValue = 0;
        for (var k = 0; k < filled.Count; k++)
        {
            var s = filled[k];
            if (s.Length <= 2 && s.All(char.IsAsciiDigit))
            {
                var value = int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
                if (first < 0) (first, firstValue) = (k, value);
                else if (value != firstValue + (k - first)) return false;
                numbers++;
            }
            else if (TokenPattern().IsMatch(s) && first < 0) continue;
            else if (s.Length == 1 || s.Length == 2 && !s.Any(c => c >= '\u2E80')) unread++;
            else return false;
        }
        return numbers >= 3 && numbers > unread && filled.Count >= cells.Count / 2;
    }

    private static bool IsStrictRow(IReadOnlyList<string> cells)
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

    /// <summary>
    /// Amounts that count the columns, `1 2 3 … n` left to right (three or more, whole, each one more than the last):
    /// column numbers printed in the amount cells of a body row, whatever its label cell says.
    /// </summary>
    public static bool IsNumberSequence(IReadOnlyList<string> printedAmounts)
    {
        if (printedAmounts.Count < 3) return false;
        decimal? previous = null;
        foreach (var printed in printedAmounts)
        {
            if (printed.Contains('.') || !AmountParser.TryParse(printed, out var value) || previous is { } p && value != p + 1) return false;
            previous = value;
        }
        return true;
    }
}
