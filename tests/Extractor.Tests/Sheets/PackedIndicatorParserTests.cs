using Extractor.Sheets;

namespace Extractor.Tests.Sheets;

public class PackedIndicatorParserTests
{
    [Fact]
    public void Reads_numbered_items_with_levels_name_and_labelled_values()
    {
        var items = PackedIndicatorParser.Parse(
            "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。" +
            "2、1-产出指标；12-质量指标；项目预算控制率=项目实际费用金额/项目投资概算*100%；实施周期指标值:≤100%；年度指标值:≤100%。" +
            "3、4-成本指标；4 1 - 经 济 成本指标；诉讼费用；实施周期指标值:≤1次；年度指标值:≤1次。");
        Assert.Equal(3, items.Count);
        Assert.Equal(("产出指标", "数量指标", "会议活动保障次数"), (items[0].Level1, items[0].Level2, items[0].Name));
        Assert.Equal([("实施周期指标值", "每年≥20场"), ("年度指标值", "每年≥20场")], items[0].Values);
        Assert.Equal("项目预算控制率=项目实际费用金额/项目投资概算*100%", items[1].Name);
        // Glyphs spaced apart in the text layer still read as one level name.
        Assert.Equal(("成本指标", "经济成本指标"), (items[2].Level1, items[2].Level2));
    }

    [Fact]
    public void An_item_without_levels_carries_the_levels_above()
    {
        var items = PackedIndicatorParser.Parse("1、1-产出指标；11-数量指标；甲；年度指标值:1个。2、乙；年度指标值:2个。");
        Assert.Equal(2, items.Count);
        Assert.Equal(("产出指标", "数量指标", "乙", "2个"), (items[1].Level1, items[1].Level2, items[1].Name, items[1].Values[0].Value));
    }

    [Fact]
    public void Numbers_inside_an_item_do_not_start_a_new_item()
    {
        var items = PackedIndicatorParser.Parse("1、1-产出指标；11-数量指标；完成2、3季度报告；年度指标值:2份。");
        Assert.Single(items);
        Assert.Equal("完成2、3季度报告", items[0].Name);
    }
}
