using Extractor.Model;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// The layout traps of fixtures/traps (see its README): each small synthetic PDF read cell for cell against what its
/// page prints.
/// </summary>
public class TrapFixtureTests
{
    [Fact]
    public void Summary_tables_on_pages_turned_by_rotate_90_and_270_are_found_with_boxes_on_the_displayed_page()
    {
        var document = DocumentCache.Get(Path.Combine("traps", "rotated-summary-tables.pdf"));
        // The pages are 表3 and 表4 of synth-04 (chromium): its truth for those two tables, cell for cell.
        var truth = Repo.Truth("synth/synth-04-2026.truth.json");
        var tables = new JArray(((JArray)truth["tables"]!).Where(t => (int)t["number"]! is 3 or 4));
        TruthAssert.TablesMatch(new JObject { ["tables"] = tables }, document);
        Assert.Equal(["expenditure_summary", "fiscal_appropriation_summary"], document.Tables.OrderBy(t => t.Number).Select(t => t.Kind));
        Assert.Equal([1], document.Tables.Single(t => t.Number == 3).Structure.Pages);
        Assert.Equal([2], document.Tables.Single(t => t.Number == 4).Structure.Pages);
        // Both pages display upright as A4 portrait (594.96 × 841.92): every cell lies on the displayed page, and the
        // first rows are at the top of it.
        foreach (var table in document.Tables)
        {
            var boxes = table.Structure.Rows.SelectMany(r => r).Select(c => c.At.Box).ToList();
            Assert.All(boxes, b => Assert.True(b.Left >= 0 && b.Right <= 595 && b.Bottom >= 0 && b.Top <= 842, $"表{table.Number}: {b}"));
            Assert.True(table.Structure.Rows[0][0].At.Box.Top > table.Structure.Rows[^1][0].At.Box.Top);
            Assert.True(table.Structure.Rows[0][0].At.Box.Top > 421, $"表{table.Number}: the first row is in the upper half of the page");
        }
    }

    [Fact]
    public void An_amount_that_nearly_touches_the_next_halfs_code_and_name_stays_in_its_column()
    {
        // pdftotext -layout: `一、一般公共预算拨款     823.68201 一般公共服务支出    700.18 700.18`
        var document = DocumentCache.Get(Path.Combine("traps", "glued-amount-halves.pdf"));
        var table = Assert.Single(document.Tables);
        Assert.Equal("fiscal_appropriation_summary", table.Kind);
        Assert.Equal(["收入/项目", "收入/预算数", "支出/项目", "支出/合计", "支出/一般公共预算", "支出/政府性基金预算"],
            table.Structure.Columns.Select(c => string.Join("/", c.Path)));
        string[][] expected =
        [
            ["一、一般公共预算拨款", "823.68", "201 一般公共服务支出", "700.18", "700.18", ""],
            ["二、政府性基金预算拨款", "12.50", "208 社会保障和就业支出", "68.40", "68.40", ""],
            ["三、国有资本经营预算拨款", "", "210 卫生健康支出", "31.36", "31.36", ""],
            ["", "", "212 城乡社区支出", "12.50", "", "12.50"],
            ["", "", "221 住房保障支出", "23.74", "23.74", ""],
            ["收入合计", "836.18", "支出合计", "836.18", "823.68", "12.50"],
        ];
        Assert.Equal(expected, table.Structure.Rows.Select(r => r.Select(c => c.Text).ToArray()));
        var income = table.Records.OfType<SummaryRecord>().Where(r => r.Side == "income").ToList();
        Assert.Equal(823.68m, income[0].Amounts.Values.Single().Value);
    }
}
