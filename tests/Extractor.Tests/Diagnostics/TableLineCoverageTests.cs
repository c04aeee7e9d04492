using Extractor.Diagnostics;

namespace Extractor.Tests.Diagnostics;

/// <summary>
/// The coverage measure on small page texts: a table line's amounts against extracted cells, each cell paying for
/// one printed amount, and the wrapped-amount match (`1,532.5537` over `59`, the cell holding `1,532.553759`) kept to
/// its own page and to tokens long enough that a short number cannot take an unrelated cell.
/// </summary>
public class TableLineCoverageTests
{
    private static PlacedCellText Cell(string text, params int[] pages) => new(text, pages);

    [Fact]
    public void Every_amount_of_a_table_line_counts_and_a_cell_pays_for_one_amount()
    {
        string[] pages = ["合计      1,234.56      1,234.56\n说明文字 12.30"];
        var count = TableLineCoverage.Measure(pages, [Cell("1,234.56", 1)]);
        Assert.Equal(1, count.TableLines);
        Assert.Equal(2, count.Tokens);
        Assert.Equal(1, count.Captured);
        Assert.Equal(1, count.MissedByPage[1]);
    }

    [Fact]
    public void A_whole_amount_matches_a_cell_of_another_page()
    {
        // The extractor's page of a cell is its own reading; a whole amount is the same amount wherever it was put.
        string[] pages = ["", "一般公共服务支出      823.68      5,484"];
        var count = TableLineCoverage.Measure(pages, [Cell("823.68", 1), Cell("5,484", 1)]);
        Assert.Equal(2, count.Captured);
    }

    [Fact]
    public void A_wrapped_amount_matches_the_cell_that_holds_it_whole_on_its_page()
    {
        // bj-038 p59: the cell prints `1,532.5537` and, below it, `59`.
        string[] pages = ["项目A      1,532.5537      2,000.00\n           59"];
        var count = TableLineCoverage.Measure(pages, [Cell("1,532.553759", 1), Cell("2,000.00", 1)]);
        Assert.Equal(2, count.Tokens);
        Assert.Equal(2, count.Captured);
    }

    [Fact]
    public void A_wrapped_amount_is_not_matched_by_a_cell_of_another_page()
    {
        string[] pages = ["项目A      1,532.5537      2,000.00", "项目B      7.00      8.00"];
        var count = TableLineCoverage.Measure(pages, [Cell("1,532.553759", 2), Cell("2,000.00", 1), Cell("7.00", 2), Cell("8.00", 2)]);
        Assert.Equal(4, count.Tokens);
        Assert.Equal(3, count.Captured);
        Assert.Equal(1, count.MissedByPage[1]);
    }

    [Theory]
    // A short token never stands for the first part of a longer amount: `12.3` is not `12.35`, `5.00` is not `5.0012`
    // (an integer token has a thousands comma, so four digits at least).
    [InlineData("12.3", "12.35")]
    [InlineData("5.00", "5.0012")]
    [InlineData("2.5", "2.5000")]
    public void A_token_of_fewer_than_four_digits_is_not_a_wrapped_amount(string printed, string cell)
    {
        string[] pages = [$"项目      {printed}      9,999.99"];
        var count = TableLineCoverage.Measure(pages, [Cell(cell, 1), Cell("9,999.99", 1)]);
        Assert.Equal(1, count.Captured);
    }

    [Fact]
    public void An_integer_part_of_four_digits_matches_its_decimals_wrapped_below()
    {
        // cq-commerce p15: `99,320` on the line, `.55` under it; the cell holds `99,320.55`.
        string[] pages = ["商业流通事务      99,320      1,000.00"];
        var count = TableLineCoverage.Measure(pages, [Cell("99,320.55", 1), Cell("1,000.00", 1)]);
        Assert.Equal(2, count.Captured);
    }

    [Fact]
    public void A_short_token_matches_its_wrapped_cell_when_the_rest_is_printed_under_it()
    {
        // cc-petition p.10: `0.00` in a narrow cell prints `0.0`, and `0` on the line below, under it.
        string[] pages = ["行政运行      903.85      0.0\n                        0"];
        var count = TableLineCoverage.Measure(pages, [Cell("903.85", 1), Cell("0.00", 1)]);
        Assert.Equal(2, count.Captured);
        // The rest printed elsewhere on the line below is not the rest of this token.
        string[] elsewhere = ["行政运行      903.85      0.0\n 0"];
        Assert.Equal(1, TableLineCoverage.Measure(elsewhere, [Cell("903.85", 1), Cell("0.00", 1)]).Captured);
    }
}
