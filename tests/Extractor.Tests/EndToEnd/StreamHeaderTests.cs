using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// Header cells of tables drawn without vertical rules whose texts touch (Calc leaves almost no gutter between a
/// right-aligned number and the next column): read on the pages, each header below is its own leaf column, and the
/// documents' reconciliation then has no fail.
/// </summary>
public class StreamHeaderTests
{
    private const string Zhuhai = "zhuhai-transport-works-center-2026-dept-budget.pdf";
    private const string Guangzhou = "gz-govoffice-2026-dept-budget.pdf";

    private static ExtractedTable Table(string file, int number) =>
        DocumentCache.Get(Path.Combine("corpus", file)).Tables.Single(t => t.Number == number);

    private static List<string> Paths(ExtractedTable table) => table.Structure.Columns.Select(c => c.Key).ToList();

    [Theory]
    [InlineData(Zhuhai)] // 表3 本年支出总体情况表, page 7
    [InlineData(Guangzhou)] // 表3, pages 8–9
    public void Touching_expenditure_headers_are_separate_columns(string file)
    {
        Assert.Equal(
            ["功能分类科目/科目编码", "功能分类科目/科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出"],
            Paths(Table(file, 3)));
    }

    [Theory]
    [InlineData(Zhuhai)] // 表12 项目支出及其他支出预算表, pages 18–19: 其他资金 numbers end 0.8 pt before the 绩效目标 text
    [InlineData(Guangzhou)]
    public void A_text_column_after_a_number_column_is_its_own_column(string file)
    {
        var table = Table(file, 12);
        Assert.Equal(["其他资金", "绩效目标"], Paths(table)[^2..]);
        var goals = table.Structure.Rows.Select(r => r[^1].Text).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(goals);
        Assert.All(table.Structure.Rows, r => Assert.DoesNotContain("绩效", r[^2].Text));
        Assert.All(goals, g => Assert.False(decimal.TryParse(g, out _), $"number in the goal column: {g}"));
    }

    [Fact]
    public void A_department_name_longer_than_its_column_stays_in_its_cell()
    {
        // Zhuhai 表2 page 6: the unit's name runs past its column into the gutter before 合计.
        var row = Table(Zhuhai, 2).Structure.Rows.Single(r => r[0].Text.StartsWith("珠海市"));
        Assert.Equal("珠海市政府投资交通市政项目工务中心", row[0].Text);
        Assert.Equal("7,552.92", row[1].Text);
    }

    [Theory]
    [InlineData(Zhuhai)]
    [InlineData(Guangzhou)]
    public void Reconciliation_has_no_fail(string file)
    {
        var report = DocumentCache.Get(Path.Combine("corpus", file)).Reconciliation!;
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        Assert.True(report.Summary.Pass > 40, $"only {report.Summary.Pass} checks pass");
    }
}
