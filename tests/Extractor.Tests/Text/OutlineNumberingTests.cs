using Extractor.Text;

namespace Extractor.Tests.Text;

public class OutlineNumberingTests
{
    [Theory]
    [InlineData("第三部分 2025年部门预算情况说明", OutlineMark.Part)]
    [InlineData("一、收入预算情况", OutlineMark.Chapter)]
    [InlineData("十二．其他说明", OutlineMark.Chapter)]
    [InlineData("（一）基本支出", OutlineMark.Section)]
    [InlineData("(二)项目支出", OutlineMark.Section)]
    [InlineData("1.工资福利支出", OutlineMark.Item)]
    [InlineData("2、商品和服务支出", OutlineMark.Item)]
    [InlineData("（1）办公费", OutlineMark.Subitem)]
    [InlineData("其中：人员经费", OutlineMark.Including)]
    [InlineData("收入总计", OutlineMark.None)]
    [InlineData("2025年部门预算", OutlineMark.None)] // a year is no item: no 、 or . after its digits
    [InlineData("一般公共预算", OutlineMark.None)] // a numeral that is part of a word
    public void Each_level_of_the_outline_is_told_apart(string text, OutlineMark expected) =>
        Assert.Equal(expected, OutlineNumbering.KindOf(text, OutlineMark.Numbered | OutlineMark.Part | OutlineMark.Including));

    [Fact]
    public void A_caller_sees_only_the_kinds_it_asks_for()
    {
        // A 第三部分 heading starts with 一、 or （一）; a paragraph starting with （1） is an item whose figures are read.
        const OutlineMark heading = OutlineMark.Chapter | OutlineMark.Section;
        Assert.True(OutlineNumbering.StartsWith("（一）基本支出", heading));
        Assert.False(OutlineNumbering.StartsWith("（1）办公费 12.5 万元", heading));
        Assert.False(OutlineNumbering.StartsWith("1.工资福利支出", heading));
    }

    [Theory]
    [InlineData("一、（一）其中：工资福利支出", "工资福利支出")]
    [InlineData("其中: 1. 基本工资", "基本工资")]
    [InlineData("（ 一 ） 人员经费", "人员经费")]
    [InlineData("一般公共预算", "一般公共预算")]
    [InlineData("", "")]
    public void Strip_removes_every_leading_mark_and_the_space_after_it(string text, string expected) =>
        Assert.Equal(expected, OutlineNumbering.Strip(text, OutlineMark.Numbered | OutlineMark.Including));

    [Fact]
    public void Strip_keeps_the_marks_it_is_not_asked_for()
    {
        Assert.Equal("一、人员经费", OutlineNumbering.Strip("其中：一、人员经费", OutlineMark.Including | OutlineMark.Section));
        Assert.Equal(6, OutlineNumbering.Leading("第 三 部分 情况说明", OutlineMark.Part)?.Length);
    }
}
