using Extractor.Text;

namespace Extractor.Records;

/// <summary>
/// The one rule for which printed columns are not money, whatever digits they show: codes, names and remarks, and
/// the numbering columns (序号, 品种序号, 行次, 栏次, 编号, 年度), counts and dates (人数, 天数, 时间). Records and facts read amounts only from the others;
/// of those, counts and scores (<see cref="IsQuantity"/>) are numbers without a value in 元.
/// </summary>
public static class ColumnRoles
{
    private static readonly string[] NumberingHeaders = ["序号", "行次", "栏次", "年度", "年份"];

    /// <summary>Counts and dates of a 会议费/培训费明细表 (`人数 100`, `时间 2026年3月18日`): numbers, never money.</summary>
    private static readonly string[] CountAndDateHeaders = ["人数", "天数", "时间"];

    /// <summary>Counts and scores kept as numbers (`数量 6`, `自评分数 96.53`, `分值 10`): never converted to 元.</summary>
    private static readonly string[] QuantityHeaders = ["数量", "分数", "得分", "分值", "权重"];

    /// <summary>A column of counts or scores: a header on its path ends with one of <see cref="QuantityHeaders"/>.</summary>
    public static bool IsQuantity(IEnumerable<string> path) =>
        path.Select(TextNormalizer.Compact).Any(folded => QuantityHeaders.Any(h => folded.EndsWith(h, StringComparison.Ordinal)));

    /// <summary>A column that numbers the rows (`序号`, `行次`).</summary>
    public static bool IsNumbering(string name)
    {
        var folded = TextNormalizer.Compact(name);
        return NumberingHeaders.Any(h => folded == h || folded.EndsWith(h));
    }

    public static bool IsTextColumn(string name)
    {
        var folded = TextNormalizer.Compact(name);
        return folded.Contains("编码") || folded.Contains("代码") || folded.Contains("编号") || folded.Contains("名称")
               || folded is "类" or "款" or "项" or "备注" or "说明"
               || CountAndDateHeaders.Contains(folded)
               || IsNumbering(folded);
    }
}
