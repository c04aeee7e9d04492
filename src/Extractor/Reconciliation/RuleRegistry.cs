using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>One rule type: the list of reconciliation-rules.json it reads, and how it reads that list into rules.</summary>
public sealed record RuleType(string List, Func<IReadOnlyList<JObject>, RuleReader, IEnumerable<IReconciliationRule>> Read)
{
    /// <summary>A rule type whose rules read one JSON object each.</summary>
    public static RuleType Each(string list, Func<JObject, RuleReader, IReconciliationRule> read) =>
        new(list, (items, reader) => items.Select(o => read(o, reader)));
}

/// <summary>
/// The rule types the reconciliation knows, keyed by the lists of reconciliation-rules.json, in the order they run
/// (the order of the checks in the output). A new rule type is one class plus one entry here.
/// </summary>
public sealed record RuleRegistry(IReadOnlyList<RuleType> Types)
{
    public static RuleRegistry Default { get; } = new([
        RuleType.Each("columnSums", ColumnSumRule.Read),
        RuleType.Each("codeRollups", CodeRollupRule.Read),
        RuleType.Each("outlineRollups", OutlineRollupRule.Read),
        RuleType.Each("itemRollups", ItemRollupRule.Read),
        RuleType.Each("rowSums", RowSumRule.Read),
        RuleType.Each("equalities", EqualityRule.Read),
        RuleType.Each("codeMatches", CodeMatchRule.Read),
        new RuleType("proseFigures", ProseFigureRule.ReadAll),
        RuleType.Each("proseRows", ProseRowRule.Read),
        RuleType.Each("proseShareSums", ProseShareSumRule.Read),
        RuleType.Each("proseSums", ProseSumRule.Read),
        RuleType.Each("sheetBudgets", SheetBudgetRule.Read),
    ]);
}
