using Extractor.Model;
using Extractor.Reconciliation;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// A total printed rounded to fewer decimals than its parts is not an inconsistency when it agrees at its printed
/// precision (sh-putuo-justice p.12: 合计 基本支出 `22,118,861` for 14,348,853.34 + 2,925,857.00 + 982,692.00 + 3,861,459.00);
/// a number printed exactly (`120` beside `508.61`) keeps the cent tolerance, and a real difference still fails.
/// </summary>
public class PrintRoundingTests
{
    private static Term T(string text) =>
        new(new CheckCell("t", 1, "k", 0, 0, "r", "c", text, decimal.Parse(text.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture), null, "part"),
            decimal.Parse(text.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture), 1m, text);

    private static Outcome Sum(string total, params string[] parts) => Identity.Sum("r", "s", T(total), parts.Select(T).ToList(), 0.01m).Outcome;

    [Theory]
    [InlineData("22,118,861", 0.5)]     // a number format without decimals (#,##0)
    [InlineData("480544221.6", 0.05)]  // General format cut to its 11 characters
    [InlineData("5,000.0", 0.05)]
    [InlineData("120", 0)]             // General prints a short number exactly
    [InlineData("1,234.56", 0)]        // two decimals: the cent tolerance covers it
    [InlineData("0", 0)]
    [InlineData("2,080.76万元", 0)]
    public void Half_a_unit_of_the_last_digit_where_the_text_shows_rounding(string printed, double expected) =>
        Assert.Equal((decimal)expected, Identity.PrintRounding(printed));

    [Fact]
    public void A_total_rounded_to_whole_yuan_agrees_with_parts_in_cents()
    {
        Assert.Equal(Outcome.Rounding, Sum("22,118,861", "14,348,853.34", "2,925,857.00", "982,692.00", "3,861,459.00"));
        // The same total printed in cents would be a pass; off by a yuan it is still a fail.
        Assert.Equal(Outcome.Pass, Sum("22,118,861.34", "14,348,853.34", "2,925,857.00", "982,692.00", "3,861,459.00"));
        Assert.Equal(Outcome.Fail, Sum("22,118,862", "14,348,853.34", "2,925,857.00", "982,692.00", "3,861,459.00"));
    }

    [Fact]
    public void Whole_yuan_parts_may_miss_their_whole_yuan_total_by_their_rounding()
    {
        // sh-finance-bureau p.17: 302 商品和服务支出 24,840,779 over 18 items printed in whole 元 that add to 24,840,778.
        Assert.Equal(Outcome.Rounding, Sum("24,840,779", "23,840,778", "1,000,000"));
        Assert.Equal(Outcome.Fail, Sum("24,840,779", "23,840,770", "1,000,000"));
    }

    [Fact]
    public void A_short_number_printed_without_decimals_is_exact()
    {
        // xa-001 p.32 金额合计 1493.51 over tasks printed 508.61 | 120 | 740.65 | 94.25 | 30.
        Assert.Equal(Outcome.Pass, Sum("1493.51", "508.61", "120", "740.65", "94.25", "30"));
        Assert.Equal(Outcome.Fail, Sum("1493.51", "508.61", "120", "740.65", "94.25", "29.6"));
    }
}
