using Extractor.Text;

namespace Extractor.Tests.Text;

public class UnitParserTests
{
    [Theory]
    [InlineData("元", 1)]
    [InlineData("千元", 1000)]
    [InlineData("万元", 10000)]
    [InlineData("万 元", 10000)]
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
}
