using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Left equals the sum of Right (usually one value): totals restated across tables. An optional right value
/// the document does not have counts as absent. Otherwise lists other printed values the left may restate instead, by
/// template (表3 合计 is 表1 本年支出合计 in 北京, where 支出总计 adds 年终结转结余, but 支出总计 in 西安 2019, whose 表3 is
/// laid out by funding source with 上年结转): the check passes on the first that agrees and reports the first one otherwise.</summary>
public sealed record EqualityRule(string Id, string? Statement, ValueRef Left, IReadOnlyList<ValueRef> Right) : IReconciliationRule
{
    public IReadOnlyList<IReadOnlyList<ValueRef>> Otherwise { get; init; } = [];

    public static EqualityRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Opt(o, "statement"),
        r.Ref((JObject)o["left"]!), ((JArray)o["right"]!).Cast<JObject>().Select(r.Ref).ToList())
    {
        Otherwise = o["otherwise"] is JArray alternatives
            ? alternatives.Cast<JArray>().Select(a => (IReadOnlyList<ValueRef>)a.Cast<JObject>().Select(r.Ref).ToList()).ToList()
            : [],
    };

    public IEnumerable<string> Tables => Right.Concat(Otherwise.SelectMany(a => a)).Prepend(Left).Select(v => v.Table);

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var left = context.Resolve(Left, "expected", out var reason);
        if (left is null) return [Identity.Skip(Id, Statement ?? Id, reason)];
        var first = Compare(context, left, Right);
        if (first.Outcome is Outcome.Pass or Outcome.Rounding) return [first];
        foreach (var alternative in Otherwise)
            if (Compare(context, left, alternative) is { Outcome: Outcome.Pass or Outcome.Rounding } agreed) return [agreed];
        return [first];
    }

    private Check Compare(ReconciliationContext context, Term left, IReadOnlyList<ValueRef> refs)
    {
        var right = new List<Term>();
        foreach (var reference in refs)
        {
            var term = context.Resolve(reference, "actual", out var reason);
            if (term is null && reference.Optional) continue;
            if (term is null) return Identity.Skip(Id, Statement ?? left.Describe, reason, [left.Cell]);
            right.Add(term);
        }
        var statement = $"{left.Describe} = {string.Join(" + ", right.Select(r => r.Describe))}";
        return context.Sum(Id, Statement is null ? statement : $"{Statement}：{statement}", left, right);
    }
}
