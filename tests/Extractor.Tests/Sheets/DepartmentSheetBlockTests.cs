using Extractor.Tests.Support;

namespace Extractor.Tests.Sheets;

/// <summary>
/// Blocks of 绩效目标表 / 绩效自评表 that stand inside the grid before its indicators, read on real pages and compared
/// with what the page prints: a department sheet's 年度主要任务 block (one row per task with its 预算金额) that pushes the
/// indicator header far down, and the 年度总体目标 block of a self-evaluation sheet whose label the rule between its two
/// rows cuts in two (`年度` over `总体目标`).
/// </summary>
public class DepartmentSheetBlockTests
{
    [Fact]
    public void A_department_sheet_whose_task_block_pushes_the_indicators_down_is_read_with_its_budget()
    {
        var document = DocumentCache.Get("corpus/xa-001.pdf");
        // p.32 `2022 年部门整体支出绩效目标表`, above the grid `部门（单位）名称   西安市气象局` (no colon); the indicator
        // header (一级指标 | 二级指标 | 指标内容 | 指标值) is the grid's 13th row.
        var sheet = Assert.Single(document.PerformanceSheets, s => s.Pages.Contains(32));
        Assert.Equal("部门整体绩效目标表", sheet.Kind);
        Assert.Equal([32], sheet.Pages);
        Assert.Equal("西安市气象局", sheet.Summary.BudgetUnit);
        Assert.StartsWith("目标 1：认真履职，各项业务工作安全平稳运行。", sheet.Summary.Goal);
        Assert.EndsWith("目标 3：依法行政，加强行业安全管理，确保城市安全运行。", sheet.Summary.Goal);
        Assert.DoesNotContain(document.Warnings, w => w.Code == "unread-sheet-grid" && w.Page == 32);

        // The block as printed: 任务名称 | 主要内容 | 总额 | 财政拨款; `国突预警发布及十四运气象` wraps onto a row of its own
        // (`服务保障`) beside the merged content and amount cells, so it is one task, not two with 94.25 each.
        var budget = sheet.Budget!;
        Assert.Equal("年度主要任务", budget.Label.Replace(" ", ""));
        var tasks = budget.Lines.Where(l => l.Amount is not null).Select(l => (l.Sources[0], l.Amount!.Value, l.Amount.Text)).ToList();
        Assert.Equal(
        [
            ("基本履职", 508.61m, "508.61"),
            ("气象防灾减灾", 120m, "120"),
            ("人工影响天气", 740.65m, "740.65"),
            ("国突预警发布及十四运气象服务保障", 94.25m, "94.25"),
            ("气象防雷执法", 30m, "30"),
            ("金额合计", 1493.51m, "1493.51"),
        ], tasks);
        Assert.All(budget.Lines.Where(l => l.Amount is not null), l => Assert.Equal(32, l.Amount!.Page));
        // The tasks add up to the printed 金额合计.
        Assert.Equal(tasks[^1].Value, tasks.Take(tasks.Count - 1).Sum(t => t.Value));
        Assert.Equal("国家突发事件预警发布平台维持及十四运气象服务保障项目", budget.Lines.Single(l => l.Sources[0].StartsWith("国突")).Sources[1]);

        // 33 indicator rows under the header, the last 指标 2：决策气象服务满意度 | 满意度≥95%.
        Assert.Equal(["一级指标", "二级指标", "指标内容", "指标值"], sheet.IndicatorColumns);
        Assert.Equal(33, sheet.Indicators.Count);
        Assert.Equal(("指标 2：决策气象服务满意度", "满意度≥95%"), (sheet.Indicators[^1][2].Text, sheet.Indicators[^1][3].Text));
    }

    [Fact]
    public void A_level_two_label_printed_beside_one_row_of_its_numbered_group_labels_the_whole_group()
    {
        // xa-001 p.32: rules cross the 二级指标 column at every row; `数量指标` stands beside 指标 3 of 指标 1–5. The next
        // groups (指标 1–6, 指标 1–4) print no 二级指标 (pdftotext -layout -f 32 -l 32 shows none, nor does the rendering),
        // then `成本指标` beside 指标 1–4.
        var sheet = Assert.Single(DocumentCache.Get("corpus/xa-001.pdf").PerformanceSheets, s => s.Pages.Contains(32));
        var levels = sheet.Indicators.Select(r => (r[1].Text, r[2].Text.Split('：')[0])).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => ("数量指标", $"指标 {i}")), levels.Take(5));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => ("", $"指标 {i}")).Concat(Enumerable.Range(1, 4).Select(i => ("", $"指标 {i}"))),
            levels.Skip(5).Take(10));
        Assert.Equal(("成本指标", "指标 1"), levels[15]);
        Assert.Equal(("可持续影响指标", "指标 3"), levels[30]);
        // The label is the cell printed beside 指标 3, with its box, on every row of the group.
        Assert.All(sheet.Indicators.Take(5), r => Assert.Equal(sheet.Indicators[2][1], r[1]));
    }

    [Theory]
    // As printed: 年度 | 预期目标 | 实际完成情况 over 总体目标 | the two texts.
    [InlineData(98, "通过购置超声内镜系统，提升消化系统疾病内镜下诊断及治疗水平，保障消化内镜中心正常运转", "购置设备后，科室临床诊治业务开展顺利，切实提升了业务能力。")]
    // The publication prints an outcome under 预期目标 on this sheet.
    [InlineData(141, "全年实际完成情况", "基本达成预期指标")]
    public void A_goal_block_whose_label_is_cut_in_two_is_read_as_goal_and_outcome(int page, string goal, string outcome)
    {
        var document = DocumentCache.Get("corpus/xa-health-commission-2022-final.pdf");
        var sheet = Assert.Single(document.PerformanceSheets, s => s.Kind == "项目支出绩效自评表" && s.Pages.SequenceEqual([page]));
        Assert.Equal((goal, outcome), (sheet.Summary.Goal, sheet.Summary.GoalOutcome));
        Assert.Equal("年度总体目标", sheet.Fields.Single(f => f.Label == "预期目标").Group);
        // The block is not read as label/value pairs (`年度` = `预期目标`, `总体目标` = the goal text).
        Assert.DoesNotContain(sheet.Fields, f => f.Label is "年度" or "总体目标");
    }

    [Fact]
    public void Every_self_evaluation_sheet_has_its_goal_and_outcome()
    {
        var document = DocumentCache.Get("corpus/xa-health-commission-2022-final.pdf");
        var sheets = document.PerformanceSheets.Where(s => s.Kind.EndsWith("绩效自评表", StringComparison.Ordinal)).ToList();
        Assert.Equal(89, sheets.Count);
        var unread = sheets.Where(s => s.Summary.Goal is not { Length: > 0 } || s.Summary.GoalOutcome is not { Length: > 0 }).Select(s => s.Pages[0]).ToList();
        Assert.True(unread.Count == 0, $"no goal or outcome on pages {string.Join(", ", unread)}");

        // The department's sheet (pp.30–31): 预期目标（年初设定） 目标1：全面加强党的建设 … | 目标实际完成情况 目标1：持续用力，….
        var department = Assert.Single(sheets, s => s.Kind == "部门整体支出绩效自评表");
        Assert.Equal([30, 31], department.Pages);
        Assert.StartsWith("目标1：全面加强党的建设目标2：全力做好常态化疫情防控", department.Summary.Goal);
        Assert.StartsWith("目标1：持续用力，党的全面领导持续加强。", department.Summary.GoalOutcome);
        Assert.Equal("西安市卫生健康委员会", department.Summary.BudgetUnit);
    }
}
