using Extractor.Model;
using Extractor.Structure;

namespace Extractor.Reconciliation;

/// <summary>Identities within one table across its columns (total column = Σ part columns) and across labelled rows (表10).</summary>
public static class RowIdentityChecks
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
}
