using Extractor.Model;
using Extractor.Structure;

namespace Extractor.Reconciliation;

/// <summary>Identities down a table: 总计 = Σ 类 = Σ units, 类 = Σ 款, 款 = Σ 项; outline headings of 表1/表4; 表11 units and items.</summary>
public static class RollupChecks
{
    /// <summary>总计 = Σ 类 (or Σ unit rows, each unit = Σ its 类), 类 = Σ 款, 款 = Σ 项, in every amount column.</summary>
    public static void CodeRollups(IReadOnlyList<ExtractedTable> tables, TableRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, rule.Side, out var reason);
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Table)}: totals = Σ codes", reason)); return; }
        var rows = view.Records.Select(r => (Record: r, Level: LevelOf(r), Code: TableView.CodeOf(r))).ToList();
        var total = rows.FirstOrDefault(r => TableView.IsTotal(r.Record)).Record;
        var columns = view.AmountColumns();
        if (columns.Count == 0) { checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: totals = Σ codes", $"{view.Name()} has no amounts")); return; }
        if (!rows.Any(r => r.Level >= 1))
        {
            checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: totals = Σ codes", $"the rows of {view.Name()} carry no 类/款/项 codes"));
            return;
        }
        var unitNames = UnitRows.UnitNames(null, tables);
        var units = rows.Where(r => r.Level == -1 && r.Record is ClassifiedRecord { Project: null } c && UnitRows.IsUnitName(c.Name, unitNames)
                                    && TableView.AmountsOf(r.Record).Count > 0).Select(r => r.Record).ToList();
        foreach (var column in columns)
        {
            void Add(TableRecord parent, IReadOnlyList<TableRecord> children, string what)
            {
                if (children.Count == 0) return;
                if (!view.HasValue(parent, column) && !children.Any(c => view.HasValue(c, column))) return;
                var expected = view.Value(parent, column, "total");
                var terms = children.Where(c => view.HasValue(c, column)).Select(c => view.Value(c, column, "part")).ToList();
                var statement = $"{view.Name()} {column.Name}：“{TableView.RowName(parent)}” {Identity.Shown(expected)} = Σ {what} " +
                                (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}")));
                checks.Add(Identity.Sum(rule.Id, statement, expected, terms));
            }
            var classes = rows.Where(r => r.Level == 1).ToList();
            if (total is not null)
            {
                if (units.Count > 0) Add(total, units, "单位");
                else Add(total, classes.Select(r => r.Record).ToList(), "类");
            }
            for (var u = 0; u < units.Count; u++)
            {
                var from = rows.FindIndex(r => ReferenceEquals(r.Record, units[u]));
                var to = u + 1 < units.Count ? rows.FindIndex(r => ReferenceEquals(r.Record, units[u + 1])) : rows.Count;
                Add(units[u], rows.Skip(from + 1).Take(to - from - 1).Where(r => r.Level == 1).Select(r => r.Record).ToList(), "类");
            }
            // Within each unit block (or the whole table), 类 = Σ its 款 and 款 = Σ its 项.
            var blocks = units.Count == 0 ? [rows] : Blocks(rows, units);
            foreach (var block in blocks)
            {
                // A 项 printed without its 款 row (economic 3010201 with no 30102 row) counts directly under its 类.
                var printedItems = block.Where(r => r.Level == 2).Select(r => r.Code!).ToHashSet();
                foreach (var cls in block.Where(r => r.Level == 1))
                    Add(cls.Record, block.Where(r => r.Code is { } code && code[..3] == cls.Code
                        && (r.Level == 2 || r.Level == 3 && !printedItems.Contains(code[..5]))).Select(r => r.Record).ToList(), "款");
                foreach (var item in block.Where(r => r.Level == 2))
                    Add(item.Record, block.Where(r => r.Level == 3 && r.Code![..5] == item.Code).Select(r => r.Record).ToList(), "项");
            }
        }
    }

    private static List<List<(TableRecord Record, int Level, string? Code)>> Blocks(List<(TableRecord Record, int Level, string? Code)> rows, List<TableRecord> units)
    {
        var blocks = new List<List<(TableRecord, int, string?)>>();
        List<(TableRecord, int, string?)>? current = null;
        foreach (var row in rows)
        {
            if (units.Contains(row.Record)) { current = []; blocks.Add(current); continue; }
            current?.Add(row);
        }
        return blocks;
    }

    private static int LevelOf(TableRecord r) => r switch
    {
        ClassifiedRecord c => c.Level,
        SummaryRecord { Code: { } code } => code.Length switch { 3 => 1, 5 => 2, 7 => 3, _ => -2 },
        SummaryRecord s => TableView.IsTotal(s) ? 0 : -2,
        _ => -2,
    };

    /// <summary>
    /// The income half of 表1/表4: each outline heading (一、 / 1. / an unnumbered line over numbered ones) = Σ its direct
    /// children; a subtotal line (本年收入合计) = Σ the top rows since the previous subtotal; 总计 = Σ subtotals and the
    /// top rows after the last one.
    /// </summary>
    public static void OutlineRollups(IReadOnlyList<ExtractedTable> tables, TableRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, rule.Side, out var reason);
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Table)}: outline = Σ parts", reason)); return; }
        var rows = view.Records.ToList();
        var depths = Outline.Depths(rows);
        var groups = new List<(TableRecord Parent, List<TableRecord> Children)>();
        static List<TableRecord> Top(IEnumerable<(TableRecord Row, int Depth)> span)
        {
            var list = span.Where(x => x.Depth >= 1 && x.Depth <= 3).ToList();
            if (list.Count == 0) return [];
            var top = list.Min(x => x.Depth);
            return list.Where(x => x.Depth == top).Select(x => x.Row).ToList();
        }
        var indexed = rows.Select((r, i) => (Row: r, Depth: depths[i])).ToList();
        var lastBoundary = -1;
        var grandParts = new List<TableRecord>();
        for (var i = 0; i < indexed.Count; i++)
        {
            var (row, depth) = indexed[i];
            if (depth is 1 or 2)
            {
                var below = indexed.Skip(i + 1).TakeWhile(x => x.Depth > depth && x.Depth <= 3).ToList();
                var children = Top(below);
                // A lone `其中：…` line is an "of which" note (西安: 其中：专项资金列入部门预算的项目), not a split of the parent.
                var lonePartial = children.Count == 1 && LabelText.Normalise(TableView.LabelOf(children[0])).StartsWith("其中", StringComparison.Ordinal);
                if (children.Count > 0 && !lonePartial) groups.Add((row, children));
            }
            else if (depth == Outline.Subtotal)
            {
                groups.Add((row, Top(indexed.Skip(lastBoundary + 1).Take(i - lastBoundary - 1))));
                grandParts.Add(row);
                lastBoundary = i;
            }
            else if (depth == 0)
            {
                grandParts.AddRange(Top(indexed.Skip(lastBoundary + 1).Take(i - lastBoundary - 1)));
                groups.Add((row, grandParts.ToList()));
                grandParts.Clear();
                lastBoundary = i;
            }
        }
        foreach (var column in view.AmountColumns())
            foreach (var (parent, children) in groups)
            {
                if (children.Count == 0) continue;
                if (!view.HasValue(parent, column) && !children.Any(c => view.HasValue(c, column))) continue;
                var expected = view.Value(parent, column, "total");
                var terms = children.Where(c => view.HasValue(c, column)).Select(c => view.Value(c, column, "part")).ToList();
                var statement = $"{view.Name()} {column.Name}：“{TableView.RowName(parent)}” {Identity.Shown(expected)} = " +
                                (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}")));
                checks.Add(Identity.Sum(rule.Id, statement, expected, terms));
            }
    }

    /// <summary>Labelled tables with unit rows (表11): 总计 = Σ units (or Σ rows), each unit = Σ the rows under it.</summary>
    public static void ItemRollups(BudgetDocument document, IReadOnlyList<ExtractedTable> tables, TableRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, rule.Side, out var reason);
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Table)}: 总计 = Σ rows", reason)); return; }
        var unitNames = UnitRows.UnitNames(document.Info.Department, tables);
        var total = view.Records.FirstOrDefault(TableView.IsTotal);
        if (total is null) { checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: 总计 = Σ rows", $"{view.Name()} has no 总计/合计 row")); return; }
        var others = view.Records.Where(r => !ReferenceEquals(r, total)).ToList();
        var isUnit = others.Select(r => UnitRows.IsUnitName(TableView.LabelOf(r), unitNames)).ToList();
        foreach (var column in view.AmountColumns())
        {
            void Add(TableRecord parent, List<TableRecord> children, string what)
            {
                if (children.Count == 0) return;
                if (!view.HasValue(parent, column) && !children.Any(c => view.HasValue(c, column))) return;
                var expected = view.Value(parent, column, "total");
                var terms = children.Where(c => view.HasValue(c, column)).Select(c => view.Value(c, column, "part")).ToList();
                var statement = $"{view.Name()} {column.Key}：“{TableView.RowName(parent)}” {Identity.Shown(expected)} = Σ {what} " +
                                (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}")));
                checks.Add(Identity.Sum(rule.Id, statement, expected, terms));
            }
            if (!isUnit.Contains(true)) { Add(total, others, "行"); continue; }
            Add(total, others.Where((_, i) => isUnit[i]).ToList(), "单位");
            for (var i = 0; i < others.Count; i++)
            {
                if (!isUnit[i]) continue;
                var items = others.Skip(i + 1).TakeWhile((_, k) => !isUnit[i + 1 + k]).ToList();
                Add(others[i], items, "项目");
            }
        }
    }
}

/// <summary>Unit rows (a department's subtotal row in 表7/表11): names from the department, the 编制部门 lines, the unit rows of 表7.</summary>
public static class UnitRows
{
    /// <summary>Names a unit row may carry: the department, the 编制部门 of the tables, the unit rows of 表7.</summary>
    public static HashSet<string> UnitNames(string? department, IReadOnlyList<ExtractedTable> tables)
    {
        var names = new HashSet<string>();
        if (department is { Length: >= 4 } d) names.Add(LabelText.Normalise(d));
        foreach (var t in tables)
        {
            if (t.Structure.Department is { Length: >= 4 } dep) names.Add(LabelText.Normalise(dep));
            foreach (var r in t.Records.OfType<ClassifiedRecord>().Where(r => r.Level == -1 && r.Project is null && r.Name.Length >= 4))
                names.Add(LabelText.Normalise(r.Name));
        }
        return names;
    }

    // LibreOffice may clip a 编制部门 cell, so a printed prefix of at least four characters counts.
    public static bool IsUnitName(string label, HashSet<string> names)
    {
        var l = LabelText.Normalise(label);
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]")]
    private static partial System.Text.RegularExpressions.Regex Chapter();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+[、.．]")]
    private static partial System.Text.RegularExpressions.Regex Numbered();

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
        if (TableView.IsTotal(r)) return 0;
        if (r is SummaryRecord { IsTotal: true }) return Subtotal;
        var label = LabelText.Normalise(r is SummaryRecord s ? s.Label : TableView.LabelOf(r));
        // 江苏 prints the year's subtotal as `当年收入小计` or bare `当年收入` above 上年结转资金.
        if (r is SummaryRecord && (label.EndsWith("小计", StringComparison.Ordinal) || label is "当年收入" or "本年收入")) return Subtotal;
        if (label.Length == 0) return 4;
        return Chapter().IsMatch(label) ? 1 : Numbered().IsMatch(label) ? 2 : 3;
    }
}
