using Extractor.Geometry;
using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Text;

namespace Extractor.Tests.Reconciliation;

/// <summary>Prose prints numbers in full-width digits and Chinese numerals too; none of them may take a document down.</summary>
public class ProseNumberTests
{
    private static IReadOnlyList<ProseFigure> Parse(string text, List<Diagnostic>? warnings = null)
    {
        var line = new TextLine(text, text, new Provenance(3, new Box(50, 700, 550, 712)), 12, []);
        return ProseFigureParser.Parse([new ProseParagraph(text, [line], [0])], warnings);
    }

    [Fact]
    public void Full_width_digits_are_read_as_their_value()
    {
        var warnings = new List<Diagnostic>();
        var figures = Parse("2024年一般公共预算财政拨款支出２０万元，比上年增加１２．５万元。", warnings);
        Assert.Empty(warnings);
        var amount = Assert.Single(figures, f => f.Kind == "amount");
        Assert.Equal(20m, amount.Value);
        Assert.Equal("万元", amount.Unit);
        Assert.Equal("12.5", amount.Change);
        Assert.Equal(3, amount.Page);
    }

    [Theory]
    [InlineData("购置公务用车两辆。", 2, "辆")]
    [InlineData("安排经费十二万元。", 12, "万元")]
    [InlineData("安排经费一百零五万元。", 105, "万元")]
    [InlineData("安排经费三千元。", 3000, "元")]
    [InlineData("购置设备二十台。", 20, "台")]
    public void Chinese_numerals_before_a_unit_are_figures(string text, int value, string unit)
    {
        var figure = Assert.Single(Parse(text));
        Assert.Equal(value, figure.Value);
        Assert.Equal(unit, figure.Unit);
    }

    [Theory]
    [InlineData("设立一个工作专班，配备三人。")]
    [InlineData("第一辆车由上级调拨。")]
    public void Chinese_numerals_in_idiom_are_not_figures(string text) => Assert.Empty(Parse(text));

    public static TheoryData<string> MoneyUnits() => new(UnitParser.Names);

    [Theory, MemberData(nameof(MoneyUnits))]
    public void Every_unit_of_the_unit_table_is_read_in_prose(string unit)
    {
        // The prose reads the same unit table as the table headers (`单位：百万元`), so no unit is read as another.
        var figure = Assert.Single(Parse($"2026年一般公共预算财政拨款支出1,234.56{unit}。"));
        Assert.Equal((1234.56m, unit), (figure.Value, figure.Unit));
        Assert.Equal(1234.56m * UnitParser.FactorToYuan(unit)!.Value, ProseTerms.TermOf(figure, "amount").Yuan);
    }

    [Fact]
    public void Millions_are_not_read_as_the_numeral_hundred_of_ten_thousands()
    {
        // `3.5百万元`: before, 百 was a Chinese numeral (100) in front of 万元 and 3.5 no figure at all.
        var figure = Assert.Single(Parse("项目支出３．５百万元，比上年增加0.5百万元。"));
        Assert.Equal((3.5m, "百万元", "0.5"), (figure.Value, figure.Unit, figure.Change));
        Assert.Equal(3_500_000m, ProseTerms.TermOf(figure, "amount").Yuan);
    }

    [Theory]
    [InlineData("安排经费一百万元。", 100, "万元")]   // 一百 of 万元: the numeral takes 百 first
    [InlineData("安排经费两亿元。", 2, "亿元")]
    public void Chinese_numerals_before_every_unit_are_figures(string text, int value, string unit)
    {
        var figure = Assert.Single(Parse(text));
        Assert.Equal((value, unit), ((int)figure.Value, figure.Unit));
    }
}
