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
}
