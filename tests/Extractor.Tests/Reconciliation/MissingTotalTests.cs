using Extractor.Model;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// A row whose 合计 cell holds nothing (read into no cell, or merged with the label as 北京 prints `合 计` over 科目 | 合计)
/// is not checked against its parts: its 基本支出 is no stand-in for the total, and a zero total is our misread, not
/// the publication's. The first row of the seed's 表3 that prints both 合计 and 基本支出, with its 合计 amount taken out.
/// </summary>
public class MissingTotalTests
{
    private static (BudgetDocument Document, ExtractedTable Table, TableRecord Record, int TotalColumn) Seed()
    {
        var document = DocumentCache.Get("urumqi-port-office-2025.office.pdf");
        var table = document.Tables.First(t => t.Kind == "expenditure_summary");
        var totalColumn = table.Structure.Columns.First(c => c.Name == "合计").Index;
        var basicColumn = table.Structure.Columns.First(c => c.Name == "基本支出").Index;
        var record = table.Records.First(r => r.Amounts.Values.Any(a => a.Column == totalColumn && a.Value != 0)
                                              && r.Amounts.Values.Any(a => a.Column == basicColumn && a.Value != 0));
        return (document, table, record, totalColumn);
    }

    private static ReconciliationReport WithoutTotal(bool mergedLabel)
    {
        var (document, table, record, totalColumn) = Seed();
        var amounts = record.Amounts.Where(a => a.Value.Column != totalColumn).ToDictionary(a => a.Key, a => a.Value);
        var records = table.Records.Select(r => ReferenceEquals(r, record) ? r.WithAmounts(amounts) : r).ToList();
        var spans = mergedLabel ? table.Structure.Spans.Append(new Span(record.Row, 0, totalColumn + 1)).ToList() : table.Structure.Spans;
        var changed = table with { Records = records, Structure = table.Structure with { Spans = spans } };
        var tables = document.Tables.Select(t => ReferenceEquals(t, table) ? changed : t).ToList();
        return new Reconciler(RuleCatalog.Default, TableKindCatalog.Default).Reconcile(document with { Tables = tables }, document.Reconciliation!.ProseFigures, null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_row_without_its_total_is_skipped_with_the_reason(bool mergedLabel)
    {
        var (_, _, record, totalColumn) = Seed();
        var report = WithoutTotal(mergedLabel);
        var checks = report.Checks.Where(c => c.RuleId == "T3.columns" && c.Statement.Contains($"“{TableView.RowName(record)}”")).ToList();
        var check = Assert.Single(checks);
        Assert.Equal(Outcome.Skipped, check.Outcome);
        Assert.Equal("the row prints amounts in its parts but nothing in 合计", check.Reason);
        // The cell pinned as the total is the empty 合计 cell, not the 基本支出 beside it.
        var total = Assert.Single(check.Cells, c => c.Role == "total");
        Assert.Equal((totalColumn, ""), (total.Column ?? -1, total.Text));
    }

    [Fact]
    public void The_other_rows_still_pass()
    {
        var report = WithoutTotal(true);
        Assert.Contains(report.Checks, c => c.RuleId == "T3.columns" && c.Outcome == Outcome.Pass);
        Assert.DoesNotContain(report.Checks, c => c.RuleId == "T3.columns" && c.Outcome == Outcome.Fail);
    }
}
