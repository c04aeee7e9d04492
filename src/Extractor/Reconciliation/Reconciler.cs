using Extractor.Model;
using Extractor.Recognition;

namespace Extractor.Reconciliation;

/// <summary>
/// Runs every rule of the catalogue over one document: the tables' typed records, the figures of the prose, and the
/// performance-sheet budgets when there are any. Every rule yields checks or a `skipped` check saying why. The
/// catalogues and tolerances are passed in once; the reconciler holds no state between documents.
/// </summary>
public sealed class Reconciler(RuleCatalog rules, TableKindCatalog kinds, ReconciliationOptions? options = null)
{
    private readonly ReconciliationOptions options = options ?? ReconciliationOptions.Default;
    private readonly Dictionary<string, string> kindNames = kinds.Kinds.GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.First().Name);

    public RuleCatalog Rules { get; } = rules;

    public ReconciliationReport Reconcile(BudgetDocument document, IReadOnlyList<SheetBudgetFact>? sheetBudgets = null) =>
        Reconcile(document, ProseFigureParser.Parse(document.TextLines), sheetBudgets);

    /// <param name="cancellationToken">checked before every rule</param>
    public ReconciliationReport Reconcile(BudgetDocument document, IReadOnlyList<ProseFigure> prose, IReadOnlyList<SheetBudgetFact>? sheetBudgets,
        CancellationToken cancellationToken = default)
    {
        var context = new ReconciliationContext(document, new ProseIndex(prose), sheetBudgets, options, KindName);
        var checks = Rules.Rules.SelectMany(rule =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Run(rule, context);
        }).ToList();
        return new ReconciliationReport(ReconciliationSummary.Of(checks), checks, prose);
    }

    // One rule that breaks on an unforeseen layout must not take the document's other checks down with it.
    private static IReadOnlyList<Check> Run(IReconciliationRule rule, ReconciliationContext context)
    {
        try { return rule.Check(context); }
        catch (Exception e) when (StageGuard.IsRecoverable(e))
        {
            return [Identity.Skip(rule.Id, rule.Id, $"the rule could not be evaluated on this document ({e.GetType().Name}: {e.Message})")];
        }
    }

    // A kind id as a reader knows it: the table's usual printed name (部门收入总体情况表).
    private string KindName(string kind) => kindNames.GetValueOrDefault(kind) ?? kind;
}
