using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Within a labelled table (表10): the row named Total equals the sum of the rows named in Parts, in every amount column.</summary>
public sealed record RowSumRule(string Id, string Table, IReadOnlyList<string> Total, IReadOnlyList<IReadOnlyList<string>> Parts) : IReconciliationRule
{
    public static RowSumRule Read(JObject o, RuleReader r) =>
        new(RuleReader.Str(o, "id"), RuleReader.Str(o, "table"), RuleReader.Strings(o["total"]), ((JArray)o["parts"]!).Select(RuleReader.Strings).ToList());

    public IEnumerable<string> Tables => [Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, null, out var reason);
        if (view is null) return [Identity.Skip(Id, $"{context.KindName(Table)}: {Total[0]} = Σ rows", reason)];
        var total = view.FindRow(new RowSelector(false, Total, null));
        if (total is null) return [Identity.Skip(Id, $"{view.Name()}: {Total[0]} = Σ rows", $"{view.Name()} has no row {string.Join(" / ", Total)}")];
        var parts = Parts.Select(p => view.FindRow(new RowSelector(false, p, null))).OfType<TableRecord>().Where(r => !ReferenceEquals(r, total)).Distinct().ToList();
        if (parts.Count == 0) return [Identity.Skip(Id, $"{view.Name()}: {Total[0]} = Σ rows", $"{view.Name()} has none of the part rows")];
        var checks = new List<Check>();
        foreach (var column in view.AmountColumns())
        {
            if (!view.HasValue(total, column) && !parts.Any(p => view.HasValue(p, column))) continue;
            var expected = view.Value(total, column, "total");
            var terms = parts.Select(p => view.Value(p, column, "part")).ToList();
            var statement = $"{view.Name()} {column.Key}：“{TableView.RowName(total)}” {Identity.Shown(expected)} = " +
                            string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}"));
            checks.Add(context.Sum(Id, statement, expected, terms));
        }
        return checks;
    }
}
