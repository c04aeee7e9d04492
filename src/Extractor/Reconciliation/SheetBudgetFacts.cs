using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>Reads the budgets the performance sheets state, as facts for <see cref="SheetBudgetChecks"/>.</summary>
public static class SheetBudgetFacts
{
    public static IReadOnlyList<SheetBudgetFact> From(BudgetDocument document)
    {
        var facts = new List<SheetBudgetFact>();
        foreach (var sheet in document.PerformanceSheets)
        {
            var isDepartment = sheet.Kind == "部门整体绩效目标表";
            if (sheet.Layout == "list")
            {
                // One row per project: each project's total amount is its budget.
                foreach (var project in sheet.Projects)
                {
                    var amount = project.Amounts.FirstOrDefault(a => a.Key.Contains("合计") || a.Key.Contains("总额") || a.Key.Contains("资金")).Value;
                    if (amount is not null) facts.Add(new SheetBudgetFact(false, project.Name, amount.Text, amount.Value, "万元", amount.At));
                }
                continue;
            }
            if (!isDepartment && sheet.Summary.TotalAmount is { } total)
            {
                facts.Add(new SheetBudgetFact(false, sheet.Summary.ProjectName ?? sheet.Title, total.Text, total.Value, "万元", total.At) { SheetTitle = sheet.Title });
            }
            else if (isDepartment && sheet.Budget is { } across && SpendingTotal(across) is var (spending, value) && spending is not null)
            {
                facts.Add(new SheetBudgetFact(true, sheet.Summary.BudgetUnit ?? document.Info.Department ?? "", spending.Text, value, "万元", spending.At)
                    { IsExpenditure = true });
            }
            else if (isDepartment && sheet.Budget is { } budget)
            {
                // The department's 年度预算 block: the sum of its funding lines is the department's budget, or the line
                // that prints the sum (xa-001 p.32 `金额合计 1493.51` under its five tasks).
                var lines = budget.Lines.Where(l => l.Amount is not null).ToList();
                // The line's amount is its last column (其他资金 where printed); its 总额 is the first amount after the label.
                if (lines.FirstOrDefault(l => l.Sources.Count > 0 && TextNormalizer.Compact(l.Sources[0]) is var s && (s.EndsWith("合计") || s.EndsWith("总计"))) is { } printed)
                {
                    var whole = printed.Sources.Skip(1).FirstOrDefault(t => AmountParser.TryParse(t, out _));
                    var stated = printed.Amount!.Value;
                    if (whole is not null) AmountParser.TryParse(whole, out stated);
                    facts.Add(new SheetBudgetFact(true, sheet.Summary.BudgetUnit ?? document.Info.Department ?? "", whole ?? printed.Amount.Text, stated, "万元",
                        new Provenance(printed.Amount.Page, printed.Amount.Box)));
                    continue;
                }
                var amounts = lines.Select(l => l.Amount!).ToList();
                if (amounts.Count == 0) continue;
                var sum = amounts.Sum(a => a.Value);
                var box = Box.UnionAll(amounts.Where(a => a.Page == amounts[0].Page).Select(a => a.Box)) ?? default;
                facts.Add(new SheetBudgetFact(true, sheet.Summary.BudgetUnit ?? document.Info.Department ?? "", string.Join(" + ", amounts.Select(a => a.Text)), sum, "万元", new Provenance(amounts[0].Page, box)));
            }
        }
        return facts;
    }

    /// <summary>
    /// A block printed across (北京 预算13表 总体资金情况: `预算支出总额 | 财政拨款 合计 | 基本支出 | 项目支出 | 其他资金 …` over
    /// one row of amounts): the amount under `预算支出总额` is the department's figure, not the sum of the row, nor its last cell.
    /// </summary>
    private static (SheetValue? Cell, decimal Value) SpendingTotal(SheetBudget budget)
    {
        for (var r = 0; r + 1 < budget.Rows.Count; r++)
        {
            var header = budget.Rows[r];
            var column = -1;
            for (var c = 0; c < header.Count && column < 0; c++)
                if (TextNormalizer.Compact(header[c].Text).Contains("支出总额", StringComparison.Ordinal)) column = c;
            var values = budget.Rows[r + 1];
            if (column < 0 || column >= values.Count || !AmountParser.TryParse(values[column].Text, out var value)) continue;
            return (values[column], value);
        }
        return (null, 0m);
    }
}
