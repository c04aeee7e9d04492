using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>
/// Within every row: a total column equals the sum of part columns (or of its sibling columns when Parts is null,
/// `"parts": "siblings"`). Requires names columns the template must have for the rule to apply (regional variants get
/// rules of their own).
/// </summary>
public sealed record ColumnSumRule(string Id, string Table, string? Side, ColumnRef Total, IReadOnlyList<ColumnRef>? Parts, IReadOnlyList<ColumnRef> Requires)
    : IReconciliationRule
{
    public static ColumnSumRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Str(o, "table"), RuleReader.Opt(o, "side"),
        r.Column(o["total"]), o["parts"] is JArray parts ? r.ColumnList(parts) : null, r.ColumnList(o["requires"]));

    public IEnumerable<string> Tables => [Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, Side, out var reason);
        if (view is null) return [Identity.Skip(Id, $"{context.KindName(Table)}: {Total.First} = Σ parts", reason)];
        var total = view.Resolve(Total);
        // A template without this total column (e.g. no 单位资金 group): nothing to add up.
        if (total is null) return [Identity.Skip(Id, $"{view.Name()}: {Total.First} = Σ parts", $"{view.Name()} has no column {Total.Shown}")];
        if (Requires.FirstOrDefault(c => view.Resolve(c) is null) is { } required)
            return [Identity.Skip(Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has no column {required.Shown}: another template")];
        var parts = Parts is null
            ? view.Siblings(total)
            : Parts.SelectMany(view.ResolvePart).Where(c => c.Index != total.Index).Distinct().ToList();
        // `其中` columns beside full parts (北京 表3: 合计 | 基本支出 | 项目支出 | 其中: 事业单位经营支出 …) break a neighbour
        // down; they are no summands. Parts that are all under `其中` (本年收入 / 其中: a | b | c) are the split itself.
        if (parts.Any(view.IsOfWhich) && !parts.All(view.IsOfWhich) && !view.IsOfWhich(total))
            parts = parts.Where(p => !view.IsOfWhich(p)).ToList();
        var absent = Parts is null ? [] : Parts.Where(p => view.ResolvePart(p).Count == 0).Select(p => p.First).ToList();
        var absentNote = absent.Count == 0 ? null : $"columns not in {view.Name()} (counted as zero): {string.Join(", ", absent)}";
        if (parts.Count == 0) return [Identity.Skip(Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has none of the part columns of {total.Name}")];
        var checks = new List<Check>();
        foreach (var record in view.Records)
        {
            if (!view.HasValue(record, total) && !parts.Any(p => view.HasValue(record, p))) continue;
            var expected = view.Value(record, total, "total");
            var terms = parts.Where(p => view.HasValue(record, p) || Parts is not null).Select(p => view.Value(record, p, "part")).ToList();
            if (expected.IsEmpty && terms.Any(t => t.Yuan != 0))
            {
                // Parts printed under an empty total (`205 03 02 | 空 | 748.83 | 空`): the row's total was read into no
                // cell or not printed at all; a zero against the parts would be our fail, not the publication's.
                checks.Add(Identity.Skip(Id, $"{view.Name()} “{TableView.RowName(record)}”：{total.Name} = Σ parts",
                    $"the row prints amounts in its parts but nothing in {total.Name}", terms.Prepend(expected).Select(t => t.Cell).ToList()));
                continue;
            }
            var statement = $"{view.Name()} “{TableView.RowName(record)}”：{total.Name} {Identity.Shown(expected)} = " +
                            (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"{t.Cell.ColumnName!.Split('/')[^1]} {Identity.Shown(t)}")));
            var check = context.Sum(Id, statement, expected, terms);
            checks.Add(check.Outcome == Outcome.Fail && absentNote is not null ? check with { Reason = absentNote } : check);
        }
        if (checks.Count == 0) checks.Add(Identity.Skip(Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has no amounts in these columns"));
        return checks;
    }
}
