using CsCheck;
using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Records;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// The reconciliation catches a wrong number: changing any single amount cell of the extracted seed data (or swapping two
/// amounts of a row) makes at least one check fail, and that check names the changed cell.
/// </summary>
public class MutationTests
{
    private const string Seed = "urumqi-port-office-2025.office.pdf";

    private sealed record AmountCell(int Table, int Record, string Key, Amount Amount);

    private static readonly Lazy<(BudgetDocument Document, IReadOnlyList<ProseFigure> Prose, List<AmountCell> Cells)> Setup = new(() =>
    {
        var document = DocumentCache.Get(Seed);
        var cells = new List<AmountCell>();
        for (var t = 0; t < document.Tables.Count; t++)
            for (var r = 0; r < document.Tables[t].Records.Count; r++)
                foreach (var (key, amount) in document.Tables[t].Records[r].Amounts)
                    cells.Add(new AmountCell(t, r, key, amount));
        return (document, document.Reconciliation!.ProseFigures, cells);
    });

    private static BudgetDocument With(BudgetDocument document, params (AmountCell Cell, decimal Value)[] changes)
    {
        var tables = document.Tables.ToList();
        foreach (var group in changes.GroupBy(c => c.Cell.Table))
        {
            var records = tables[group.Key].Records.ToList();
            foreach (var (cell, value) in group)
            {
                var amounts = new Dictionary<string, Amount>(records[cell.Record].Amounts);
                var old = amounts[cell.Key];
                amounts[cell.Key] = old with { Value = value, ValueYuan = value * (tables[group.Key].UnitFactor ?? 1m), Text = value.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture) };
                records[cell.Record] = records[cell.Record].WithAmounts(amounts);
            }
            tables[group.Key] = tables[group.Key] with { Records = records };
        }
        return document with { Tables = tables };
    }

    private static bool FailNames(ReconciliationReport report, BudgetDocument document, AmountCell cell) =>
        report.Checks.Any(c => c.Outcome == Outcome.Fail && c.Cells.Any(x =>
            x.Table == document.Tables[cell.Table].Number && x.Row == cell.Amount.Row && x.Column == cell.Amount.Column));

    private static ReconciliationReport Run(BudgetDocument document, IReadOnlyList<ProseFigure> prose) =>
        new Reconciler(RuleCatalog.Default, TableKindCatalog.Default).Reconcile(document, prose, null);

    [Fact]
    public void The_seed_has_amount_cells_in_every_table_with_rows()
    {
        var (document, _, cells) = Setup.Value;
        Assert.True(cells.Count > 150, $"{cells.Count} amount cells");
        for (var t = 0; t < document.Tables.Count; t++)
            if (document.Tables[t].Records.Count > 0) Assert.Contains(cells, c => c.Table == t);
    }

    [Fact]
    public void Changing_any_amount_cell_makes_a_check_fail_that_names_it()
    {
        var (document, prose, cells) = Setup.Value;
        var gen = Gen.Select(Gen.Int[0, cells.Count - 1], Gen.Int[10, 10_000_000], Gen.Bool);
        gen.Sample((index, cents, up) =>
        {
            var cell = cells[index];
            var delta = cents / 100m * (up ? 1 : -1);
            var report = Run(With(document, (cell, cell.Amount.Value + delta)), prose);
            return FailNames(report, document, cell);
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Every_amount_cell_is_covered_by_some_identity()
    {
        // Exhaustive companion of the property: each cell, changed by one 元 cent-step above the rounding tolerance.
        var (document, prose, cells) = Setup.Value;
        var uncaught = cells.Where(cell => !FailNames(Run(With(document, (cell, cell.Amount.Value + 0.10m)), prose), document, cell))
            .Select(c => $"表{document.Tables[c.Table].Number} row {c.Amount.Row} {c.Key} {c.Amount.Text}").ToList();
        Assert.True(uncaught.Count == 0, "changes not caught:\n" + string.Join("\n", uncaught));
    }

    [Fact]
    public void Swapping_two_amounts_of_a_row_is_caught()
    {
        var (document, prose, cells) = Setup.Value;
        var pairs = cells.SelectMany(a => cells.Where(b => b.Table == a.Table && b.Record == a.Record && string.CompareOrdinal(a.Key, b.Key) < 0
                                                          && a.Amount.Value != b.Amount.Value).Select(b => (A: a, B: b))).ToList();
        Assert.NotEmpty(pairs);
        var uncaught = pairs.Where(p =>
        {
            var report = Run(With(document, (p.A, p.B.Amount.Value), (p.B, p.A.Amount.Value)), prose);
            return !FailNames(report, document, p.A) && !FailNames(report, document, p.B);
        }).Select(p => $"表{document.Tables[p.A.Table].Number} row {p.A.Amount.Row}: {p.A.Key} ↔ {p.B.Key}").ToList();
        Assert.True(uncaught.Count == 0, "swaps not caught:\n" + string.Join("\n", uncaught));
    }

    [Fact]
    public void Moving_an_amount_into_an_empty_column_of_its_row_is_caught()
    {
        // The commonest misreading: a number placed one column off. Every amount × every empty amount column of its row.
        var (document, prose, cells) = Setup.Value;
        var uncaught = new List<string>();
        var moves = 0;
        foreach (var cell in cells)
        {
            var table = document.Tables[cell.Table];
            var record = table.Records[cell.Record];
            var amounts = record.Amounts;
            var sameHalf = table.Structure.Columns.Where(c => c.Path.Count > 1 == cell.Key.Contains('/') && (record is not SummaryRecord || c.Path[0] == cell.Key.Split('/')[0]));
            foreach (var column in sameHalf.Where(c => !amounts.ContainsKey(c.Key) && cells.Any(x => x.Table == cell.Table && x.Key == c.Key)))
            {
                moves++;
                var moved = new Dictionary<string, Amount>(amounts);
                moved.Remove(cell.Key);
                var target = table.Structure.Rows[record.Row][column.Index];
                moved[column.Key] = cell.Amount with { Column = column.Index, At = target.At };
                var records = table.Records.ToList();
                records[cell.Record] = record.WithAmounts(moved);
                var tables = document.Tables.ToList();
                tables[cell.Table] = table with { Records = records };
                var report = Run(document with { Tables = tables }, prose);
                var caught = report.Checks.Any(c => c.Outcome == Outcome.Fail && c.Cells.Any(x =>
                    x.Table == table.Number && x.Row == record.Row && (x.Column == cell.Amount.Column || x.Column == column.Index)));
                if (!caught) uncaught.Add($"表{table.Number} row {record.Row}: {cell.Key} {cell.Amount.Text} → {column.Key}");
            }
        }
        Assert.True(moves > 50, $"{moves} moves");
        Assert.True(uncaught.Count == 0, "moves not caught:\n" + string.Join("\n", uncaught));
    }

    [Fact]
    public void The_unchanged_seed_has_no_fail()
    {
        var (document, prose, _) = Setup.Value;
        Assert.Equal(0, Run(document, prose).Summary.Fail);
    }
}
