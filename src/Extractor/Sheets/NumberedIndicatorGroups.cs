using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// 二级指标 by the numbering of the indicators. Where every indicator is numbered `指标 1：…`, `指标 2：…` and the numbering
/// starts again at 1 under each 二级指标, a run of rows from one `指标 1` to the next is one level-2 group, whatever rules
/// are drawn across the level-2 column: xa-001 p.32 prints `数量指标` beside 指标 3 of 5, in a column whose merged cell
/// the drawing cuts into five. The label printed in one row of the group is every row's level 2; a group that prints
/// none keeps none, instead of the label carried down from the group above.
/// </summary>
public static partial class NumberedIndicatorGroups
{
    [GeneratedRegex(@"^指标(\d{1,3})[：:]")]
    private static partial Regex Numbered();

    /// <param name="rows">indicator rows (one value per column), changed in place</param>
    /// <param name="roles">the role of each column (`level1`, `level2`, `level3`, …)</param>
    public static void Apply(List<IReadOnlyList<SheetValue>> rows, IReadOnlyList<string?> roles)
    {
        int level1 = IndexOf(roles, "level1"), level2 = IndexOf(roles, "level2"), level3 = IndexOf(roles, "level3");
        if (level2 < 0 || level3 < 0 || rows.Count < 2) return;
        // A row without a number is the wrapped rest of the indicator above (`期国家突发事件预警发布平台建设`).
        var numbers = new int?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            if (Numbered().Match(TextNormalizer.Compact(rows[i][level3].Text)) is { Success: true } m)
                numbers[i] = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (numbers[0] != 1 || numbers.Count(n => n is null) * 4 > rows.Count) return;
        var start = 0;
        int last = 1;
        for (var i = 1; i <= rows.Count; i++)
        {
            var newGroup = i == rows.Count || numbers[i] is { } n && n <= last
                           || level1 >= 0 && TextNormalizer.Key(rows[i][level1].Text) != TextNormalizer.Key(rows[i - 1][level1].Text);
            if (i < rows.Count && numbers[i] is { } number) last = number;
            if (!newGroup) continue;
            Label(rows, start, i, level2, level3);
            start = i;
        }
    }

    private static void Label(List<IReadOnlyList<SheetValue>> rows, int from, int to, int level2, int level3)
    {
        // A label printed at a row stands beside it (a merged cell stands beside every row it covers); a carried one
        // keeps the box of the row it was printed in.
        var printed = new List<SheetValue>();
        for (var i = from; i < to; i++)
            if (rows[i][level2] is { Text.Length: > 0 } value && Beside(value, rows[i][level3]) && !printed.Contains(value)) printed.Add(value);
        if (printed.Count > 1) return;
        for (var i = from; i < to; i++)
        {
            var values = rows[i].ToArray();
            values[level2] = printed.Count == 1 ? printed[0] : SheetValue.Empty(rows[i][level3].Page);
            rows[i] = values;
        }
    }

    private static bool Beside(SheetValue label, SheetValue row)
    {
        if (label.Page != row.Page) return false;
        var overlap = Math.Min(label.Box.Top, row.Box.Top) - Math.Max(label.Box.Bottom, row.Box.Bottom);
        return overlap > row.Box.Height / 2;
    }

    private static int IndexOf(IReadOnlyList<string?> roles, string role)
    {
        for (var i = 0; i < roles.Count; i++)
            if (roles[i] == role) return i;
        return -1;
    }
}
