using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Records;

/// <summary>
/// Project tables labelled by a 支出项目类别 column, without codes or a 项目名称 column: Guangzhou 部门预算项目支出及其他支出
/// 预算表 prints `合计`, the unit (`广州市人民政府办公厅  1,361.61`, no 绩效目标) and its projects (`工作经费  226.48 …`
/// with a 绩效目标) in one column (gz-govoffice-2026-dept-budget p.21, pdftotext -layout).
/// </summary>
public class ProjectLabelTests
{
    [Fact]
    public void Unit_and_project_rows_of_a_project_category_column_carry_their_names()
    {
        var table = Assert.Single(DocumentCache.Get(Path.Combine("corpus", "gz-govoffice-2026-dept-budget.pdf")).Tables, t => t.Kind == "project_expenditure_summary");
        var records = table.Records.OfType<ClassifiedRecord>().ToList();
        Assert.Equal((0, "合计", (string?)null), (records[0].Level, records[0].Name, records[0].Project));
        Assert.Equal(1_497.06m, records[0].Amounts["总计"].Value);
        Assert.Equal((-1, "广州市人民政府办公厅", (string?)null), (records[1].Level, records[1].Name, records[1].Project));
        Assert.Equal(1_361.61m, records[1].Amounts["总计"].Value);
        Assert.Equal(("工作经费", "工作经费"), (records[2].Name, records[2].Project));
        Assert.Equal(226.48m, records[2].Amounts["总计"].Value);
        Assert.DoesNotContain(records, r => r.Name.Length == 0);
    }
}
