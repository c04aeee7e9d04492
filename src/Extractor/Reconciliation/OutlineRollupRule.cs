using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>
/// The income half of 表1/表4: each outline heading (一、 / 1. / an unnumbered line over numbered ones) = Σ its direct
/// children; a subtotal line (本年收入合计) = Σ the top rows since the previous subtotal; 总计 = Σ subtotals and the
/// top rows after the last one.
/// </summary>
public sealed record OutlineRollupRule(string Id, string Table, string? Side) : IReconciliationRule
{
    public static OutlineRollupRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Str(o, "table"), RuleReader.Opt(o, "side"));

    public IEnumerable<string> Tables => [Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, Side, out var reason);
        if (view is null) return [Identity.Skip(Id, $"{context.KindName(Table)}: outline = Σ parts", reason)];
        var groups = Groups(view.Records.ToList());
        var checks = new List<Check>();
        foreach (var column in view.AmountColumns())
            foreach (var (parent, children) in groups)
                if (Rollup.Sum(context, Id, view, column, column.Name, parent, children, null) is { } check) checks.Add(check);
        return checks;
    }

    private static List<(TableRecord Parent, List<TableRecord> Children)> Groups(List<TableRecord> rows)
    {
        var depths = Outline.Depths(rows);
        var groups = new List<(TableRecord Parent, List<TableRecord> Children)>();
        var indexed = rows.Select((r, i) => (Row: r, Depth: depths[i])).ToList();
        var lastBoundary = -1;
        var grandParts = new List<TableRecord>();
        for (var i = 0; i < indexed.Count; i++)
        {
            var (row, depth) = indexed[i];
            if (depth is 1 or 2)
            {
                var below = indexed.Skip(i + 1).TakeWhile(x => x.Depth > depth && x.Depth <= 3).ToList();
                var children = Top(below);
                // A lone `其中：…` line is an "of which" note (西安: 其中：专项资金列入部门预算的项目), not a split of the parent.
                var lonePartial = children.Count == 1 && IsOfWhich(children[0]);
                if (children.Count > 0 && !lonePartial) groups.Add((row, children));
            }
            else if (depth == Outline.Subtotal)
            {
                groups.Add((row, Top(indexed.Skip(lastBoundary + 1).Take(i - lastBoundary - 1))));
                grandParts.Add(row);
                lastBoundary = i;
            }
            else if (depth == 0)
            {
                grandParts.AddRange(Top(indexed.Skip(lastBoundary + 1).Take(i - lastBoundary - 1)));
                groups.Add((row, grandParts.ToList()));
                grandParts.Clear();
                lastBoundary = i;
            }
        }
        return groups;
    }

    private static List<TableRecord> Top(IEnumerable<(TableRecord Row, int Depth)> span)
    {
        var list = span.Where(x => x.Depth >= 1 && x.Depth <= 3).ToList();
        if (list.Count == 0) return [];
        var top = list.Min(x => x.Depth);
        var rows = list.Where(x => x.Depth == top).Select(x => x.Row).ToList();
        // A `其中：…` line after a full line (西安: (1)一般公共预算拨款 | 其中：专项资金列入部门预算的项目) is an "of which" of
        // the line above it, not a summand; a `其中：` that opens the list (其中：一般财力 | 上级…转移支付) introduces the split.
        return rows.Where((row, i) => !IsOfWhich(row) || rows.Take(i).All(IsOfWhich)).ToList();
    }

    private static bool IsOfWhich(TableRecord row) => TextNormalizer.Key(row.RowLabel).StartsWith("其中", StringComparison.Ordinal);
}
