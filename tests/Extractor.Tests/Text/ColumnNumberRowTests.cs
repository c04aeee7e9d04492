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
}
