using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Tests.Layout;

/// <summary>
/// A label centred or right-aligned in a cell too narrow for it spills over the cell's left rule (the print clips it):
/// the whole run belongs to the cell under its centre, not to the label cell it starts in (xa-002 p.85 资金金额 block).
/// <code>
/// y=20 +---------+--------+-----------+
///      | 资金金额 |其中：财政拨款| 55.72 |
/// y=0  +---------+--------+-----------+
///     x=0      x=50     x=80        x=140
/// </code>
/// </summary>
public class CentredRunsTests
{
    private static Glyph G(string text, double x, double y, double size = 5) =>
        new(text, text, new Box(x, y, x + size, y + size), x, x + size, y, size);

    private static IEnumerable<Glyph> Run(string text, double left, double y) => text.Select((ch, i) => G(ch.ToString(), left + i * 5, y));

    private static TableGrid Grid(params IEnumerable<Glyph>[] texts)
    {
        List<Ruling> rulings =
        [
            new(Orientation.Horizontal, 20, 0, 140),
            new(Orientation.Horizontal, 0, 0, 140),
            new(Orientation.Vertical, 0, 0, 20),
            new(Orientation.Vertical, 50, 0, 20),
            new(Orientation.Vertical, 80, 0, 20),
            new(Orientation.Vertical, 140, 0, 20),
        ];
        var frame = Assert.Single(LatticeDetector.FindFrames(rulings, LayoutTolerances.Default));
        return LatticeDetector.BuildGrid(frame, 1, texts.SelectMany(t => t).ToList(), LayoutTolerances.Default);
    }

    [Fact]
    public void A_right_aligned_label_that_starts_under_its_neighbour_belongs_to_its_own_cell()
    {
        // 其中：财政拨款 x 43..78, right-aligned in 50..80; the label cell holds 资金金额 on a line above.
        var grid = Grid(Run("资金金额", 5, 12), Run("其中：财政拨款", 43, 4), Run("55.72", 115, 4));
        Assert.Equal(["资金金额", "其中：财政拨款", "55.72"], grid.RowTexts(0));
    }

    [Fact]
    public void A_centred_label_over_three_cells_belongs_to_the_middle_one()
    {
        // 实施期资金总额： x 45..85 (centre 65) over the rules at 50 and 80.
        var grid = Grid(Run("实施期资金总额：", 45, 4), Run("55.72", 115, 4));
        Assert.Equal(["", "实施期资金总额：", "55.72"], grid.RowTexts(0));
    }

    [Fact]
    public void A_left_aligned_label_keeps_its_overflow_and_a_number_is_never_moved()
    {
        // 经常性补助 starts at the label cell's padding and runs over the rule: it stays in its cell.
        Assert.Equal(["对事业单位经常性补助", "", "55.72"], Grid(Run("对事业单位经常性补助", 3, 4), Run("55.72", 115, 4)).RowTexts(0));
        // A run with digits is never moved as a whole: each glyph stays where its centre is.
        Assert.Equal(["1", "234.50", "55.72"], Grid(Run("1234.50", 45, 4), Run("55.72", 115, 4)).RowTexts(0));
    }
}
