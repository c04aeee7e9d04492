using Extractor.Model;
using Extractor.Records;
using Extractor.Text;
using Extractor.Tests.Support;

namespace Extractor.Tests.Records;

/// <summary>Numbering columns never become amounts; a 三公 table's leading total column is an amount like any other.</summary>
public class NonMoneyColumnTests
{
    [Theory]
    [InlineData("序号", true)]
    [InlineData("品种序号", true)]
    [InlineData("行次", true)]
    [InlineData("栏次", true)]
    [InlineData("项目编号", true)]
    [InlineData("功能分类科目编码", true)]
    [InlineData("部门（单位）代码", true)]
    [InlineData("年度", true)]
    [InlineData("决算数", false)]
    [InlineData("“三公”经费合计", false)]
    [InlineData("年度预算总额", false)]
    public void Column_roles(string header, bool notMoney) => Assert.Equal(notMoney, ColumnRoles.IsTextColumn(header));

    [Fact]
    public void Bj_police_three_public_total_is_an_amount_of_the_record()
    {
        // Printed on page 15: “三公”经费财政拨款预算总额 9,957.583785 = 132.525000 + 98.798248 + 9,726.260537 (万元).
        var document = DocumentCache.Get("corpus/bj-police-2026-budget-tables.pdf");
        var table = document.Tables.Single(t => t.Kind == "three_public_expenditure");
        var record = Assert.IsType<ItemRecord>(Assert.Single(table.Records));
        Assert.Equal("", record.Label);
        var total = record.Amounts.Values.Single(a => a.Column == 0);
        Assert.Equal((9957.583785m, 99575837.85m, "9,957.583785", "three_public"), (total.Value, total.ValueYuan, total.Text, total.ColumnId));
        var parts = record.Amounts.Values.Where(a => a.ColumnId is "overseas_travel" or "reception" or "vehicles.subtotal").Sum(a => a.Value);
        Assert.Equal(total.Value, parts);
        // The fact of the same amount: facts are the records.
        Assert.Contains(Facts.Of(document), f => f.TableKind == "three_public_expenditure" && f.Value == 9957.583785m && f.ColumnId == "three_public");
    }

    [Fact]
    public void Foshan_line_numbers_are_not_amounts()
    {
        var document = DocumentCache.Get("corpus/foshan-rail-transit-2019-final.pdf");
        var summaries = document.Tables.Where(t => t.Structure.Columns.Any(c => c.Name == "行次")).ToList();
        Assert.NotEmpty(summaries);
        foreach (var table in summaries)
        {
            var lineColumns = table.Structure.Columns.Where(c => c.Name == "行次").Select(c => c.Index).ToHashSet();
            // The 行次 column is printed full of numbers (1, 2, 3 …) …
            Assert.Contains(table.Structure.Rows, r => lineColumns.Any(c => AmountParser.TryParse(r[c].Text, out _)));
            // … and none of them is a record amount or a fact.
            var amounts = table.Records.OfType<SummaryRecord>().SelectMany(r => r.Amounts.Values).ToList();
            Assert.NotEmpty(amounts);
            Assert.DoesNotContain(amounts, a => lineColumns.Contains(a.Column));
        }
        Assert.DoesNotContain(Facts.Of(document), f => f.ColumnPath.EndsWith("行次"));
    }

    [Fact]
    public void Zhuhai_serial_numbers_are_no_facts()
    {
        var document = DocumentCache.Get("corpus/zhuhai-drug-procurement-list-kangxi.pdf");
        var serial = document.Tables.Where(t => t.Structure.Columns.Any(c => c.Name.EndsWith("序号"))).ToList();
        Assert.NotEmpty(serial);
        Assert.Contains(serial, t => t.Structure.Rows.Count > 1000);
        Assert.DoesNotContain(Facts.Of(document), f => f.ColumnPath.EndsWith("序号"));
    }

    [Theory]
    [InlineData("数量", true)]
    [InlineData("自评分数", true)]
    [InlineData("得分", true)]
    [InlineData("分值", true)]
    [InlineData("预算金额", false)]
    [InlineData("合计", false)]
    public void Quantity_columns(string header, bool quantity) => Assert.Equal(quantity, ColumnRoles.IsQuantity([header]));

    [Fact]
    public void Scores_of_a_table_without_a_unit_have_no_value_in_yuan()
    {
        // foshan p.29: 项目名称 | 自评分数 (`2019 年度聘请专家人员经费 96.53`), no unit printed: a score, not 96.53 元.
        var document = DocumentCache.Get("corpus/foshan-rail-transit-2019-final.pdf");
        var scores = Assert.Single(document.Tables, t => t.Kind == "project_self_evaluation_scores");
        var amounts = scores.Records.SelectMany(r => r.Amounts.Values).ToList();
        Assert.Contains(amounts, a => a.Text == "96.53" && a.Value == 96.53m);
        Assert.All(amounts, a => Assert.Null(a.ValueYuan));
        Assert.All(Facts.Of(document).Where(f => f.TableKind == "project_self_evaluation_scores"), f => Assert.Null(f.ValueYuan));
    }

    [Fact]
    public void Counts_of_a_table_in_yuan_stay_counts()
    {
        // xa-006 p.31 政府采购预算表 (金额单位：元): `数量 6` is six items, its 预算金额 is 元.
        var document = DocumentCache.Get("corpus/xa-006.pdf");
        var procurement = Assert.Single(document.Tables, t => t.Kind == "government_procurement");
        Assert.Equal(1m, procurement.UnitFactor);
        var amounts = procurement.Records.SelectMany(r => r.Amounts).ToList();
        var counts = amounts.Where(a => a.Key == "数量").Select(a => a.Value).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, a => Assert.Null(a.ValueYuan));
        var money = amounts.Where(a => a.Value.ColumnId == "budget").Select(a => a.Value).ToList();
        Assert.NotEmpty(money);
        Assert.All(money, a => Assert.Equal(a.Value, a.ValueYuan));
    }
}
