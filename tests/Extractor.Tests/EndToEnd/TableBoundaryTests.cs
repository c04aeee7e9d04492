using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// Where one table ends and the next begins, on real pages (fixtures/corpus), values read off the page with
/// pdftotext -layout: project rows taller than the gap that parts two tables stay in their long table; two tables
/// printed under rules of one width (or framed by outlined cell borders) are two tables with their own headers.
/// </summary>
public class TableBoundaryTests
{
    private static BudgetDocument Document(string pdf) => DocumentCache.Get(Path.Combine("corpus", pdf));

    private static List<string[]> RowsOnPage(ExtractedTable table, int page) =>
        table.Structure.Rows.Where(row => row[0].At.Page == page).Select(row => row.Select(c => c.Text).ToArray()).ToList();

    [Fact]
    public void Pages_whose_only_rows_are_taller_than_the_table_gap_continue_the_project_table()
    {
        // gz-010 pp.23–25: 部门预算项目支出及其他支出预算表 rows whose 绩效目标 runs over 20–25 lines (a row 250–390 pt tall).
        var document = Document("gz-010.pdf");
        var table = Assert.Single(document.Tables, t => t.Kind == "project_expenditure_summary");
        Assert.Equal(Enumerable.Range(22, 11), table.Structure.Pages);
        Assert.DoesNotContain(document.Tables, t => t.UnrecognisedReason == "headerless");
        // p.24: `应急管理经费   495.98   495.98   495.98   0.00   0.00   0.00   0.00 职追责”的安全生产…`
        var p24 = RowsOnPage(table, 24);
        Assert.Equal(["应急管理经费", "495.98", "495.98", "495.98", "0.00", "0.00", "0.00", "0.00"], p24[0][..8]);
        Assert.StartsWith("一是通过开展法律顾问、立法和普法宣传等项目", p24[0][8]);
        Assert.EndsWith("进一步提升我市应急管理现代化水平。", p24[0][8]);
        Assert.Equal(["吉祥路46号办公楼相关维修改造工程项目", "1,481.00"], p24[1][..2]);
        // p.25: `广东省航空应急项目 … 71.00    71.00     71.00       0.00 …` with `（广州市）` wrapped under the name.
        var p25 = RowsOnPage(table, 25);
        Assert.Equal(["广州市应急管理局2024-2025年度信息化运维项目", "57.00"], p25[0][..2]);
        Assert.Equal(["广东省航空应急项目（广州市）", "71.00", "71.00", "71.00", "0.00"], p25[1][..5]);
    }

    [Fact]
    public void A_key_project_table_keeps_its_tall_rows_and_its_page_whose_targets_quote_an_indicator()
    {
        // gz-004 pp.83–94 重点项目绩效目标: p.85 opens with a row 345 pt tall (`城维计划-广园快速路日常养护及道路检测项目
        // 6,833.64`), and a 绩效目标 on it cites `…日常维护费用估算指标` (no sheet's 指标 column).
        var document = Document("gz-004.pdf");
        var table = Assert.Single(document.Tables, t => t.Kind == "key_project_performance_targets");
        Assert.Equal(Enumerable.Range(83, 12), table.Structure.Pages);
        var p85 = RowsOnPage(table, 85);
        Assert.Equal([("城维计划-广园快速路日常养护及道路检测项目", "6,833.64"), ("北城养护所国省道及桥梁日常维护项目", "750"),
            ("北城养护所国省道及桥梁维护服务招标项目", "600")], p85.Select(r => (r[0], r[1])));
        Assert.DoesNotContain(document.Warnings, w => w.Code == "unread-sheet-grid");
        Assert.DoesNotContain(document.Tables, t => t.Kind == "unrecognised");
    }

    [Fact]
    public void A_grid_printing_the_next_tables_title_in_its_first_rows_does_not_continue_the_table_before()
    {
        // cc-petition p.14 项目支出表（预算表 9） ends with `信访局临聘人员经费 16.56`; p.15 is one grid of the same 13 columns whose
        // first rows print `国有资本经营预算支出明细表(预算表 10)` and `预算单位：长春市信访局 … 单位：万元`, then its header and no body.
        var document = Document("cc-petition-2026-dept-budget.pdf");
        var projects = Assert.Single(document.Tables, t => t.Kind == "project_expenditure_summary");
        Assert.Equal([14], projects.Structure.Pages);
        Assert.Equal("信访局临聘人员经费", projects.Structure.Rows[^1][2].Text);
        Assert.DoesNotContain(projects.Structure.Rows, r => r.Any(c => c.Text.Contains("预算表 10") || c.Text.StartsWith("预算单位")));
        var stateCapital = Assert.Single(document.Tables, t => t.Kind == "state_capital_expenditure");
        Assert.Equal([15], stateCapital.Structure.Pages);
        Assert.Equal(10, stateCapital.Number);
        Assert.Empty(stateCapital.Structure.Rows);
    }

    [Fact]
    public void A_training_plan_drawn_with_outlined_cell_borders_reads_its_own_columns()
    {
        // xa-006 pp.14–15 培训费明细表: 序号 | 培训名称 | 时间 | 人数 | 金额 | 备注, cell borders filled outlines with a mitred corner.
        var document = Document("xa-006.pdf");
        var table = Assert.Single(document.Tables, t => t.Kind == "meeting_training_plan");
        Assert.All(table.Structure.Grids, g => Assert.Equal(GridMethod.Lattice, g.Method));
        Assert.Equal(["序号", "培训名称", "时间", "人数", "金额", "备注"], table.Structure.Columns.Select(c => c.Name));
        Assert.Equal(["1", "巡察整改、党务干部培训", "不晚于2026年10月31日", "44", "7.28", ""], table.Structure.Rows[0].Select(c => c.Text));
        Assert.Equal(["4", "联合学院非法集资案善后工作会议", "不晚于2026年12月10日", "70", "12.00", ""], table.Structure.Rows[3].Select(c => c.Text));
        Assert.Equal([("巡察整改、党务干部培训", 72_800m), ("人事干部培训", 15_000m), ("党风廉政培训", 12_000m), ("联合学院非法集资案善后工作会议", 120_000m)],
            table.Records.Select(r => (r.RowLabel, r.Amounts.Values.Single().ValueYuan)));
    }
}
