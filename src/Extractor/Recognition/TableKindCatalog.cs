using System.Reflection;
using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json;

namespace Extractor.Recognition;

/// <summary>
/// One kind of table: a stable id, its canonical name, title aliases across regions, its record shape, and the document
/// type it belongs to (<c>budget</c>, <c>final</c> for 决算, <c>any</c>, or <c>report</c> for a text that is no disclosure).
/// </summary>
public sealed record TableKind(string Id, string Name, string Shape, int? SeedNumber, IReadOnlyList<string> Titles,
    string? Document = null, IReadOnlyList<string>? Regions = null,
    IReadOnlyList<string>? LeadIns = null, IReadOnlyList<IReadOnlyList<string>>? Headers = null)
{
    /// <summary>Forms (performance targets, self-evaluations) are sheets, not tables: the sheet stage reads their grids.</summary>
    public bool IsForm => Shape == "form";
}

/// <summary>The catalogue of table kinds, loaded from the embedded data file <c>table-kinds.json</c>.</summary>
public sealed class TableKindCatalog : ITitleVocabulary
{
    public const string Unrecognised = "unrecognised";

    private sealed record FileModel(List<TableKind> Kinds, List<string>? TitleWords, List<string>? PartHeadingEndings);

    private readonly IReadOnlyList<string> _titleWords;
    private readonly IReadOnlyList<string> _partHeadingEndings;

    private readonly List<(string Alias, TableKind Kind)> _aliases;

    public IReadOnlyList<TableKind> Kinds { get; }

    private TableKindCatalog(IReadOnlyList<TableKind> kinds, IReadOnlyList<string> titleWords, IReadOnlyList<string> partHeadingEndings)
    {
        Kinds = kinds;
        _titleWords = titleWords.Select(TextNormalizer.Key).ToList();
        _partHeadingEndings = partHeadingEndings.Select(TextNormalizer.Key).ToList();
        // Longest alias first, so `一般公共预算基本支出情况表` wins over `一般公共预算支出情况表` in containment matches.
        _aliases = kinds.SelectMany(k => k.Titles.Select(t => (TextNormalizer.Key(t), k))).OrderByDescending(a => a.Item1.Length).ToList();
    }

    public static TableKindCatalog Default { get; } = Load();

    private static TableKindCatalog Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("table-kinds.json")
            ?? throw new InvalidOperationException("table-kinds.json is not embedded");
        using var reader = new StreamReader(stream);
        var model = JsonConvert.DeserializeObject<FileModel>(reader.ReadToEnd()) ?? throw new InvalidOperationException("empty catalogue");
        return new TableKindCatalog(model.Kinds, model.TitleWords ?? [], model.PartHeadingEndings ?? []);
    }

    /// <summary>The kind whose alias equals the title, else the longest alias the title contains; null when none.</summary>
    public TableKind? Recognise(string title)
    {
        var folded = TextNormalizer.Key(title);
        foreach (var (alias, kind) in _aliases)
            if (folded == alias) return kind;
        foreach (var (alias, kind) in _aliases)
            if (folded.Contains(alias, StringComparison.Ordinal)) return kind;
        return null;
    }

    /// <summary>
    /// The kind of a table printed without a title the catalogue knows: by the sentence above it (a lead-in such as
    /// `2026年，本部门重点项目绩效目标情况如下：`), else by its headers (`项目 | 预算数（单位：万元） | 绩效目标`: every
    /// header group of the kind matched by some header). Null when neither says.
    /// </summary>
    public TableKind? RecogniseUntitled(string textAbove, IEnumerable<string> headers)
    {
        var above = TextNormalizer.Key(textAbove);
        if (above.Length > 0 && Kinds.FirstOrDefault(k => k.LeadIns?.Any(l => above.Contains(TextNormalizer.Key(l), StringComparison.Ordinal)) == true) is { } byLeadIn)
            return byLeadIn;
        var folded = headers.Select(TextNormalizer.Key).Where(h => h.Length > 0).ToList();
        if (folded.Count == 0) return null;
        return Kinds.FirstOrDefault(k => k.Headers is { Count: > 0 } groups
            && groups.All(g => folded.Any(h => g.Any(word => h.Contains(word, StringComparison.Ordinal)))));
    }

    /// <summary>
    /// A heading is a table title when it names a known kind; an unknown heading only when it speaks of budget matters
    /// (the catalogue's title words), so `详见下表` is not a table. Forms are reported as forms.
    /// </summary>
    public TitleVerdict Classify(string title)
    {
        if (Recognise(title) is { } kind) return kind.IsForm ? TitleVerdict.Form : TitleVerdict.Table;
        var folded = TextNormalizer.Key(title);
        // `2026年度部门预算表`, `…局2024年度部门决算表`: the heading of the whole table part, not of one table.
        if (_partHeadingEndings.Any(e => folded.EndsWith(e, StringComparison.Ordinal))) return TitleVerdict.NotATitle;
        return _titleWords.Any(w => folded.Contains(w, StringComparison.Ordinal)) ? TitleVerdict.Table : TitleVerdict.NotATitle;
    }
}
