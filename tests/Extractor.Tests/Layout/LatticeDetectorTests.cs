using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Tests.Layout;

public class LatticeDetectorTests
{
    private static Glyph G(string text, double x, double y, double size = 10) =>
        new(text, text, new Box(x, y, x + size, y + size), x, x + size, y, size);

    /// <summary>
    /// A 3-column, 3-row frame whose top row is one merged cell (no vertical rule crosses it) and whose left column
    /// is merged over the two lower rows.
    /// <code>
    /// y=90 +-----------------+
    ///      |     合并标题     |
    /// y=60 +-----+-----+-----+
    ///      |     |  a  |  b  |
    /// y=30 + 左  +-----+-----+
    ///      |     |  c  |  d  |
    /// y=0  +-----+-----+-----+
    ///      x=0  x=40  x=80  x=120
    /// </code>
    /// </summary>
    private static List<Ruling> MergedFrame() =>
    [
        new(Orientation.Horizontal, 90, 0, 120),
        new(Orientation.Horizontal, 60, 0, 120),
        new(Orientation.Horizontal, 30, 40, 120),
        new(Orientation.Horizontal, 0, 0, 120),
        new(Orientation.Vertical, 0, 0, 90),
        new(Orientation.Vertical, 40, 0, 60),
        new(Orientation.Vertical, 80, 0, 60),
        new(Orientation.Vertical, 120, 0, 90),
    ];

    [Fact]
    public void Finds_row_and_column_spans_from_missing_rulings()
    {
        var frame = Assert.Single(LatticeDetector.FindFrames(MergedFrame(), LayoutTolerances.Default));
        var grid = LatticeDetector.BuildGrid(frame, 1, [G("合", 50, 70), G("并", 60, 70), G("左", 15, 25), G("a", 55, 40), G("d", 95, 10)], LayoutTolerances.Default);
        Assert.Equal((3, 3), (grid.RowCount, grid.ColumnCount));

        var title = grid.CellAt(0, 1)!;
        Assert.Equal((0, 0, 1, 3), (title.Row, title.Col, title.RowSpan, title.ColSpan));
        Assert.Equal("合并", title.Text);

        var left = grid.CellAt(2, 0)!;
        Assert.Equal((1, 0, 2, 1), (left.Row, left.Col, left.RowSpan, left.ColSpan));
        Assert.Equal("左", left.Text);

        Assert.Equal(["左", "a", ""], grid.RowTexts(1));
        Assert.Equal(["", "", "d"], grid.RowTexts(2));
    }

    [Fact]
    public void Separate_frames_are_separate_tables()
    {
        var second = MergedFrame().Select(r => r with { Position = r.Orientation == Orientation.Horizontal ? r.Position - 200 : r.Position, Start = r.Orientation == Orientation.Vertical ? r.Start - 200 : r.Start, End = r.Orientation == Orientation.Vertical ? r.End - 200 : r.End });
        var frames = LatticeDetector.FindFrames(MergedFrame().Concat(second).ToList(), LayoutTolerances.Default);
        Assert.Equal(2, frames.Count);
        Assert.True(frames[0].Box.Top > frames[1].Box.Top);
    }

    [Fact]
    public void Wrapped_cell_text_is_joined_without_spaces_and_gaps_become_one_space()
    {
        var frame = Assert.Single(LatticeDetector.FindFrames(MergedFrame(), LayoutTolerances.Default));
        // Two lines in cell "a": 其他政府 / 事务, and a wide gap inside cell "b" ("收  入").
        var grid = LatticeDetector.BuildGrid(frame, 1,
            [G("其", 41, 48, 8), G("他", 49, 48, 8), G("事", 41, 38, 8), G("务", 49, 38, 8), G("收", 81, 40, 8), G("入", 95, 40, 8)], LayoutTolerances.Default);
        Assert.Equal("其他事务", grid.CellAt(1, 1)!.Text);
        Assert.Equal("收 入", grid.CellAt(1, 2)!.Text);
    }

    /// <summary>
    /// A row continued from the page before: its merged cells (name, amount) have column rules down the whole frame but
    /// no rule above or below them; only the indicator columns on the right are ruled row by row.
    /// <code>
    /// y=60 :     :     +-----+
    ///      | 项目 | 9.5 |  a  |
    /// y=30 |     |     +-----+
    ///      |     |     |  b  |
    /// y=0  :     :     +-----+
    ///      x=0  x=40  x=80  x=120
    /// </code>
    /// </summary>
    [Fact]
    public void Column_rules_that_no_horizontal_crosses_but_run_the_frames_height_belong_to_it()
    {
        List<Ruling> rulings =
        [
            new(Orientation.Horizontal, 60, 80, 120),
            new(Orientation.Horizontal, 30, 80, 120),
            new(Orientation.Horizontal, 0, 80, 120),
            new(Orientation.Vertical, 0, 0, 60),
            new(Orientation.Vertical, 40, 0, 60),
            new(Orientation.Vertical, 80, 0, 60),
            new(Orientation.Vertical, 120, 0, 60),
            // A rule of something else beside the table (shorter): not part of the frame.
            new(Orientation.Vertical, 160, 10, 50),
        ];
        var frame = Assert.Single(LatticeDetector.FindFrames(rulings, LayoutTolerances.Default));
        var grid = LatticeDetector.BuildGrid(frame, 1, [G("项", 5, 40), G("目", 15, 40), G("9", 45, 40, 5), G(".", 50, 40, 5), G("5", 55, 40, 5), G("a", 95, 40), G("b", 95, 10)], LayoutTolerances.Default);
        Assert.Equal((2, 3), (grid.RowCount, grid.ColumnCount));
        Assert.Equal(0, grid.Box.Left);
        Assert.Equal(["项目", "9.5", "a"], grid.RowTexts(0));
        Assert.Equal((0, 2), (grid.CellAt(1, 0)!.Row, grid.CellAt(1, 0)!.RowSpan));
        Assert.Equal(["", "", "b"], grid.RowTexts(1));
    }

    /// <summary>A label wider than its cell prints its last characters over the amount next to it: they stay with the label.</summary>
    [Fact]
    public void A_label_that_overflows_its_cell_keeps_its_characters()
    {
        List<Ruling> rulings =
        [
            new(Orientation.Horizontal, 20, 0, 100),
            new(Orientation.Horizontal, 0, 0, 100),
            new(Orientation.Vertical, 0, 0, 20),
            new(Orientation.Vertical, 40, 0, 20),
            new(Orientation.Vertical, 100, 0, 20),
        ];
        var frame = Assert.Single(LatticeDetector.FindFrames(rulings, LayoutTolerances.Default));
        // 经常性补助: 补 (x 38..43) starts left of the rule and lies over it, 助 (x 43..48) over the cell of the
        // right-aligned amount 1.50 (x 80..100).
        var label = "对事业经常性补助".Select((ch, i) => G(ch.ToString(), i * 5 + 8, 5, 5));
        var amount = "1.50".Select((ch, i) => G(ch.ToString(), 80 + i * 5, 5, 5));
        var grid = LatticeDetector.BuildGrid(frame, 1, [.. label, .. amount], LayoutTolerances.Default);
        Assert.Equal(["对事业经常性补助", "1.50"], grid.RowTexts(0));
    }
}
