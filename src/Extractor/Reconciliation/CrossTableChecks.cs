using Extractor.Model;
using Extractor.Structure;

namespace Extractor.Reconciliation;

/// <summary>Totals restated across tables, and per-class agreement between tables.</summary>
public static class CrossTableChecks
{
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
