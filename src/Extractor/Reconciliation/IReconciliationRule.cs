using Extractor.Model;

namespace Extractor.Reconciliation;

/// <summary>
/// One rule of the catalogue (one entry of a rule list of reconciliation-rules.json). A rule yields its checks, or one
/// `skipped` check saying why it does not apply to this document; it never throws for a document it cannot check.
/// A new rule type is one class implementing this plus one entry in <see cref="RuleRegistry"/>.
/// </summary>
public interface IReconciliationRule
{
    /// <summary>The rule's id in the catalogue (`T5.columns`), carried by each of its checks.</summary>
    string Id { get; }

    /// <summary>The table kinds the rule reads (for validating the catalogue against the kind catalogue).</summary>
    IEnumerable<string> Tables { get; }

    IReadOnlyList<Check> Check(ReconciliationContext context);
}

/// <summary>What a rule checks against: the document's tables, the figures of its prose, the performance-sheet
/// budgets, the tolerances and the readers' names of the table kinds.</summary>
public sealed class ReconciliationContext(
    BudgetDocument document,
    ProseIndex prose,
    IReadOnlyList<SheetBudgetFact>? sheetBudgets,
    ReconciliationOptions options,
    Func<string, string> kindName)
{
    public BudgetDocument Document { get; } = document;
    public IReadOnlyList<ExtractedTable> Tables => Document.Tables;
    public ProseIndex Prose { get; } = prose;
    public IReadOnlyList<SheetBudgetFact>? SheetBudgets { get; } = sheetBudgets;
    public ReconciliationOptions Options { get; } = options;

    /// <summary>A kind id as a reader knows it: the table's usual printed name (部门收入总体情况表).</summary>
    public string KindName(string kind) => kindName(kind);

    public TableView? Find(string kind, string? side, out string reason) => TableView.Find(Tables, kind, side, out reason);

    /// <summary>One value of a rule (table, half, row, column), or why there is none.</summary>
    public Term? Resolve(ValueRef reference, string role, out string reason)
    {
        var view = Find(reference.Table, reference.Side, out reason);
        if (view is null) return null;
        var column = view.Resolve(reference.Column);
        if (column is null) { reason = $"{view.Name()} has no column {reference.Column.Shown}"; return null; }
        var row = reference.Row is null ? null : view.FindRow(reference.Row);
        if (row is null)
        {
            var wanted = reference.Row?.Total == true ? "总计" : reference.Row?.Code ?? string.Join(" / ", reference.Row?.Labels ?? []);
            reason = $"{view.Name()} has no row {wanted}";
            return null;
        }
        return view.Value(row, column, role);
    }

    /// <summary>`expected = Σ parts` within the rounding tolerance.</summary>
    public Check Sum(string ruleId, string statement, Term expected, IReadOnlyList<Term> parts, string? reason = null) =>
        Identity.Sum(ruleId, statement, expected, parts, Options.RoundingPerSummand, reason);

    /// <summary>A printed share against its recomputation, within the share tolerance.</summary>
    public Check Share(string ruleId, string statement, CheckCell shareCell, decimal printedShare, decimal part, decimal whole, IReadOnlyList<CheckCell> cells) =>
        Identity.Share(ruleId, statement, shareCell, printedShare, part, whole, cells, Options.ShareTolerance);
}
