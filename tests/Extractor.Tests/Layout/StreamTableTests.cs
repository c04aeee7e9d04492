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

    /// <summary>
    /// A landscape page (595 high) whose project row prints its 绩效目标 over 25 lines: the row is 250 pt tall, more
    /// than the 0.4 page height that parts two tables sharing a width, but its amounts stand in it as cells.
    /// <code>
    /// y=559 ─────────────── header: 项目 | 总计 | 绩效目标
    /// y=510 ───────────────
    ///        为老服务项目经费   144.57   (25 lines of text)
    /// y=260 ───────────────
    ///        核对业务经费       25.70    持续完善…
    /// y=220 ───────────────
    /// </code>
    /// </summary>
    [Fact]
    public void Region_finder_keeps_a_row_taller_than_the_gap_between_two_tables()
    {
        var rules = new List<Ruling> { H(559, 42, 798), H(510, 42, 798), H(260, 42, 798), H(220, 42, 798) };
        var glyphs = Text("项目", 60, 530, 10).Concat(Text("总计", 200, 530, 10)).Concat(Text("绩效目标", 600, 530, 10))
            .Concat(Text("为老服务项目经费", 60, 380, 10)).Concat(Text("144.57", 200, 380, 10))
            .Concat(Enumerable.Range(0, 25).SelectMany(i => Text("通过建立健全居家社区养老服务评价体系", 550, 500 - 9.6 * i, 10)))
            .Concat(Text("核对业务经费", 60, 235, 10)).Concat(Text("25.70", 205, 235, 10)).Concat(Text("持续完善", 550, 235, 10)).ToList();

        var region = Assert.Single(RuledRegionFinder.Find(rules, [], glyphs, 595, LayoutTolerances.Default));
        Assert.Equal([559, 510, 260, 220], region.RuleYs);

        // Without a row in the tall band (a title, prose), the stack is two tables: neither keeps three rules here.
        var prose = glyphs.Where(g => g.Baseline != 380).ToList();
        Assert.Empty(RuledRegionFinder.Find(rules, [], prose, 595, LayoutTolerances.Default));
    }

    /// <summary>
    /// Two small tables under rules of one width, the second's title (13 pt over the rows' 10 pt) and unit line in the
    /// band between them (Xi'an 会议费明细表 then 培训费明细表 on one page): two regions, the title band in neither.
    /// </summary>
    [Fact]
    public void Region_finder_parts_a_stack_at_a_band_that_holds_a_title()
    {
        var rules = new List<Ruling> { H(374, 42, 798), H(358, 42, 798), H(341, 42, 798), H(325, 42, 798),
            H(268, 42, 798), H(252, 42, 798), H(235, 42, 798), H(219, 42, 798) };
        var glyphs = Text("序号", 51, 362, 10).Concat(Text("会议名称", 181, 362, 10)).Concat(Text("金额", 629, 362, 10))
            .Concat(Text("1", 56, 345, 10)).Concat(Text("试点工作部署动员会", 90, 345, 10)).Concat(Text("1.19", 679, 345, 10))
            .Concat(Text("2", 56, 329, 10)).Concat(Text("经济运行分析会", 90, 329, 10)).Concat(Text("2.00", 679, 329, 10))
            .Concat(Text("培训费明细表", 381, 300, 13)).Concat(Text("单位：万元", 739, 272, 12))
            .Concat(Text("序号", 51, 256, 10)).Concat(Text("培训名称", 181, 256, 10)).Concat(Text("金额", 629, 256, 10))
            .Concat(Text("1", 56, 239, 10)).Concat(Text("农普试点清查培训会", 90, 239, 10)).Concat(Text("14.00", 674, 239, 10))
            .Concat(Text("2", 56, 223, 10)).Concat(Text("领导干部培训会", 90, 223, 10)).Concat(Text("0.50", 679, 223, 10)).ToList();

        var regions = RuledRegionFinder.Find(rules, [], glyphs, 595, LayoutTolerances.Default);

        Assert.Equal(2, regions.Count);
        Assert.Equal([374, 358, 341, 325], regions[0].RuleYs);
        Assert.Equal([268, 252, 235, 219], regions[1].RuleYs);
        // The same band holding a row of amounts set larger (a bold 合计 line) is no title.
        var bigTotal = glyphs.Where(g => g.Baseline is not (300 or 272)).Concat(Text("合计", 90, 290, 13)).Concat(Text("16.69", 674, 290, 13)).ToList();
        Assert.Single(RuledRegionFinder.Find(rules, [], bigTotal, 595, LayoutTolerances.Default));
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
