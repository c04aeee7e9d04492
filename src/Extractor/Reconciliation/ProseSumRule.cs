using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>A figure of the prose equals the sum of other figures of the same section (per project when ByProject;
/// parts `[["*"]]` = every other figure).</summary>
public sealed record ProseSumRule(string Id, IReadOnlyList<string> Section, IReadOnlyList<string> Total, IReadOnlyList<IReadOnlyList<string>> Parts, bool ByProject)
    : IReconciliationRule
{
    public static ProseSumRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Strings(o["section"]), RuleReader.Strings(o["total"]),
        ((JArray)o["parts"]!).Select(RuleReader.Strings).ToList(), RuleReader.Flag(o, "byProject"));

    public IEnumerable<string> Tables => [];

    private bool EveryOtherFigure => Parts.Count == 1 && Parts[0].Count == 1 && Parts[0][0] == "*";

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var inSection = context.Prose.In(Section);
        var groups = (ByProject ? inSection.Where(f => f.Project is not null).GroupBy(f => f.Project!).Select(g => g.ToList()).ToList() : [inSection])
            .Select(g => new ProseIndex(g)).ToList();
        var checks = new List<Check>();
        foreach (var group in groups)
        {
            var total = group.Find(Section, Total, false);
            if (total is null) continue;
            var parts = EveryOtherFigure
                ? group.Figures.Where(f => !ReferenceEquals(f, total)).ToList()
                : Parts.Select(p => group.Find(Section, p, true) ?? group.Find(Section, p, false)).OfType<ProseFigure>().Distinct().ToList();
            if (parts.Count == 0) continue;
            var expected = ProseTerms.TermOf(total, "total");
            var terms = parts.Select(p => ProseTerms.TermOf(p, "part")).ToList();
            var statement = $"{expected.Describe} = {string.Join(" + ", terms.Select(t => $"“{t.Cell.ColumnName}” {t.Cell.Text}"))}";
            checks.Add(context.Sum(Id, statement, expected, terms));
        }
        if (checks.Count == 0) checks.Add(Identity.Skip(Id, $"第三部分 {Total[0]} = Σ parts", $"the prose states no {Total[0]} with its parts"));
        return checks;
    }
}
