using Extractor.Geometry;
using Extractor.Model;
using Extractor.Reconciliation;

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
}
