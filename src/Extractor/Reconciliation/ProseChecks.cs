using Extractor.Model;

namespace Extractor.Reconciliation;

/// <summary>Figures stated in 第三部分 against the tables, and against each other (shares, sums).</summary>
public static class ProseChecks
{
    public static decimal? UnitToYuan(string unit) => unit switch
    {
        "万元" => 10000m, "元" => 1m, "千元" => 1000m, "亿元" => 100000000m, _ => null,
    };

    public static Term TermOf(ProseFigure f, string role)
    {
        var cell = new CheckCell("第三部分", null, null, null, null, SectionName(f.Section), f.Label, f.Text, f.Value, f.Page, f.Box, role);
        return new Term(cell, f.Value * (UnitToYuan(f.Unit) ?? 1m), UnitToYuan(f.Unit) ?? 1m, $"第三部分 “{f.Label}” {f.Text}{(char.IsAsciiDigit(f.Text[0]) ? " " + f.Unit : "")}");
    }

    private static CheckCell ShareCell(ProseFigure f) =>
        new("第三部分", null, null, null, null, SectionName(f.Section), f.Label + " 占比", f.Share + "%", f.ShareValue ?? 0m, f.Page, f.Box, "share");

    /// <summary>The heading's number and topic, short enough for a statement (`二、收入预算`).</summary>
    public static string SectionName(string section)
    {
        var s = section.Replace(" ", "");
        return s.Length > 24 ? s[..24] + "…" : s;
    }

    public static void FigureRules(IReadOnlyList<ExtractedTable> tables, ProseIndex figures, RuleCatalog catalog, List<Check> checks)
    {
        var byId = catalog.ProseFigures.ToDictionary(r => r.Id);
        foreach (var rule in catalog.ProseFigures)
        {
            var figure = figures.Find(rule.Section, rule.Labels, rule.Exact);
            var what = $"第三部分 {rule.Labels[0]} = {TableView.KindName(rule.Ref.Table)}";
            if (figure is null) { checks.Add(Identity.Skip(rule.Id, what, $"the prose states no figure {rule.Labels[0]} in a section on {rule.Section[0]}")); continue; }
            var stated = TermOf(figure, "expected");
            var table = CrossTableChecks.Resolve(tables, rule.Ref, "actual", out var reason);
            if (table is null) checks.Add(Identity.Skip(rule.Id, stated.Describe, reason, [stated.Cell]));
            else checks.Add(Identity.Sum(rule.Id, $"{stated.Describe} = {table.Describe}", stated, [table]));

            if (figure.ShareValue is { } share && rule.ShareOf is { } baseId && byId.TryGetValue(baseId, out var baseRule))
            {
                var whole = figures.Find(baseRule.Section, baseRule.Labels, baseRule.Exact);
                if (whole is null) { checks.Add(Identity.Skip(rule.Id + ".share", $"第三部分 {figure.Label} 占 {figure.Share}%", "the prose states no base for the share")); continue; }
                checks.Add(Identity.Share(rule.Id + ".share",
                    $"第三部分 “{figure.Label}” 占 {figure.Share}% = {figure.Text} / {whole.Text}（“{whole.Label}”）× 100",
                    ShareCell(figure), share, figure.Value, whole.Value, [TermOf(figure, "part").Cell, TermOf(whole, "total").Cell]));
            }
        }
    }

    /// <summary>Figures whose label names a row of the table (a class, an item, a project) equal that row.</summary>
    public static void RowRules(IReadOnlyList<ExtractedTable> tables, ProseIndex figures, ProseRowRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, rule.Side, out var reason);
        var inSection = figures.In(rule.Section);
        if (inSection.Count == 0) { checks.Add(Identity.Skip(rule.Id, $"第三部分 figures on {rule.Section[0]} = rows of {TableView.KindName(rule.Table)}", $"the prose has no figures in a section on {rule.Section[0]}")); return; }
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"第三部分 figures on {rule.Section[0]} = rows of {TableView.KindName(rule.Table)}", reason)); return; }
        var column = view.Resolve(rule.Column);
        if (column is null) { checks.Add(Identity.Skip(rule.Id, $"第三部分 figures = {view.Name()} rows", $"{view.Name()} has no column {string.Join(" / ", rule.Column)}")); return; }
        var total = view.Records.FirstOrDefault(TableView.IsTotal);
        var rows = view.Records.Where(r => !TableView.IsTotal(r) && TableView.LabelOf(r).Length > 0).ToList();
        var matched = false;
        foreach (var figure in inSection)
        {
            TableRecord? row;
            string how;
            if (rule.ByProject)
            {
                if (figure.Project is null || !LabelText.Normalise(figure.Label).EndsWith("预算安排规模", StringComparison.Ordinal)) continue;
                (row, how) = MatchProject(rows.Where(r => r is ClassifiedRecord { Project: not null }).ToList(), figure.Project);
            }
            else
            {
                (row, how) = MatchRowName(rows, figure.Label);
            }
            if (row is null) continue;
            matched = true;
            var stated = TermOf(figure, "expected");
            var value = view.Value(row, column, "actual");
            checks.Add(Identity.Sum(rule.Id, $"{stated.Describe} = {value.Describe}", stated, [value], how));
            if (rule.ShareOfTotal && figure.ShareValue is { } share && total is not null)
            {
                var whole = view.Value(total, column, "total");
                checks.Add(Identity.Share(rule.Id + ".share", $"第三部分 “{figure.Label}” 占 {figure.Share}% = {figure.Text} / {whole.Describe} × 100",
                    ShareCell(figure), share, figure.Value * (UnitToYuan(figure.Unit) ?? 1m), whole.Yuan, [stated.Cell, whole.Cell]));
            }
        }
        if (!matched) checks.Add(Identity.Skip(rule.Id, $"第三部分 figures = {view.Name()} rows", $"no figure in the section names a row of {view.Name()}"));
    }

    // `一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）` names the 项 row 行政运行.
    private static (TableRecord? Row, string How) MatchRowName(IReadOnlyList<TableRecord> rows, string label)
    {
        var l = LabelText.Normalise(label);
        int? level = null;
        foreach (var (suffix, lv) in new[] { ("(类)", 1), ("(款)", 2), ("(项)", 3) })
            if (l.EndsWith(suffix, StringComparison.Ordinal)) { l = l[..^suffix.Length]; level = lv; break; }
        TableRecord? best = null;
        var bestLength = 0;
        foreach (var row in rows)
        {
            if (level is { } want && row is ClassifiedRecord c && c.Level != want) continue;
            var name = LabelText.Normalise(row is SummaryRecord { Code: not null } s ? s.Name : TableView.LabelOf(row));
            if (name.Length >= 2 && l.EndsWith(name, StringComparison.Ordinal) && name.Length > bestLength) { best = row; bestLength = name.Length; }
        }
        return (best, "row name");
    }

    /// <summary>A project by name: equal names first, else the most similar name (0.5 or more), saying which.</summary>
    public static (TableRecord? Row, string How) MatchProject(IReadOnlyList<TableRecord> rows, string project)
    {
        var exact = rows.FirstOrDefault(r => LabelText.Normalise(TableView.LabelOf(r)) == LabelText.Normalise(project));
        if (exact is not null) return (exact, "project name");
        var scored = rows.Select(r => (Row: r, Score: LabelText.Similarity(TableView.LabelOf(r), project))).OrderByDescending(x => x.Score).FirstOrDefault();
        return scored.Score >= 0.5 ? (scored.Row, $"project name similarity {scored.Score:0.00} (“{TableView.LabelOf(scored.Row!)}”)") : (null, "");
    }

    public static void ShareSums(ProseIndex figures, ProseShareSumRule rule, List<Check> checks)
    {
        var shares = figures.In(rule.Section).Where(f => f.ShareValue is not null).ToList();
        if (shares.Count < 2) { checks.Add(Identity.Skip(rule.Id, $"第三部分 shares on {rule.Section[0]} add to 100%", "the section states fewer than two shares")); return; }
        checks.Add(Identity.ShareSum(rule.Id, $"第三部分 {SectionName(shares[0].Section)}：{string.Join(" + ", shares.Select(s => $"“{s.Label}” {s.Share}%"))} = 100%",
            shares.Select(s => (ShareCell(s), s.ShareValue!.Value)).ToList()));
    }

    public static void Sums(ProseIndex figures, ProseSumRule rule, List<Check> checks)
    {
        var inSection = figures.In(rule.Section);
        var groups = (rule.ByProject ? inSection.Where(f => f.Project is not null).GroupBy(f => f.Project!).Select(g => g.ToList()).ToList() : [inSection])
            .Select(g => new ProseIndex(g)).ToList();
        var any = false;
        foreach (var group in groups)
        {
            var total = group.Find(rule.Section, rule.Total, false);
            if (total is null) continue;
            var parts = rule.Parts.Count == 1 && rule.Parts[0].Count == 1 && rule.Parts[0][0] == "*"
                ? group.Figures.Where(f => !ReferenceEquals(f, total)).ToList()
                : rule.Parts.Select(p => group.Find(rule.Section, p, true) ?? group.Find(rule.Section, p, false)).OfType<ProseFigure>().Distinct().ToList();
            if (parts.Count == 0) continue;
            any = true;
            var expected = TermOf(total, "total");
            var terms = parts.Select(p => TermOf(p, "part")).ToList();
            var statement = $"{expected.Describe} = {string.Join(" + ", terms.Select(t => $"“{t.Cell.ColumnName}” {t.Cell.Text}"))}";
            checks.Add(Identity.Sum(rule.Id, statement, expected, terms));
        }
        if (!any) checks.Add(Identity.Skip(rule.Id, $"第三部分 {rule.Total[0]} = Σ parts", $"the prose states no {rule.Total[0]} with its parts"));
    }
}

/// <summary>The money figures of the prose with their section and label normalised once, for the rules to look up.</summary>
public sealed class ProseIndex
{
    private readonly (ProseFigure Figure, string Section, string Label)[] money;

    public IReadOnlyList<ProseFigure> Figures { get; }

    public ProseIndex(IReadOnlyList<ProseFigure> figures)
    {
        Figures = figures;
        money = figures.Where(f => f.Kind == "amount" && ProseChecks.UnitToYuan(f.Unit) is not null)
            .Select(f => (f, LabelText.Normalise(f.Section), LabelText.Normalise(f.Label))).ToArray();
    }

    /// <summary>The money figures in a section whose heading contains one of the keywords.</summary>
    public List<ProseFigure> In(IReadOnlyList<string> keywords)
    {
        var keys = keywords.Select(LabelText.Normalise).ToArray();
        return money.Where(m => keys.Any(k => m.Section.Contains(k, StringComparison.Ordinal))).Select(m => m.Figure).ToList();
    }

    /// <summary>The first figure of the section labelled by an alias (in alias order): equal, or ending so unless exact.</summary>
    public ProseFigure? Find(IReadOnlyList<string> section, IReadOnlyList<string> labels, bool exact)
    {
        var keys = section.Select(LabelText.Normalise).ToArray();
        var candidates = money.Where(m => keys.Any(k => m.Section.Contains(k, StringComparison.Ordinal))).ToList();
        foreach (var alias in labels.Select(LabelText.Normalise))
        {
            var hit = candidates.FirstOrDefault(m => exact ? m.Label == alias : m.Label.EndsWith(alias, StringComparison.Ordinal));
            if (hit.Figure is not null) return hit.Figure;
        }
        return null;
    }
}
