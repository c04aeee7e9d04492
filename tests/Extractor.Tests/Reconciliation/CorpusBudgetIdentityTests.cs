using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// Corpus 预算 documents whose printed tables add up (checked by reading the PDFs): every identity holds, and the
/// rule shapes they exercise (北京 表5 项目支出总数 | 扣除基建项目后预算数, 泉州 表1 closing on 收入合计) are checked
/// the right way. 长春信访 is the counter-example: its printed 表3/表6 do not add up, and exactly those checks fail.
/// </summary>
public class CorpusBudgetIdentityTests
{
    public static TheoryData<string> Balanced => new()
    {
        "bj-police-2026-budget-tables.pdf", "bj-econinfo-2026-budget-tables-a3.pdf", "qz-market-monitoring-2026-unit-budget.pdf",
    };

    private static ReconciliationReport Report(string file) => DocumentCache.Get(Path.Combine("corpus", file)).Reconciliation!;

    [Theory, MemberData(nameof(Balanced))]
    public void Printed_identities_hold(string file)
    {
        var fails = Report(file).Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
    }

    [Theory]
    [InlineData("bj-police-2026-budget-tables.pdf")]
    [InlineData("bj-econinfo-2026-budget-tables-a3.pdf")]
    public void Project_total_column_alone_is_the_project_part_of_table5(string file)
    {
        // 表5 项目支出 splits into 项目支出总数 | 扣除基建项目后预算数; the second is an "of which" of the first, so
        // 合计 = 基本支出/小计 + 项目支出总数 (bj-police p.9: 2040202 一般行政管理事务 6,619.379359 = 6,619.379359).
        var checks = Report(file).Checks.Where(c => c.RuleId == "T5.columns").ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(Outcome.Pass, c.Outcome));
        Assert.All(checks, c => Assert.DoesNotContain(c.Cells, cell => cell.ColumnName != null && cell.ColumnName.Contains("扣除基建项目后预算数")));
        Assert.Contains(checks, c => c.Cells.Any(cell => cell.ColumnName != null && cell.ColumnName.Contains("项目支出总数")));
    }

    [Fact]
    public void Income_half_closing_on_a_heji_line_sums_this_year_and_carryover()
    {
        // qz-market-monitoring p.8: 本年收入合计 1468.70, 上年结转结余 0.00, 收入合计 1468.70 (no …总计 line).
        var check = Assert.Single(Report("qz-market-monitoring-2026-unit-budget.pdf").Checks,
            c => c.RuleId == "T1.income" && c.Cells.Any(x => x.Role == "total" && x.RowLabel == "收入合计"));
        Assert.Equal(Outcome.Pass, check.Outcome);
        Assert.Equal(["本年收入合计", "上年结转结余"], check.Cells.Where(x => x.Role == "part").Select(x => x.RowLabel));
        Assert.Equal(1468.70m, check.Cells.Single(x => x.Role == "total").Value);
    }

    [Fact]
    public void Published_discrepancies_of_changchun_petition_are_the_only_fails()
    {
        // p.11 表6: 301 prints 911.21 while its 款 rows print 297.50+179.46+194.78+105.80+32.65+3.36+93.27+4.40+9.74
        // = 920.96; 302 prints 211.00 while its rows add to 221.37. p.8 表3: 20140 当年预算/小计 prints 1378.41 while
        // 2014002/2014099 print 小计 0.00 beside 项目支出 458.00 / 16.56.
        var fails = Report("cc-petition-2026-dept-budget.pdf").Checks.Where(c => c.Outcome == Outcome.Fail).ToList();
        Assert.Equal(7, fails.Count);
        Assert.All(fails, c => Assert.True(c.RuleId is "T3.codes" or "T6.codes", c.RuleId));
        Assert.Equal(3, fails.Count(c => (c.Expected, c.Actual) == ("911.21", "920.96")));
        Assert.Equal(3, fails.Count(c => (c.Expected, c.Actual) == ("211.00", "221.37")));
        Assert.Single(fails, c => (c.Expected, c.Actual) == ("1378.41", "903.85"));
    }
}
