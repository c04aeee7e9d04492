using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Sheets;
using Extractor.Tests.Support;

namespace Extractor.Tests.Sheets;

/// <summary>
/// Sheets drawn with horizontal rules only, built from hand-placed glyphs and rules as the stream layout hands them on
/// (one cell holding every glyph, the rules beside it): header block, indicator grid with levels merged down (the rules
/// under merged cells stop short), and a sheet continued on the next page with and without its header repeated.
/// </summary>
public class RulelessSheetTests
{
    private const double Left = 50, Right = 450, Em = 10, Top = 760, RowHeight = 20;

    /// <summary>Indicator column lefts: 一级, 二级, 三级, 指标值, 分值权重 (text starts 5 pt inside).</summary>
    private static readonly double[] Columns = [50, 110, 170, 270, 350];

    private static IEnumerable<Glyph> Text(string text, double x, double baseline) =>
        text.Select((ch, i) => new Glyph(ch.ToString(), ch.ToString(), new Box(x + i * Em, baseline - 1, x + (i + 1) * Em, baseline + Em - 1),
            x + i * Em, x + (i + 1) * Em, baseline, Em));

    /// <summary>One band's texts, each at the left of an indicator column (null: nothing printed there).</summary>
    private static IEnumerable<Glyph> Band(int band, params string?[] texts) =>
        texts.SelectMany((t, c) => t is null ? [] : Text(t, Columns[c] + 5, Top - band * RowHeight - 15));

    private static Ruling Rule(int band, double start = Left) => new(Orientation.Horizontal, Top - band * RowHeight, start, Right);

    private static TableGrid StreamGrid(int page, int bands, IEnumerable<Glyph> glyphs, IEnumerable<Ruling> rules)
    {
        var all = glyphs.ToList();
        var box = new Box(Left, Top - bands * RowHeight, Right, Top);
        var cell = new GridCell(0, 0, 1, 1, box, "", "", all);
        return new TableGrid(new Provenance(page, box), [Left, Right], [Top, box.Bottom], [cell], GridMethod.Stream) { HorizontalRules = rules.ToList() };
    }

    private static TextLine Title(int page) => new("项目支出绩效目标表", "项目支出绩效目标表", new Provenance(page, new Box(200, Top + 20, 380, Top + 36)), 16, []);

    private static readonly string?[] Header = ["一级指标", "二级指标", "三级指标", "指标值", "分值权重"];

    private static IReadOnlyList<PerformanceSheet> TwoPageSheet(bool repeatHeader)
    {
        // Page 1: two label rows (label | value), the indicator header, then 产出指标 / 数量指标 merged over two rows
        // (the rule between them starts at the 三级指标 column) and on over the page break.
        var page1 = StreamGrid(1, 5,
            [.. Text("项目名称", 55, Top - 15), .. Text("甲项目", 115, Top - 15),
             .. Text("年度预算总额", 55, Top - 35), .. Text("12.50", 175, Top - 35),
             .. Band(2, Header), .. Band(3, "产出指标", "数量指标", "指标一", "＞=90%", "20"), .. Band(4, null, null, "指标二", "=4次/年", "30")],
            [Rule(0), Rule(1), Rule(2), Rule(3), Rule(4, Columns[2]), Rule(5, Columns[2])]);
        // Page 2: the cut level cells are blank at the top; a new 一级/二级 block starts below them.
        var offset = repeatHeader ? 1 : 0;
        var page2Glyphs = new List<Glyph>();
        if (repeatHeader) page2Glyphs.AddRange(Band(0, Header));
        page2Glyphs.AddRange(Band(offset, null, null, "指标三", "有效改善", "10"));
        page2Glyphs.AddRange(Band(offset + 1, "效益指标", "社会效益", "指标四", "有效", "40"));
        var page2Rules = Enumerable.Range(0, offset + 3).Select(b => Rule(b)).ToList();
        var page2 = StreamGrid(2, offset + 2, page2Glyphs, page2Rules);
        return SheetStage.Extract([page1, page2], [Title(1)], []);
    }

    private static readonly string[][] Expected =
    [
        ["产出指标", "数量指标", "指标一", "＞=90%", "20"],
        ["产出指标", "数量指标", "指标二", "=4次/年", "30"],
        ["产出指标", "数量指标", "指标三", "有效改善", "10"],
        ["效益指标", "社会效益", "指标四", "有效", "40"],
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_sheet_without_vertical_rules_reads_over_two_pages(bool repeatHeader)
    {
        var sheet = Assert.Single(TwoPageSheet(repeatHeader));
        Assert.Equal("项目支出绩效目标表", sheet.Kind);
        Assert.Equal([1, 2], sheet.Pages);
        Assert.Equal([("项目名称", "甲项目"), ("年度预算总额", "12.50")], sheet.Fields.Select(f => (f.Label, f.Value.Text)));
        Assert.Equal(Header.Select(h => h!), sheet.IndicatorColumns);
        Assert.Equal(Expected, sheet.Indicators.Select(r => r.Select(v => v.Text).ToArray()));
        Assert.Equal([1, 1, 2, 2], sheet.Indicators.Select(r => r[2].Page));
        Assert.Equal(12.50m, sheet.Summary.TotalAmount!.Value);
    }

    [Fact]
    public void A_stream_table_under_a_sheet_title_without_sheet_labels_is_no_sheet()
    {
        var grid = StreamGrid(1, 2, [.. Band(0, "科目", "金额"), .. Band(1, "合计", "1.00")], [Rule(0), Rule(1), Rule(2)]);
        Assert.Empty(SheetStage.Extract([grid], [Title(1)], []));
    }
}
