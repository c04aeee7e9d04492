using Extractor.Model;
using Extractor.Records;
using Extractor.Tests.Support;

namespace Extractor.Tests.Warehouse;

/// <summary>Facts and records agree on every document: same amounts, same sums per table and per document.</summary>
public class FactsAreRecordsTests
{
    public static TheoryData<string> Documents() => Output.SchemaContractTests.Documents();

    private static IEnumerable<Amount> AmountsOf(TableRecord record) => record.Amounts.Values;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Fact_sums_equal_record_sums_per_table_and_document(string pdf)
    {
        var document = DocumentCache.Get(pdf);
        var facts = Facts.Of(document);
        var recordAmounts = document.Tables.SelectMany(t => t.Records.SelectMany(AmountsOf).Select(a => (t.Kind, t.Number, a))).ToList();
        Assert.Equal(recordAmounts.Count, facts.Count);
        Assert.Equal(recordAmounts.Sum(x => x.a.ValueYuan), facts.Sum(f => f.ValueYuan ?? 0m));
        Assert.Equal(recordAmounts.Sum(x => x.a.Value), facts.Sum(f => f.Value));
        foreach (var table in recordAmounts.GroupBy(x => (x.Kind, x.Number)))
            Assert.Equal(table.Sum(x => x.a.ValueYuan), facts.Where(f => f.TableKind == table.Key.Kind && f.TableNumber == table.Key.Number).Sum(f => f.ValueYuan ?? 0m));

        // No fact stands in a column that is not money.
        foreach (var table in document.Tables)
        {
            var textColumns = table.Structure.Columns.Where(c => ColumnRoles.IsTextColumn(c.Name)).Select(c => c.Index).ToHashSet();
            Assert.DoesNotContain(table.Records.SelectMany(AmountsOf), a => textColumns.Contains(a.Column));
        }
    }

    [Fact]
    public void Totals_and_subtotals_are_flagged_so_items_sum_without_double_counting()
    {
        var facts = Facts.Of(DocumentCache.Get("urumqi-port-office-2025.office.pdf"));
        // 表3 支出总表 合计 column: the total row equals the sum of the 类 rows, the 类 rows are not totals.
        var t3 = facts.Where(f => f.TableNumber == 3 && f.ColumnPath == "支出预算/合计").ToList();
        var total = Assert.Single(t3, f => f.IsTotal);
        Assert.Equal(total.Value, t3.Where(f => f.CodeLevel == 1).Sum(f => f.Value));
        Assert.All(t3.Where(f => f.CodeLevel > 0), f => Assert.False(f.IsTotal));
        Assert.Contains(facts, f => f.RowLabel == "公务用车购置及运行费（小计）" && f.IsTotal);
    }
}
