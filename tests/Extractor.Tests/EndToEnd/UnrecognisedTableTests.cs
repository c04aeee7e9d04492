using Extractor.Recognition;
using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// Grids that belong to no titled table and that no performance sheet took are still tables: kind `unrecognised`,
/// number null, titled by the line above, every body row, and a warning naming the page.
/// </summary>
public class UnrecognisedTableTests
{
    [Fact]
    public void An_untitled_list_is_emitted_with_all_its_rows_across_pages()
    {
        // zhuhai-drug-procurement-list: one ruled list from page 1 on, header 序号 品种序号 品种名称 … on page 1 only.
        var document = DocumentCache.Get(Path.Combine("corpus", "zhuhai-drug-procurement-list-kangxi.pdf"));
        var table = Assert.Single(document.Tables);
        Assert.Equal(TableKindCatalog.Unrecognised, table.Kind);
        Assert.Null(table.Number);
        Assert.StartsWith("国家组织集采药品协议期满品种接续采购中选品种供应清单", table.Title);
        Assert.Equal(["序号", "品种序号", "品种名称", "药品通用名", "剂型"], table.Structure.Columns.Take(5).Select(c => c.Name));
        Assert.True(table.Structure.Pages.Count > 10, $"pages {string.Join(",", table.Structure.Pages)}");
        // The 序号 column counts the rows: every row is there, in order.
        var serials = table.Structure.Rows.Select(r => r[0].Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(Enumerable.Range(1, serials.Count).Select(i => i.ToString()), serials);
        Assert.Contains(document.Warnings, w => w.Code == "unrecognised-table" && w.Page == 1);
    }

    [Fact]
    public void Small_lists_under_a_sentence_are_tables_titled_by_that_sentence()
    {
        // xa-audit p18: the 培训 list under `单位：万元`; sz-finance p11–12: 重点项目绩效目标 list continued on the next page.
        var audit = DocumentCache.Get(Path.Combine("corpus", "xa-audit-2026-dept-budget.pdf"));
        Assert.Contains(audit.Tables, t => t.Kind == TableKindCatalog.Unrecognised && t.Structure.Pages.SequenceEqual([18])
            && t.Structure.Columns.Select(c => c.Name).SequenceEqual(["序号", "培训名称", "时间", "人数", "金额", "备注"]));
        var finance = DocumentCache.Get(Path.Combine("corpus", "sz-finance-2026-dept-budget.pdf"));
        var goals = Assert.Single(finance.Tables, t => t.Kind == TableKindCatalog.Unrecognised);
        Assert.Equal([11, 12], goals.Structure.Pages);
        Assert.Contains("重点项目绩效目标", goals.Title);
    }

    [Theory]
    [InlineData("urumqi-port-office-2025.chromium.pdf")]
    [InlineData("urumqi-port-office-2025.office.pdf")]
    [InlineData("synth/synth-01-2025.chromium.pdf")]
    [InlineData("synth/synth-05-2026.office.pdf")]
    public void Performance_sheet_grids_are_not_tables(string pdf)
    {
        // The seed's and the synth documents' untitled grids are all parts of 绩效目标表.
        Assert.DoesNotContain(DocumentCache.Get(pdf).Tables, t => t.Kind == TableKindCatalog.Unrecognised);
    }
}
