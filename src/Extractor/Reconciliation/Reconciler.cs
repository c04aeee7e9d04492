using Extractor.Model;

namespace Extractor.Reconciliation;

/// <summary>
/// Runs every rule of the catalogue over one document: the tables' typed records, the figures of the prose, and the
/// performance-sheet budgets when there are any. Every rule yields checks or a `skipped` check saying why.
/// </summary>
public static class Reconciler
{
    public static ReconciliationReport Reconcile(BudgetDocument document, IReadOnlyList<SheetBudgetFact>? sheetBudgets = null) =>
        Reconcile(document, ProseFigureParser.Parse(document.TextLines), sheetBudgets, RuleCatalog.Default);

    public static ReconciliationReport Reconcile(BudgetDocument document, IReadOnlyList<ProseFigure> prose, IReadOnlyList<SheetBudgetFact>? sheetBudgets, RuleCatalog catalog)
    {
        var tables = document.Tables;
        var checks = new List<Check>();
        foreach (var rule in catalog.ColumnSums) RowIdentityChecks.ColumnSums(tables, rule, checks);
        foreach (var rule in catalog.CodeRollups) RollupChecks.CodeRollups(tables, rule, checks);
        foreach (var rule in catalog.OutlineRollups) RollupChecks.OutlineRollups(tables, rule, checks);
        foreach (var rule in catalog.ItemRollups) RollupChecks.ItemRollups(document, tables, rule, checks);
        foreach (var rule in catalog.RowSums) RowIdentityChecks.RowSums(tables, rule, checks);
        foreach (var rule in catalog.Equalities) CrossTableChecks.Equalities(tables, rule, checks);
        foreach (var rule in catalog.CodeMatches) CrossTableChecks.CodeMatches(tables, rule, checks);
        var proseIndex = new ProseIndex(prose);
        ProseChecks.FigureRules(tables, proseIndex, catalog, checks);
        foreach (var rule in catalog.ProseRows) ProseChecks.RowRules(tables, proseIndex, rule, checks);
        foreach (var rule in catalog.ProseShareSums) ProseChecks.ShareSums(proseIndex, rule, checks);
        foreach (var rule in catalog.ProseSums) ProseChecks.Sums(proseIndex, rule, checks);
        SheetBudgetChecks.Check(tables, sheetBudgets, checks);
        return new ReconciliationReport(ReconciliationSummary.Of(checks), checks, prose);
    }
}
