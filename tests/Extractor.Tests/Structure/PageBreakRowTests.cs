using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Structure;

/// <summary>
/// A row whose wrapped text runs over the page break: sz-finance-2026-dept-budget 重点项目 table, p.11 ends with
/// `财政监督管理业务 | 1,509.83 | 加强会计行业管理，…，促进` and p.12 starts with `相关行业规范和健康发展；…开展财政法治能力建设。`
/// alone in the 绩效目标 column (pdftotext -layout -f 11 -l 12).
/// </summary>
public class PageBreakRowTests
{
    [Fact]
    public void Text_continued_at_the_top_of_the_next_page_joins_the_row_above()
    {
        var table = Assert.Single(DocumentCache.Get(Path.Combine("corpus", "sz-finance-2026-dept-budget.pdf")).Tables, t => t.Kind == "key_project_performance_targets");
        Assert.Equal([11, 12], table.Structure.Pages);
        var row = table.Structure.Rows[3];
        Assert.Equal(["深圳市财政局（本级）", "财政监督管理业务", "1,509.83"], row.Take(3).Select(c => c.Text));
        Assert.StartsWith("加强会计行业管理，及时组织完成初级、中级、高级资格考试", row[3].Text);
        Assert.Contains("执业质量的监督检查，促进相关行业规范和健康发展；组织对采购领域进行监督检查", row[3].Text);
        Assert.EndsWith("开展财政法治能力建设。", row[3].Text);
        // The next row is p.12's first project, and no record is left without a label.
        Assert.Equal(["深圳市财政局（本级）", "信息化（财政审核）", "416.43"], table.Structure.Rows[4].Take(3).Select(c => c.Text));
        Assert.DoesNotContain(table.Records.OfType<ItemRecord>(), r => r.Label.Length == 0);
    }
}
