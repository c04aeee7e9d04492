using Extractor.Tests.Support;

namespace Extractor.Tests.Sheets;

/// <summary>Sheets of real documents whose titles name the project, not the sheet kind (`信息化运行维护绩效目标表`).</summary>
public class CorpusSheetTests
{
    private const string Petition = "corpus/national-petition-bureau-2026-dept-budget.pdf";

    [Fact]
    public void Project_sheets_titled_by_project_are_read_with_fields_and_rows()
    {
        var sheets = DocumentCache.Get(Petition).PerformanceSheets;
        // Pages 30-32 of the PDF: one sheet each, rows counted on the printed pages.
        Assert.Equal(["信息化运行维护", "信访综合保障经费", "信访业务培训"], sheets.Select(s => s.Summary.ProjectName).ToList());
        Assert.Equal([[30], [31], [32]], sheets.Select(s => s.Pages.ToArray()).ToList());
        Assert.Equal([9, 11, 9], sheets.Select(s => s.Indicators.Count).ToList());
        Assert.All(sheets, s => Assert.Equal("项目支出绩效目标表", s.Kind));
        // The template's weights (分值, 90 in all) add up on every sheet: no row lost, none read twice.
        Assert.All(sheets, s => Assert.Equal(90m, s.Records.Sum(r => r.Weight)));

        var first = sheets[0];
        Assert.Equal((2134.87m, "2,134.87", 1384.87m), (first.Summary.TotalAmount!.Value, first.Summary.TotalAmount.Text, first.Summary.FiscalAmount!.Value));
        Assert.Equal("750.00", first.Fields.Single(f => f.Label == "上年结转").Value.Text);
        Assert.Equal("项目资金（万元）", first.Fields.Single(f => f.Label == "上年结转").Group);
        var row = first.Records[1];
        Assert.Equal(("产出指标", "数量指标", "数据中心设备维护量"), (row.Level1, row.Level2, row.Level3));
        Assert.Equal((">=", 330m, "台（套）"), (row.Target!.Comparator, row.Target.Number, row.Target.Unit));
        // 质量指标 is merged down over four rows in print.
        Assert.Equal(4, first.Records.Count(r => r.Level2 == "质量指标"));
    }

    [Fact]
    public void Sheets_continued_over_pages_keep_every_row_once()
    {
        // xa-audit: 表14 (four project sheets, two of them over two pages), 表15 (department sheet over two pages) and
        // 表16 专项资金总体绩效目标表, printed as a blank form (no indicator filled in).
        var all = DocumentCache.Get("corpus/xa-audit-2026-dept-budget.pdf").PerformanceSheets;
        Assert.Equal([[36], [37, 38], [39, 40], [41], [42, 43], [44]], all.Select(s => s.Pages.ToArray()).ToList());
        Assert.Equal(["项目支出绩效目标表", "项目支出绩效目标表", "项目支出绩效目标表", "项目支出绩效目标表", "部门整体绩效目标表", "项目支出绩效目标表"], all.Select(s => s.Kind).ToList());
        Assert.Equal("专项资金总体绩效目标表", all[5].Title);
        Assert.Empty(all[5].Records);
        var sheets = all.Take(5).ToList();
        // Every sheet's weights (分值权重（90分）) add up to 90: a lost or repeated row would break the sum.
        Assert.All(sheets, s => Assert.Equal(90m, s.Records.Sum(r => r.Weight)));
        // Level cells cut by the page break (`效益指` | `标` in the print) come out whole.
        Assert.All(sheets.SelectMany(s => s.Records), r => Assert.Contains(r.Level1, new[] { "产出指标", "效益指标", "成本指标", "满意度指标" }));
        Assert.Equal(285.87m, sheets[0].Summary.TotalAmount!.Value);
    }
}
