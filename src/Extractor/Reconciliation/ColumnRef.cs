using Extractor.Model;
namespace Extractor.Reconciliation;

/// <summary>
/// A column as a rule names it (the `columns` vocabulary of reconciliation-rules.json): canonical column ids first
/// (Recognition/column-aliases.json, matched as a suffix of the column's id: `total` finds `expenditure.total`), then
/// printed header names as the fallback for headers the alias catalogue does not know (`*预算数` = any header ending
/// 预算数; `财政拨款/小计` = a path suffix). A new regional wording of a header is one alias, not an edit of every rule.
/// </summary>
public sealed record ColumnRef(string Key, IReadOnlyList<string> Ids, IReadOnlyList<string> Names)
{
    /// <summary>How a reason names the column: its printed names, `合计 / 总计 / 支出总计`.</summary>
    public string Shown => string.Join(" / ", Names);

    /// <summary>The usual printed name (`合计`), for statements.</summary>
    public string First => Names.Count > 0 ? Names[0] : Key;
}
