using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Left equals the sum of Right (usually one value): totals restated across tables. An optional right value
/// the document does not have counts as absent.</summary>
public sealed record EqualityRule(string Id, string? Statement, ValueRef Left, IReadOnlyList<ValueRef> Right) : IReconciliationRule
{
    public static EqualityRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Opt(o, "statement"),
        r.Ref((JObject)o["left"]!), ((JArray)o["right"]!).Cast<JObject>().Select(r.Ref).ToList());

    public IEnumerable<string> Tables => Right.Prepend(Left).Select(v => v.Table);

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var left = context.Resolve(Left, "expected", out var reason);
        if (left is null) return [Identity.Skip(Id, Statement ?? Id, reason)];
        var right = new List<Term>();
        foreach (var reference in Right)
        {
            var term = context.Resolve(reference, "actual", out reason);
            if (term is null && reference.Optional) continue;
            if (term is null) return [Identity.Skip(Id, Statement ?? left.Describe, reason, [left.Cell])];
            right.Add(term);
        }
        var statement = $"{left.Describe} = {string.Join(" + ", right.Select(r => r.Describe))}";
        return [context.Sum(Id, Statement is null ? statement : $"{Statement}：{statement}", left, right)];
    }
}
