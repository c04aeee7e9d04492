using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Tests.Layout;

public class RulingCleanerTests
{
    [Fact]
    public void Joins_collinear_pieces_drawn_cell_by_cell()
    {
        var pieces = new[]
        {
            new Ruling(Orientation.Horizontal, 100, 10, 50),
            new Ruling(Orientation.Horizontal, 100.4, 50.5, 90),   // slightly offset, touching
            new Ruling(Orientation.Horizontal, 99.8, 90, 130),
        };
        var cleaned = RulingCleaner.Clean(pieces, LayoutTolerances.Default);
        var line = Assert.Single(cleaned);
        Assert.Equal((10d, 130d), (line.Start, line.End));
        Assert.InRange(line.Position, 99.8, 100.4);
    }

    [Fact]
    public void Keeps_separate_segments_with_a_real_gap_and_separate_positions()
    {
        var cleaned = RulingCleaner.Clean(new[]
        {
            new Ruling(Orientation.Vertical, 20, 0, 50),
            new Ruling(Orientation.Vertical, 20, 80, 120),      // gap of 30: two segments
            new Ruling(Orientation.Vertical, 40, 0, 120),       // another column line
            new Ruling(Orientation.Horizontal, 20, 0, 50),      // same position but other orientation
        }, LayoutTolerances.Default);
        Assert.Equal(4, cleaned.Count);
        Assert.Equal(2, cleaned.Count(r => r.Orientation == Orientation.Vertical && r.Position == 20));
    }

    [Fact]
    public void Merges_a_double_drawn_border_into_one_line()
    {
        var cleaned = RulingCleaner.Clean(new[]
        {
            new Ruling(Orientation.Horizontal, 50, 0, 100),
            new Ruling(Orientation.Horizontal, 50.9, 0, 100),
        }, LayoutTolerances.Default);
        Assert.Single(cleaned);
    }
}
