using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Labelled tables with unit rows (表11): 总计 = Σ units (or Σ rows), each unit = Σ the rows under it.</summary>
public sealed record ItemRollupRule(string Id, string Table, string? Side) : IReconciliationRule
{
    public static ItemRollupRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Str(o, "table"), RuleReader.Opt(o, "side"));

    public IEnumerable<string> Tables => [Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, Side, out var reason);
        if (view is null) return [Identity.Skip(Id, $"{context.KindName(Table)}: 总计 = Σ rows", reason)];
        var unitNames = UnitRows.UnitNames(context.Document.Info.Department, context.Tables);
        var total = view.Records.FirstOrDefault(r => r.IsTableTotal);
        if (total is null) return [Identity.Skip(Id, $"{view.Name()}: 总计 = Σ rows", $"{view.Name()} has no 总计/合计 row")];
        var others = view.Records.Where(r => !ReferenceEquals(r, total)).ToList();
        var isUnit = others.Select(r => UnitRows.IsUnitName(r.RowLabel, unitNames)).ToList();
        var checks = new List<Check>();
        foreach (var column in view.AmountColumns())
        {
            void Add(TableRecord parent, List<TableRecord> children, string what)
            {
                if (Rollup.Sum(context, Id, view, column, column.Key, parent, children, what) is { } check) checks.Add(check);
            }
            if (!isUnit.Contains(true)) { Add(total, others, "行"); continue; }
            Add(total, others.Where((_, i) => isUnit[i]).ToList(), "单位");
            for (var i = 0; i < others.Count; i++)
            {
                if (!isUnit[i]) continue;
                var items = others.Skip(i + 1).TakeWhile((_, k) => !isUnit[i + 1 + k]).ToList();
                Add(others[i], items, "项目");
            }
        }
        return checks;
    }
}
