using Extractor.Model;
using Extractor.Records;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.EndToEnd;

/// <summary>The seed document through both producers: every table cell for cell against the truth file.</summary>
public class SeedFixtureTests
{
    private const string Truth = "urumqi-port-office-2025.truth.json";
    public static TheoryData<string> Renderings => new() { "urumqi-port-office-2025.chromium.pdf", "urumqi-port-office-2025.office.pdf" };

    [Theory, MemberData(nameof(Renderings))]
    public void Every_table_matches_the_truth_cell_for_cell(string pdf)
    {
        TruthAssert.TablesMatch(Repo.Truth(Truth), DocumentCache.Get(pdf));
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Tables_have_the_truth_pages_columns_and_units(string pdf)
    {
        var truth = Repo.Truth(Truth);
        var rendering = ((JArray)truth["renderings"]!).Single(r => (string)r["file"]! == pdf);
        var document = DocumentCache.Get(pdf);
        foreach (JObject expected in (JArray)truth["tables"]!)
        {
            var number = (int)expected["number"]!;
            var actual = document.Tables.Single(t => t.Number == number);
            var label = (string)expected["label"]!;
            var pages = ((JArray)rendering["page_map"]!).Single(m => ((string)m["content"]!).StartsWith(label + " ")) ["pages"]!.Select(p => (int)p).ToList();
            Assert.Equal(pages, actual.Structure.Pages);
            Assert.Equal((string)expected["unit"]!, actual.Structure.Unit);
            // LibreOffice Calc clips the 编制部门 cell of some sheets: the text layer then holds only a prefix of the name.
            var department = actual.Structure.Department ?? "";
            Assert.True(department.Length >= 4 && ((string)expected["编制部门"]!).StartsWith(department), $"表{number} 编制部门 '{department}'");
            var expectedPaths = ((JArray)expected["columns"]!).Select(c => string.Join("/", ((JArray)c["path"]!).Select(p => Repo.Squash((string?)p)))).ToList();
            var actualPaths = actual.Structure.Columns.Select(c => string.Join("/", c.Path.Select(Repo.Squash))).ToList();
            Assert.Equal(expectedPaths, actualPaths);
            if (expected["column_numbers"] is JArray numbers)
                Assert.Equal(numbers.Select(n => (string?)n).ToList(), actual.Structure.Columns.Select(c => c.Number).ToList());
            var note = (string?)expected["note"];
            Assert.Equal(Repo.Squash(note), Repo.Squash(actual.Structure.Note));
        }
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Document_facts_are_read(string pdf)
    {
        var truth = Repo.Truth(Truth);
        var document = DocumentCache.Get(pdf);
        Assert.Equal((string)truth["document"]!["department"]!, document.Info.Department);
        Assert.Equal((int)truth["document"]!["year"]!, document.Info.Year);
        Assert.Equal("万元", document.Info.Unit);
        Assert.Equal(64, document.Info.Sha256.Length);
        Assert.DoesNotContain(document.Warnings, w => w.Code != "unrecognised-table");
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Typed_records_carry_codes_and_exact_amounts(string pdf)
    {
        var document = DocumentCache.Get(pdf);
        var t2 = document.Tables.Single(t => t.Kind == "income_summary");
        var row = t2.Records.OfType<ClassifiedRecord>().Single(r => r.Code == "2010399");
        Assert.Equal(("201", "03", "99", 3), (row.ClassCode, row.ItemCode, row.SubitemCode, row.Level));
        Assert.Equal("其他政府办公厅（室）及相关机构事务支出", row.Name);
        var transfer = row.Amounts["财政拨款（补助）/上级一般公共预算安排的转移支付"];
        Assert.Equal(4455.00m, transfer.Value);
        Assert.Equal(44550000m, transfer.ValueYuan);
        Assert.Equal("4,455.00", transfer.Text);
        Assert.Equal(t2.Structure.Pages[0], transfer.Page);

        var total = t2.Records.OfType<ClassifiedRecord>().Single(r => r.Level == 0);
        Assert.Equal(9651.89m, total.Amounts["总计"].Value);

        var t6 = document.Tables.Single(t => t.Kind == "general_budget_basic_expenditure");
        var wages = t6.Records.OfType<ClassifiedRecord>().Single(r => r.Code == "30101");
        Assert.Equal(("economic", "基本工资", 54.59m), (wages.Classification, wages.Name, wages.Amounts.Values.First().Value));

        var t7 = document.Tables.Single(t => t.Kind == "general_budget_project_expenditure");
        var projects = t7.Records.OfType<ClassifiedRecord>().Where(r => r.Project is not null).Select(r => r.Project).ToList();
        Assert.Equal(["口岸联检单位工作经费", "口岸业务经费", "辅助履职人员支出", "2025 年边境地区转移支付"], projects);

        var t1 = document.Tables.Single(t => t.Kind == "income_expenditure_summary");
        var summary = t1.Records.OfType<SummaryRecord>().ToList();
        Assert.Equal(9651.89m, summary.Single(s => s.Side == "income" && s.IsTotal).Amounts.Values.Single().Value);
        Assert.Equal(30.45m, summary.Single(s => s.Side == "expenditure" && s.Code == "208").Amounts.Values.Single().Value);

        var t10 = document.Tables.Single(t => t.Kind == "three_public_expenditure");
        Assert.Equal(2.00m, t10.Records.OfType<ItemRecord>().Single(i => i.Label == "公务接待费").Amounts["合计"].Value);
    }
}
