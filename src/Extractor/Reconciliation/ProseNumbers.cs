namespace Extractor.Reconciliation;

/// <summary>Numbers as prose prints them: full-width digits (`２０`) and Chinese numerals (`两`, `十二`, `一百零五`).</summary>
public static class ProseNumbers
{
    public const string ChineseDigits = "零〇一二两三四五六七八九十百千";

    /// <summary>The text with full-width digits (and a full-width point between digits) as ASCII; same length, so indices hold.</summary>
    public static string ToAsciiDigits(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９')) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '０' and <= '９') chars[i] = (char)('0' + (chars[i] - '０'));
        }
        for (var i = 1; i + 1 < chars.Length; i++)
            if (chars[i] == '．' && char.IsAsciiDigit(chars[i - 1]) && char.IsAsciiDigit(chars[i + 1])) chars[i] = '.';
        return new string(chars);
    }

    public static bool IsChinese(string text) => text.Length > 0 && text.All(c => ChineseDigits.Contains(c));

    /// <summary>The value of a Chinese numeral below 10 000 (`十二` = 12, `一百零五` = 105, `两千` = 2000), or null.</summary>
    public static decimal? ParseChinese(string text)
    {
        if (!IsChinese(text)) return null;
        decimal total = 0, digit = 0;
        var seenDigit = false;
        foreach (var c in text)
        {
            var d = "零一二三四五六七八九".IndexOf(c);
            if (c == '〇') d = 0;
            if (c == '两') d = 2;
            if (d >= 0) { digit = d; seenDigit = true; continue; }
            var scale = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (scale == 0) return null;
            // `十二`: a scale without a digit before it counts once.
            total += (seenDigit ? digit : 1) * scale;
            digit = 0;
            seenDigit = false;
        }
        return total + digit;
    }
}
