using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Records;

/// <summary>
/// Item tables that print the budget unit in a column before the item (Shenzhen 重点项目绩效目标情况: 二级预算单位名称 |
/// 一级项目名称 | 预算数（万元） | 绩效目标): each record is labelled by its project and keeps its unit, as the page prints them.
/// </summary>
public class UnitListedItemTests
{
    [Fact]
    public void Key_project_records_are_labelled_by_project_and_keep_the_unit()
    {
        // sz-finance pp.11–12, read off the page: 深圳市财政局（本级） on every row, then the project and its 预算数.
        var document = DocumentCache.Get("corpus/sz-finance-2026-dept-budget.pdf");
        var table = Assert.Single(document.Tables, t => t.Kind == "key_project_performance_targets");
        var items = table.Records.Cast<ItemRecord>().Where(r => r.Amounts.Count > 0).ToList();
        Assert.Equal(
        [
            ("预决算管理业务", "18,808.16"), ("财政综合管理业务", "2,714.03"), ("上级转移支付项目", "2,000.00"), ("财政监督管理业务", "1,509.83"),
            ("信息化（财政审核）", "416.43"), ("信息化服务类项目（非运维服务部分）", "341.46"), ("预算准备金", "297.50"), ("综合管理", "274.16"),
        ], items.Select(r => (r.Label, r.Amounts.Values.Single().Text)).ToList());
        Assert.All(items, r => Assert.Equal("深圳市财政局（本级）", r.Unit));
        Assert.All(items, r => Assert.False(r.IsTotal));
    }

    [Fact]
    public void A_table_without_a_unit_column_keeps_its_first_column_as_label_and_no_unit()
    {
        // gz-govoffice p26: 项目 | 预算数（单位：万元） | 绩效目标.
        var document = DocumentCache.Get("corpus/gz-govoffice-2026-dept-budget.pdf");
        var table = Assert.Single(document.Tables, t => t.Kind == "key_project_performance_targets");
        var item = Assert.IsType<ItemRecord>(Assert.Single(table.Records));
        Assert.Equal(("专项工作经费（广州市人民政府办公厅）", (string?)null), (item.Label, item.Unit));
    }
}
