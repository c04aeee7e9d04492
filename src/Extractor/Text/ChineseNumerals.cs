namespace Extractor.Text;

/// <summary>Chinese numerals as budgets print them: in prose (`两`, `十二`, `一百零五`) and in table labels (`表十一`).</summary>
public static class ChineseNumerals
{
    private const string Numerals = "零〇一二两三四五六七八九十百千";

    /// <summary>True when every character is a Chinese numeral (`二十`, `三千`).</summary>
    public static bool IsChinese(string text) => text.Length > 0 && text.All(c => Numerals.Contains(c));

    /// <summary>The value of a Chinese numeral below 10 000 (`十二` = 12, `一百零五` = 105, `两千` = 2000), or null.</summary>
    public static decimal? Parse(string text)
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

    /// <summary>A number printed in Arabic or Chinese numerals (`07`, `十一`, `二十`), or null.</summary>
    public static int? ParseNumber(string text) =>
        int.TryParse(text, out var n) ? n : Parse(text) is { } value ? (int)value : null;
}
