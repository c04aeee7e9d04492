using Extractor.Sheets;

namespace Extractor.Tests.Sheets;

public class TargetValueParserTests
{
    [Theory]
    // Forms of the seed fixtures.
    [InlineData("＞=90%", ">=", "90", "%")]
    [InlineData("=0.58万元", "=", "0.58", "万元")]
    [InlineData("＜=15工作日", "<=", "15", "工作日")]
    [InlineData("=4 次/年", "=", "4", "次/年")]
    [InlineData("=100%", "=", "100", "%")]
    [InlineData("＞=1个", ">=", "1", "个")]
    [InlineData("=1", "=", "1", null)]
    [InlineData("＜=90天", "<=", "90", "天")]
    [InlineData("＞=9000吨", ">=", "9000", "吨")]
    [InlineData("=83 人", "=", "83", "人")]
    // Forms of the corpus (Guangzhou list sheet, Beijing, Xi'an).
    [InlineData("≥10亿条", ">=", "10", "亿条")]
    [InlineData("≤29.91元/件", "<=", "29.91", "元/件")]
    [InlineData("≧4次", ">=", "4", "次")]
    [InlineData("≥0.5‰", ">=", "0.5", "‰")]
    [InlineData("100%", null, "100", "%")]
    [InlineData("2份", null, "2", "份")]
    [InlineData("＞85分", ">", "85", "分")]
    [InlineData("﹤5秒", "<", "5", "秒")]
    [InlineData("≤970.92万元", "<=", "970.92", "万元")]
    [InlineData("＝１２次", "=", "12", "次")]
    [InlineData("≥1,000名", ">=", "1000", "名")]
    public void Splits_comparator_number_and_unit(string printed, string? comparator, string number, string? unit)
    {
        var value = TargetValueParser.Parse(printed);
        Assert.Equal(printed, value.Text);
        Assert.Equal(comparator, value.Comparator);
        Assert.Equal(decimal.Parse(number), value.Number);
        Assert.Equal(unit, value.Unit);
    }

    [Theory]
    [InlineData("有效改善")]
    [InlineData("有效减轻")]
    [InlineData("每年≥20场")]
    [InlineData("实际支出≤2711880元")]
    [InlineData("≤《广东省律师服务收费标准》建议律师费")]
    [InlineData("一级事件≤1小时；二级事件≤2小时")]
    [InlineData("")]
    [InlineData("1,2个")]
    public void Keeps_words_as_text_only(string printed)
    {
        var value = TargetValueParser.Parse(printed);
        Assert.Equal(printed, value.Text);
        Assert.Null(value.Comparator);
        Assert.Null(value.Number);
        Assert.Null(value.Unit);
    }
}
