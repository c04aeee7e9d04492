using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// 江苏 2017–2019 公开表: 表1 收入 | 支出 (功能分类 | 支出用途), `当年收入小计` (or bare `当年收入`) above 上年结转资金 and
/// 收入合计, `支出合计` merged over 功能分类 and printed in the 支出用途 金额 column; 表3 with a 单位预留机动经费 column.
/// </summary>
public class JiangsuSummaryReconciliationTests
{
    public static TheoryData<string> Documents => new()
    {
        "js-cppcc-2018-budget-tables.pdf", "js-high-court-2019-dept-budget.pdf",
        "js-npc-office-2017-dept-budget.pdf", "js-party-office-2017-budget-tables-a3.pdf",
    };

    [Theory, MemberData(nameof(Documents))]
    public void Summary_identities_hold(string file)
    {
        var report = DocumentCache.Get(Path.Combine("corpus", file)).Reconciliation!;
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        foreach (var rule in new[] { "T1.balance", "T1.income", "T3.columns" })
            Assert.Contains(report.Checks, c => c.RuleId == rule && c.Outcome == Outcome.Pass);
    }

    [Fact]
    public void The_merged_expenditure_total_is_read_from_the_purpose_amount_column()
    {
        // js-cppcc p1: `收入合计 | 10,150.48 | 支出合计 (merged over three columns) | 10,150.48`.
        var report = DocumentCache.Get(Path.Combine("corpus", "js-cppcc-2018-budget-tables.pdf")).Reconciliation!;
        var balance = report.Checks.Single(c => c.RuleId == "T1.balance");
        Assert.Equal([("10,150.48", 1), ("10,150.48", 5)], balance.Cells.Select(c => (c.Text, c.Column ?? -1)));
    }

    [Fact]
    public void A_department_code_in_the_income_table_is_not_a_functional_class()
    {
        // suzhou-audit 表2 p10 prints `024 | 苏州市审计局`; 表3 holds the classes 201, 208, 221.
        var report = DocumentCache.Get(Path.Combine("corpus", "suzhou-audit-2026-dept-budget.pdf")).Reconciliation!;
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
    }
}
