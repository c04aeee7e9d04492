using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// 决算 documents: the final_* rules (column sums, code roll-ups, 收入支出决算总表 against 收入决算表 / 支出决算表,
/// 财政拨款收入支出决算总表 against 一般公共预算财政拨款支出决算表 and 政府性基金 tables) run on every corpus 决算 and
/// hold, apart from one-cent published rounding.
/// </summary>
public class FinalAccountsReconciliationTests
{
    public static TheoryData<string> FinalAccounts => new()
    {
        "xa-health-commission-2022-final.pdf", "foshan-rail-transit-2019-final.pdf",
        "sh-putuo-finance-2024-final.pdf", "sh-putuo-socialwork-2024-final.pdf",
    };

    private static readonly string[] CoreRules =
        ["F1.balance", "F2.columns", "F2.codes", "F3.columns", "F3.codes", "F4.balance", "F5.columns", "F5.codes", "X.F2=F1.income", "X.F3=F1.expenditure", "X.F5=F4.general"];

    [Theory, MemberData(nameof(FinalAccounts))]
    public void Final_account_identities_are_checked_and_hold(string file)
    {
        var report = DocumentCache.Get(Path.Combine("corpus", file)).Reconciliation!;
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        foreach (var rule in CoreRules)
            Assert.Contains(report.Checks, c => c.RuleId == rule && c.Outcome is Outcome.Pass or Outcome.Rounding);
        Assert.All(report.Checks.Where(c => c.Outcome == Outcome.Rounding && c.RuleId.Contains('F')),
            c => Assert.True(Math.Abs(decimal.Parse(c.Difference!.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)) <= 0.01m, $"[{c.RuleId}] {c.Statement}"));
    }

    [Fact]
    public void Level_names_printed_in_the_total_row_name_the_code_columns()
    {
        // sh-putuo-finance 收入决算表 p8: `类 | 款 | 项 | 合计 | 2,946.25 …` under 支出功能分类 / 科目编码.
        var table = DocumentCache.Get(Path.Combine("corpus", "sh-putuo-finance-2024-final.pdf")).Tables.Single(t => t.Kind == "final_income");
        Assert.Equal(["类", "款", "项"], table.Structure.Columns.Take(3).Select(c => c.Name));
        var codes = table.Records.OfType<Extractor.Model.ClassifiedRecord>().Select(r => r.Code).ToList();
        Assert.Contains("2010601", codes);
    }

    [Fact]
    public void Side_by_side_basic_expenditure_halves_keep_their_own_codes_and_amounts()
    {
        // sh-putuo-finance 一般公共预算财政拨款基本支出决算表 p16: 人员经费 (301 …) | 公用经费 (302 …) side by side,
        // each half 类 | 款 | 科目名称 | 决算数. Values read from the printed page.
        var table = DocumentCache.Get(Path.Combine("corpus", "sh-putuo-finance-2024-final.pdf")).Tables.Single(t => t.Kind == "final_general_budget_basic_expenditure");
        var records = table.Records.OfType<Extractor.Model.ClassifiedRecord>().ToList();
        decimal Printed(string code) => records.Single(r => r.Code == code).Amounts.Values.Single().Value;
        Assert.Equal(2082.85m, Printed("301"));
        Assert.Equal(262.33m, Printed("30101"));
        Assert.Equal(69.41m, Printed("303"));
        Assert.Equal(171.07m, Printed("302"));
        Assert.Equal(21.21m, Printed("30201"));
        Assert.Equal(0.09m, Printed("30204"));
        Assert.Equal(2152.26m, records.Single(r => r.Name == "人员经费合计").Amounts.Values.Single().Value);
        Assert.Equal(184.65m, records.Single(r => r.Name == "公用经费合计").Amounts.Values.Single().Value);
    }
}
