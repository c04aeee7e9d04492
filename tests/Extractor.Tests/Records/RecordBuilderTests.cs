using Extractor.Geometry;
using Extractor.Model;
using Extractor.Recognition;
using Extractor.Records;
using Extractor.Structure;

namespace Extractor.Tests.Records;

/// <summary>Classification codes printed in one column, as regions print them.</summary>
public class RecordBuilderTests
{
    private static StructuredTable Table(string[] columns, string[][] rows) => new(
        new TableTitle(5, "表5", "一般公共预算支出情况表", new Provenance(1, default)),
        null, "万元", [1],
        columns.Select((c, i) => new Column(i, [c], null)).ToList(),
        [],
        rows.Select(r => (IReadOnlyList<Cell>)r.Select(t => new Cell(t, t, new Provenance(1, new Box(0, 0, 1, 1)))).ToList()).ToList(),
        [], null, []);

    private static List<ClassifiedRecord> Build(StructuredTable table) =>
        RecordBuilder.Build(table, TableKindCatalog.Default.Kinds.Single(k => k.Id == "general_budget_expenditure"), 10000m).OfType<ClassifiedRecord>().ToList();

    [Fact]
    public void Relative_two_digit_codes_are_read_under_their_parents_and_unit_codes_are_not_classes()
    {
        var records = Build(Table(["功能科目编码", "功能科目名称", "合计"],
        [
            ["", "合计", "3,643.37"],
            ["125001", "西安市安全生产监督管理局", "2,080.32"],
            ["208", "社会保障和就业支出", "115.11"],
            ["05", "行政事业单位离退休", "113.28"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "81.23"],
            ["99", "其他社会保障和就业支出", "1.83"],
        ]));
        Assert.Equal([(null, 0), (null, -1), ("208", 1), ("20805", 2), ("2080505", 3), ("20899", 2)], records.Select(r => (r.Code, r.Level)));
        Assert.Equal(113.28m, records[3].Amounts["合计"].Value);
    }

    [Fact]
    public void Without_full_codes_a_two_digit_code_under_a_kuan_is_a_xiang()
    {
        var records = Build(Table(["科目编码", "科目名称", "合计"],
        [
            ["201", "一般公共服务支出", "10.00"],
            ["03", "政府办公厅（室）及相关机构事务", "10.00"],
            ["01", "行政运行", "6.00"],
            ["02", "一般行政管理事务", "4.00"],
        ]));
        Assert.Equal(["201", "20103", "2010301", "2010302"], records.Select(r => r.Code));
    }

    [Fact]
    public void A_code_column_split_in_two_by_indentation_is_one_code()
    {
        var records = Build(Table(["功能科目编码", "功能科目编码", "功能科目名称", "合计", "备注"],
        [
            ["201", "", "一般公共服务支出", "29,741,089.50", ""],
            ["", "20108", "审计事务", "29,741,089.50", ""],
            ["", "2010801", "行政运行", "23,382,409.50", ""],
        ]));
        Assert.Equal([("201", 1), ("20108", 2), ("2010801", 3)], records.Select(r => (r.Code, r.Level)));
        // Code and remark columns are text, never amounts.
        Assert.All(records, r => Assert.Equal(["合计"], r.Amounts.Keys));
    }

    [Fact]
    public void Columns_sharing_a_header_path_keep_their_own_amounts()
    {
        // Two 合计 columns that do not form side-by-side halves: the second must not overwrite the first.
        var records = Build(Table(["科目编码", "科目名称", "合计", "合计"],
        [
            ["201", "一般公共服务支出", "10.00", "12.00"],
        ]));
        Assert.Equal(10.00m, records[0].Amounts["合计"].Value);
        Assert.Equal(12.00m, records[0].Amounts["合计#2"].Value);
    }

    [Fact]
    public void Side_by_side_halves_become_records_of_their_own()
    {
        var records = Build(Table(["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        [
            ["301", "工资福利支出", "2,082.85", "302", "商品和服务支出", "171.07"],
            ["30101", "基本工资", "262.33", "30201", "办公费", "21.21"],
            ["303", "对个人和家庭的补助", "69.41", "", "", ""],
        ]));
        Assert.Equal(["301", "30101", "303", "302", "30201"], records.Select(r => r.Code));
        Assert.Equal([2082.85m, 262.33m, 69.41m, 171.07m, 21.21m], records.Select(r => r.Amounts.Values.Single().Value));
        Assert.Equal([2, 2, 2, 5, 5], records.Select(r => r.Amounts.Values.Single().Column));
    }

    [Fact]
    public void A_code_with_a_leading_zero_is_a_department_not_a_class()
    {
        // 苏州 表2: 部门代码 | 部门名称 | 合计 with `024 | 苏州市审计局`.
        var records = Build(Table(["部门代码", "部门名称", "合计"],
        [
            ["", "合计", "4,651.67"],
            ["024", "苏州市审计局", "4,651.67"],
        ]));
        Assert.Equal([(null, 0), (null, -1)], records.Select(r => (r.Code, r.Level)));
        Assert.Equal("苏州市审计局", records[1].Name);
    }
}
