using System.Globalization;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// Performance-sheet budgets against 表7/表11: facts from the truth's performance_sheets (name and 年度预算总额 as
/// printed) pin the matching logic; the end-to-end test reads the facts from the sheets the pipeline extracted.
/// </summary>
public class SheetBudgetTests
{
    private const string Truth = "urumqi-port-office-2025.truth.json";
    private const string Pdf = "urumqi-port-office-2025.chromium.pdf";

    private static List<SheetBudgetFact> FactsFromTruth()
    {
        var facts = new List<SheetBudgetFact>();
        foreach (JObject sheet in (JArray)Repo.Truth(Truth)["performance_sheets"]!)
        {
            var fields = (JObject)sheet["fields"]!;
            if ((string)sheet["kind"]! == "部门整体绩效目标表")
            {
                var total = ((JArray)sheet["budget"]!["rows"]!).Sum(r => decimal.Parse(((string)r[2]!).Replace(",", ""), CultureInfo.InvariantCulture));
                facts.Add(new SheetBudgetFact(true, (string)fields["部门名称（盖章）"]!, total.ToString("#,##0.00", CultureInfo.InvariantCulture), total, "万元", new Provenance(20, new Box(0, 0, 1, 1))));
                continue;
            }
            var text = (string)fields["年度预算总额"]!;
            facts.Add(new SheetBudgetFact(false, (string)fields["项目名称"]!, text, decimal.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture), "万元", new Provenance(21, new Box(0, 0, 1, 1))));
        }
        return facts;
    }

    private static List<Check> Run(IReadOnlyList<SheetBudgetFact>? facts)
    {
        var document = DocumentCache.Get(Pdf);
        return new Reconciler(RuleCatalog.Default, TableKindCatalog.Default).Reconcile(document, document.Reconciliation!.ProseFigures, facts).Checks.Where(c => c.RuleId == "S.sheet_budget").ToList();
    }

    [Fact]
    public void Without_sheets_the_rule_is_skipped_with_the_reason()
    {
        var check = Assert.Single(Run(null));
        Assert.Equal(Outcome.Skipped, check.Outcome);
        Assert.Contains("no performance sheets", check.Reason);
    }

    [Fact]
    public void Every_sheet_of_the_seed_matches_its_rows_and_says_how()
    {
        var facts = FactsFromTruth();
        var checks = Run(facts);
        Assert.Equal(facts.Count, checks.Count);
        Assert.All(checks, c => Assert.True(c.Outcome == Outcome.Pass, $"{c.Statement}: {c.Outcome} {c.Reason}"));
        Assert.All(checks, c => Assert.False(string.IsNullOrEmpty(c.Reason)));
        // Names differ between table and sheet as published (truth notes): matched by amount and similar name.
        Assert.Contains(checks, c => c.Statement.Contains("2025年口岸业务经费") && c.Reason!.StartsWith("matched by amount and name similarity"));
        // 8,621.00 = 表7 4,455.00 + 表11 4,166.00 (carried over).
        var border = Assert.Single(checks, c => c.Statement.Contains("2025年口岸边境转移支付资金"));
        Assert.Contains("表11", border.Reason);
        Assert.Equal(3, border.Cells.Count);
    }

    [Fact]
    public void A_wrong_sheet_amount_fails_and_names_the_sheet()
    {
        var facts = FactsFromTruth().Select(f => f.Name == "辅助履职人员支出" ? f with { Value = 6.56m, Text = "6.56" } : f).ToList();
        var failed = Assert.Single(Run(facts), c => c.Outcome == Outcome.Fail);
        Assert.Equal("辅助履职人员支出", failed.Cells[0].RowLabel);
        Assert.Equal("6.56", failed.Expected);
    }

    private static (List<SheetBudgetFact> Facts, SheetBudgetFact Department) WithWholeFundSheet(decimal fund, string title)
    {
        var facts = FactsFromTruth();
        var department = facts.Single(f => f.IsDepartmentSheet);
        var shortened = department with { Value = department.Value - fund, Text = (department.Value - fund).ToString("0.00", CultureInfo.InvariantCulture) };
        facts[facts.IndexOf(department)] = shortened;
        facts.Add(new SheetBudgetFact(false, "某专项资金", fund.ToString("0.00", CultureInfo.InvariantCulture), fund, "万元", new Provenance(22, new Box(0, 0, 1, 1)))
            { SheetTitle = title });
        return (facts, shortened);
    }

    [Fact]
    public void A_department_sheet_that_leaves_out_a_whole_fund_sheet_is_checked_with_it()
    {
        // 西安 2022: the department sheet covers 基本支出 + 专项业务经费; each 专项资金 has a 专项资金总体绩效目标表 of its own.
        var (facts, department) = WithWholeFundSheet(100.00m, "2022年专项资金总体绩效目标表");
        var check = Assert.Single(Run(facts), c => c.Cells.Any(cell => cell.RowLabel == department.Name));
        Assert.Equal(Outcome.Pass, check.Outcome);
        Assert.Contains("whole-fund", check.Reason);
        Assert.Contains(check.Cells, c => c.RowLabel == "某专项资金" && c.Role == "part");
    }

    [Fact]
    public void A_project_sheet_short_of_the_gap_is_not_added_to_the_department_sheet()
    {
        var (facts, department) = WithWholeFundSheet(100.00m, "2022年项目支出绩效目标表");
        var check = Assert.Single(Run(facts), c => c.Cells.Any(cell => cell.RowLabel == department.Name));
        Assert.Equal(Outcome.Fail, check.Outcome);
        Assert.Equal("department sheet against 表1 收入总计", check.Reason);
    }

    [Fact]
    public void A_department_sheet_that_agrees_alone_keeps_the_whole_fund_sheets_out()
    {
        var facts = FactsFromTruth();
        facts.Add(new SheetBudgetFact(false, "某专项资金", "100.00", 100.00m, "万元", new Provenance(22, new Box(0, 0, 1, 1))) { SheetTitle = "专项资金总体绩效目标表" });
        var department = facts.Single(f => f.IsDepartmentSheet);
        var check = Assert.Single(Run(facts), c => c.Cells.Any(cell => cell.RowLabel == department.Name));
        Assert.Equal(Outcome.Pass, check.Outcome);
        Assert.Equal("department sheet against 表1 收入总计", check.Reason);
    }

    [Theory]
    [InlineData("urumqi-port-office-2025.chromium.pdf")]
    [InlineData("urumqi-port-office-2025.office.pdf")]
    [InlineData("synth/synth-02-2025.office.pdf")]
    public void Extracted_sheets_are_checked_end_to_end(string pdf)
    {
        var document = DocumentCache.Get(pdf);
        var facts = SheetBudgetFacts.From(document);
        Assert.Equal(document.PerformanceSheets.Count, facts.Count);
        var checks = document.Reconciliation!.Checks.Where(c => c.RuleId == "S.sheet_budget").ToList();
        Assert.Equal(facts.Count, checks.Count);
        Assert.All(checks, c => Assert.True(c.Outcome == Outcome.Pass, $"{c.Statement}: {c.Outcome} {c.Reason}"));
        // Every check is pinned to the sheet's printed amount (page and box from the sheet, not a placeholder).
        Assert.All(checks, c => Assert.Contains(c.Cells, cell => cell.Source == "绩效目标表" && cell.Page >= 1 && cell.Box is { Width: > 0 }));
    }
}
