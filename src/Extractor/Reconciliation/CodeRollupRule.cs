using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>Down the codes, in every amount column: 总计 = Σ 类 (or Σ unit rows, each unit = Σ its 类), 类 = Σ 款, 款 = Σ 项.</summary>
public sealed record CodeRollupRule(string Id, string Table, string? Side) : IReconciliationRule
{
    public static CodeRollupRule Read(JObject o, RuleReader r) => new(RuleReader.Str(o, "id"), RuleReader.Str(o, "table"), RuleReader.Opt(o, "side"));

    public IEnumerable<string> Tables => [Table];

    private sealed record Row(TableRecord Record, int Level, string? Code);

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var view = context.Find(Table, Side, out var reason);
        if (view is null) return [Identity.Skip(Id, $"{context.KindName(Table)}: totals = Σ codes", reason)];
        var rows = view.Records.Select(r => new Row(r, LevelOf(r), r.Code)).ToList();
        var total = rows.FirstOrDefault(r => r.Record.IsTableTotal)?.Record;
        var columns = view.AmountColumns();
        if (columns.Count == 0) return [Identity.Skip(Id, $"{view.Name()}: totals = Σ codes", $"{view.Name()} has no amounts")];
        if (view.IsByUnit) return ByUnit(context, view, rows, total, columns);
        if (!rows.Any(r => r.Level >= 1)) return [Identity.Skip(Id, $"{view.Name()}: totals = Σ codes", $"the rows of {view.Name()} carry no 类/款/项 codes")];
        var unitNames = UnitRows.UnitNames(null, context.Tables);
        // In a table laid out by unit (单位编码 | 单位名称) every uncoded row with amounts is a unit, whatever its printed
        // (often wrapped) name; elsewhere a unit row must carry a unit's name.
        var units = rows.Where(r => r.Level == -1 && r.Record is ClassifiedRecord { Project: null } c && (view.IsByUnit || UnitRows.IsUnitName(c.Name, unitNames) && !view.PrintsCode(c))
                                    && r.Record.Amounts.Count > 0).Select(r => r.Record).ToList();
        var checks = new List<Check>();
        foreach (var column in columns)
        {
            void Add(TableRecord parent, IReadOnlyList<TableRecord> children, string what)
            {
                if (Rollup.Sum(context, Id, view, column, column.Name, parent, children, what) is { } check) checks.Add(check);
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
        return checks;
    }

    /// <summary>
    /// A table laid out by unit (单位编码 | 单位名称) prints unit codes, not 类/款/项: a short code is the 主管部门 (`234
    /// 西安市气象局`) over the units printed under it (`234001 …`, `234002 …`), so 合计 = Σ departments and each
    /// department = Σ its units; without department rows 合计 = Σ units.
    /// </summary>
    private List<Check> ByUnit(ReconciliationContext context, TableView view, List<Row> rows, TableRecord? total, IReadOnlyList<Column> columns)
    {
        var departments = rows.Where(r => r.Level >= 1 && r.Record.Amounts.Count > 0).ToList();
        var units = rows.Where(r => r.Level == -1 && r.Record is ClassifiedRecord { Project: null } && r.Record.Amounts.Count > 0).ToList();
        var checks = new List<Check>();
        foreach (var column in columns)
        {
            void Add(TableRecord parent, IEnumerable<Row> children, string what)
            {
                if (Rollup.Sum(context, Id, view, column, column.Name, parent, children.Select(c => c.Record).ToList(), what) is { } check) checks.Add(check);
            }
            if (total is not null) Add(total, departments.Count > 0 ? departments : units, departments.Count > 0 ? "部门" : "单位");
            for (var d = 0; d < departments.Count; d++)
            {
                var from = rows.IndexOf(departments[d]);
                var to = d + 1 < departments.Count ? rows.IndexOf(departments[d + 1]) : rows.Count;
                Add(departments[d].Record, units.Where(u => rows.IndexOf(u) > from && rows.IndexOf(u) < to), "单位");
            }
        }
        return checks.Count > 0 ? checks : [Identity.Skip(Id, $"{view.Name()}: totals = Σ units", $"{view.Name()} is laid out by unit and prints no unit rows to add up")];
    }

    private static List<List<Row>> Blocks(List<Row> rows, List<TableRecord> units)
    {
        var blocks = new List<List<Row>>();
        List<Row>? current = null;
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
        SummaryRecord s => s.IsTableTotal ? 0 : -2,
        _ => -2,
    };
}
