using System.Text;
using Extractor.Model;

namespace Extractor.Text;

/// <summary>
/// The named steps of text folding. A caller combines them into a <see cref="TextForm"/>; every step is applied in one
/// pass over the text, so the order of the flags does not matter.
/// </summary>
[Flags]
public enum TextFold
{
    None = 0,

    /// <summary>Removes every white-space character: space, ideographic space U+3000, NBSP, tab, line breaks
    /// (`合 计` → `合计`).</summary>
    Whitespace = 1,

    /// <summary>Full-width ASCII U+FF01–FF5E to ASCII: brackets, colon, comma, point, digits, letters, signs
    /// (`项目资金（万元）` → `项目资金(万元)`, `１，０２９．４８` → `1,029.48`).</summary>
    Width = 2,

    /// <summary>Only the full-width characters of a number to ASCII: digits, `．` `，` `％`; a unit printed after the
    /// number keeps its `（）` `／` `；` (`350人（±10%）`).</summary>
    NumberWidth = 4,

    /// <summary>Every quotation mark (`“ ” " ＂ ‘ ’ ' ＇ 「 」`) to `"`, so `“三公”` = `"三公"` = `「三公」`.</summary>
    Quotes = 8,

    /// <summary>The minus sign U+2212 to `-` (full-width `－` is folded by <see cref="Width"/>).</summary>
    Minus = 16,

    /// <summary>One spelling per comparator: `＞ ﹥` → `&gt;`, `＜ ﹤` → `&lt;`, `＝ ﹦` → `=`, `≥ ≧ ⩾` → `&gt;=`,
    /// `≤ ≦ ⩽` → `&lt;=`, and the doubled spellings `≥=` `=&gt;` → `&gt;=` (`=&lt;` likewise).</summary>
    Comparators = 32,

    /// <summary>Kangxi radicals and CJK compatibility ideographs to the unified ideographs a reader means
    /// (`⼀般公共预算` → `一般公共预算`), through <see cref="CjkNormalizer"/>.</summary>
    Ideographs = 64,
}

/// <summary>The forms callers ask for, each one word: which <see cref="TextFold"/> steps it applies and why.</summary>
public static class TextForm
{
    /// <summary>Spaces dropped only: `合 计` = `合计` (a label compared with a literal word).</summary>
    public const TextFold Compact = TextFold.Whitespace;

    /// <summary>The key under which labels, titles and headers are compared with each other and with the catalogues:
    /// no spaces, half-width punctuation, one quote, unified ideographs. `一般公共预算“三公”经费支出表（按功能分类）`
    /// and `一般公共预算"三公"经费支出表(按功能分类)` have one key.</summary>
    public const TextFold Key = TextFold.Whitespace | TextFold.Width | TextFold.Quotes | TextFold.Ideographs;

    /// <summary>A printed amount ready for parsing: `（１，０２９．４８）` → `(1,029.48)`, `−5` → `-5`.</summary>
    public const TextFold Amount = TextFold.Whitespace | TextFold.Width | TextFold.Minus;

    /// <summary>A printed target value (指标值): `＞＝９０％` → `>=90%`, `≥10亿条` → `>=10亿条`; the unit keeps its
    /// full-width punctuation because it is reported as printed.</summary>
    public const TextFold Measure = TextFold.Whitespace | TextFold.NumberWidth | TextFold.Comparators;
}

/// <summary>The one text normaliser: every stage folds text through <see cref="Fold"/> with the form it needs.</summary>
public static class TextNormalizer
{
    /// <summary>The comparison key of a label, title or header (<see cref="TextForm.Key"/>).</summary>
    public static string Key(string? text) => Fold(text, TextForm.Key);

    /// <summary>The text without white space (<see cref="TextForm.Compact"/>).</summary>
    public static string Compact(string? text) => Fold(text, TextForm.Compact);

    /// <summary>The text in the given form ("" for null); the same instance when nothing changes.</summary>
    public static string Fold(string? text, TextFold form)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var replacement = Replacement(text, i, length, form);
            if (replacement is null) sb?.Append(text, i, length);
            else (sb ??= new StringBuilder(text.Length).Append(text, 0, i)).Append(replacement);
            i += length - 1;
        }
        var folded = sb?.ToString() ?? text;
        // `≥=` (two comparators for one) and `=>` are one comparator as meant.
        return form.HasFlag(TextFold.Comparators) && folded.Contains('=')
            ? folded.Replace(">==", ">=").Replace("<==", "<=").Replace("=>", ">=").Replace("=<", "<=")
            : folded;
    }

    /// <summary>What the character (or surrogate pair) at <paramref name="i"/> becomes, or null when it stays.</summary>
    private static string? Replacement(string text, int i, int length, TextFold form)
    {
        var ch = text[i];
        if (form.HasFlag(TextFold.Whitespace) && char.IsWhiteSpace(ch)) return "";
        if (form.HasFlag(TextFold.Quotes) && ch is '“' or '”' or '＂' or '‘' or '’' or '\'' or '＇' or '「' or '」') return "\"";
        if (form.HasFlag(TextFold.Comparators) && Comparator(ch) is { } comparator) return comparator;
        if (form.HasFlag(TextFold.Minus) && ch == '\u2212') return "-";
        if (form.HasFlag(TextFold.Width) && ch is >= '\uFF01' and <= '\uFF5E'
            || form.HasFlag(TextFold.NumberWidth) && ch is >= '０' and <= '９' or '．' or '，' or '％')
            return ((char)(ch - 0xFEE0)).ToString();
        if (form.HasFlag(TextFold.Ideographs) && IsLookAlikeStart(ch))
        {
            var original = text.Substring(i, length);
            var unified = CjkNormalizer.Normalize(original);
            return unified == original ? null : unified;
        }
        return null;
    }

    /// <summary>
    /// Full-width digits (and a full-width point between digits) as ASCII, every other character kept, so indices into
    /// the text still hold: `支出１，２３４．５６万元，占比１０％` → `支出1，234.56万元，占比10％` (the clause comma stays `，`).
    /// </summary>
    public static string AsciiDigitsInPlace(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９')) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= '０' and <= '９') chars[i] = (char)('0' + (chars[i] - '０'));
        for (var i = 1; i + 1 < chars.Length; i++)
            if (chars[i] == '．' && char.IsAsciiDigit(chars[i - 1]) && char.IsAsciiDigit(chars[i + 1])) chars[i] = '.';
        return new string(chars);
    }

    private static string? Comparator(char ch) => ch switch
    {
        '＞' or '﹥' => ">",
        '＜' or '﹤' => "<",
        '＝' or '﹦' => "=",
        '≥' or '≧' or '⩾' => ">=",
        '≤' or '≦' or '⩽' => "<=",
        _ => null,
    };

    /// <summary>Radicals (U+2E80–2FDF), compatibility ideographs (U+F900–FAFF) and the supplementary plane's
    /// compatibility block (a surrogate pair): the only characters <see cref="CjkNormalizer"/> may change here.</summary>
    private static bool IsLookAlikeStart(char ch) => ch is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF' || char.IsHighSurrogate(ch);
}

/// <summary>The normaliser's forms of a <see cref="TextLine"/> (Model cannot fold text itself: it depends on nothing but Geometry).</summary>
public static class TextLineForms
{
    /// <summary>The line's text without white space: how labels are compared (`收 入 总 计` = `收入总计`).</summary>
    public static string Compact(this TextLine line) => TextNormalizer.Compact(line.Text);
}
