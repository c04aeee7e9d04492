using Extractor.Text;

namespace Extractor.Tests.Text;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("一百零五", 105)]
    [InlineData("两千三百", 2300)]
    [InlineData("〇", 0)]
    public void Chinese_numerals_have_their_value(string text, int value) => Assert.Equal(value, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData("07", 7)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("三", 3)]
    [InlineData("０７", null)]
    [InlineData("项", null)]
    public void Label_numbers_read_in_both_numeral_systems(string printed, int? number) =>
        Assert.Equal(number, ChineseNumerals.ParseNumber(printed));
}
