using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Per class code: the same amount in both tables (a class missing from one side counts as zero there).</summary>
public sealed record CodeMatchRule(string Id, ValueRef Left, ValueRef Right) : IReconciliationRule
{
    public static CodeMatchRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), r.Ref((JObject)o["left"]!), r.Ref((JObject)o["right"]!));

    public IEnumerable<string> Tables => [Left.Table, Right.Table];

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var left = context.Find(Left.Table, Left.Side, out var reason);
        var right = left is null ? null : context.Find(Right.Table, Right.Side, out reason);
        if (left is null || right is null) return [Identity.Skip(Id, $"{context.KindName(Left.Table)} = {context.KindName(Right.Table)} per class", reason)];
        var leftColumn = left.Resolve(Left.Column);
        var rightColumn = right.Resolve(Right.Column);
        if (leftColumn is null || rightColumn is null)
            return [Identity.Skip(Id, $"{left.Name()} = {right.Name()} per class",
                leftColumn is null ? $"{left.Name()} has no column {Left.Column.Shown}" : $"{right.Name()} has no column {Right.Column.Shown}")];
        if (left.IsByUnit || right.IsByUnit)
        {
            var byUnit = left.IsByUnit ? left.Name() : right.Name();
            return [Identity.Skip(Id, $"{left.Name()} = {right.Name()} per class", $"{byUnit} is laid out by unit (单位编码 / 单位名称): its codes are units' codes, not classes")];
        }
        var l = Classes(left);
        var r = Classes(right);
        if (l.Count == 0 || r.Count == 0)
        {
            // A template that lists this table by unit, not by class code (深圳 表2): nothing to compare per class.
            var without = l.Count == 0 ? left.Name() : right.Name();
            return [Identity.Skip(Id, $"{left.Name()} = {right.Name()} per class", $"the rows of {without} carry no class codes")];
        }
        var checks = new List<Check>();
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
                checks.Add(new Check(Id, $"{present.Describe}, but {absent} has no row {code}", Outcome.Fail,
                    lr is null ? "0.00" : present.Cell.Text, lr is null ? present.Cell.Text : "0.00", Identity.Format(present.Cell.Value), "0.00",
                    Identity.UnitName(present.UnitToYuan), $"class {code} missing from {absent}", [present.Cell]));
                continue;
            }
            var expected = left.Value(lr, leftColumn, "expected");
            var actual = right.Value(rr, rightColumn, "actual");
            checks.Add(context.Sum(Id, $"{expected.Describe} = {actual.Describe}", expected, [actual]));
        }
        return checks;
    }

    private static Dictionary<string, TableRecord> Classes(TableView v) => v.Records
        .Where(r => r.Code is { Length: 3 }).GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.First());
}
