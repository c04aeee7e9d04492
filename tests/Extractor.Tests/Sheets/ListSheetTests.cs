using Extractor.Tests.Support;

namespace Extractor.Tests.Sheets;

/// <summary>
/// `gz-govdata-2026-project-perf-targets-a3.pdf`: one list-form 项目支出绩效目标表 over 12 A3 pages, title and header row
/// repeated on every page, one row per project with all its indicators packed in the 绩效指标 cell.
/// </summary>
public class ListSheetTests
{
    private const string Pdf = "corpus/gz-govdata-2026-project-perf-targets-a3.pdf";

    // Counted by reading the PDF page by page: the items (`N、…；实施周期指标值:…；年度指标值:…。`) of the 绩效指标 cells.
    private static readonly int[] IndicatorsPerPage = [35, 37, 35, 35, 46, 41, 38, 35, 29, 37, 24, 12];

    [Fact]
    public void The_whole_document_is_one_sheet_over_twelve_pages()
    {
        var sheet = Assert.Single(DocumentCache.Get(Pdf).PerformanceSheets);
        Assert.Equal("项目支出绩效目标表", sheet.Kind);
        Assert.Equal("list", sheet.Layout);
        Assert.Equal(Enumerable.Range(1, 12).ToList(), sheet.Pages);
        Assert.Equal("广州市政务服务和数据管理局", sheet.Fields.Single(f => f.Label == "部门名称").Value.Text);
        Assert.Equal(["项目名称", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"], sheet.IndicatorColumns);
    }

    [Fact]
    public void No_page_loses_or_repeats_indicator_rows()
    {
        var sheet = DocumentCache.Get(Pdf).PerformanceSheets.Single();
        Assert.Equal(IndicatorsPerPage.Sum(), sheet.Indicators.Count);
        var perPage = sheet.Indicators.GroupBy(r => r[0].Page).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        Assert.Equal(IndicatorsPerPage, perPage);
        Assert.Equal(70, sheet.Projects.Count);
        Assert.Equal(sheet.Indicators.Count, sheet.Projects.Sum(p => p.IndicatorCount));
        Assert.All(sheet.Indicators, r => Assert.All(r, v => Assert.NotEqual("", v.Text)));
    }

    [Fact]
    public void Rows_carry_project_levels_and_both_target_values()
    {
        var sheet = DocumentCache.Get(Pdf).PerformanceSheets.Single();
        string[] Row(int i) => sheet.Indicators[i].Select(v => v.Text).ToArray();
        Assert.Equal(["广州市政务服务和数据管理局数字政府运营中心穗智管运营服务项目", "产出指标", "数量指标", "会议活动保障次数", "每年≥20场", "每年≥20场"], Row(0));
        var project = sheet.Projects.Single(p => p.Name == "工作经费");
        Assert.Equal(10, project.IndicatorCount);
        Assert.Equal(29.00m, project.Amounts["总计"].Value);
        Assert.Equal(["工作经费", "成本指标", "经济成本指标", "年人均因公务出国（境）经费额度", "≤4.8万元", "≤4.8万元"], Row(project.FirstIndicator + 9));
        var record = sheet.Records[project.FirstIndicator + 9];
        Assert.Equal(("<=", 4.8m, "万元"), (record.Target!.Comparator, record.Target.Number, record.Target.Unit));
        // Projects below a row with no goal and no indicators belong to that funding unit.
        Assert.Equal("广州市数字政府运营中心", sheet.Projects.Single(p => p.Name == "数运中心购置经费").FundingUnit);
        Assert.Equal("广州市市长专线电话受理中心", sheet.Projects[^1].FundingUnit);
        // The last page's second row is the last indicator of the document.
        Assert.Equal(12, sheet.Indicators[^1][0].Page);
    }
}
