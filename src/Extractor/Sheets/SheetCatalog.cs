using System.Reflection;
using Extractor.Text;
using Newtonsoft.Json;

namespace Extractor.Sheets;

/// <summary>
/// The labels that identify 绩效目标表 and their parts across regions, loaded from the embedded data file
/// <c>sheet-catalogue.json</c>. Lookups compare folded labels (<see cref="TextForm.Key"/>: no spaces, one form of brackets and colons).
/// </summary>
public sealed class SheetCatalog
{
    private sealed record KindModel(string Name, List<string> Titles);

    private sealed record FileModel(
        List<KindModel> Kinds,
        List<string> DepartmentMarkers,
        List<string> ProjectMarkers,
        List<string> LevelHeaders,
        List<string> CarriedRoles,
        List<string> PackedIndicatorHeaders,
        List<string> ListNameHeaders,
        List<string> ListGoalHeaders,
        Dictionary<string, List<string>> FieldRoles,
        Dictionary<string, List<string>> IndicatorRoles,
        List<string> ListAmountHeaders,
        List<string> GenericTitleSuffixes,
        List<string> LevelNames);

    private readonly List<(string Alias, string Kind)> _titles;
    private readonly HashSet<string> _fieldLabels;
    private readonly HashSet<string> _departmentMarkers;
    private readonly HashSet<string> _projectMarkers;
    private readonly HashSet<string> _levelHeaders;
    private readonly HashSet<string> _packedHeaders;
    private readonly List<string> _listNameHeaders;
    private readonly HashSet<string> _listGoalHeaders;
    private readonly RoleTable _fieldRoles;
    private readonly RoleTable _indicatorRoles;

    private SheetCatalog(FileModel model)
    {
        _titles = model.Kinds.SelectMany(k => k.Titles.Select(t => (TextNormalizer.Key(t), k.Name))).OrderByDescending(t => t.Item1.Length).ToList();
        _fieldLabels = model.FieldRoles.Values.SelectMany(v => v).Select(TextNormalizer.Key).ToHashSet();
        _departmentMarkers = model.DepartmentMarkers.Select(TextNormalizer.Key).ToHashSet();
        _projectMarkers = model.ProjectMarkers.Select(TextNormalizer.Key).ToHashSet();
        _levelHeaders = model.LevelHeaders.Select(TextNormalizer.Key).ToHashSet();
        _packedHeaders = model.PackedIndicatorHeaders.Select(TextNormalizer.Key).ToHashSet();
        _listNameHeaders = model.ListNameHeaders.Select(TextNormalizer.Key).ToList();
        _listGoalHeaders = model.ListGoalHeaders.Select(TextNormalizer.Key).ToHashSet();
        _fieldRoles = new RoleTable(model.FieldRoles);
        _indicatorRoles = new RoleTable(model.IndicatorRoles);
        CarriedRoles = model.CarriedRoles.ToHashSet();
        ListAmountHeaders = model.ListAmountHeaders.Select(TextNormalizer.Key).ToHashSet();
        _genericSuffixes = model.GenericTitleSuffixes.Select(TextNormalizer.Key).ToList();
        _levelNames = model.LevelNames.Select(TextNormalizer.Key).ToHashSet();
    }

    private readonly HashSet<string> _levelNames;

    /// <summary>A usual 一级/二级指标 name: tells a level cut in two by a page break (`效益指` | `标`) from two levels.</summary>
    public bool IsLevelName(string text) => _levelNames.Contains(TextNormalizer.Key(text));

    /// <summary>The longest level name <paramref name="text"/> starts with, or "".</summary>
    public string LevelNamePrefix(string text)
    {
        var best = "";
        foreach (var name in _levelNames)
            if (name.Length > best.Length && text.StartsWith(name, StringComparison.Ordinal)) best = name;
        return best;
    }

    private readonly List<string> _genericSuffixes;

    /// <summary>
    /// A heading that names a sheet without saying which kind (`信息化运行维护绩效目标表`): the grid's labels decide.
    /// </summary>
    public bool IsGenericSheetTitle(string text)
    {
        if (text.Length > 3 * MaxLabelLength) return false;
        var folded = TextNormalizer.Key(text);
        return _genericSuffixes.Any(s => folded.EndsWith(s, StringComparison.Ordinal));
    }

    public static SheetCatalog Default { get; } = Load();

    /// <summary>Indicator roles whose cells are merged down the rows in print and so carried down when empty.</summary>
    public IReadOnlySet<string> CarriedRoles { get; }

    public IReadOnlySet<string> ListAmountHeaders { get; }

    private static SheetCatalog Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("sheet-catalogue.json")
            ?? throw new InvalidOperationException("sheet-catalogue.json is not embedded");
        using var reader = new StreamReader(stream);
        var model = JsonConvert.DeserializeObject<FileModel>(reader.ReadToEnd()) ?? throw new InvalidOperationException("empty sheet catalogue");
        return new SheetCatalog(model);
    }

    /// <summary>The sheet kind a title line names (longest alias contained), or null.</summary>
    public string? KindOfTitle(string text)
    {
        if (text.Length > 3 * MaxLabelLength) return null;
        var folded = TextNormalizer.Key(text);
        foreach (var (alias, kind) in _titles)
            if (folded.Contains(alias, StringComparison.Ordinal)) return kind;
        return null;
    }

    /// <summary>Longest text, in characters, looked up as a label (<see cref="SheetOptions.MaxLabelLength"/>).</summary>
    private int MaxLabelLength { get; set; } = SheetOptions.Default.MaxLabelLength;

    /// <summary>This catalogue with the label length of the sheets stage's options (the same instance when it already has it).</summary>
    public SheetCatalog For(SheetOptions options)
    {
        if (options.MaxLabelLength == MaxLabelLength) return this;
        var copy = (SheetCatalog)MemberwiseClone();
        copy.MaxLabelLength = options.MaxLabelLength;
        return copy;
    }

    private bool IsIn(HashSet<string> set, string text) => text.Length <= MaxLabelLength && set.Contains(TextNormalizer.Key(text).TrimEnd(':'));

    public bool IsFieldLabel(string text) => IsIn(_fieldLabels, text);
    public bool IsDepartmentMarker(string text) => IsIn(_departmentMarkers, text);
    public bool IsProjectMarker(string text) => IsIn(_projectMarkers, text);
    public bool IsLevelHeader(string text) => IsIn(_levelHeaders, text);
    public bool IsPackedIndicatorHeader(string text) => IsIn(_packedHeaders, text);
    public bool IsListGoalHeader(string text) => IsIn(_listGoalHeaders, text);
    public bool IsListNameHeader(string text) => text.Length <= MaxLabelLength && _listNameHeaders.Contains(TextNormalizer.Key(text));

    public string? FieldRole(string label) => label.Length <= MaxLabelLength ? _fieldRoles.RoleOf(label) : null;
    public string? IndicatorRole(string header) => header.Length <= MaxLabelLength ? _indicatorRoles.RoleOf(header) : null;

    /// <summary>Printed label → role: an exact alias first, else the longest alias the label contains.</summary>
    private sealed class RoleTable
    {
        private readonly Dictionary<string, string> _exact = new();
        private readonly List<(string Alias, string Role)> _byLength;

        public RoleTable(Dictionary<string, List<string>> roles)
        {
            foreach (var (role, aliases) in roles)
                foreach (var alias in aliases) _exact.TryAdd(TextNormalizer.Key(alias), role);
            _byLength = _exact.Select(e => (e.Key, e.Value)).OrderByDescending(e => e.Key.Length).ToList();
        }

        public string? RoleOf(string label)
        {
            var folded = TextNormalizer.Key(label).TrimEnd(':');
            if (_exact.TryGetValue(folded, out var role)) return role;
            foreach (var (alias, r) in _byLength)
                if (folded.Contains(alias, StringComparison.Ordinal)) return r;
            return null;
        }
    }
}
