using Extractor.Model;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace Extractor.Reconciliation;

/// <summary>
/// A figure of the prose (found by section keywords and label) equals a table value; its share is recomputed against
/// the figure of the rule named by ShareOf (<see cref="ShareBase"/>).
/// </summary>
public sealed record ProseFigureRule(string Id, IReadOnlyList<string> Section, IReadOnlyList<string> Labels, bool Exact, ValueRef Ref, string? ShareOf)
    : IReconciliationRule
{
    /// <summary>The rule whose figure is the base of this figure's share.</summary>
    public ProseFigureRule? ShareBase { get; init; }

    /// <summary>Reads the list, then links each share to its base rule (an unknown base is an error).</summary>
    public static IEnumerable<IReconciliationRule> ReadAll(IReadOnlyList<JObject> items, RuleReader r)
    {
        var rules = items.Select(o => new ProseFigureRule(RuleReader.Str(o, "id"), RuleReader.Strings(o["section"]), RuleReader.Strings(o["labels"]),
            RuleReader.Flag(o, "exact"), r.Ref((JObject)o["ref"]!), RuleReader.Opt(o, "shareOf"))).ToList();
        var byId = rules.ToDictionary(x => x.Id);
        return rules.Select(x => x.ShareOf is null ? x
            : x with { ShareBase = byId.GetValueOrDefault(x.ShareOf) ?? throw new JsonException($"reconciliation rules: {x.Id} shareOf '{x.ShareOf}' names no proseFigures rule") }).ToList();
    }

    public IEnumerable<string> Tables => [Ref.Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var figures = context.Prose;
        var figure = figures.Find(Section, Labels, Exact);
        var what = $"第三部分 {Labels[0]} = {context.KindName(Ref.Table)}";
        if (figure is null) return [Identity.Skip(Id, what, $"the prose states no figure {Labels[0]} in a section on {Section[0]}")];
        var checks = new List<Check>();
        var stated = ProseTerms.TermOf(figure, "expected");
        var table = context.Resolve(Ref, "actual", out var reason);
        checks.Add(table is null ? Identity.Skip(Id, stated.Describe, reason, [stated.Cell]) : context.Sum(Id, $"{stated.Describe} = {table.Describe}", stated, [table]));
        if (figure.ShareValue is { } share && ShareBase is { } baseRule)
        {
            var whole = figures.Find(baseRule.Section, baseRule.Labels, baseRule.Exact);
            checks.Add(whole is null
                ? Identity.Skip(Id + ".share", $"第三部分 {figure.Label} 占 {figure.Share}%", "the prose states no base for the share")
                : context.Share(Id + ".share", $"第三部分 “{figure.Label}” 占 {figure.Share}% = {figure.Text} / {whole.Text}（“{whole.Label}”）× 100",
                    ProseTerms.ShareCell(figure), share, figure.Value, whole.Value, [ProseTerms.TermOf(figure, "part").Cell, ProseTerms.TermOf(whole, "total").Cell]));
        }
        return checks;
    }
}
