using System.Text.RegularExpressions;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>One indicator read from a packed cell: levels (code removed), name, and the labelled values in printed order.</summary>
public sealed record PackedIndicator(string Level1, string Level2, string Name, IReadOnlyList<(string Label, string Value)> Values);

/// <summary>
/// Reads a list-form 绩效指标 cell that packs every indicator of a project into one text:
/// `1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…`.
/// Items are numbered 1、2、… in order; an item without its level codes carries the levels of the item before it.
/// </summary>
public static partial class PackedIndicatorParser
{
    [GeneratedRegex(@"^\d+\s*-\s*(.+)$")]
    private static partial Regex LevelPart();

    [GeneratedRegex(@"^([^：:；]{1,12}值)[：:](.*)$")]
    private static partial Regex ValuePart();

    public static List<PackedIndicator> Parse(string text)
    {
        var result = new List<PackedIndicator>();
        string level1 = "", level2 = "";
        foreach (var item in SplitItems(text))
        {
            var parts = item.Split('；', ';').Select(p => p.Trim()).ToList();
            var index = 0;
            var levels = new List<string>();
            while (index < parts.Count && levels.Count < 2 && LevelPart().Match(TextNormalizer.Compact(parts[index])) is { Success: true } m)
            {
                levels.Add(m.Groups[1].Value);
                index++;
            }
            if (levels.Count == 2) (level1, level2) = (levels[0], levels[1]);
            else if (levels.Count == 1) level2 = levels[0];
            var values = new List<(string, string)>();
            var nameParts = new List<string>();
            for (var k = index; k < parts.Count; k++)
            {
                var v = ValuePart().Match(parts[k]);
                if (v.Success) values.Add((TextNormalizer.Compact(v.Groups[1].Value), TrimEnd(v.Groups[2].Value)));
                else if (values.Count > 0) values[^1] = (values[^1].Item1, values[^1].Item2 + "；" + TrimEnd(parts[k]));
                else nameParts.Add(parts[k]);
            }
            result.Add(new PackedIndicator(level1, level2, string.Join("；", nameParts), values));
        }
        return result;
    }

    /// <summary>Splits at `N、` where N is the next item number and stands at the start or right after `。`.</summary>
    private static List<string> SplitItems(string text)
    {
        var items = new List<string>();
        var s = text.Trim();
        var expected = 1;
        var start = StartOfItem(s, 0, expected);
        if (start < 0) return items;
        while (true)
        {
            var bodyStart = start + $"{expected}、".Length;
            var next = StartOfItem(s, bodyStart, expected + 1);
            items.Add(s[bodyStart..(next < 0 ? s.Length : next)]);
            if (next < 0) break;
            start = next;
            expected++;
        }
        return items;
    }

    private static int StartOfItem(string s, int from, int number)
    {
        var marker = $"{number}、";
        for (var at = s.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = s.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? '。' : s[at - 1];
            if (at == 0 && number == 1 || before is '。' or ' ' && (at < 2 || !char.IsAsciiDigit(s[at - 1]))) return at;
        }
        return -1;
    }

    private static string TrimEnd(string value) => value.Trim().TrimEnd('。');
}
