using Extractor.Text;

namespace Extractor.Tests.Text;

public class UnitParserTests
{
    [Theory]
    [InlineData("元", 1)]
    [InlineData("千元", 1000)]
    [InlineData("万元", 10000)]
    [InlineData("万 元", 10000)]
    [InlineData("百万元", 1000000)]
    [InlineData("亿元", 100000000)]
    public void A_unit_and_its_factor_read_both_ways(string unit, int factor)
    {
        Assert.Equal(factor, UnitParser.FactorToYuan(unit));
        Assert.Equal(TextNormalizer.Compact(unit), UnitParser.NameOf(factor));
    }

    [Fact]
    public void Other_units_have_no_factor()
    {
        Assert.Null(UnitParser.FactorToYuan("平方米"));
        Assert.Null(UnitParser.FactorToYuan(null));
        Assert.Null(UnitParser.NameOf(100m));
    }

    [Theory]
    [InlineData("万", true)]
    [InlineData("千", true)]
    [InlineData("百万", true)]
    [InlineData("亿", true)]
    [InlineData("", false)]
    [InlineData("元", false)]
    [InlineData("人", false)]
    public void The_prefix_before_a_wrapped_yuan_is_read_from_the_same_table(string prefix, bool expected) =>
        Assert.Equal(expected, UnitParser.IsPrefix(prefix));
}
