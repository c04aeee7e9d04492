using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Structure;

/// <summary>
/// A table too wide for its page printed over two pages side by side: bj-038 预算02表 收入总表 prints p.3 up to
/// 附属单位上缴收入 and p.4 (same title) 其他收入 | 上年结转结余 … on the same row (pdftotext -layout -f 3 -l 4).
/// </summary>
public class RightContinuationTests
{
    private static BudgetDocument Document => DocumentCache.Get(Path.Combine("corpus", "bj-038.pdf"));

    [Fact]
    public void The_columns_continued_on_the_next_page_join_the_same_row()
    {
        var table = Assert.Single(Document.Tables, t => t.Kind == "income_summary");
        Assert.Equal([3, 4], table.Structure.Pages);
        Assert.Equal(["合计", "本年收入/小计", "本年收入/一般公共预算资金", "本年收入/政府性基金预算资金", "本年收入/国有资本经营预算资金",
            "本年收入/财政专户管理资金", "本年收入/事业收入", "本年收入/事业单位经营收入", "本年收入/上级补助收入", "本年收入/附属单位上缴收入",
            "本年收入/其他收入", "上年结转结余/小计", "上年结转结余/一般公共预算资金", "上年结转结余/政府性基金预算资金",
            "上年结转结余/国有资本经营预算资金", "上年结转结余/财政专户管理资金", "上年结转结余/单位资金"],
            table.Structure.Columns.Select(c => c.Key));
        var row = Assert.Single(table.Structure.Rows);
        // p.3: 1,048,475.725671   992,619.176095   870,741.793967   66,973.535990   184.170000   51,785.567247
        // p.4: 2,934.108891   55,856.549576   25,437.557705   848.210784    29,570.781087
        Assert.Equal(["1,048,475.725671", "992,619.176095", "870,741.793967", "66,973.535990", "", "184.170000", "51,785.567247", "", "", "",
            "2,934.108891", "55,856.549576", "25,437.557705", "848.210784", "", "", "29,570.781087"], row.Select(c => c.Text));
        Assert.Equal([3, 3, 4, 4], new[] { row[0], row[9], row[10], row[16] }.Select(c => c.Page));
        // The unit is printed over the right part only (金额单位：万元, p.4).
        Assert.Equal("万元", table.Structure.Unit);
        // 本年收入 spans the 其他收入 column of p.4.
        Assert.Contains(table.Structure.HeaderRows[0], h => h is { Text: "本年收入", Column: 1, ColSpan: 10 });
    }

    [Fact]
    public void The_year_totals_of_the_joined_table_add_up()
    {
        var checks = Document.Reconciliation!.Checks.Where(c => c.RuleId is "T2.columns.by_year" or "T2.columns.current_year").ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(Outcome.Pass, c.Outcome));
    }
}
