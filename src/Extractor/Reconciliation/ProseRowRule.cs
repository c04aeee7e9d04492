using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Figures of a section whose label names a row of the table (a class, an item, a project) equal that row
/// (by project name when ByProject); with ShareOfTotal, the figure's share is recomputed against the total row.</summary>
public sealed record ProseRowRule(string Id, IReadOnlyList<string> Section, string Table, string? Side, ColumnRef Column, bool ShareOfTotal, bool ByProject)
    : IReconciliationRule
{
    public static ProseRowRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Strings(o["section"]), RuleReader.Str(o, "table"),
        RuleReader.Opt(o, "side"), r.Column(o["column"]), RuleReader.Flag(o, "shareOfTotal"), RuleReader.Flag(o, "byProject"));

    public IEnumerable<string> Tables => [Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, Side, out var reason);
        var inSection = context.Prose.In(Section);
        if (inSection.Count == 0) return [Identity.Skip(Id, $"第三部分 figures on {Section[0]} = rows of {context.KindName(Table)}", $"the prose has no figures in a section on {Section[0]}")];
        if (view is null) return [Identity.Skip(Id, $"第三部分 figures on {Section[0]} = rows of {context.KindName(Table)}", reason)];
        var column = view.Resolve(Column);
        if (column is null) return [Identity.Skip(Id, $"第三部分 figures = {view.Name()} rows", $"{view.Name()} has no column {Column.Shown}")];
        var total = view.Records.FirstOrDefault(r => r.IsTableTotal);
        var rows = view.Records.Where(r => !r.IsTableTotal && r.RowLabel.Length > 0).ToList();
        var checks = new List<Check>();
        foreach (var figure in inSection)
        {
            TableRecord? row;
            string how;
            if (ByProject)
            {
                if (figure.Project is null || !TextNormalizer.Key(figure.Label).EndsWith("预算安排规模", StringComparison.Ordinal)) continue;
                (row, how) = ProseTerms.MatchProject(rows.Where(r => r is ClassifiedRecord { Project: not null }).ToList(), figure.Project, context.Options.ProjectNameSimilarity);
            }
            else
            {
                (row, how) = ProseTerms.MatchRowName(rows, figure.Label);
            }
            if (row is null) continue;
            var stated = ProseTerms.TermOf(figure, "expected");
            var value = view.Value(row, column, "actual");
            checks.Add(context.Sum(Id, $"{stated.Describe} = {value.Describe}", stated, [value], how));
            if (ShareOfTotal && figure.ShareValue is { } share && total is not null)
            {
                var whole = view.Value(total, column, "total");
                checks.Add(context.Share(Id + ".share", $"第三部分 “{figure.Label}” 占 {figure.Share}% = {figure.Text} / {whole.Describe} × 100",
                    ProseTerms.ShareCell(figure), share, figure.Value * (UnitParser.FactorToYuan(figure.Unit) ?? 1m), whole.Yuan, [stated.Cell, whole.Cell]));
            }
        }
        if (checks.Count == 0) checks.Add(Identity.Skip(Id, $"第三部分 figures = {view.Name()} rows", $"no figure in the section names a row of {view.Name()}"));
        return checks;
    }
}
