using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Records;

/// <summary>
/// Beijing prints a classification's code and name in one cell (`2040201-行政运行`): its 支出总表 (预算03表) and
/// 一般公共预算基本支出表 (预算06表) rows are coded records like other regions' (code, 类/款/项, name), read against the
/// page (pdftotext -layout, bj-police-2026-budget-tables pp.3 and 12).
/// </summary>
public class JoinedCodeNameTests
{
    private static BudgetDocument Document => DocumentCache.Get(Path.Combine("corpus", "bj-police-2026-budget-tables.pdf"));

    [Fact]
    public void The_expenditure_summary_is_coded_by_its_functional_column()
    {
        var table = Assert.Single(Document.Tables, t => t.Kind == "expenditure_summary");
        var records = table.Records.OfType<ClassifiedRecord>().Take(3).ToList();
        // 2019999-其他一般公共服务支出 | 50402-基础设施建设 | 30905-基础设施建设 | 21,562.492850 | | 21,562.492850
        Assert.Equal(("2019999", "201", "99", "99", 3, "其他一般公共服务支出"),
            (records[0].Code, records[0].ClassCode, records[0].ItemCode, records[0].SubitemCode, records[0].Level, records[0].Name));
        Assert.Equal("21,562.492850", records[0].Amounts["合计"].Text);
        // 2040201-行政运行 | 50101-工资奖金津补贴 | 30102-津贴补贴 | 153,082.282235 | 153,082.282235
        Assert.Equal(("2040201", "204", "02", "01", "行政运行"), (records[2].Code, records[2].ClassCode, records[2].ItemCode, records[2].SubitemCode, records[2].Name));
        Assert.Equal(153_082.282235m, records[2].Amounts["基本支出"].Value);
        Assert.DoesNotContain(table.Records.OfType<ClassifiedRecord>(), r => r.Code is null && r.Level != 0);
    }

    [Fact]
    public void The_basic_expenditure_table_is_coded_by_the_department_economic_column()
    {
        var table = Assert.Single(Document.Tables, t => t.Kind == "general_budget_basic_expenditure");
        var records = table.Records.OfType<ClassifiedRecord>().ToList();
        // 50102-社会保障缴费 | 30108-机关事业单位基本养老保险缴费 | 28,808.765748 | 28,808.765748
        var pension = records[3];
        Assert.Equal(("economic", "30108", "301", "08", 2, "机关事业单位基本养老保险缴费"),
            (pension.Classification, pension.Code, pension.ClassCode, pension.ItemCode, pension.Level, pension.Name));
        Assert.Equal(28_808.765748m, pension.Amounts["预算数/人员经费"].Value);
        Assert.Equal(["30101", "30102", "30103", "30108"], records.Take(4).Select(r => r.Code));
    }

    [Fact]
    public void A_name_overflowing_into_the_next_row_stays_with_its_row_and_a_merged_total_cell_its_column()
    {
        // bj-038 p.11 prints `2130306-水利工程运行与维` with `护` below the rule, at the top of the next row's cell
        // (and `50999-其他对个人和家庭的补` with `助` over the next row's `50205-委托业务费`); p.17 `合      计   …
        // 1,024,807.171785 186,874.722488 837,932.449297`, the 合计 amount in a cell merged with the 部门支出经济分类科目
        // one (a rule missing in that row).
        var table = Assert.Single(DocumentCache.Get(Path.Combine("corpus", "bj-038.pdf")).Tables, t => t.Kind == "expenditure_summary");
        Assert.DoesNotContain(table.Structure.Rows, r => r[0].Text.StartsWith('护') || r[1].Text.StartsWith('助') || r[2].Text.StartsWith('助'));
        var p11 = table.Structure.Rows.Where(r => r[0].Page == 11).ToList();
        // 2130304-水利行业业务管理 | 50999-其他对个人和家庭的补助 | 30399-其他对个人和家庭的补助 | 630.336000 | 630.336000
        Assert.Equal(["2130304-水利行业业务管理", "50999-其他对个人和家庭的补助", "30399-其他对个人和家庭的补助", "630.336000", "630.336000"],
            p11[0].Take(5).Select(c => c.Text));
        // 2130306-水利工程运行与维护 | 50205-委托业务费 | 30227-委托业务费 | 54.516400 | | 54.516400
        Assert.Equal(["2130306-水利工程运行与维护", "50205-委托业务费", "30227-委托业务费", "54.516400", "", "54.516400"], p11[1].Take(6).Select(c => c.Text));
        var overflowed = table.Records.OfType<ClassifiedRecord>().Where(r => r.Code == "2130306").ToList();
        Assert.NotEmpty(overflowed);
        Assert.All(overflowed, r => Assert.Equal((3, "水利工程运行与维护"), (r.Level, r.Name)));
        var total = table.Structure.Rows[^1];
        Assert.Equal(["合 计", "", "", "1,024,807.171785", "186,874.722488", "837,932.449297"], total.Take(6).Select(c => c.Text));
        var record = table.Records.OfType<ClassifiedRecord>().Single(r => r.Row == table.Structure.Rows.Count - 1);
        Assert.Equal((0, 1_024_807.171785m), (record.Level, record.Amounts["合计"].Value));
    }
}
