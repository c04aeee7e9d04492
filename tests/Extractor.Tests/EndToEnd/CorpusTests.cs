using Extractor.Diagnostics;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Records;
using Extractor.Tests.Support;
using System.Globalization;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// The real published PDFs of fixtures/corpus: per file, the table kinds found by reading the document (its table
/// titles page by page, checked against the MANIFEST's list) must all be recognised; the scanned PDF must fail with a
/// clear "no text layer" reason; and on the pages of ruled tables at least 99.5 % of the amount tokens land in a cell.
/// Forms (项目支出绩效目标表, 部门整体支出绩效目标表, 绩效自评表) are sheets, not tables, and are not listed.
/// </summary>
public class CorpusTests
{
    private static readonly string[] MofBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "general_budget_basic_expenditure", "government_fund_expenditure",
    ];

    private static readonly string[] ShanghaiBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "government_fund_expenditure", "state_capital_expenditure",
        "general_budget_basic_expenditure", "three_public_operating_expenditure",
    ];

    private static readonly string[] FinalAccountsSet =
    [
        "final_income_expenditure_summary", "final_income", "final_expenditure", "final_fiscal_appropriation_summary",
        "final_general_budget_expenditure", "final_general_budget_basic_expenditure", "final_three_public_expenditure",
        "final_government_fund",
    ];

    private static readonly string[] JiangsuBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "fiscal_appropriation_expenditure", "fiscal_appropriation_basic_expenditure", "general_budget_expenditure",
        "general_budget_basic_expenditure", "three_public_meeting_training_expenditure", "government_fund_expenditure",
        "operating_expenses", "government_procurement",
    ];

    private static readonly string[] GuangdongBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "general_budget_basic_expenditure", "general_budget_project_expenditure",
        "administrative_and_three_public_expenditure", "government_fund_expenditure", "state_capital_expenditure",
        "basic_expenditure_summary", "project_expenditure_summary",
    ];

    private static readonly string[] ShaanxiBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "general_budget_expenditure_economic", "general_budget_basic_expenditure_functional",
        "general_budget_basic_expenditure", "government_fund_expenditure", "special_business_expenditure",
        "prior_year_carryover_expenditure", "government_procurement", "three_public_meeting_training_expenditure",
    ];

    private static readonly string[] ShenzhenBudgetSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "basic_expenditure_summary",
        "project_expenditure_summary", "fiscal_appropriation_summary", "general_budget_expenditure",
        "general_budget_expenditure_economic", "three_public_expenditure", "government_fund_expenditure", "state_capital_expenditure",
    ];

    /// <summary>Kinds verified by reading each document (titles as printed are in the comments).</summary>
    public static TheoryData<string, string[]> VerifiedKinds() => new()
    {
        // 预算01表 收支总表 … 预算11表 财政拨款政府购买服务明细表 (预算12/13表 are performance forms).
        { "bj-econinfo-2026-budget-tables-a3.pdf", [.. MofBudgetSet, "state_capital_expenditure", "three_public_expenditure", "government_procurement", "government_purchased_services"] },
        // 预算01表 … 预算10表 政府采购预算明细表 (预算11/12表 are performance forms).
        { "bj-police-2026-budget-tables.pdf", [.. MofBudgetSet, "state_capital_expenditure", "three_public_expenditure", "government_procurement"] },
        // Titles inside the grids: 收支总表（预算表 1） … 项目支出表（预算表 9）, 国有资本经营预算支出明细表（预算表 10）.
        { "cc-petition-2026-dept-budget.pdf", [.. MofBudgetSet, "three_public_expenditure", "project_expenditure_summary", "state_capital_expenditure"] },
        // 表一 2026年部门收支总体情况表 … 表九 2026年政府采购预算明细表.
        { "cq-commerce-2026-dept-budget.pdf", [.. MofBudgetSet, "three_public_expenditure", "government_procurement"] },
        { "cq-govoffice-2026-dept-budget.pdf", [.. MofBudgetSet, "three_public_expenditure", "government_procurement"] },
        // 表 1 收入支出决算总表 … 表 8 政府性基金预算财政拨款收入支出决算表.
        { "foshan-rail-transit-2019-final.pdf", FinalAccountsSet },
        // 表1 收支总体情况表 … 表12 部门预算项目支出及其他支出预算表 (drawn without vertical rules).
        { "gz-govoffice-2026-dept-budget.pdf", GuangdongBudgetSet },
        { "zhuhai-transport-works-center-2026-dept-budget.pdf", GuangdongBudgetSet },
        // 表1：2026年市级部门收支预算总表 … 表10 项目支出预算表 (表11 项目支出绩效表 is a form).
        { "hz-meteorology-2026-dept-budget.pdf", [.. MofBudgetSet, "three_public_expenditure", "state_capital_expenditure", "project_expenditure_summary"] },
        // 公开01表 收支预算总表 … 公开12表 政府采购预算表.
        { "js-cppcc-2018-budget-tables.pdf", JiangsuBudgetSet },
        { "js-high-court-2019-dept-budget.pdf", JiangsuBudgetSet },
        // Titles without labels: 收支预算总表 … 一般公共预算机关运行经费支出预算表, 2017年政府采购预算表.
        { "js-npc-office-2017-dept-budget.pdf", JiangsuBudgetSet },
        { "js-party-office-2017-budget-tables-a3.pdf", JiangsuBudgetSet },
        // 部门公开表 1 部门收支总表 … 部门公开表 9 财政拨款预算“三公”经费支出表 (表7 printed without its label).
        { "national-petition-bureau-2026-dept-budget.pdf", [.. MofBudgetSet, "state_capital_expenditure", "three_public_expenditure"] },
        // 一、收支预算总表 / 2026年度收支预算总表 … 十、一般公共预算“三公”经费支出预算表.
        { "qz-market-monitoring-2026-unit-budget.pdf", [.. MofBudgetSet, "state_capital_expenditure", "general_budget_expenditure_economic", "three_public_expenditure"] },
        // 2026年预算单位财务收支预算总表 … 2026年单位“三公”经费和机关运行经费预算表.
        { "sh-drug-rehab-center-2026-unit-budget.pdf", ShanghaiBudgetSet },
        { "sh-finance-bureau-2025-unit-budget.pdf", ShanghaiBudgetSet },
        { "sh-putuo-commerce-2025-dept-budget.pdf", ShanghaiBudgetSet },
        { "sh-putuo-justice-2026-unit-budget.pdf", ShanghaiBudgetSet },
        { "sh-putuo-welfare-home-2024-unit-budget.pdf", ShanghaiBudgetSet },
        { "sh-welfare-lottery-center-2026-unit-budget.pdf", ShanghaiBudgetSet },
        // 收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表 (no labels).
        { "sh-putuo-finance-2024-final.pdf", [.. FinalAccountsSet, "final_state_capital"] },
        { "sh-putuo-socialwork-2024-final.pdf", [.. FinalAccountsSet, "final_state_capital"] },
        // 公开 01 表 收支总表 … 公开 13 表 政府采购支出表.
        { "suzhou-audit-2026-dept-budget.pdf", [.. JiangsuBudgetSet, "state_capital_expenditure"] },
        // 表 1 收支总表 … 表 11 国有资本经营预算支出表.
        { "sz-finance-2026-dept-budget.pdf", ShenzhenBudgetSet },
        { "sz-port-office-2026-dept-budget.pdf", ShenzhenBudgetSet },
        // 表1 部门综合预算收支总表 … 表13 …“三公”经费及会议费、培训费支出预算表 (表14–16 are forms).
        { "xa-audit-2026-dept-budget.pdf", ShaanxiBudgetSet },
        { "xa-work-safety-2019-budget-tables.pdf", ShaanxiBudgetSet },
        // 收入支出决算总表 / 公开01表 … 财政拨款“三公”经费及会议费、培训费支出决算表 / 公开09表.
        { "xa-health-commission-2022-final.pdf", [.. FinalAccountsSet, "final_state_capital"] },
    };

    [Theory, MemberData(nameof(VerifiedKinds))]
    public void Every_table_kind_read_in_the_document_is_recognised(string file, string[] kinds)
    {
        var document = DocumentCache.Get(Path.Combine("corpus", file));
        var found = document.Tables.Select(t => t.Kind).ToHashSet();
        var missing = kinds.Where(k => !found.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"{file}: not recognised: {string.Join(", ", missing)}; found: {string.Join(", ", found.Order())}");
    }

    [Fact]
    public void Six_decimal_amounts_are_exact_and_carry_their_value_in_yuan()
    {
        // Beijing prints 万元 with six decimals (841,579.924856): exactly one 元 and no rounding.
        var document = DocumentCache.Get(Path.Combine("corpus", "bj-police-2026-budget-tables.pdf"));
        var amounts = document.Tables.SelectMany(t => t.Records).SelectMany(r => r.Amounts.Values)
            .Where(a => a.Text.Split('.') is [_, { Length: 6 }]).ToList();
        Assert.True(amounts.Count > 100, $"only {amounts.Count} six-decimal amounts");
        foreach (var a in amounts)
        {
            Assert.Equal(decimal.Parse(a.Text.Replace(",", ""), CultureInfo.InvariantCulture), a.Value);
            Assert.Equal(a.Value * 10000m, a.ValueYuan);
            Assert.Equal(a.ValueYuan, decimal.Round(a.ValueYuan!.Value, 2)); // six decimals of 万元 are whole fen
        }
    }

    [Fact]
    public void Each_table_reads_its_own_unit_line()
    {
        // Shanghai prints its tables in 元 but the 三公 table of the same document in 万元.
        var document = DocumentCache.Get(Path.Combine("corpus", "sh-putuo-commerce-2025-dept-budget.pdf"));
        var summary = document.Tables.Single(t => t.Kind == "income_expenditure_summary");
        var threePublic = document.Tables.Single(t => t.Kind == "three_public_operating_expenditure");
        Assert.Equal(("元", 1m), (summary.Structure.Unit, summary.UnitFactor));
        Assert.Equal(("万元", 10000m), (threePublic.Structure.Unit, threePublic.UnitFactor));
        var amount = threePublic.Records.SelectMany(r => r.Amounts.Values).First(a => a.Value != 0);
        Assert.Equal(amount.Value * 10000m, amount.ValueYuan);
    }

    [Fact]
    public void Contents_page_titles_without_tables_are_not_emitted_as_tables()
    {
        // The Beijing explanation lists the 13 table titles in its contents; the tables themselves are in another file.
        var document = DocumentCache.Get(Path.Combine("corpus", "bj-commerce-2026-budget-explanation.pdf"));
        Assert.Empty(document.Tables);
    }

    [Fact]
    public void An_image_only_page_inside_a_readable_document_is_a_warning_with_its_page()
    {
        // xa-health: page 8 is a scanned image in an otherwise text document (MANIFEST.md).
        var document = DocumentCache.Get(Path.Combine("corpus", "xa-health-commission-2022-final.pdf"));
        var warning = Assert.Single(document.Warnings, w => w.Code == "no-text-layer" && w.Page == 8);
        Assert.Contains("page 8", warning.Message);
        Assert.DoesNotContain(document.Tables, t => t.Structure.Pages.Contains(8));
    }

    [Fact]
    public void The_scanned_pdf_fails_with_a_no_text_layer_reason()
    {
        const string file = "cs-traffic-police-2023-perf-eval-scanned.pdf";
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentExtractor.Extract(Repo.Fixture(Path.Combine("corpus", file))));
        Assert.Contains(file, e.Message);
        Assert.Contains("no text layer", e.Message);
    }

    /// <summary>Documents whose tables are drawn without vertical rules: their cells wait for stream detection.</summary>
    private static readonly HashSet<string> NeedsStream =
    [
        "gz-govoffice-2026-dept-budget.pdf", "zhuhai-transport-works-center-2026-dept-budget.pdf",
        "xa-audit-2026-dept-budget.pdf", "xa-health-commission-2022-final.pdf",
    ];

    public static TheoryData<string> RuledDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var row in VerifiedKinds())
            if (!NeedsStream.Contains((string)row[0])) data.Add((string)row[0]);
        return data;
    }

    [Theory, MemberData(nameof(RuledDocuments))]
    public void At_least_99_5_percent_of_amount_tokens_on_table_pages_land_in_exactly_one_cell(string file)
    {
        var path = Repo.Fixture(Path.Combine("corpus", file));
        var document = DocumentCache.Get(Path.Combine("corpus", file));
        using var reader = PdfPageReader.Open(File.ReadAllBytes(path), file);
        var report = CorpusReport.Describe(document, TimeSpan.Zero, page => reader.ReadPage(page).Glyphs);
        var coverage = report.Coverage;
        Assert.True(coverage.Tokens > 0, $"{file}: no amount tokens on table pages");
        Assert.True(coverage.Share >= 0.995,
            $"{file}: {coverage.InTableCells}/{coverage.Tokens} tokens in a table cell; missed: {string.Join("; ", coverage.Missed.Take(10).Select(m => $"p{m.Page} '{m.Text}' {m.Reason}"))}");
    }
}
