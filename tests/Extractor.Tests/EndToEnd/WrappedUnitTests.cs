using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>Unit lines wrapped in a narrow cell: `单位：万` on one line and `元` on the next, read on the pages.</summary>
public class WrappedUnitTests
{
    [Fact]
    public void A_unit_whose_yuan_wraps_onto_the_next_line_is_read_whole()
    {
        // js-high-court 公开09表 p14: `单位：万` above `元` (the `元` on the baseline of 部门名称).
        var table = DocumentCache.Get(Path.Combine("corpus", "js-high-court-2019-dept-budget.pdf")).Tables.Single(t => t.Number == 9);
        Assert.Equal(("万元", 10000m), (table.Structure.Unit, table.UnitFactor));
    }

    [Fact]
    public void A_yuan_wrapped_into_the_header_cell_below_is_the_unit_not_the_header()
    {
        // xa-work-safety 表12 p30: `单位：万` above the grid, its `元` printed at the top of the 预算金额 header cell.
        var table = DocumentCache.Get(Path.Combine("corpus", "xa-work-safety-2019-budget-tables.pdf")).Tables.Single(t => t.Number == 12);
        Assert.Equal(("万元", 10000m), (table.Structure.Unit, table.UnitFactor));
        Assert.Contains(table.Structure.Columns, c => c.Name == "预算金额");
        Assert.DoesNotContain(table.Structure.Columns, c => c.Name.StartsWith('元'));
    }
}
