using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sheets;
using Extractor.Tests.Support;

namespace Extractor.Tests.Sheets;

/// <summary>
/// Sheets built from hand-made grids: a sheet continued on the next page with and without a repeated header, merged level
/// cells cut by the page break, and a run of sheets on consecutive pages that must stay apart.
/// </summary>
public class SheetLocatorTests
{
    private const double Left = 50, ColumnWidth = 60, Top = 760, RowHeight = 20;

    /// <summary>A grid of <paramref name="columns"/> columns; each spec cell is (row, col, rowSpan, colSpan, text), the rest empty.</summary>
    private static TableGrid Grid(int page, int rows, int columns, params (int Row, int Col, int RowSpan, int ColSpan, string Text)[] specs)
    {
        var xs = Enumerable.Range(0, columns + 1).Select(c => Left + c * ColumnWidth).ToList();
        var ys = Enumerable.Range(0, rows + 1).Select(r => Top - r * RowHeight).ToList();
        var covered = new bool[rows, columns];
        var cells = new List<GridCell>();
        void Add(int r, int c, int rs, int cs, string text)
        {
            for (var i = r; i < r + rs; i++)
                for (var k = c; k < c + cs; k++) covered[i, k] = true;
            cells.Add(new GridCell(r, c, rs, cs, new Box(xs[c], ys[r + rs], xs[c + cs], ys[r]), text, text, []));
        }
        foreach (var s in specs) Add(s.Row, s.Col, s.RowSpan, s.ColSpan, s.Text);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                if (!covered[r, c]) Add(r, c, 1, 1, "");
        return new TableGrid(new Provenance(page, new Box(xs[0], ys[^1], xs[^1], ys[0])), xs, ys, cells, GridMethod.Lattice);
    }

    private static TextLine Line(int page, string text, double top = Top + 40) =>
        new(text, text, new Provenance(page, new Box(200, top - 16, 400, top)), 16, []);

    private static (int, int, int, int, string)[] HeaderBlock(string project) =>
    [
        (0, 0, 1, 1, "项目名称"), (0, 1, 1, 4, project),
        (1, 0, 1, 1, "年度预算总额"), (1, 1, 1, 4, "12.50"),
        (2, 0, 1, 1, "项目总体目标"), (2, 1, 1, 4, "目标"),
    ];

    private static (int, int, int, int, string)[] IndicatorHeader(int row) =>
        [(row, 0, 1, 1, "一级指标"), (row, 1, 1, 1, "二级指标"), (row, 2, 1, 1, "三级指标"), (row, 3, 1, 1, "指标值"), (row, 4, 1, 1, "分值权重")];

    private static (int, int, int, int, string)[] Indicator(int row, string name, string value, string weight) =>
        [(row, 2, 1, 1, name), (row, 3, 1, 1, value), (row, 4, 1, 1, weight)];

    private static IReadOnlyList<PerformanceSheet> TwoPageSheet(bool repeatHeader)
    {
        // Page 1: header block, indicator header, 产出指标 merged over rows 4-5 and on into page 2.
        var page1 = Grid(1, 6, 5, [.. HeaderBlock("甲项目"), .. IndicatorHeader(3),
            (4, 0, 2, 1, "产出指标"), (4, 1, 2, 1, "数量指标"), .. Indicator(4, "指标一", "＞=90%", "20"), .. Indicator(5, "指标二", "=4 次/年", "30")]);
        var offset = repeatHeader ? 1 : 0;
        var page2Specs = new List<(int, int, int, int, string)>();
        if (repeatHeader) page2Specs.AddRange(IndicatorHeader(0));
        // The cut merged cells are blank at the top of page 2; a new level starts below them.
        page2Specs.AddRange([(offset, 0, 1, 1, ""), (offset, 1, 1, 1, ""), .. Indicator(offset, "指标三", "有效改善", "10"),
            (offset + 1, 0, 1, 1, "满意度指标"), (offset + 1, 1, 1, 1, "满意度指标"), .. Indicator(offset + 1, "指标四", "≥95%", "30")]);
        var page2 = Grid(2, offset + 2, 5, [.. page2Specs]);
        List<TextLine> lines = [Line(1, "项目支出绩效目标表"), Line(1, "（2025 年）", Top + 20), Line(2, "12", 40)];
        if (repeatHeader) lines.Add(Line(2, "项目支出绩效目标表"));
        return SheetStage.Extract([page1, page2], lines, []);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_sheet_continued_on_the_next_page_keeps_every_row_once_and_carries_its_levels(bool repeatHeader)
    {
        var sheet = Assert.Single(TwoPageSheet(repeatHeader));
        Assert.Equal("项目支出绩效目标表", sheet.Kind);
        Assert.Equal("（2025 年）", sheet.Subtitle);
        Assert.Equal([1, 2], sheet.Pages);
        Assert.Equal(["一级指标", "二级指标", "三级指标", "指标值", "分值权重"], sheet.IndicatorColumns);
        var rows = sheet.Indicators.Select(r => string.Join("|", r.Select(v => v.Text))).ToList();
        Assert.Equal(
        [
            "产出指标|数量指标|指标一|＞=90%|20",
            "产出指标|数量指标|指标二|=4 次/年|30",
            "产出指标|数量指标|指标三|有效改善|10",
            "满意度指标|满意度指标|指标四|≥95%|30",
        ], rows);
        Assert.Equal([1, 1, 2, 2], sheet.Indicators.Select(r => r[2].Page).ToList());
        Assert.Equal(90m, sheet.Records.Sum(r => r.Weight));
        Assert.Equal(("甲项目", 12.50m), (sheet.Summary.ProjectName, sheet.Summary.TotalAmount!.Value));
    }

    [Fact]
    public void Sheets_on_consecutive_pages_stay_apart()
    {
        var grids = Enumerable.Range(1, 3).Select(p => Grid(p, 5, 5, [.. HeaderBlock($"项目{p}"), .. IndicatorHeader(3),
            (4, 0, 1, 1, "产出指标"), (4, 1, 1, 1, "数量指标"), .. Indicator(4, $"指标{p}", "=1个", "90")])).ToList();
        // A document that is nothing but sheets: one title per page, no other text.
        var lines = Enumerable.Range(1, 3).Select(p => Line(p, "项目支出绩效目标表")).ToList();
        var sheets = SheetStage.Extract(grids, lines, []);
        Assert.Equal(["项目1", "项目2", "项目3"], sheets.Select(s => s.Summary.ProjectName).ToList());
        Assert.All(sheets, s => Assert.Single(s.Indicators));
    }

    [Fact]
    public void A_grid_under_another_table_title_is_not_a_sheet()
    {
        var grid = Grid(1, 5, 5, [.. HeaderBlock("甲"), .. IndicatorHeader(3), .. Indicator(4, "指标", "1", "1")]);
        Assert.Empty(SheetStage.Extract([grid], [Line(1, "政府采购预算明细表")], []));
        // A self-evaluation title is a sheet kind of its own, not another table.
        Assert.Equal("项目支出绩效自评表", Assert.Single(SheetStage.Extract([grid], [Line(1, "项目支出绩效自评表")], [])).Kind);
        // Without any title, a header block of sheet labels is enough.
        var sheet = Assert.Single(SheetStage.Extract([grid], [], []));
        Assert.Equal("项目支出绩效目标表", sheet.Kind);
    }

    [Fact]
    public void A_level_name_cut_by_the_page_break_is_joined_and_a_cut_blank_level_is_carried()
    {
        // Page 1 ends with `效益指` (the rest of the merged cell, `标`, is on page 2) and 社会效益指标, whose merged cell goes
        // on blank at the top of page 2.
        var page1 = Grid(1, 6, 5, [.. HeaderBlock("乙项目"), .. IndicatorHeader(3),
            (4, 0, 1, 1, "产出指标"), (4, 1, 1, 1, "数量指标"), .. Indicator(4, "指标一", "1", "30"),
            (5, 0, 1, 1, "效益指"), (5, 1, 1, 1, "社会效益指标"), .. Indicator(5, "指标二", "2", "30")]);
        var page2 = Grid(2, 2, 5, [(0, 0, 2, 1, "标"), (0, 1, 1, 1, ""), .. Indicator(0, "指标三", "3", "20"),
            (1, 1, 1, 1, "经济效益指标"), .. Indicator(1, "指标四", "4", "10")]);
        var sheet = Assert.Single(SheetStage.Extract([page1, page2], [Line(1, "项目支出绩效目标表")], []));
        Assert.Equal(["产出指标", "效益指标", "效益指标", "效益指标"], sheet.Records.Select(r => r.Level1).ToList());
        Assert.Equal(["数量指标", "社会效益指标", "社会效益指标", "经济效益指标"], sheet.Records.Select(r => r.Level2).ToList());
    }
}
