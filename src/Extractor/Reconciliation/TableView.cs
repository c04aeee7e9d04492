using Extractor.Model;
using Extractor.Records;

namespace Extractor.Reconciliation;

/// <summary>
/// A table (or one half of a summary table) as the rules see it: columns resolved by accepted names, rows by total,
/// label or code, and every value as a <see cref="Term"/> pinned to its cell (an empty cell is zero, still pinned).
/// </summary>
public sealed partial class TableView
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^([*※]+|栏次|栏号)$")]
    private static partial System.Text.RegularExpressions.Regex ColumnNumberRow();

    // Rules look the same table up many times; one view per table and half, kept as long as the table lives.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ExtractedTable, System.Collections.Concurrent.ConcurrentDictionary<string, TableView>> Views = new();

    public ExtractedTable Table { get; }
    public string? Side { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<TableRecord> Records { get; }
    private readonly decimal unitToYuan;

    private TableView(ExtractedTable table, string? side)
    {
        Table = table;
        Side = side;
        unitToYuan = table.UnitFactor ?? 1m;
        var columns = table.Structure.Columns;
        if (side is not null)
        {
            var marker = side == "income" ? "收入" : "支出";
            columns = columns.Where(c => c.Path.Count > 1 && c.Path[0].Contains(marker)).ToList();
            Records = table.Records.OfType<SummaryRecord>().Where(r => r.Side == side).ToList<TableRecord>();
        }
        else Records = table.Records;
        // A body row of column numbers (`** 1 2 3`, `栏次`) is a printed key, not data.
        Records = Records.Where(r => !ColumnNumberRow().IsMatch(LabelText.Normalise(LabelOf(r))) && !NumbersColumns(r)).ToList();
        Columns = columns;
        amountKeys = table.Structure.Columns.Select(c => RecordBuilder.AmountKey(table.Structure.Columns, c.Index)).ToArray();
        normalisedPaths = columns.Select(c => c.Path.Select(LabelText.Normalise).ToArray()).ToArray();
        rowLabels = Records.Select(r => LabelText.RowLabel(LabelOf(r))).ToArray();
    }

    private readonly string[][] normalisedPaths;
    private readonly string[] amountKeys;

    /// <summary>The amount a record holds in a column: by the column's amount key, and only if it stands in that column
    /// (rows of side-by-side halves share keys).</summary>
    private Amount? AmountAt(TableRecord record, Column column)
    {
        var amounts = AmountsOf(record);
        if (amounts.TryGetValue(amountKeys[column.Index], out var amount) && amount.Column == column.Index) return amount;
        // A merged label over the amount column (江苏 表1: `支出合计` across 功能分类 名称 | 金额 | 支出用途 名称) prints the
        // row's amount in the first amount column after the merge.
        foreach (var span in Table.Structure.Spans)
        {
            if (span.Row != record.Row || span.Col >= column.Index || span.Col + span.ColSpan <= column.Index) continue;
            var after = Columns.FirstOrDefault(c => c.Index >= span.Col + span.ColSpan && amounts.Values.Any(a => a.Column == c.Index));
            return after is null ? null : amounts.Values.First(a => a.Column == after.Index);
        }
        return null;
    }
    private readonly string[] rowLabels;

    // `1 2 3 … n` across the amount columns: the printed column numbers, whatever the label cell says.
    private static bool NumbersColumns(TableRecord record)
    {
        var amounts = AmountsOf(record).Values.OrderBy(a => a.Column).ToList();
        if (amounts.Count < 3) return false;
        for (var i = 0; i < amounts.Count; i++)
            if (amounts[i].Text.Contains('.') || i > 0 && amounts[i].Value != amounts[i - 1].Value + 1) return false;
        return true;
    }

    /// <summary>The first table of the kind (and its half), or why there is none.</summary>
    public static TableView? Find(IReadOnlyList<ExtractedTable> tables, string kind, string? side, out string reason)
    {
        // A kind may be titled twice (a contents page, a repeated title): the first one with rows is the table.
        var table = tables.FirstOrDefault(t => t.Kind == kind && t.Records.Count > 0) ?? tables.FirstOrDefault(t => t.Kind == kind);
        if (table is null) { reason = $"this document has no table of kind {kind}"; return null; }
        if (table.Records.Count == 0)
        {
            reason = $"{Name(table)} {table.Title} has no rows{(table.Structure.Note is { } note ? $" ({note})" : "")}";
            return null;
        }
        reason = "";
        return Views.GetValue(table, _ => new()).GetOrAdd(side ?? "", _ => new TableView(table, side));
    }

    /// <summary>A kind id as a reader knows it: the table's usual printed name (部门收入总体情况表).</summary>
    public static string KindName(string kind) =>
        Extractor.Recognition.TableKindCatalog.Default.Kinds.FirstOrDefault(k => k.Id == kind)?.Name ?? kind;

    public static string Name(ExtractedTable table) => table.Number is { } n ? $"表{n}" : table.Title;

    public string Name() => Name(Table);

    public Column? Resolve(IReadOnlyList<string> aliases)
    {
        foreach (var alias in aliases)
        {
            var wanted = alias.Split('/').Select(LabelText.Normalise).ToList();
            for (var c = 0; c < Columns.Count; c++)
            {
                var path = normalisedPaths[c];
                if (path.Length < wanted.Count) continue;
                var offset = path.Length - wanted.Count;
                var match = true;
                for (var i = 0; i < wanted.Count && match; i++) match = SegmentMatches(path[offset + i], wanted[i]);
                if (match) return Columns[c];
            }
        }
        return null;
    }

    // `*预算数` accepts any header ending so (`2026 年预算数`): regions put the year in the header.
    private static bool SegmentMatches(string header, string wanted) =>
        wanted.StartsWith('*') ? header.EndsWith(wanted[1..], StringComparison.Ordinal) : header == wanted;

    /// <summary>
    /// The columns a part name stands for: the leaf of that name, or, where the name is a header group with no subtotal
    /// column (`基本支出` over 人员支出 | 日常公用支出), every leaf under it.
    /// </summary>
    public IReadOnlyList<Column> ResolvePart(IReadOnlyList<string> aliases)
    {
        if (Resolve(aliases) is { } leaf) return [leaf];
        foreach (var alias in aliases.Where(a => !a.Contains('/')).Select(LabelText.Normalise))
        {
            var under = Columns.Where((c, i) => c.Path.Count > 1 && normalisedPaths[i].Take(c.Path.Count - 1).Contains(alias)).ToList();
            if (under.Count > 0) return under;
        }
        return [];
    }

    /// <summary>Every other leaf under the total column's parent header (`项目支出/合计` → the economic columns of 项目支出).</summary>
    public IReadOnlyList<Column> Siblings(Column total)
    {
        var parent = total.Path.Take(total.Path.Count - 1).ToList();
        return Columns.Where(c => c.Index != total.Index && c.Path.Count > parent.Count && c.Path.Take(parent.Count).SequenceEqual(parent)).ToList();
    }

    /// <summary>The columns that hold amounts in some row.</summary>
    public IReadOnlyList<Column> AmountColumns()
    {
        var columnsWithAmounts = new HashSet<int>(Records.SelectMany(r => AmountsOf(r).Values).Select(a => a.Column));
        return Columns.Where(c => columnsWithAmounts.Contains(c.Index)).ToList();
    }

    public TableRecord? FindRow(RowSelector selector)
    {
        if (selector.Total)
        {
            // Without a 总计 row, a single unit row over the codes (深圳: 预算单位 | 科目编码 …) is the table's total.
            if (Records.FirstOrDefault(IsTotal) is { } total) return total;
            var units = Records.OfType<ClassifiedRecord>().Where(r => r.Level == -1 && r.Project is null && r.Amounts.Count > 0).ToList();
            return units.Count == 1 && Records.OfType<ClassifiedRecord>().Any(r => r.Level >= 1) ? units[0] : null;
        }
        if (selector.Code is { } code) return Records.FirstOrDefault(r => CodeOf(r) == code);
        if (selector.Labels is { } labels)
            foreach (var label in labels.Select(LabelText.RowLabel))
            {
                var index = Array.IndexOf(rowLabels, label);
                if (index >= 0) return Records[index];
            }
        return null;
    }

    public static bool IsTotal(TableRecord r) => r.IsTableTotal;

    public static string? CodeOf(TableRecord r) => r.Code;

    public static string LabelOf(TableRecord r) => r.RowLabel;

    public static IReadOnlyDictionary<string, Amount> AmountsOf(TableRecord r) => r.Amounts;

    /// <summary>How a row is named in a statement: `201 03 01 行政运行`, `收入总计`, a project name.</summary>
    public static string RowName(TableRecord r) => r switch
    {
        ClassifiedRecord { Code: { } } c => $"{c.ClassCode}{(c.ItemCode is null ? "" : " " + c.ItemCode)}{(c.SubitemCode is null ? "" : " " + c.SubitemCode)} {c.Project ?? c.Name}",
        SummaryRecord s => s.Label,
        _ => LabelOf(r),
    };

    public bool HasValue(TableRecord r, Column c) => AmountAt(r, c) is not null;

    public Term Value(TableRecord record, Column column, string role)
    {
        var amount = AmountAt(record, column);
        var rows = Table.Structure.Rows;
        var cell = record.Row < rows.Count && column.Index < rows[record.Row].Count ? rows[record.Row][column.Index] : null;
        var checkCell = new CheckCell(Name(), Table.Number, Table.Kind, record.Row, amount?.Column ?? column.Index, RowName(record), column.Key,
            amount?.Text ?? "", amount?.Value ?? 0m, amount?.Page ?? cell?.Page, amount?.Box ?? cell?.Box, role);
        var shown = amount?.Text is { Length: > 0 } t ? t : "空";
        return new Term(checkCell, amount?.ValueYuan ?? 0m, unitToYuan, $"{Name()} “{RowName(record)}” {column.Name} {shown}");
    }
}
