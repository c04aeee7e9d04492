using Extractor.Pipeline;
using Extractor.Records;
using Extractor.Structure;

namespace Extractor.Reconciliation;

/// <summary>The identities among table cells: within rows, down the codes and outlines, and across tables.</summary>
public static class TableChecks
{
    public static void ColumnSums(IReadOnlyList<ExtractedTable> tables, ColumnSumRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, rule.Side, out var reason);
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Table)}: {rule.Total[0]} = Σ parts", reason)); return; }
        var total = view.Resolve(rule.Total);
        if (total is null)
        {
            // A template without this total column (e.g. no 单位资金 group): nothing to add up.
            checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {rule.Total[0]} = Σ parts", $"{view.Name()} has no column {string.Join(" / ", rule.Total)}"));
            return;
        }
        if (rule.Requires.FirstOrDefault(r => view.Resolve(r) is null) is { } required)
        {
            checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has no column {string.Join(" / ", required)}: another template"));
            return;
        }
        var parts = rule.Parts is null
            ? view.Siblings(total)
            : rule.Parts.SelectMany(view.ResolvePart).Where(c => c.Index != total.Index).Distinct().ToList();
        var absent = rule.Parts is null ? [] : rule.Parts.Where(p => view.ResolvePart(p).Count == 0).Select(p => p[0]).ToList();
        var absentNote = absent.Count == 0 ? null : $"columns not in {view.Name()} (counted as zero): {string.Join(", ", absent)}";
        if (parts.Count == 0)
        {
            checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has none of the part columns of {total.Name}"));
            return;
        }
        var any = false;
        foreach (var record in view.Records)
        {
            if (!view.HasValue(record, total) && !parts.Any(p => view.HasValue(record, p))) continue;
            any = true;
            var expected = view.Value(record, total, "total");
            var terms = parts.Where(p => view.HasValue(record, p) || rule.Parts is not null).Select(p => view.Value(record, p, "part")).ToList();
            var statement = $"{view.Name()} “{TableView.RowName(record)}”：{total.Name} {Identity.Shown(expected)} = " +
                            (terms.Count == 0 ? "0" : string.Join(" + ", terms.Select(t => $"{t.Cell.ColumnName!.Split('/')[^1]} {Identity.Shown(t)}")));
            var check = Identity.Sum(rule.Id, statement, expected, terms);
            checks.Add(check.Outcome == Outcome.Fail && absentNote is not null ? check with { Reason = absentNote } : check);
        }
        if (!any) checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {total.Name} = Σ parts", $"{view.Name()} has no amounts in these columns"));
    }

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
        var unitNames = UnitNames(null, tables);
        var units = rows.Where(r => r.Level == -1 && r.Record is ClassifiedRecord { Project: null } c && IsUnitName(c.Name, unitNames)
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
                foreach (var cls in block.Where(r => r.Level == 1))
                    Add(cls.Record, block.Where(r => r.Level == 2 && r.Code![..3] == cls.Code).Select(r => r.Record).ToList(), "款");
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
        var unitNames = UnitNames(document.Info.Department, tables);
        var total = view.Records.FirstOrDefault(TableView.IsTotal);
        if (total is null) { checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: 总计 = Σ rows", $"{view.Name()} has no 总计/合计 row")); return; }
        var others = view.Records.Where(r => !ReferenceEquals(r, total)).ToList();
        var isUnit = others.Select(r => IsUnitName(TableView.LabelOf(r), unitNames)).ToList();
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
    private static bool IsUnitName(string label, HashSet<string> names)
    {
        var l = LabelText.Normalise(label);
        return l.Length >= 4 && names.Any(n => n == l || n.StartsWith(l, StringComparison.Ordinal) || l.StartsWith(n, StringComparison.Ordinal));
    }

    public static void RowSums(IReadOnlyList<ExtractedTable> tables, RowSumRule rule, List<Check> checks)
    {
        var view = TableView.Find(tables, rule.Table, null, out var reason);
        if (view is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Table)}: {rule.Total[0]} = Σ rows", reason)); return; }
        var total = view.FindRow(new RowSelector(false, rule.Total, null));
        if (total is null) { checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {rule.Total[0]} = Σ rows", $"{view.Name()} has no row {string.Join(" / ", rule.Total)}")); return; }
        var parts = rule.Parts.Select(p => view.FindRow(new RowSelector(false, p, null))).OfType<TableRecord>().Where(r => !ReferenceEquals(r, total)).Distinct().ToList();
        if (parts.Count == 0) { checks.Add(Identity.Skip(rule.Id, $"{view.Name()}: {rule.Total[0]} = Σ rows", $"{view.Name()} has none of the part rows")); return; }
        foreach (var column in view.AmountColumns())
        {
            if (!view.HasValue(total, column) && !parts.Any(p => view.HasValue(p, column))) continue;
            var expected = view.Value(total, column, "total");
            var terms = parts.Select(p => view.Value(p, column, "part")).ToList();
            var statement = $"{view.Name()} {column.Key}：“{TableView.RowName(total)}” {Identity.Shown(expected)} = " +
                            string.Join(" + ", terms.Select(t => $"“{t.Cell.RowLabel}” {Identity.Shown(t)}"));
            checks.Add(Identity.Sum(rule.Id, statement, expected, terms));
        }
    }

    /// <summary>Resolves one value of a rule, or says why it cannot.</summary>
    public static Term? Resolve(IReadOnlyList<ExtractedTable> tables, ValueRef reference, string role, out string reason)
    {
        var view = TableView.Find(tables, reference.Table, reference.Side, out reason);
        if (view is null) return null;
        var column = view.Resolve(reference.Column);
        if (column is null) { reason = $"{view.Name()} has no column {string.Join(" / ", reference.Column)}"; return null; }
        var row = reference.Row is null ? null : view.FindRow(reference.Row);
        if (row is null)
        {
            var wanted = reference.Row?.Total == true ? "总计" : reference.Row?.Code ?? string.Join(" / ", reference.Row?.Labels ?? []);
            reason = $"{view.Name()} has no row {wanted}";
            return null;
        }
        return view.Value(row, column, role);
    }

    public static void Equalities(IReadOnlyList<ExtractedTable> tables, EqualityRule rule, List<Check> checks)
    {
        var left = Resolve(tables, rule.Left, "expected", out var reason);
        if (left is null) { checks.Add(Identity.Skip(rule.Id, rule.Statement ?? rule.Id, reason)); return; }
        var right = new List<Term>();
        foreach (var reference in rule.Right)
        {
            var term = Resolve(tables, reference, "actual", out reason);
            if (term is null && reference.Optional) continue;
            if (term is null) { checks.Add(Identity.Skip(rule.Id, rule.Statement ?? left.Describe, reason, [left.Cell])); return; }
            right.Add(term);
        }
        var statement = $"{left.Describe} = {string.Join(" + ", right.Select(r => r.Describe))}";
        checks.Add(Identity.Sum(rule.Id, rule.Statement is null ? statement : $"{rule.Statement}：{statement}", left, right));
    }

    /// <summary>Per class code: the same amount in both tables (a class missing from one side counts as zero there).</summary>
    public static void CodeMatches(IReadOnlyList<ExtractedTable> tables, CodeMatchRule rule, List<Check> checks)
    {
        var left = TableView.Find(tables, rule.Left.Table, rule.Left.Side, out var reason);
        var right = left is null ? null : TableView.Find(tables, rule.Right.Table, rule.Right.Side, out reason);
        if (left is null || right is null) { checks.Add(Identity.Skip(rule.Id, $"{TableView.KindName(rule.Left.Table)} = {TableView.KindName(rule.Right.Table)} per class", reason)); return; }
        var leftColumn = left.Resolve(rule.Left.Column);
        var rightColumn = right.Resolve(rule.Right.Column);
        if (leftColumn is null || rightColumn is null)
        {
            checks.Add(Identity.Skip(rule.Id, $"{left.Name()} = {right.Name()} per class",
                leftColumn is null ? $"{left.Name()} has no column {string.Join(" / ", rule.Left.Column)}" : $"{right.Name()} has no column {string.Join(" / ", rule.Right.Column)}"));
            return;
        }
        static Dictionary<string, TableRecord> Classes(TableView v) => v.Records
            .Where(r => TableView.CodeOf(r) is { Length: 3 }).GroupBy(r => TableView.CodeOf(r)!).ToDictionary(g => g.Key, g => g.First());
        var l = Classes(left);
        var r = Classes(right);
        if (l.Count == 0 || r.Count == 0)
        {
            // A template that lists this table by unit, not by class code (深圳 表2): nothing to compare per class.
            var without = l.Count == 0 ? left.Name() : right.Name();
            checks.Add(Identity.Skip(rule.Id, $"{left.Name()} = {right.Name()} per class", $"the rows of {without} carry no class codes"));
            return;
        }
        foreach (var code in l.Keys.Union(r.Keys).Order())
        {
            var lr = l.GetValueOrDefault(code);
            var rr = r.GetValueOrDefault(code);
            var lHas = lr is not null && left.HasValue(lr, leftColumn);
            var rHas = rr is not null && right.HasValue(rr, rightColumn);
            if (!lHas && !rHas) continue;
            if (lr is null || rr is null)
            {
                var present = lr is null ? right.Value(rr!, rightColumn, "actual") : left.Value(lr, leftColumn, "expected");
                var absent = lr is null ? left.Name() : right.Name();
                checks.Add(new Check(rule.Id, $"{present.Describe}, but {absent} has no row {code}", Outcome.Fail,
                    lr is null ? "0.00" : present.Cell.Text, lr is null ? present.Cell.Text : "0.00", Identity.Format(present.Cell.Value), "0.00",
                    Identity.UnitName(present.UnitToYuan), $"class {code} missing from {absent}", [present.Cell]));
                continue;
            }
            var expected = left.Value(lr, leftColumn, "expected");
            var actual = right.Value(rr, rightColumn, "actual");
            checks.Add(Identity.Sum(rule.Id, $"{expected.Describe} = {actual.Describe}", expected, [actual]));
        }
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
        for (var i = 0; i + 1 < depths.Length; i++)
            if (depths[i] == 3 && depths[i + 1] == 2 && (i == 0 || depths[i - 1] is 0 or Subtotal or 4)) depths[i] = 1;
        return depths;
    }

    private static int Depth(TableRecord r)
    {
        if (TableView.IsTotal(r)) return 0;
        if (r is SummaryRecord { IsTotal: true }) return Subtotal;
        var label = LabelText.Normalise(r is SummaryRecord s ? s.Label : TableView.LabelOf(r));
        if (label.Length == 0) return 4;
        return Chapter().IsMatch(label) ? 1 : Numbered().IsMatch(label) ? 2 : 3;
    }
}
