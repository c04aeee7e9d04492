using Extractor.Geometry;
using Extractor.Model;
using Extractor.Recognition;

namespace Extractor.Tests.Recognition;

/// <summary>Why a table has no kind, judged from what it prints (synthetic tables with the printed texts of real pages).</summary>
public class UnrecognisedReasonTests
{
    private static StructuredTable Table(string title, string[] headers, params string[][] rows)
    {
        var at = new Provenance(2, new Box(50, 700, 550, 712));
        var columns = headers.Select((h, i) => new Column(i, [h], null)).ToList();
        return new StructuredTable(new TableTitle(null, "", title, at), null, null, [2], columns, [],
            rows.Select(r => (IReadOnlyList<Cell>)r.Select(t => new Cell(t, t, at)).ToList()).ToList(), [], null, []);
    }

    [Fact]
    public void A_sideways_scan_read_by_ocr_is_illegible()
    {
        // cs-003 p.2: 2025年文化和旅游项目资金安排表 scanned sideways; OCR read across the rotated lines (the header cells as read).
        var table = Table("", ["&4/器硫澳下|执这属人抢/jung%35eiaaz", "cNGa|忆CaLQ[re/a冰=SeisdiwN3", "加ee]c]一/这次习实烙人SN品",
            "oOE，己/泊次坡cQcqc念品/妹次史粘LO和品", "LDee|caOo/浊轩|总您[四本品/寻次外家幅避乞品/ix83%过2rw)2aXBS="]);
        Assert.Equal(UnrecognisedReason.Illegible, UnrecognisedReason.Of(table, TableKindCatalog.Default));
    }

    [Fact]
    public void A_few_latin_letters_in_a_chinese_table_are_legible()
    {
        // bj-033 p.9 北京市城市道路挖掘修复费标准 (`沥青砼 15cm+水稳 18cm+无机料 36cm（69cm）`): a fee standard, not illegible.
        var table = Table("北京市城市道路挖掘修复费标准", ["序号", "项目名称", "结构内容", "收费标准"],
            ["1", "快速路、主干路沥青路面", "沥青砼 15cm+水稳 18cm+无机料 36cm（69cm）", "342 元/㎡"],
            ["2", "次干路沥青路面", "沥青砼 12cm+水稳 18cm+无机料 36cm(66cm)", "312 元/㎡"],
            ["3", "支路沥青路面", "沥青砼 12cm+水稳 18cm+无机料 20cm(50cm)", "277 元/㎡"]);
        Assert.Equal(UnrecognisedReason.NotBudget, UnrecognisedReason.Of(table, TableKindCatalog.Default));
    }

    [Fact]
    public void A_list_of_units_without_amounts_is_a_unit_list()
    {
        // xa-001 p.6: `纳入本部门 2022年部门预算编制范围的预算单位共有 2 个，详细情况见下表：` over 序号 | 单位名称 | 拟变动情况.
        var table = Table("纳入本部门 2022年部门预算编制范围的预算单位共有 2 个，详细情况见下表：", ["序号", "单位名称", "拟变动情况"],
            ["1", "西安市气象局", "无"], ["2", "西安市人工影响天气办公室", "无"]);
        Assert.Equal(UnrecognisedReason.UnitList, UnrecognisedReason.Of(table, TableKindCatalog.Default));
    }
}
