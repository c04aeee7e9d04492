using System.Reflection;
using Extractor.Model;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace Extractor.Reconciliation;

/// <summary>A row of a table: the total row, a row by label (not under one of the NotUnder outline headings), or a row by code.</summary>
public sealed record RowSelector(bool Total, IReadOnlyList<string>? Labels, string? Code, IReadOnlyList<string>? NotUnder = null);

/// <summary>One value: table kind, half (income | expenditure) for the summary tables, row, column.</summary>
public sealed record ValueRef(string Table, string? Side, RowSelector? Row, ColumnRef Column, bool Optional);

/// <summary>
/// The rule catalogue (reconciliation-rules.json) as rule objects, in the order the registry lists the rule types and
/// each list its rules; the `columns` vocabulary every rule names its columns from. Loaded once and passed in.
/// </summary>
public sealed record RuleCatalog(IReadOnlyList<IReconciliationRule> Rules, IReadOnlyDictionary<string, ColumnRef> Columns)
{
    /// <summary>The embedded catalogue read with the default registry (for the composition root and tests).</summary>
    public static RuleCatalog Default { get; } = Load(RuleRegistry.Default);

    public static RuleCatalog Load(RuleRegistry registry)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("reconciliation-rules.json")
            ?? throw new InvalidOperationException("embedded reconciliation-rules.json missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), registry);
    }

    /// <summary>Reads a catalogue; a list no rule type is registered for, or a column missing from the vocabulary, is an error.</summary>
    public static RuleCatalog Parse(string json, RuleRegistry registry)
    {
        var root = JObject.Parse(json);
        var reader = new RuleReader(root["columns"] as JObject ?? new JObject());
        var known = registry.Types.Select(t => t.List).Append("columns").Append("comment").ToHashSet();
        if (root.Properties().FirstOrDefault(p => !known.Contains(p.Name)) is { } unknown)
            throw new JsonException($"reconciliation rules: no rule type is registered for the list '{unknown.Name}'");
        var rules = registry.Types
            .SelectMany(t => root[t.List] is JArray list ? t.Read(list.Cast<JObject>().ToList(), reader) : [])
            .ToList();
        return new RuleCatalog(rules, reader.Columns);
    }
}

/// <summary>Typed access to the fields of one rule object, and the column vocabulary its column keys resolve in.</summary>
public sealed class RuleReader
{
    public IReadOnlyDictionary<string, ColumnRef> Columns { get; }

    public RuleReader(JObject vocabulary) => Columns = vocabulary.Properties().ToDictionary(
        p => p.Name, p => new ColumnRef(p.Name, Strings(p.Value["ids"]), Strings(p.Value["names"])));

    public static string Str(JObject o, string name) => (string?)o[name] ?? throw new JsonException($"rule field '{name}' missing in {o}");
    public static string? Opt(JObject o, string name) => (string?)o[name];
    public static bool Flag(JObject o, string name) => (bool?)o[name] ?? false;
    public static IReadOnlyList<string> Strings(JToken? t) => t is JArray a ? a.Select(x => (string)x!).ToList() : t is null ? [] : [(string)t!];

    /// <summary>A column key of the vocabulary (`"total"`).</summary>
    public ColumnRef Column(JToken? key) =>
        key?.Type == JTokenType.String && Columns.TryGetValue((string)key!, out var column) ? column
            : throw new JsonException($"reconciliation rules: column '{key}' is not in the columns vocabulary");

    /// <summary>A list of column keys (`["basic", "project"]`).</summary>
    public IReadOnlyList<ColumnRef> ColumnList(JToken? keys) => keys is JArray a ? a.Select(Column).ToList() : [];

    public ValueRef Ref(JObject o)
    {
        RowSelector? row = o["row"] is JObject r
            ? new RowSelector(Flag(r, "total"), r["labels"] is JArray ? Strings(r["labels"]) : null, Opt(r, "code"), Strings(r["notUnder"]))
            : null;
        return new ValueRef(Str(o, "table"), Opt(o, "side"), row, Column(o["column"]), Flag(o, "optional"));
    }
}
