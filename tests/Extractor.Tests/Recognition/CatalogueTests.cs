using Extractor.Model;
using Extractor.Recognition;
using Extractor.Structure;

namespace Extractor.Tests.Recognition;

public class CatalogueTests
{
    [Theory]
    [InlineData("部门收支总体情况表", "income_expenditure_summary")]
    [InlineData("2026年预算单位财务收支预算总表", "income_expenditure_summary")]
    [InlineData("2019年部门综合预算政府性基金收支总表", "government_fund_expenditure")]
    [InlineData("一般公共预算支出表（按经济分类）", "general_budget_expenditure_economic")]
    [InlineData("一般公共预算支出表(按功能分类)", "general_budget_expenditure")]
    [InlineData("财政拨款收入支出决算总表", "final_fiscal_appropriation_summary")]
    [InlineData("收入支出决算总表", "final_income_expenditure_summary")]
    [InlineData("财政拨款\"三公\"经费支出表", "three_public_expenditure")]
    [InlineData("2026年单位“三公”经费和机关运行经费预算表", "three_public_operating_expenditure")]
    public void Titles_from_every_region_map_to_one_kind(string title, string kind) =>
        Assert.Equal(kind, TableKindCatalog.Default.Recognise(title)?.Id);

    [Theory]
    [InlineData("项目支出绩效目标表（含转移支付项目）", TitleVerdict.Form)]
    [InlineData("部门整体支出绩效目标表", TitleVerdict.Form)]
    [InlineData("2026年度部门预算表", TitleVerdict.NotATitle)]
    [InlineData("详见下表", TitleVerdict.NotATitle)]
    [InlineData("部门综合预算某某经费支出表", TitleVerdict.Table)]
    public void Headings_are_told_apart_from_tables(string title, TitleVerdict verdict) =>
        Assert.Equal(verdict, TableKindCatalog.Default.Classify(title));

    [Fact]
    public void Column_ids_join_the_header_path_and_stay_null_for_unknown_headers()
    {
        var catalog = ColumnCatalog.Default;
        Assert.Equal("current_year.basic.personnel", catalog.ColumnId(new Column(0, ["当年预算", "基本支出", "人员经费"], null)));
        Assert.Equal("budget", catalog.ColumnId(new Column(0, ["2026年预算数"], null)));
        Assert.Equal("three_public.overseas_travel", catalog.ColumnId(new Column(0, ["\"三公\"经费合计", "因公出国(境)费"], null)));
        Assert.Null(catalog.ColumnId(new Column(0, ["当年预算", "某个没见过的栏目"], null)));
    }
}
