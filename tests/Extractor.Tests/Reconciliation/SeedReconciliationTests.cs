using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// The seed document reconciles: every identity it supports is checked, nothing fails, and exactly the published
/// rounding artefacts listed in the truth's known_discrepancies come out as `rounding`.
/// </summary>
public class SeedReconciliationTests
{
    private const string Truth = "urumqi-port-office-2025.truth.json";
    public static TheoryData<string> Renderings => new() { "urumqi-port-office-2025.chromium.pdf", "urumqi-port-office-2025.office.pdf" };

    private static ReconciliationReport Report(string pdf) => DocumentCache.Get(pdf).Reconciliation ?? throw new InvalidOperationException("no reconciliation");

    [Theory, MemberData(nameof(Renderings))]
    public void Nothing_fails(string pdf)
    {
        var report = Report(pdf);
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        Assert.Equal(report.Checks.Count, report.Summary.Checks);
        Assert.Equal(report.Summary.Checks, report.Summary.Pass + report.Summary.Rounding + report.Summary.Fail + report.Summary.Skipped);
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Rounding_checks_are_exactly_the_known_discrepancies(string pdf)
    {
        var discrepancies = ((JArray)Repo.Truth(Truth)["known_discrepancies"]!)
            .Select(d => (string)d["where"]!)
            .Where(w => w.StartsWith('表') || w.StartsWith("第三部分"))
            .ToList();
        Assert.NotEmpty(discrepancies);
        var rounding = Report(pdf).Checks.Where(c => c.Outcome == Outcome.Rounding).ToList();
        foreach (var where in discrepancies)
            Assert.True(rounding.Any(c => Describes(where, c)), $"known discrepancy '{where}' is not reported as rounding");
        foreach (var check in rounding)
            Assert.True(discrepancies.Any(w => Describes(w, check)), $"rounding check not among the known discrepancies: [{check.RuleId}] {check.Statement}");
    }

    /// <summary>Reads a known_discrepancies `where` (`表6 row 301 …`, `表6 总计 / 人员经费`, `第三部分 二、… shares`) against a check's total cell.</summary>
    private static bool Describes(string where, Check check)
    {
        var total = check.Cells[0];
        if (Regex.Match(where, @"^表(\d+) row (\d+)") is { Success: true } row)
            return total.Table == int.Parse(row.Groups[1].Value) && (total.RowLabel ?? "").StartsWith(row.Groups[2].Value + " ");
        if (Regex.Match(where, @"^表(\d+) (\S+) / (\S+)$") is { Success: true } cell)
            return total.Table == int.Parse(cell.Groups[1].Value) && total.RowLabel == cell.Groups[2].Value && (total.ColumnName ?? "").Split('/')[^1] == cell.Groups[3].Value;
        if (Regex.Match(where, @"^第三部分 (\S+?、)\S* shares") is { Success: true } shares)
            return check.Cells.All(c => c.Source == "第三部分" && (c.RowLabel ?? "").StartsWith(shares.Groups[1].Value) && c.Role == "share");
        return false;
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Every_identity_the_document_supports_is_checked(string pdf)
    {
        var report = Report(pdf);
        var checkedRules = report.Checks.Where(c => c.Outcome != Outcome.Skipped).Select(c => c.RuleId).ToHashSet();
        var catalog = RuleCatalog.Default;
        // Every table the seed has with amounts: its column identities and code roll-ups ran.
        foreach (var id in new[] { "T2.columns.total", "T2.columns.fiscal", "T3.columns", "T4.columns.expenditure", "T5.columns", "T6.columns", "T7.columns",
                     "T10.columns", "T11.columns.total", "T11.columns.fiscal", "T1.classes", "T2.codes", "T3.codes", "T4.classes", "T5.codes", "T6.codes", "T7.codes",
                     "T1.income", "T4.income", "T11.rows", "T10.rows.total", "T10.rows.vehicles" })
            Assert.Contains(id, checkedRules);
        // Every cross-table identity and per-class agreement of a budget (the 决算 rules name final_* tables).
        static bool IsBudget(ValueRef value) => !value.Table.StartsWith("final_");
        foreach (var rule in catalog.Rules.OfType<EqualityRule>().Where(r => IsBudget(r.Left))) Assert.Contains(rule.Id, checkedRules);
        foreach (var rule in catalog.Rules.OfType<CodeMatchRule>().Where(r => IsBudget(r.Left))) Assert.Contains(rule.Id, checkedRules);
        foreach (var rule in catalog.Rules.OfType<ProseRowRule>()) Assert.Contains(rule.Id, checkedRules);
        foreach (var rule in catalog.Rules.OfType<ProseShareSumRule>()) Assert.Contains(rule.Id, checkedRules);
        foreach (var rule in catalog.Rules.OfType<ProseSumRule>()) Assert.Contains(rule.Id, checkedRules);
        // A skipped check always says why.
        Assert.All(report.Checks.Where(c => c.Outcome == Outcome.Skipped), c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        // The empty 表8/表9 are skipped, not passed.
        Assert.Contains(report.Checks, c => c.RuleId == "T8.codes" && c.Outcome == Outcome.Skipped && c.Reason!.Contains("为空表"));
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Every_money_figure_of_the_prose_that_restates_a_table_is_checked(string pdf)
    {
        // The truth's narrative figures in 万元, outside 十二 (assets, procurement) and 七 (project detail), restate a table total.
        var truth = ((JArray)Repo.Truth(Truth)["narrative_figures"]!).Cast<JObject>()
            .Where(f => (string)f["unit"]! == "万元" && !((string)f["section"]!).StartsWith("十二") && !((string)f["section"]!).StartsWith("七"))
            .ToList();
        var report = Report(pdf);
        var checkedFigures = report.Checks.Where(c => c.Outcome is Outcome.Pass or Outcome.Rounding)
            .SelectMany(c => c.Cells).Where(c => c.Source == "第三部分" && c.Role != "share").Select(c => (c.RowLabel![..2], c.Text)).ToHashSet();
        foreach (var figure in truth)
        {
            var section = ((string)figure["section"]!)[..2];
            Assert.True(checkedFigures.Contains((section, (string)figure["amount"]!)), $"{figure["section"]} {figure["item"]} {figure["amount"]} is not checked against a table");
        }
    }

    [Fact]
    public void Statements_read_as_printed()
    {
        var check = Report("urumqi-port-office-2025.chromium.pdf").Checks.First(c => c.RuleId == "T6.codes" && c.Outcome == Outcome.Rounding && c.Expected == "204.78");
        Assert.Contains("工资福利支出", check.Statement);
        Assert.Contains("204.78", check.Statement);
        Assert.Equal("204.78", check.Expected);
        Assert.Equal("204.77", check.Actual);
        Assert.Equal("-0.01", check.Difference);
        Assert.All(check.Cells, c => Assert.True(c.Page == 7 && c.Box is not null));
    }

    [Fact]
    public void Summary_text_lists_rounding_with_cells()
    {
        var text = ReconciliationText.Summary(Report("urumqi-port-office-2025.office.pdf"));
        Assert.StartsWith("reconciliation: ", text);
        Assert.Contains("0 fail", text);
        Assert.Contains("rounding [T6.codes]", text);
    }
}
