using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>The shares stated in a section add up to 100 %.</summary>
public sealed record ProseShareSumRule(string Id, IReadOnlyList<string> Section) : IReconciliationRule
{
    public static ProseShareSumRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Strings(o["section"]));

    public IEnumerable<string> Tables => [];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var shares = context.Prose.In(Section).Where(f => f.ShareValue is not null).ToList();
        if (shares.Count < 2) return [Identity.Skip(Id, $"第三部分 shares on {Section[0]} add to 100%", "the section states fewer than two shares")];
        return [Identity.ShareSum(Id, $"第三部分 {ProseTerms.SectionName(shares[0].Section)}：{string.Join(" + ", shares.Select(s => $"“{s.Label}” {s.Share}%"))} = 100%",
            shares.Select(s => (ProseTerms.ShareCell(s), s.ShareValue!.Value)).ToList(), context.Options.ShareTolerance)];
    }
}
