using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>One roll-up identity in one column: the parent row = Σ its child rows (those with a value in the column).</summary>
public static class Rollup
{
    /// <summary>The check, or null when there are no children or neither side prints anything in this column.</summary>
    public static Check? Sum(ReconciliationContext context, string ruleId, TableView view, Column column, string columnName,
        TableRecord parent, IReadOnlyList<TableRecord> children, string? what)
    {
        if (children.Count == 0) return null;
        if (!view.HasValue(parent, column) && !children.Any(c => view.HasValue(c, column))) return null;
        var expected = view.Value(parent, column, "total");
        var terms = children.Where(c => view.HasValue(c, column)).Select(c => view.Value(c, column, "part")).ToList();
        var statement = $"{view.Name()} {columnName}：“{TableView.RowName(parent)}” {Identity.Shown(expected)} = {(what is null ? "" : $"Σ {what} ")}" +
                        (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}")));
        return context.Sum(ruleId, statement, expected, terms);
    }
}

/// <summary>Unit rows (a department's subtotal row in 表7/表11): names from the department, the 编制部门 lines, the unit rows of 表7.</summary>
public static class UnitRows
{
    /// <summary>Names a unit row may carry: the department, the 编制部门 of the tables, the unit rows of 表7.</summary>
    public static HashSet<string> UnitNames(string? department, IReadOnlyList<ExtractedTable> tables)
    {
        var names = new HashSet<string>();
        if (department is { Length: >= 4 } d) names.Add(TextNormalizer.Key(d));
        foreach (var t in tables)
        {
            if (t.Structure.Department is { Length: >= 4 } dep) names.Add(TextNormalizer.Key(dep));
            foreach (var r in t.Records.OfType<ClassifiedRecord>().Where(r => r.Level == -1 && r.Project is null && r.Name.Length >= 4))
                names.Add(TextNormalizer.Key(r.Name));
        }
        return names;
    }

    // LibreOffice may clip a 编制部门 cell, so a printed prefix of at least four characters counts.
    public static bool IsUnitName(string label, HashSet<string> names)
    {
        var l = TextNormalizer.Key(label);
        return l.Length >= 4 && names.Any(n => n == l || n.StartsWith(l, StringComparison.Ordinal) || l.StartsWith(n, StringComparison.Ordinal));
    }
}

/// <summary>
/// Outline depth of summary rows: 0 总计, 1 `一、`, 2 `1.`, 3 anything else (`其中：…`), <see cref="Subtotal"/> a
/// `…合计` line, 4 an empty label. An unnumbered line that opens the half or follows a subtotal and stands over numbered
/// lines is a heading (depth 1): 财政拨款 over 1.一般公共预算拨款 ….
/// </summary>
public static partial class Outline
{
    public const int Subtotal = 5;

    public static int[] Depths(IReadOnlyList<TableRecord> rows)
    {
        var depths = rows.Select(Depth).ToArray();
        // Without a …总计 line the half closes on a …合计 line (本年收入合计 … 上年结转结余, 收入合计): that last line is the total.
        if (depths.Length > 0 && depths[^1] == Subtotal && !depths.Contains(0)) depths[^1] = 0;
        for (var i = 0; i + 1 < depths.Length; i++)
            if (depths[i] == 3 && depths[i + 1] == 2 && (i == 0 || depths[i - 1] is 0 or Subtotal or 4)) depths[i] = 1;
        // Without a 总计 line, the last of several subtotal lines is the half's total (江苏: 当年收入小计 … 上年结转资金 … 收入合计).
        var subtotals = Enumerable.Range(0, depths.Length).Where(i => depths[i] == Subtotal).ToList();
        if (subtotals.Count >= 2 && !depths.Contains(0)) depths[subtotals[^1]] = 0;
        return depths;
    }

    private static int Depth(TableRecord r)
    {
        if (r.IsTableTotal) return 0;
        if (r is SummaryRecord { IsTotal: true }) return Subtotal;
        var label = TextNormalizer.Key(r is SummaryRecord s ? s.Label : r.RowLabel);
        // 江苏 prints the year's subtotal as `当年收入小计` or bare `当年收入` above 上年结转资金.
        if (r is SummaryRecord && (label.EndsWith("小计", StringComparison.Ordinal) || label is "当年收入" or "本年收入")) return Subtotal;
        if (label.Length == 0) return 4;
        return OutlineNumbering.KindOf(label, OutlineMark.Chapter | OutlineMark.Item) switch { OutlineMark.Chapter => 1, OutlineMark.Item => 2, _ => 3 };
    }
}
