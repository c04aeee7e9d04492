using Extractor.Text;

namespace Extractor.Tests.Text;

/// <summary>The column-number row under a header, as the corpus prints it (cells separated by `|`).</summary>
public class ColumnNumberRowTests
{
    [Theory]
    // 乌鲁木齐 口岸办 2025 (office export): `※ ※ ※ 1 2` under 科目编码 / 科目名称.
    [InlineData("※|※|※|1|2")]
    // 西安 卫健委 2022 决算: `栏次 1 2 3 …`.
    [InlineData("栏次|1|2|3|4|5|6")]
    // 杭州 气象局 2026: `** ** 1 2 3 4 **`.
    [InlineData("**|**|1|2|3|4|**")]
    // Label cells numbered in Chinese, spaced `栏 次`, full-width digits, empty cells beside a merged label.
    [InlineData("一|二|1|2|3")]
    [InlineData("栏 次|１|２")]
    [InlineData("※||1|2")]
    public void Recognises_printed_column_number_rows(string cells) => Assert.True(ColumnNumberRow.IsRow(cells.Split('|')));

    [Theory]
    // A body row with codes and an amount.
    [InlineData("301|01|基本工资|54.59")]
    // A header row.
    [InlineData("合计|基本支出")]
    // One number is not a numbering.
    [InlineData("※|※|1")]
    // Two numbers in a mostly empty row of ten cells (a header's `1` and `2` footnote marks).
    [InlineData("||||||||1|2")]
    // A three-digit number is a code, not a column number.
    [InlineData("※|1|201")]
    public void Rejects_rows_that_are_not_column_numbers(string cells) => Assert.False(ColumnNumberRow.IsRow(cells.Split('|')));

    [Theory]
    [InlineData("栏次", true)]
    [InlineData("栏 次", true)]
    [InlineData("栏号", true)]
    [InlineData("※", true)]
    [InlineData("**", true)]
    [InlineData("＊", true)]
    [InlineData("1", false)]
    [InlineData("一", false)]
    [InlineData("合计", false)]
    [InlineData("", false)]
    public void The_row_label_marks_the_row(string label, bool marker) => Assert.Equal(marker, ColumnNumberRow.IsMarker(label));

    [Theory]
    // A body row whose label cell is empty but whose amount cells print `1 2 3 4`.
    [InlineData("1|2|3|4", true)]
    [InlineData("5|6|7", true)]
    [InlineData("1|2", false)]
    [InlineData("1|2|4", false)]
    [InlineData("1.00|2.00|3.00", false)]
    [InlineData("1,029.48|2|3", false)]
    public void Amount_cells_that_count_the_columns_are_numbers(string amounts, bool sequence) =>
        Assert.Equal(sequence, ColumnNumberRow.IsNumberSequence(amounts.Split('|')));

    [Theory]
    // OCR'd rows: ※ read as K, 迪 or %, 11 as ll; the numbers read must still count the columns
    [InlineData("K|迪|%|1|2|3|4|5|6|7|8|9|10|ll|12", true)]
    [InlineData("迪|K|%||迪|1|2|3|4|5|6|7|8|9|10|]", true)]
    [InlineData("※|※|1|2|3", true)]
    [InlineData("K|1|2|4", false)] // a number out of step
    [InlineData("合计|1|2|3", false)] // a two-character Chinese label is a word, not an unread ※
    [InlineData("K|%|迪|1|2", false)] // fewer numbers than unread cells
    [InlineData("K|1|2|3", false, false)] // the text layer keeps the strict rule
    public void An_ocr_row_may_hold_unread_cells(string cells, bool row, bool ocr = true) =>
        Assert.Equal(row, ColumnNumberRow.IsRow(cells.Split('|'), unreadable: ocr));
}
