using Extractor.Geometry;
using Extractor.Model;

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
                facts.Add(new SheetBudgetFact(false, sheet.Summary.ProjectName ?? sheet.Title, total.Text, total.Value, "万元", total.At));
            }
            else if (isDepartment && sheet.Budget is { } budget)
            {
                // The department's 年度预算 block: the sum of its funding lines is the department's budget.
                var amounts = budget.Lines.Where(l => l.Amount is not null).Select(l => l.Amount!).ToList();
                if (amounts.Count == 0) continue;
                var sum = amounts.Sum(a => a.Value);
                var box = Box.UnionAll(amounts.Where(a => a.Page == amounts[0].Page).Select(a => a.Box)) ?? default;
                facts.Add(new SheetBudgetFact(true, sheet.Summary.BudgetUnit ?? document.Info.Department ?? "", string.Join(" + ", amounts.Select(a => a.Text)), sum, "万元", new Provenance(amounts[0].Page, box)));
            }
        }
        return facts;
    }
}
