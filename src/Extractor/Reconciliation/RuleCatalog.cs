using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

// The rule catalogue (reconciliation-rules.json) as typed data. Field names follow the JSON.

/// <summary>A row of a table: the total row, a row by label, or a row by code.</summary>
public sealed record RowSelector(bool Total, IReadOnlyList<string>? Labels, string? Code);

/// <summary>One value: table kind, half (income | expenditure) for the summary tables, row, accepted column names.</summary>
public sealed record ValueRef(string Table, string? Side, RowSelector? Row, IReadOnlyList<string> Column, bool Optional);

/// <summary>Within every row: a total column equals the sum of part columns (or of its sibling columns when Parts is null).</summary>
/// Requires names columns the template must have for the rule to apply (regional variants get rules of their own).
public sealed record ColumnSumRule(string Id, string Table, string? Side, IReadOnlyList<string> Total, IReadOnlyList<IReadOnlyList<string>>? Parts, IReadOnlyList<IReadOnlyList<string>> Requires);

/// <summary>Down the codes, every amount column: total = Σ 类, 类 = Σ 款, 款 = Σ 项.</summary>
public sealed record TableRule(string Id, string Table, string? Side);

/// <summary>Within a labelled table: the row named Total equals the sum of the rows named in Parts.</summary>
public sealed record RowSumRule(string Id, string Table, IReadOnlyList<string> Total, IReadOnlyList<IReadOnlyList<string>> Parts);

/// <summary>Left equals the sum of Right (usually one value): totals restated across tables.</summary>
public sealed record EqualityRule(string Id, string? Statement, ValueRef Left, IReadOnlyList<ValueRef> Right);

/// <summary>Every class code present in either table has the same amount in both.</summary>
public sealed record CodeMatchRule(string Id, ValueRef Left, ValueRef Right);

/// <summary>A figure of the prose (found by section keywords and label) equals a table value; its share is recomputed against ShareOf's figure.</summary>
public sealed record ProseFigureRule(string Id, IReadOnlyList<string> Section, IReadOnlyList<string> Labels, bool Exact, ValueRef Ref, string? ShareOf);

/// <summary>Figures of a section whose label names a row of the table equal that row (by project name when ByProject).</summary>
public sealed record ProseRowRule(string Id, IReadOnlyList<string> Section, string Table, string? Side, IReadOnlyList<string> Column, bool ShareOfTotal, bool ByProject);

/// <summary>The shares stated in a section add up to 100 %.</summary>
public sealed record ProseShareSumRule(string Id, IReadOnlyList<string> Section);

/// <summary>A figure of the prose equals the sum of other figures of the same section (per project when ByProject; "*" = every other figure).</summary>
public sealed record ProseSumRule(string Id, IReadOnlyList<string> Section, IReadOnlyList<string> Total, IReadOnlyList<IReadOnlyList<string>> Parts, bool ByProject);

public sealed record RuleCatalog(
    IReadOnlyList<ColumnSumRule> ColumnSums,
    IReadOnlyList<TableRule> CodeRollups,
    IReadOnlyList<TableRule> OutlineRollups,
    IReadOnlyList<TableRule> ItemRollups,
    IReadOnlyList<RowSumRule> RowSums,
    IReadOnlyList<EqualityRule> Equalities,
    IReadOnlyList<CodeMatchRule> CodeMatches,
    IReadOnlyList<ProseFigureRule> ProseFigures,
    IReadOnlyList<ProseRowRule> ProseRows,
    IReadOnlyList<ProseShareSumRule> ProseShareSums,
    IReadOnlyList<ProseSumRule> ProseSums)
{
    public static RuleCatalog Default { get; } = Load();

    private static RuleCatalog Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("reconciliation-rules.json")
            ?? throw new InvalidOperationException("embedded reconciliation-rules.json missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static RuleCatalog Parse(string json)
    {
        var root = JObject.Parse(json);
        List<T> List<T>(string name, Func<JObject, T> map) => root[name] is JArray a ? a.Cast<JObject>().Select(map).ToList() : [];
        return new RuleCatalog(
            List("columnSums", o => new ColumnSumRule(Str(o, "id"), Str(o, "table"), Opt(o, "side"), Strings(o["total"]),
                o["parts"] is JArray parts ? parts.Select(Strings).ToList() : null,
                o["requires"] is JArray requires ? requires.Select(Strings).ToList() : [])),
            List("codeRollups", TableRuleOf),
            List("outlineRollups", TableRuleOf),
            List("itemRollups", TableRuleOf),
            List("rowSums", o => new RowSumRule(Str(o, "id"), Str(o, "table"), Strings(o["total"]), ((JArray)o["parts"]!).Select(Strings).ToList())),
            List("equalities", o => new EqualityRule(Str(o, "id"), Opt(o, "statement"), Ref((JObject)o["left"]!), ((JArray)o["right"]!).Cast<JObject>().Select(Ref).ToList())),
            List("codeMatches", o => new CodeMatchRule(Str(o, "id"), Ref((JObject)o["left"]!), Ref((JObject)o["right"]!))),
            List("proseFigures", o => new ProseFigureRule(Str(o, "id"), Strings(o["section"]), Strings(o["labels"]), Flag(o, "exact"), Ref((JObject)o["ref"]!), Opt(o, "shareOf"))),
            List("proseRows", o => new ProseRowRule(Str(o, "id"), Strings(o["section"]), Str(o, "table"), Opt(o, "side"), Strings(o["column"]), Flag(o, "shareOfTotal"), Flag(o, "byProject"))),
            List("proseShareSums", o => new ProseShareSumRule(Str(o, "id"), Strings(o["section"]))),
            List("proseSums", o => new ProseSumRule(Str(o, "id"), Strings(o["section"]), Strings(o["total"]), ((JArray)o["parts"]!).Select(Strings).ToList(), Flag(o, "byProject"))));
    }

    private static TableRule TableRuleOf(JObject o) => new(Str(o, "id"), Str(o, "table"), Opt(o, "side"));

    private static ValueRef Ref(JObject o)
    {
        RowSelector? row = o["row"] is JObject r
            ? new RowSelector(Flag(r, "total"), r["labels"] is JArray ? Strings(r["labels"]) : null, Opt(r, "code"))
            : null;
        return new ValueRef(Str(o, "table"), Opt(o, "side"), row, o["column"] is null ? [] : Strings(o["column"]), Flag(o, "optional"));
    }

    private static string Str(JObject o, string name) => (string?)o[name] ?? throw new JsonException($"rule field '{name}' missing in {o}");
    private static string? Opt(JObject o, string name) => (string?)o[name];
    private static bool Flag(JObject o, string name) => (bool?)o[name] ?? false;
    private static IReadOnlyList<string> Strings(JToken? t) => t is JArray a ? a.Select(x => (string)x!).ToList() : t is null ? [] : [(string)t!];
}
