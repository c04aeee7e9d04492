using Extractor.Text;

namespace Extractor.Tests.Text;

public class AmountParserTests
{
    [Theory]
    [InlineData("1,029.48", "1029.48")]
    [InlineData("9,651.89", "9651.89")]
    [InlineData("0.23", "0.23")]
    [InlineData("１，０２９．４８", "1029.48")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("(12.50)", "-12.50")]
    [InlineData("1234567.123456", "1234567.123456")]
    [InlineData(" 4,455.00 ", "4455.00")]
    [InlineData("125360,898", "125360898")] // 上海 (sh-011): only the last separator printed
    [InlineData("7880,000", "7880000")]
    public void Parses_printed_amounts_exactly(string printed, string expected)
    {
        var (kind, value) = AmountParser.Parse(printed);
        Assert.Equal(AmountKind.Number, kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        // Scale is kept: 4,455.00 stays 4455.00, not 4455.
        Assert.Equal(expected.Trim(), value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", AmountKind.Empty)]
    [InlineData(null, AmountKind.Empty)]
    [InlineData("   ", AmountKind.Empty)]
    [InlineData("-", AmountKind.Dash)]
    [InlineData("－", AmountKind.Dash)]
    [InlineData("—", AmountKind.Dash)]
    [InlineData("一般公共预算", AmountKind.NotANumber)]
    [InlineData("1,2", AmountKind.NotANumber)]
    [InlineData("1234,567,890", AmountKind.NotANumber)]
    [InlineData("1234,56", AmountKind.NotANumber)]
    [InlineData("1.2.3", AmountKind.NotANumber)]
    [InlineData("12%", AmountKind.NotANumber)]
    [InlineData("2025 年", AmountKind.NotANumber)]
    public void Recognises_placeholders_and_non_numbers(string? printed, AmountKind expected)
    {
        Assert.Equal(expected, AmountParser.Parse(printed).Kind);
        Assert.False(AmountParser.TryParse(printed, out _));
    }
}
