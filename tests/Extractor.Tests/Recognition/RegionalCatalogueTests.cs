using Extractor.Model;
using Extractor.Recognition;
using Extractor.Tests.Support;

namespace Extractor.Tests.Recognition;

/// <summary>
/// Regional sets of the crawled corpora, recognised on the documents that print them (fixtures/corpus): each table's
/// kind by its printed label, and the amounts of the new kinds cell for cell against the page text
/// (pdftotext -layout).
/// </summary>
public class RegionalCatalogueTests
{
    // Xi'an 部门综合预算 (2021 and 2022 templates): 表5–表8 are 明细表 named `（按功能科目分）`, `（按支出功能分类科目-不含上年结转）`,
    // often wrapped over two lines; 表11 `财政拨款结转资金支出表`, 表13 `“三公”经费、会议费、培训费表（不含上年结转）`.
    private static readonly string[] XianSet =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "general_budget_expenditure_economic", "general_budget_basic_expenditure_functional",
        "general_budget_basic_expenditure", "government_fund_expenditure", "special_business_expenditure",
        "prior_year_carryover_expenditure", "government_procurement", "three_public_meeting_training_expenditure",
    ];

    [Theory]
    [InlineData("xa-011.pdf")] // 2021, titles wrapped: `…支出明细表（按支出功能分类科` / `目-不含上年结转）`
    [InlineData("xa-014.pdf")] // 2022, `（按支出功能分类科目-不含上年结转）` on one line
    [InlineData("xa-006.pdf")]
    public void The_xian_comprehensive_budget_set_is_recognised_table_by_table(string pdf)
    {
        var document = DocumentCache.Get(Path.Combine("corpus", pdf));
        var labelled = document.Tables.Where(t => t.Number is not null).OrderBy(t => t.Number).ToList();
        Assert.Equal(Enumerable.Range(1, 13), labelled.Select(t => t.Number!.Value));
        Assert.Equal(XianSet, labelled.Select(t => t.Kind));
        Assert.Equal("budget", document.Kind);
    }

    [Fact]
    public void A_continued_page_repeating_the_name_without_its_label_continues_the_table()
    {
        // xa-011 p24–25: `表5` + name on p24, the same name without `表5` on p25.
        var document = DocumentCache.Get(Path.Combine("corpus", "xa-011.pdf"));
        var t5 = Assert.Single(document.Tables, t => t.Number == 5);
        Assert.Equal([24, 25], t5.Structure.Pages);
        Assert.Equal("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）", t5.Title);
    }

    [Fact]
    public void Key_project_targets_are_recognised_by_the_sentence_that_introduces_them()
    {
        // sz-finance p11–12 under `2026 年，本单位重点项目绩效目标情况如下：`: 二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标.
        var document = DocumentCache.Get(Path.Combine("corpus", "sz-finance-2026-dept-budget.pdf"));
        var table = Assert.Single(document.Tables, t => t.Kind == "key_project_performance_targets");
        Assert.Equal([11, 12], table.Structure.Pages);
        Assert.Equal(10000m, table.UnitFactor); // from the header `预算数（万元）`
        var amounts = table.Records.SelectMany(r => r.Amounts.Values).Select(a => a.Text).ToList();
        Assert.Equal(["18,808.16", "2,714.03", "2,000.00", "1,509.83", "416.43", "341.46", "297.50", "274.16"], amounts);
        Assert.Equal(188_081_600m, table.Records[0].Amounts.Values.Single().ValueYuan);
    }

    [Fact]
    public void Key_project_targets_are_one_record_per_project()
    {
        // gz-govoffice p26: 项目 | 预算数（单位：万元） | 绩效目标, one project.
        var document = DocumentCache.Get(Path.Combine("corpus", "gz-govoffice-2026-dept-budget.pdf"));
        var table = Assert.Single(document.Tables, t => t.Kind == "key_project_performance_targets");
        var item = Assert.IsType<ItemRecord>(Assert.Single(table.Records));
        Assert.Equal("专项工作经费（广州市人民政府办公厅）", item.Label);
        Assert.Equal("749.25", Assert.Single(item.Amounts.Values).Text);
    }

    [Fact]
    public void Meeting_and_training_plans_carry_the_amounts_and_not_the_head_counts()
    {
        // xa-audit p17: 会议费明细表 `1 全市审计业务会 2026-3-26 100 2.00`; 培训费明细表 four rows adding up to the 21.00 of the prose.
        var document = DocumentCache.Get(Path.Combine("corpus", "xa-audit-2026-dept-budget.pdf"));
        var meetings = Assert.Single(document.Tables, t => t.Kind == "meeting_training_plan" && t.Title == "会议费明细表");
        Assert.Equal(["2.00"], meetings.Records.SelectMany(r => r.Amounts.Values).Select(a => a.Text));
        var training = Assert.Single(document.Tables, t => t.Kind == "meeting_training_plan" && t.Title == "培训费明细表");
        var amounts = training.Records.SelectMany(r => r.Amounts.Values).ToList();
        Assert.Equal(["3.65", "8.70", "2.65", "6.00"], amounts.Select(a => a.Text));
        Assert.Equal(21.00m, amounts.Sum(a => a.Value));
    }

    [Theory]
    [InlineData("2022年部门综合预算一般公共预算支出明细表（按功能科目分）", "general_budget_expenditure")]
    [InlineData("2022年部门综合预算一般公共预算基本支出明细表（支出经济分类科目-不含上年结转）", "general_budget_basic_expenditure")]
    [InlineData("2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目－不含上年结转）", "general_budget_expenditure_economic")]
    [InlineData("2022部门综合预算财政拨款结转资金支出表", "prior_year_carryover_expenditure")]
    [InlineData("2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）", "government_procurement")]
    public void Xian_wordings_map_to_the_national_kinds(string title, string kind) =>
        Assert.Equal(kind, TableKindCatalog.Default.Recognise(title)?.Id);

    [Fact]
    public void Untitled_grids_are_recognised_by_lead_in_or_headers_only()
    {
        var catalog = TableKindCatalog.Default;
        Assert.Equal("key_project_performance_targets", catalog.RecogniseUntitled("2026年，本部门重点项目绩效目标情况如下：", ["a", "b"])?.Id);
        Assert.Equal("key_project_performance_targets", catalog.RecogniseUntitled("", ["项目", "预算数（单位：万元）", "绩效目标"])?.Id);
        Assert.Equal("meeting_training_plan", catalog.RecogniseUntitled("单位：万元", ["序号", "培训名称", "时间", "人数", "金额"])?.Id);
        Assert.Null(catalog.RecogniseUntitled("", ["序号", "单位名称", "拟变动情况"]));
        Assert.Null(catalog.RecogniseUntitled("以上。", ["", ""]));
    }
}
