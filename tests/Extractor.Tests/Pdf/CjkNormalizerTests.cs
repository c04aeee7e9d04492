using Extractor.Pdf;
using Extractor.Text;

namespace Extractor.Tests.Pdf;

public class CjkNormalizerTests
{
    [Theory]
    [InlineData("⼀般公共预算", "一般公共预算")]        // U+2F00 Kangxi radical one
    [InlineData("⼈员经费", "人员经费")]               // U+2F08
    [InlineData("部⻔收⼊", "部门收入")]               // U+2ED4 (radicals supplement, NFKC leaves it) and U+2F0A
    [InlineData("公务⽤⻋", "公务用车")]               // U+2F64, U+2ECB
    [InlineData("⼾籍", "户籍")]                       // simplified 户, not the table's 戶
    [InlineData("\uF9B4导", "\u9818导")]              // CJK compatibility ideograph U+F9B4 → 領 (canonical mapping)
    public void Maps_look_alike_code_points_to_unified_ideographs(string raw, string expected) =>
        Assert.Equal(expected, CjkNormalizer.Normalize(raw));

    [Fact]
    public void Keeps_full_width_label_punctuation_and_folds_special_spaces()
    {
        Assert.Equal("编制部门：某单位（盖章）", CjkNormalizer.Normalize("编制部门：某单位（盖章）"));
        Assert.Equal("收 入 总 计", CjkNormalizer.Normalize("收\u00A0入\u3000总 计"));
        Assert.Equal("１２３", CjkNormalizer.Normalize("１２３")); // digits are folded only where amounts are parsed
    }

    [Fact]
    public void Ordinary_text_is_returned_unchanged() =>
        Assert.Same("部门收支总体情况表", CjkNormalizer.Normalize("部门收支总体情况表"));
}
