using Extractor.Text;

namespace Extractor.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    // Bracket widths: the sheet catalogue's `项目资金（万元）` and a browser's `项目资金(万元)` are one label.
    [InlineData("项目资金（万元）", "项目资金(万元)")]
    [InlineData("项目资金(万元)", "项目资金(万元)")]
    // Spaces of every width: `合 计`, ideographic space, NBSP, tab.
    [InlineData("合 计", "合计")]
    [InlineData("合\u3000计", "合计")]
    [InlineData("合\u00A0计\t", "合计")]
    // Quotes: “三公”, "三公", 「三公」 and ‘三公’ are one title.
    [InlineData("财政拨款“三公”经费支出表", "财政拨款\"三公\"经费支出表")]
    [InlineData("财政拨款「三公」经费支出表", "财政拨款\"三公\"经费支出表")]
    [InlineData("财政拨款‘三公’经费支出表", "财政拨款\"三公\"经费支出表")]
    // Colon, comma, point and digits of full width.
    [InlineData("其中：财政拨款", "其中:财政拨款")]
    [InlineData("２０２５年预算数", "2025年预算数")]
    // Kangxi radicals an office suite emits for 一 (U+2F00) and 工 (U+2F2F).
    [InlineData("\u2F00般公共预算", "一般公共预算")]
    [InlineData("\u2F2F资福利支出", "工资福利支出")]
    public void Key_folds_widths_spaces_quotes_and_look_alike_ideographs(string printed, string key) =>
        Assert.Equal(key, TextNormalizer.Key(printed));

    [Fact]
    public void Key_of_null_or_empty_is_empty()
    {
        Assert.Equal("", TextNormalizer.Key(null));
        Assert.Equal("", TextNormalizer.Key(""));
    }

    [Theory]
    [InlineData("（１，０２９．４８）", "(1,029.48)")]
    [InlineData("\u22125.00", "-5.00")]
    [InlineData("－５", "-5")]
    [InlineData("1 029.48", "1029.48")]
    [InlineData("—", "—")]
    public void Amount_form_is_ascii_without_spaces(string printed, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(printed, TextForm.Amount));

    [Theory]
    [InlineData("＞＝９０％", ">=90%")]
    [InlineData("≥=95%", ">=95%")]
    [InlineData("=>95%", ">=95%")]
    [InlineData("≤29.91元/件", "<=29.91元/件")]
    [InlineData("=4 次/年", "=4次/年")]
    // The unit is reported as printed: its full-width brackets and slash stay.
    [InlineData("350人（±10%）", "350人（±10%）")]
    [InlineData("2次／年", "2次／年")]
    public void Measure_form_spells_comparators_once_and_keeps_the_unit(string printed, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(printed, TextForm.Measure));

    [Fact]
    public void Compact_only_drops_white_space()
    {
        Assert.Equal("项目资金（万元）", TextNormalizer.Compact("项目资金 （万元）"));
        Assert.Equal("", TextNormalizer.Compact(null));
    }

    [Fact]
    public void Steps_combine_freely()
    {
        Assert.Equal("（1）", TextNormalizer.Fold("（１）", TextFold.NumberWidth));
        Assert.Equal("(1)", TextNormalizer.Fold("（１）", TextFold.Width));
        Assert.Equal("“三公” 经费", TextNormalizer.Fold("“三公” 经费", TextFold.None));
    }

    [Fact]
    public void Ascii_mapping_keeps_length_and_leaves_clause_commas()
    {
        const string text = "支出１，２３４．５６万元，占比１０％。";
        var mapped = TextNormalizer.AsciiDigitsInPlace(text);
        Assert.Equal(text.Length, mapped.Length);
        Assert.Equal("支出1，234.56万元，占比10％。", mapped);
    }
}
