using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Tests.Layout;

public class StreamTableTests
{
    /// <summary>A run of glyphs, one per character, each <paramref name="size"/> wide, starting at x on baseline y.</summary>
    private static IEnumerable<Glyph> Text(string text, double x, double y, double size = 8)
    {
        foreach (var ch in text)
        {
            var s = ch.ToString();
            var width = char.IsAscii(ch) ? size / 2 : size;
            yield return new Glyph(s, s, new Box(x, y, x + width, y + size), x, x + width, y, size);
            x += width;
        }
    }

    private static Ruling H(double y, double left, double right) => new(Orientation.Horizontal, y, left, right);

    [Fact]
    public void Column_finder_puts_one_boundary_in_each_gutter_between_header_cells()
    {
        // Two columns: a left-aligned name column and a right-aligned amount column, headers centred.
        var header = Text("名称", 30, 100).Concat(Text("金额", 130, 100)).ToList();
        var body = Text("一般公共服务支出", 2, 80).Concat(Text("610.91", 136, 80)).Concat(Text("机关", 2, 60)).Concat(Text("5.00", 144, 60)).ToList();
        var edges = new ColumnFinder(LayoutTolerances.Default).Find(0, 160, header, body);
        Assert.Equal(3, edges.Count);
        Assert.InRange(edges[1], 66, 130); // between the longest name (ends at 66) and the amounts/header (from 130)
    }

    [Fact]
    public void Column_finder_keeps_right_aligned_numbers_with_the_header_on_their_left()
    {
        // Calc centres 合计 but right-aligns 814.56: with nothing bridging them they are two runs of one column.
        var header = Text("合计", 20, 100).Concat(Text("基本", 80, 100)).ToList();
        var body = Text("814.56", 41, 80).Concat(Text("747.41", 101, 80)).ToList();
        var edges = new ColumnFinder(LayoutTolerances.Default).Find(0, 120, header, body);
        Assert.Equal(3, edges.Count);
        Assert.InRange(edges[1], 59, 80); // after 814.56 (ends at 59), before 基本
    }

    [Fact]
    public void Region_finder_takes_stacks_of_equally_long_rules_and_keeps_shorter_ones_as_group_rules()
    {
        var rules = new List<Ruling> { H(200, 10, 300), H(180, 10, 120), H(160, 10, 300), H(140, 10, 300), H(120, 10, 300), H(400, 50, 90) };
        var region = Assert.Single(RuledRegionFinder.Find(rules, [], [], 842, LayoutTolerances.Default));
        Assert.Equal(new Box(10, 120, 300, 200), region.Box);
        Assert.Equal([200, 160, 140, 120], region.RuleYs);
        Assert.Equal(180, Assert.Single(region.PartialRules).Position);
    }

    [Fact]
    public void Region_finder_leaves_rules_inside_lattice_tables_alone()
    {
        var rules = new List<Ruling> { H(200, 10, 300), H(160, 10, 300), H(120, 10, 300) };
        Assert.Empty(RuledRegionFinder.Find(rules, [new Box(0, 100, 310, 210)], [], 842, LayoutTolerances.Default));
    }

    /// <summary>
    /// <code>
    /// y=200 ───────────────────────────────────
    ///          科目          |       支出          (group headers: which columns they head only their centring says)
    /// y=180 ───────────────────────────────────
    ///        编码  | 名称    |  合计   |  基本
    /// y=160 ───────────────────────────────────
    ///        总计 (centred over 编码+名称) 9.00 | 9.00
    /// y=140 ───────────────────────────────────
    ///        201   | 一般    |  9.00   | 9.00
    /// y=120 ───────────────────────────────────
    /// </code>
    /// </summary>
    [Fact]
    public void Stream_grid_rebuilds_header_groups_and_centred_total_labels_as_spans()
    {
        var glyphs = new List<Glyph>();
        glyphs.AddRange(Text("科目", 52, 186));      // centred over x 10..110 (编码 + 名称)
        glyphs.AddRange(Text("支出", 197, 186));     // centred over 合计 + 基本 (x 110..300)
        glyphs.AddRange(Text("编码", 14, 166));
        glyphs.AddRange(Text("名称", 74, 166));
        glyphs.AddRange(Text("合计", 140, 166));
        glyphs.AddRange(Text("基本", 240, 166));
        glyphs.AddRange(Text("总计", 52, 146));      // centred over 编码 + 名称, not aligned with 一般
        glyphs.AddRange(Text("9.00", 180, 146));
        glyphs.AddRange(Text("9.00", 280, 146));
        glyphs.AddRange(Text("201", 14, 126));
        glyphs.AddRange(Text("一般", 64, 126));
        glyphs.AddRange(Text("9.00", 180, 126));
        glyphs.AddRange(Text("9.00", 280, 126));
        var region = new RuledRegion(new Box(10, 120, 300, 200), [200, 180, 160, 140, 120], []);

        var grid = new StreamTableBuilder(LayoutTolerances.Default).Build(region, 1, glyphs);

        Assert.Equal(GridMethod.Stream, grid.Method);
        Assert.Equal(4, grid.ColumnCount);
        Assert.Equal(["科目", "", "支出", ""], grid.RowTexts(0));
        Assert.Equal(2, grid.CellAt(0, 0)!.ColSpan);
        Assert.Equal(2, grid.CellAt(0, 2)!.ColSpan);
        Assert.Equal(["编码", "名称", "合计", "基本"], grid.RowTexts(1));
        Assert.Equal(["总计", "", "9.00", "9.00"], grid.RowTexts(2));
        Assert.Equal(2, grid.CellAt(2, 0)!.ColSpan);
        Assert.Equal(["201", "一般", "9.00", "9.00"], grid.RowTexts(3));
    }

    [Fact]
    public void Regrid_reads_a_continuation_with_the_columns_of_the_page_before()
    {
        // A continuation page without header: the numbers alone would give two columns, the first page had three.
        var glyphs = Text("行政运行", 12, 126).Concat(Text("5.00", 180, 126)).Concat(Text("机关", 12, 106)).Concat(Text("7.00", 280, 106)).ToList();
        var region = new RuledRegion(new Box(10, 100, 300, 140), [140, 120, 100], []);
        var own = new StreamTableBuilder(LayoutTolerances.Default).Build(region, 2, glyphs);

        var grid = new StreamTableBuilder(LayoutTolerances.Default).Regrid(own, [10, 110, 200, 300]);

        Assert.Equal(3, grid.ColumnCount);
        Assert.Equal(["行政运行", "5.00", ""], grid.RowTexts(0));
        Assert.Equal(["机关", "", "7.00"], grid.RowTexts(1));
        Assert.Equal(GridMethod.Stream, grid.Method);
    }
}
