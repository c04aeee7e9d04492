using Extractor.Sheets;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Sheets;

/// <summary>Every performance sheet of a fixture against its truth file: kind, pages, fields, groups, budget, indicator grid.</summary>
public class SheetTruthTests
{
    /// <summary>
    /// (truth, pdf) pairs: the seed and every synth document in both renderings. synth-02 draws its sheets with full
    /// rulings; synth-01, 03, 04 and 05 with horizontal rules only.
    /// </summary>
    public static TheoryData<string, string> Fixtures
    {
        get
        {
            var data = new TheoryData<string, string>
            {
                { "urumqi-port-office-2025.truth.json", "urumqi-port-office-2025.chromium.pdf" },
                { "urumqi-port-office-2025.truth.json", "urumqi-port-office-2025.office.pdf" },
            };
            foreach (var (truth, pdf) in Repo.SynthRenderings()) data.Add(truth, pdf);
            return data;
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Every_sheet_is_found_with_its_kind_and_pages(string truthFile, string pdf)
    {
        var truth = Repo.Truth(truthFile);
        var expected = (JArray)truth["performance_sheets"]!;
        var sheets = DocumentCache.Get(pdf).PerformanceSheets;
        Assert.Equal(expected.Count, sheets.Count);
        var rendering = ((JArray)truth["renderings"]!).Single(r => pdf.EndsWith((string)r["file"]!));
        var sheetPages = ((JArray)rendering["page_map"]!).Where(m => ((string)m["content"]!).Contains("绩效目标表"))
            .Select(m => m["pages"]!.Select(p => (int)p).ToList()).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((string)expected[i]["kind"]!, sheets[i].Kind);
            Assert.Equal(Repo.Squash((string)expected[i]["subtitle"]!), Repo.Squash(sheets[i].Subtitle));
            Assert.Equal(sheetPages[i], sheets[i].Pages);
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Every_field_and_group_equals_the_truth(string truthFile, string pdf)
    {
        var expected = (JArray)Repo.Truth(truthFile)["performance_sheets"]!;
        var sheets = DocumentCache.Get(pdf).PerformanceSheets;
        for (var i = 0; i < expected.Count; i++)
        {
            var fields = sheets[i].Fields.ToDictionary(f => Repo.Squash(f.Label), f => f.Value);
            foreach (var (label, value) in (JObject)expected[i]["fields"]!)
            {
                Assert.True(fields.TryGetValue(Repo.Squash(label), out var actual), $"sheet {i}: no field {label}");
                Assert.Equal(Repo.Squash((string?)value), Repo.Squash(actual!.Text));
                Assert.True(actual.Page > 0 && actual.Box.Width > 0, $"sheet {i} {label}: no provenance");
            }
            if (expected[i]["field_groups"] is JObject groups)
                foreach (var (group, members) in groups)
                    Assert.Equal(members!.Select(m => Repo.Squash((string?)m)).ToList(),
                        sheets[i].Fields.Where(f => Repo.Squash(f.Group) == Repo.Squash(group)).Select(f => Repo.Squash(f.Label)).ToList());
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Every_indicator_cell_equals_the_truth(string truthFile, string pdf)
    {
        var expected = (JArray)Repo.Truth(truthFile)["performance_sheets"]!;
        var sheets = DocumentCache.Get(pdf).PerformanceSheets;
        for (var i = 0; i < expected.Count; i++)
        {
            var sheet = sheets[i];
            Assert.Equal(expected[i]["indicator_columns"]!.Select(c => Repo.Squash((string?)c)).ToList(), sheet.IndicatorColumns.Select(Repo.Squash).ToList());
            var rows = ((JArray)expected[i]["indicators"]!).Select(r => r.Select(c => Repo.Squash((string?)c)).ToList()).ToList();
            Assert.True(rows.Count == sheet.Indicators.Count, $"sheet {i}: {sheet.Indicators.Count} indicator rows, truth has {rows.Count}");
            for (var r = 0; r < rows.Count; r++)
            {
                var actual = sheet.Indicators[r].Select(v => Repo.Squash(v.Text)).ToList();
                Assert.True(rows[r].SequenceEqual(actual), $"sheet {i} row {r}: got [{string.Join("|", actual)}], truth [{string.Join("|", rows[r])}]");
                Assert.All(sheet.Indicators[r], v => Assert.True(sheet.Pages.Contains(v.Page) && v.Box.Width > 0));
            }
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void The_department_budget_block_equals_the_truth(string truthFile, string pdf)
    {
        var expected = (JArray)Repo.Truth(truthFile)["performance_sheets"]!;
        var sheets = DocumentCache.Get(pdf).PerformanceSheets;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i]["budget"] is not JObject budget) { Assert.Null(sheets[i].Budget); continue; }
            var actual = sheets[i].Budget;
            Assert.NotNull(actual);
            Assert.Equal(Repo.Squash((string)budget["label"]!), Repo.Squash(actual.Label));
            Assert.Equal(budget["columns"]!.Select(c => Repo.Squash((string?)c)).ToList(), actual.Columns.Select(Repo.Squash).ToList());
            var rows = ((JArray)budget["rows"]!).Select(r => r.Select(c => Repo.Squash((string?)c)).ToList()).ToList();
            Assert.Equal(rows, actual.Rows.Select(r => r.Select(v => Repo.Squash(v.Text)).ToList()).ToList());
            // The typed lines carry each printed amount as an exact decimal.
            Assert.Equal(rows.Select(r => decimal.Parse(r[^1].Replace(",", ""))).ToList(), actual.Lines.Select(l => l.Amount!.Value).ToList());
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Typed_records_agree_with_the_printed_cells(string truthFile, string pdf)
    {
        var expected = (JArray)Repo.Truth(truthFile)["performance_sheets"]!;
        var sheets = DocumentCache.Get(pdf).PerformanceSheets;
        for (var i = 0; i < expected.Count; i++)
        {
            var sheet = sheets[i];
            var truth = (JObject)expected[i];
            var columns = truth["indicator_columns"]!.Select(c => (string)c!).ToList();
            var rows = ((JArray)truth["indicators"]!).Select(r => r.Select(c => (string)c!).ToList()).ToList();
            Assert.Equal(rows.Count, sheet.Records.Count);
            var weightColumn = columns.FindIndex(c => c.Contains("权重"));
            var valueColumn = columns.FindIndex(c => c == "指标值");
            for (var r = 0; r < rows.Count; r++)
            {
                var record = sheet.Records[r];
                Assert.Equal((rows[r][0], rows[r][1], Repo.Squash(rows[r][2])), (record.Level1, record.Level2, Repo.Squash(record.Level3)));
                Assert.Equal(decimal.Parse(rows[r][weightColumn]), record.Weight);
                Assert.Equal(Repo.Squash(rows[r][valueColumn]), Repo.Squash(record.Target!.Text));
            }
            var fields = (JObject)truth["fields"]!;
            if (fields["年度预算总额"] is { } total)
            {
                Assert.Equal(decimal.Parse(((string)total!).Replace(",", "")), sheet.Summary.TotalAmount!.Value);
                Assert.Equal(decimal.Parse(((string)fields["其中：财政拨款"]!).Replace(",", "")), sheet.Summary.FiscalAmount!.Value);
                Assert.Equal(decimal.Parse(((string)fields["其他资金"]!).Replace(",", "")), sheet.Summary.OtherAmount!.Value);
                Assert.Equal(Repo.Squash((string?)fields["项目名称"]), Repo.Squash(sheet.Summary.ProjectName));
            }
            else Assert.Equal(Repo.Squash((string?)fields["部门名称（盖章）"]), Repo.Squash(sheet.Summary.BudgetUnit));
        }
    }
}
