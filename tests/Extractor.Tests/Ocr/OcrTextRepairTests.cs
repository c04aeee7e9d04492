using Extractor.Model;
using Extractor.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OcrTextRepairTests
{
    [Theory]
    [InlineData("12.954.16", "12,954.16")] // tesseract's typical misread of a thousands comma
    [InlineData("4,455,00", "4,455.00")]
    [InlineData("1.029.48", "1,029.48")]
    [InlineData("5,484.48", "5,484.48")]
    [InlineData("1O5.2l", "105.2l")] // O between digits; the trailing l has no digit after it
    [InlineData("１２.５０", "12.50")]
    [InlineData("2025", "2025")]
    [InlineData("IO", "IO")]
    [InlineData("]1", "11")] // the serif 1 of a column number read as a bracket
    [InlineData("1l", "11")]
    [InlineData("ll", "ll")] // no digit: not known to be a number
    [InlineData("12.95", "12.95")] // one separator: nothing to decide
    public void Amounts_are_repaired_only_where_unambiguous(string read, string repaired) =>
        Assert.Equal(repaired, OcrTextRepair.RepairWord(read));

    [Fact]
    public void Brackets_and_colons_in_a_chinese_line_become_full_width()
    {
        var line = OcrTextRepair.RepairLine(["其中", ":", "政府办公厅(室)及〈相关〉"]);
        Assert.Equal(["其中", "：", "政府办公厅（室）及（相关）"], line.Select(w => w.Repaired));
        Assert.Equal(":", line[1].Read);
    }

    [Fact]
    public void A_bracket_read_twice_is_one_glyph_and_a_title_bracket_closed_by_a_parenthesis_is_one()
    {
        var doubled = OcrTextRepair.RepairLine(["其他政府办公厅", "(〈室)"]);
        Assert.Equal($"（{OcrTextRepair.Merged}室）", doubled[1].Repaired);
        var title = OcrTextRepair.RepairLine(["政府办公厅", "《", "室)及《预算法》"]);
        Assert.Equal(["政府办公厅", "（", "室）及《预算法》"], title.Select(w => w.Repaired));
    }

    [Fact]
    public void A_latin_line_keeps_its_brackets()
    {
        var line = OcrTextRepair.RepairLine(["(1)", "a:b"]);
        Assert.Equal(["(1)", "a:b"], line.Select(w => w.Repaired));
    }
}

public sealed class BitmapRulingDetectorTests
{
    [Fact]
    public void Long_thin_runs_are_rulings_text_strokes_and_blobs_are_not()
    {
        // 300 dpi: a 200 px (48 pt) line, a 40 px (10 pt) stroke like 一, a 60 × 60 px filled square
        var bitmap = new GrayBitmap(400, 400, Enumerable.Repeat((byte)255, 400 * 400).ToArray());
        bitmap.Fill(100, 50, 300, 53, 0);
        bitmap.Fill(20, 100, 60, 103, 0);
        bitmap.Fill(200, 200, 260, 260, 0);
        bitmap.Fill(350, 100, 352, 300, 0);
        var rulings = BitmapRulingDetector.Detect(bitmap, 300);
        Assert.Equal(2, rulings.Count);
        var h = Assert.Single(rulings, r => r.Orientation == Orientation.Horizontal);
        Assert.Equal((50, 53, 100, 300), (h.From, h.To, h.Start, h.End));
        var v = Assert.Single(rulings, r => r.Orientation == Orientation.Vertical);
        Assert.Equal((350, 352, 100, 300), (v.From, v.To, v.Start, v.End));
    }

    [Fact]
    public void The_regions_inside_rulings_are_cells_a_frame_around_them_is_not()
    {
        // a 2 × 1 table: three vertical and two horizontal rules
        var rulings = new List<PixelRuling>
        {
            new(Orientation.Horizontal, 100, 102, 100, 300), new(Orientation.Horizontal, 200, 202, 100, 300),
            new(Orientation.Vertical, 100, 102, 100, 202), new(Orientation.Vertical, 200, 202, 100, 202), new(Orientation.Vertical, 298, 300, 100, 202),
        };
        var cells = CellFinder.Find(400, 400, rulings, closePx: 4, minSidePx: 10);
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c => Assert.InRange(c.Width, 90, 100));
    }
}

public sealed class TesseractTsvTests
{
    [Fact]
    public void Lines_carry_their_words_and_the_image_they_came_from()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
                           "4\t2\t1\t1\t1\t0\t12\t12\t313\t33\t-1\t\n" +
                           "5\t2\t1\t1\t1\t1\t12\t15\t12\t27\t91.5\t1\n" +
                           "5\t2\t1\t1\t1\t2\t30\t12\t295\t33\t0\t.一般\n";
        var line = Assert.Single(TesseractRunner.ParseTsv(tsv));
        Assert.Equal(1, line.Image);
        Assert.Equal((12, 12, 325, 45), (line.Left, line.Top, line.Right, line.Bottom));
        Assert.Equal(["1", ".一般"], line.Words.Select(w => w.Text));
        Assert.Equal(91.5, line.Words[0].Confidence);
    }
}
