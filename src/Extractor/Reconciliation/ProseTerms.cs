using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>Figures stated in 第三部分 as terms of the checks, and how a figure's label finds its table row.</summary>
public static class ProseTerms
{
    public static Term TermOf(ProseFigure f, string role)
    {
        var cell = new CheckCell("第三部分", null, null, null, null, SectionName(f.Section), f.Label, f.Text, f.Value, f.At, role);
        var toYuan = UnitParser.FactorToYuan(f.Unit) ?? 1m;
        return new Term(cell, f.Value * toYuan, toYuan, $"第三部分 “{f.Label}” {f.Text}{(char.IsAsciiDigit(f.Text[0]) ? " " + f.Unit : "")}");
    }

    public static CheckCell ShareCell(ProseFigure f) =>
        new("第三部分", null, null, null, null, SectionName(f.Section), f.Label + " 占比", f.Share + "%", f.ShareValue ?? 0m, f.At, "share");

    /// <summary>The heading's number and topic, short enough for a statement (`二、收入预算`).</summary>
    public static string SectionName(string section)
    {
        var s = TextNormalizer.Compact(section);
        return s.Length > 24 ? s[..24] + "…" : s;
    }

    // `一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）` names the 项 row 行政运行.
    public static (TableRecord? Row, string How) MatchRowName(IReadOnlyList<TableRecord> rows, string label)
    {
        var l = TextNormalizer.Key(label);
        int? level = null;
        foreach (var (suffix, lv) in new[] { ("(类)", 1), ("(款)", 2), ("(项)", 3) })
            if (l.EndsWith(suffix, StringComparison.Ordinal)) { l = l[..^suffix.Length]; level = lv; break; }
        TableRecord? best = null;
        var bestLength = 0;
        foreach (var row in rows)
        {
            if (level is { } want && row is ClassifiedRecord c && c.Level != want) continue;
            var name = TextNormalizer.Key(row is SummaryRecord { Code: not null } s ? s.Name : row.RowLabel);
            if (name.Length >= 2 && l.EndsWith(name, StringComparison.Ordinal) && name.Length > bestLength) { best = row; bestLength = name.Length; }
        }
        return (best, "row name");
    }

    /// <summary>A project by name: equal names first, else the most similar name (at least similarEnough), saying which.</summary>
    public static (TableRecord? Row, string How) MatchProject(IReadOnlyList<TableRecord> rows, string project, double similarEnough)
    {
        var exact = rows.FirstOrDefault(r => TextNormalizer.Key(r.RowLabel) == TextNormalizer.Key(project));
        if (exact is not null) return (exact, "project name");
        var scored = rows.Select(r => (Row: r, Score: LabelText.Similarity(r.RowLabel, project))).OrderByDescending(x => x.Score).FirstOrDefault();
        return scored.Score >= similarEnough ? (scored.Row, $"project name similarity {scored.Score:0.00} (“{scored.Row!.RowLabel}”)") : (null, "");
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
        money = figures.Where(f => f.Kind == "amount" && UnitParser.FactorToYuan(f.Unit) is not null)
            .Select(f => (f, TextNormalizer.Key(f.Section), TextNormalizer.Key(f.Label))).ToArray();
    }

    /// <summary>The money figures in a section whose heading contains one of the keywords.</summary>
    public List<ProseFigure> In(IReadOnlyList<string> keywords)
    {
        var keys = keywords.Select(TextNormalizer.Key).ToArray();
        return money.Where(m => keys.Any(k => m.Section.Contains(k, StringComparison.Ordinal))).Select(m => m.Figure).ToList();
    }

    /// <summary>The first figure of the section labelled by an alias (in alias order): equal, or ending so unless exact.</summary>
    public ProseFigure? Find(IReadOnlyList<string> section, IReadOnlyList<string> labels, bool exact)
    {
        var keys = section.Select(TextNormalizer.Key).ToArray();
        var candidates = money.Where(m => keys.Any(k => m.Section.Contains(k, StringComparison.Ordinal))).ToList();
        foreach (var alias in labels.Select(TextNormalizer.Key))
        {
            var hit = candidates.FirstOrDefault(m => exact ? m.Label == alias : m.Label.EndsWith(alias, StringComparison.Ordinal));
            if (hit.Figure is not null) return hit.Figure;
        }
        return null;
    }
}
