using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Structure;

namespace Extractor.Tests.Structure;

public class HeaderAnalyzerTests
{
    /// <summary>
    /// Header: 科目编码 over 类|款, 名称 (rowspan 2), 金额 over 合计|基本; then the ※ row; then a data row.
    /// </summary>
    private static TableGrid Grid()
    {
        var xs = new List<double> { 0, 10, 20, 30, 40, 50 };
        var ys = new List<double> { 40, 30, 20, 10, 0 };
        GridCell C(int r, int c, int rs, int cs, string t) => new(r, c, rs, cs, new Box(xs[c], ys[r + rs], xs[c + cs], ys[r]), t, t, []);
        var cells = new List<GridCell>
        {
            C(0, 0, 1, 2, "科目编码"), C(0, 2, 2, 1, "科目名称"), C(0, 3, 1, 2, "一般公共预算支出"),
            C(1, 0, 1, 1, "类"), C(1, 1, 1, 1, "款"), C(1, 3, 1, 1, "合计"), C(1, 4, 1, 1, "基本支出"),
            C(2, 0, 1, 1, "※"), C(2, 1, 1, 1, "※"), C(2, 2, 1, 1, "※"), C(2, 3, 1, 1, "1"), C(2, 4, 1, 1, "2"),
            C(3, 0, 1, 1, "301"), C(3, 1, 1, 1, "01"), C(3, 2, 1, 1, "基本工资"), C(3, 3, 1, 1, "54.59"), C(3, 4, 1, 1, "54.59"),
        };
        return new TableGrid(new Provenance(1, new Box(0, 0, 50, 40)), xs, ys, cells, GridMethod.Lattice);
    }

    [Fact]
    public void Builds_the_column_tree_and_reads_column_numbers()
    {
        var info = HeaderAnalyzer.Analyze(Grid());
        Assert.Equal(3, info.HeaderRowCount);
        Assert.Equal(2, info.ColumnNumberRow);
        Assert.Equal(["科目编码/类", "科目编码/款", "科目名称", "一般公共预算支出/合计", "一般公共预算支出/基本支出"], info.Columns.Select(c => c.Key));
        Assert.Equal(["※", "※", "※", "1", "2"], info.Columns.Select(c => c.Number));
        Assert.Equal(2, info.HeaderRows.Count);
        Assert.Equal(2, info.HeaderRows[0].Single(h => h.Text == "科目名称").RowSpan);
    }

    [Fact]
    public void Without_a_number_row_the_header_ends_at_the_first_amount()
    {
        var xs = new List<double> { 0, 10, 20 };
        var ys = new List<double> { 30, 20, 10, 0 };
        GridCell C(int r, int c, int cs, string t) => new(r, c, 1, cs, new Box(xs[c], ys[r + 1], xs[c + cs], ys[r]), t, t, []);
        var grid = new TableGrid(new Provenance(1, new Box(0, 0, 20, 30)), xs, ys,
            [C(0, 0, 2, "收入"), C(1, 0, 1, "项目"), C(1, 1, 1, "预算数"), C(2, 0, 1, "一、本年收入"), C(2, 1, 1, "5,484.48")], GridMethod.Lattice);
        var info = HeaderAnalyzer.Analyze(grid);
        Assert.Equal(2, info.HeaderRowCount);
        Assert.Null(info.ColumnNumberRow);
        Assert.Equal(["收入/项目", "收入/预算数"], info.Columns.Select(c => c.Key));
    }
}
