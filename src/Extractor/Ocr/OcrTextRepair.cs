using System.Text.RegularExpressions;

namespace Extractor.Ocr;

/// <summary>
/// The only corrections made to what tesseract read, each one unambiguous and each one character for character (the
/// glyph keeps the read character as Raw, so the output's `raw` records the repair):
/// amounts printed with two decimals and thousands groups (`12.954.16` → `12,954.16`, `4,455,00` → `4,455.00`);
/// O/o → 0 and l/I → 1 between digits of a number; full-width digits → ASCII; ASCII brackets and colons in Chinese
/// text → the full-width forms Chinese typesetting uses (`政府办公厅(室)` → `政府办公厅（室）`, `〈` → `（`).
/// </summary>
public static partial class OcrTextRepair
{
    /// <summary>An amount with thousands groups and two decimals, separators as read: `9.651.89`, `4,455,00`.</summary>
    [GeneratedRegex(@"^-?\d{1,3}(?:[.,]\d{3})+[.,]\d{2}$")]
    private static partial Regex GroupedAmount();

    /// <summary>Each word of a line as read and as repaired (the same length): brackets and colons follow the line's script.</summary>
    public static IReadOnlyList<(string Read, string Repaired)> RepairLine(IReadOnlyList<string> words)
    {
        var chinese = words.Any(w => w.Any(IsIdeograph));
        var result = new List<(string, string)>(words.Count);
        var previous = '\0';
        var rest = string.Concat(words);
        foreach (var word in words)
        {
            rest = rest[word.Length..];
            var chars = RepairWord(word).ToCharArray();
            if (chinese)
                for (var i = 0; i < chars.Length; i++)
                {
                    var before = i > 0 ? chars[i - 1] : previous;
                    chars[i] = chars[i] switch
                    {
                        '(' or '〈' => '（',
                        '《' when ClosesWithParenthesis(new string(chars, i + 1, chars.Length - i - 1) + rest) => '（',
                        ')' or '〉' => '）',
                        ':' when IsIdeograph(before) => '：',
                        var c => c,
                    };
                    // one bracket read twice (`(〈室)`): the second is part of the first glyph
                    if (i > 0 && chars[i] is '（' or '）' && chars[i] == chars[i - 1]) chars[i] = Merged;
                }
            if (chars.Length > 0) previous = chars[^1];
            result.Add((word, new string(chars)));
        }
        return result;
    }

    /// <summary>In a repaired word: this character was read as part of the one before it (a bracket read twice).</summary>
    public const char Merged = '\0';

    /// <summary>`《` opens a title and closes with `》`; closed by `)` it is a misread `（` (`办公厅《室)`).</summary>
    private static bool ClosesWithParenthesis(string after)
    {
        var close = after.IndexOfAny([')', '）', '》', '〉']);
        return close >= 0 && after[close] is ')' or '）';
    }

    /// <summary>Returns the repaired word, the same length as <paramref name="word"/>: digits and amount separators.</summary>
    public static string RepairWord(string word)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= '０' and <= '９') chars[i] = (char)('0' + (chars[i] - '０'));
        LettersInNumbers(chars);
        var text = new string(chars);
        if (GroupedAmount().IsMatch(text))
        {
            var last = text.LastIndexOfAny(['.', ',']);
            for (var i = 0; i < chars.Length; i++)
                if (chars[i] is '.' or ',') chars[i] = i == last ? '.' : ',';
        }
        return new string(chars);
    }

    /// <summary>
    /// O/o → 0 and l/I → 1 only with a digit on both sides (`1O5` → `105`; `IO` alone is left); in a word of digits and
    /// strokes only, each stroke `l I | ]` is a 1 (the serif 1 of `11` read as `]1`).
    /// </summary>
    private static void LettersInNumbers(char[] chars)
    {
        if (chars.Any(char.IsAsciiDigit) && chars.All(c => IsDigitLike(c) || IsStroke(c)))
            for (var i = 0; i < chars.Length; i++)
                if (IsStroke(chars[i])) chars[i] = '1';
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (!IsDigitLike(chars[i - 1]) || !IsDigitLike(chars[i + 1])) continue;
            chars[i] = chars[i] switch { 'O' or 'o' => '0', 'l' or 'I' => '1', var c => c };
        }
    }

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || c is '.' or ',';

    private static bool IsStroke(char c) => c is 'l' or 'I' or '|' or ']';

    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

}
