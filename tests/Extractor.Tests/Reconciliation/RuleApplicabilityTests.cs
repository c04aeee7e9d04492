using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// Rules that do not apply say `skipped` with the reason, and layouts that used to read as fails are read as printed;
/// each case on a real document of fixtures/corpus, checked against its page text.
/// </summary>
public class RuleApplicabilityTests
{
    private static IReadOnlyList<Check> Checks(string file, string rule) =>
        DocumentCache.Get(Path.Combine("corpus", file)).Reconciliation!.Checks.Where(c => c.RuleId == rule).ToList();

    [Fact]
    public void Of_which_columns_beside_full_parts_are_no_summands()
    {
        // bj-016 p.4: 合计 | 基本支出 | 项目支出 | 其中: 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出.
        var checks = Checks("bj-016.pdf", "T3.columns");
        Assert.True(checks.Count(c => c.Outcome == Outcome.Pass) > 50);
        Assert.DoesNotContain(checks, c => c.Outcome == Outcome.Fail);
        Assert.DoesNotContain(checks, c => c.Cells.Any(x => x.ColumnName == "其中/事业单位经营支出"));
    }

    [Fact]
    public void An_of_which_line_after_a_full_line_is_no_summand()
    {
        // xa-006 p.19: 1、财政拨款 = (1)一般公共预算拨款 + …, then 其中：专项资金列入部门预算的项目 (part of (1)).
        var checks = Checks("xa-006.pdf", "T1.income");
        var fiscal = Assert.Single(checks, c => c.Statement.Contains("：“1、财政拨款”"));
        Assert.Equal(Outcome.Pass, fiscal.Outcome);
        Assert.DoesNotContain(fiscal.Cells, c => (c.RowLabel ?? "").StartsWith("其中"));
    }

    [Fact]
    public void Amounts_printed_without_the_millions_separator_add_up()
    {
        // sh-011 p.8: `125360,898` for 125,360,898 元.
        var checks = Checks("sh-011.pdf", "T2.codes");
        Assert.Contains(checks, c => c.Outcome == Outcome.Pass && c.Expected == "125360,898");
        Assert.DoesNotContain(checks, c => c.Outcome == Outcome.Fail);
    }

    [Fact]
    public void Three_public_rows_are_found_in_their_regional_wording()
    {
        // fz-005 p.18: `1、因公出国（境）费用`.
        var checks = Checks("fz-005.pdf", "T10.rows.total");
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.NotEqual(Outcome.Fail, c.Outcome));
        Assert.Contains(checks, c => c.Cells.Any(x => x.RowLabel == "1、因公出国（境）费用"));
    }

    [Fact]
    public void Tables_laid_out_by_unit_are_not_compared_per_class()
    {
        // xa-014 p.30/31: 单位编码 | 单位名称 rows (245, 245001 …), no 功能分类 codes.
        var check = Assert.Single(Checks("xa-014.pdf", "X.T2=T3.classes"));
        Assert.Equal(Outcome.Skipped, check.Outcome);
        Assert.Contains("laid out by unit", check.Reason);
    }

    [Fact]
    public void A_carry_over_row_is_not_this_years_income_of_the_same_name()
    {
        // cq-commerce p.15: 表4 一、本年收入 (一)一般公共预算资金 … 二、上年结转 (一)一般公共预算拨款 2,513.30.
        var check = Assert.Single(Checks("cq-commerce-2026-dept-budget.pdf", "X.T4=T2.general"));
        Assert.Equal(Outcome.Skipped, check.Outcome);
    }
}
