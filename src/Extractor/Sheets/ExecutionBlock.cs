using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// The 预算执行 block of a self-evaluation sheet (绩效自评表) typed by its column headers: a budget block whose columns
/// include 全年执行数. Columns are known by what they say (年初预算数, 全年预算数（A）, 全年执行数（B）, 分值, 执行率, 得分),
/// never by position.
/// </summary>
internal static class ExecutionBlock
{
    private static readonly (string Role, string Header)[] Roles =
    [
        ("initial", "年初预算数"), ("fullYear", "全年预算数"), ("executed", "全年执行数"), ("weight", "分值"), ("rate", "执行率"), ("score", "得分"),
    ];

    public static IReadOnlyList<ExecutionLine> From(SheetBudget? budget)
    {
        if (budget is null) return [];
        var roles = budget.Columns.Select(c => (string?)Roles.FirstOrDefault(r => TextNormalizer.Compact(c).Contains(r.Header, StringComparison.Ordinal)).Role).ToList();
        if (!roles.Contains("executed")) return [];
        var lines = new List<ExecutionLine>();
        for (var r = 0; r < budget.Rows.Count; r++)
        {
            var row = budget.Rows[r];
            // A row of sub-headers (总额 / 财政拨款 …) is not aligned with the columns: only rows that are can be typed.
            if (row.Count != roles.Count) continue;
            SheetValue? Value(string role) => roles.IndexOf(role) is var k and >= 0 ? row[k] : null;
            SheetAmount? Amount(string role) => Value(role) is { } v && AmountParser.TryParse(v.Text, out var d) ? new SheetAmount(d, v.Text, v.At) : null;
            var label = roles.IndexOf(null) is var l and >= 0 ? row[l].Text : "";
            var rate = Value("rate")?.Text;
            lines.Add(new ExecutionLine(r, label, Amount("initial"), Amount("fullYear"), Amount("executed"), Amount("weight")?.Value,
                string.IsNullOrEmpty(rate) ? null : rate, Amount("score")?.Value));
        }
        return lines;
    }
}
