using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>
/// A table (or one half of a summary table) as the rules see it: columns resolved by canonical id or printed name, rows by total,
/// label or code, and every value as a <see cref="Term"/> pinned to its cell (an empty cell is zero, still pinned).
/// </summary>
public sealed partial class TableView
{
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
            columns = columns.Where(c => c.Path.Count > 1 && TextNormalizer.Compact(c.Path[0]).Contains(marker)).ToList();
            Records = table.Records.OfType<SummaryRecord>().Where(r => r.Side == side).ToList<TableRecord>();
        }
        else Records = table.Records;
        // A body row of column numbers (`** 1 2 3`, `栏次`) is a printed key, not data.
        Records = Records.Where(r => !ColumnNumberRow.IsMarker(r.RowLabel)
            && !ColumnNumberRow.IsNumberSequence(r.Amounts.Values.OrderBy(a => a.Column).Select(a => a.Text).ToList())).ToList();
        Columns = columns;
        amountKeys = table.Structure.Columns.Select(c => Column.AmountKey(table.Structure.Columns, c.Index)).ToArray();
        normalisedPaths = columns.Select(c => c.Path.Select(TextNormalizer.Key).ToArray()).ToArray();
        idSegments = columns.Select(c => c.Index < table.ColumnIds.Count ? table.ColumnIds[c.Index]?.Split('.') : null).ToArray();
        rowLabels = Records.Select(r => LabelText.RowLabel(r.RowLabel)).ToArray();
    }

    private readonly string[][] normalisedPaths;
    private readonly string[]?[] idSegments;
    private readonly string[] amountKeys;

    /// <summary>The amount a record holds in a column: by the column's amount key, and only if it stands in that column
    /// (rows of side-by-side halves share keys).</summary>
    private Amount? AmountAt(TableRecord record, Column column)
    {
        var amounts = record.Amounts;
        if (amounts.TryGetValue(amountKeys[column.Index], out var amount) && amount.Column == column.Index) return amount;
        // A merged label over the amount column (江苏 表1: `支出合计` across 功能分类 名称 | 金额 | 支出用途 名称) prints the
        // row's amount in the first amount column after the merge.
        foreach (var span in Table.Structure.Spans)
        {
            if (span.Row != record.Row || span.Col >= column.Index || span.Col + span.ColSpan <= column.Index) continue;
            // An amount in a cell merged over a text column and this one (北京 `合 计` row: 科目 | 合计 merged, the amount
            // right-aligned) belongs to the merge's rightmost column, never to the next column's amount.
            var inside = amounts.Values.FirstOrDefault(a => a.Column >= span.Col && a.Column < span.Col + span.ColSpan);
            if (inside is not null) return column.Index == span.Col + span.ColSpan - 1 ? inside : null;
            var after = Columns.FirstOrDefault(c => c.Index >= span.Col + span.ColSpan && amounts.Values.Any(a => a.Column == c.Index));
            // Only a column of the same name (the other half's 金额) stands in for it: a row whose 合计 is missing must not
            // take its 基本支出 as 合计 (北京 表3 with `合 计` merged over 科目 | 合计 and nothing printed in it).
            return after is null || LeafName(after) != LeafName(column) ? null : amounts.Values.First(a => a.Column == after.Index);
        }
        return null;
    }
    private readonly string[] rowLabels;

    // Rules name amount columns: a text column whose header wraps onto a budget word (西安 2019 表1 `项 目 / 一、部门预算`,
    // id `income.label.budget`) is no amount column of that name.
    private static readonly HashSet<string> TextSegments = ["label", "subject", "subject_code", "subject_name", "class", "item", "subitem",
        "project_name", "unit_code", "unit_name", "remarks", "line_number"];

    private static string LeafName(Column column) => column.Path.Count == 0 ? "" : TextNormalizer.Key(column.Path[^1]);

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

    public static string Name(ExtractedTable table) => table.Number is { } n ? $"表{n}" : table.Title;

    public string Name() => Name(Table);

    /// <summary>The column a rule names: the first column whose canonical id ends with one of the ids (in the rule's
    /// order), else the first whose printed path ends with one of the names.</summary>
    public Column? Resolve(ColumnRef column)
    {
        foreach (var id in column.Ids)
        {
            var wanted = id.Split('.');
            for (var c = 0; c < Columns.Count; c++)
                if (idSegments[c] is { } segments && segments.Length >= wanted.Length && segments.AsSpan(segments.Length - wanted.Length).SequenceEqual(wanted)
                    && !segments.Any(TextSegments.Contains))
                    return Columns[c];
        }
        return ResolveByName(column.Names);
    }

    private Column? ResolveByName(IReadOnlyList<string> aliases)
    {
        foreach (var alias in aliases)
        {
            var wanted = alias.Split('/').Select(TextNormalizer.Key).ToList();
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
    public IReadOnlyList<Column> ResolvePart(ColumnRef part)
    {
        if (Resolve(part) is { } leaf) return [leaf];
        // A leaf under the group counts whether the group is known by its id or by its printed name (a leaf header the
        // alias catalogue does not know leaves the column without an id, but it is still under the group).
        var groupIds = part.Ids.Where(i => !i.Contains('.')).ToList();
        var groupNames = part.Names.Where(a => !a.Contains('/')).Select(TextNormalizer.Key).ToList();
        return Columns.Where((c, i) => idSegments[i] is { Length: > 1 } s && s[..^1].Any(groupIds.Contains)
                                       || c.Path.Count > 1 && normalisedPaths[i].Take(c.Path.Count - 1).Any(groupNames.Contains)).ToList();
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
        var columnsWithAmounts = new HashSet<int>(Records.SelectMany(r => r.Amounts.Values).Select(a => a.Column));
        return Columns.Where(c => columnsWithAmounts.Contains(c.Index)).ToList();
    }

    public TableRecord? FindRow(RowSelector selector)
    {
        if (selector.Total)
        {
            // Without a 总计 row, a single unit row over the codes (深圳: 预算单位 | 科目编码 …) is the table's total.
            if (Records.FirstOrDefault(r => r.IsTableTotal) is { } total) return total;
            var units = Records.OfType<ClassifiedRecord>().Where(r => r.Level == -1 && r.Project is null && r.Amounts.Count > 0).ToList();
            return units.Count == 1 && Records.OfType<ClassifiedRecord>().Any(r => r.Level >= 1) ? units[0] : null;
        }
        if (selector.Code is { } code) return Records.FirstOrDefault(r => r.Code == code);
        if (selector.Labels is { } labels)
            foreach (var label in labels.Select(LabelText.RowLabel))
            {
                var index = Array.IndexOf(rowLabels, label);
                while (index >= 0 && IsUnder(index, selector.NotUnder)) index = Array.IndexOf(rowLabels, label, index + 1);
                if (index >= 0) return Records[index];
            }
        return null;
    }

    // Whether the row's outline heading (the nearest `一、…` line above it) is one of the excluded headings: 表4's
    // `（一）一般公共预算拨款` under `二、上年结转` is last year's money, not this year's income of that name.
    private bool IsUnder(int index, IReadOnlyList<string>? headings)
    {
        if (headings is not { Count: > 0 }) return false;
        outlineDepths ??= Outline.Depths(Records);
        for (var i = index - 1; i >= 0; i--)
            if (outlineDepths[i] is 1 or 0 or Outline.Subtotal)
                return outlineDepths[i] == 1 && headings.Any(h => rowLabels[i].Contains(TextNormalizer.Key(h), StringComparison.Ordinal));
        return false;
    }
    private int[]? outlineDepths;

    /// <summary>
    /// A table laid out by unit (单位编码 | 单位名称 over the amounts, no 科目 code column): its codes are the units' codes
    /// (`234`, `234001`), not 功能分类 classes, so code roll-ups and per-class comparisons do not apply.
    /// </summary>
    public bool IsByUnit =>
        idSegments.Any(s => s is not null && s.Any(x => x is "unit_code" or "unit_name"))
        && !idSegments.Any(s => s is not null && s.Any(x => x is "subject_code" or "subject" or "class"));

    /// <summary>Whether the row prints digits in a split code column (类 / 款 / 项), even a code the records could not
    /// read (上海: `7 11 02 事业单位医疗` for 210 11 02): such a row is a classified row with a misprinted code, not a unit.</summary>
    public bool PrintsCode(TableRecord record)
    {
        var rows = Table.Structure.Rows;
        if (record.Row >= rows.Count) return false;
        for (var i = 0; i < Columns.Count; i++)
            if (idSegments[i] is [.., "class" or "item" or "subitem"] && Columns[i].Index < rows[record.Row].Count
                && rows[record.Row][Columns[i].Index].Text.Any(char.IsAsciiDigit))
                return true;
        return false;
    }

    /// <summary>An "of which" column: printed under a `其中` header, or headed `其中：…` itself (a part of a neighbour, not a summand).</summary>
    public bool IsOfWhich(Column column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Index == column.Index) return normalisedPaths[i].Any(h => h.StartsWith("其中", StringComparison.Ordinal));
        return false;
    }

    /// <summary>How a row is named in a statement: `201 03 01 行政运行`, `收入总计`, a project name.</summary>
    public static string RowName(TableRecord r) => r switch
    {
        ClassifiedRecord { Code: { } } c => $"{c.ClassCode}{(c.ItemCode is null ? "" : " " + c.ItemCode)}{(c.SubitemCode is null ? "" : " " + c.SubitemCode)} {c.Project ?? c.Name}",
        SummaryRecord s => s.Label,
        _ => r.RowLabel,
    };

    public bool HasValue(TableRecord r, Column c) => AmountAt(r, c) is not null;

    public Term Value(TableRecord record, Column column, string role)
    {
        var amount = AmountAt(record, column);
        var rows = Table.Structure.Rows;
        var cell = record.Row < rows.Count && column.Index < rows[record.Row].Count ? rows[record.Row][column.Index] : null;
        var checkCell = new CheckCell(Name(), Table.Number, Table.Kind, record.Row, amount?.Column ?? column.Index, RowName(record), column.Key,
            amount?.Text ?? "", amount?.Value ?? 0m, amount?.At ?? cell?.At, role);
        var shown = amount?.Text is { Length: > 0 } t ? t : "空";
        // A table without a printed unit is checked in its own unit (its amounts have no value in 元).
        return new Term(checkCell, amount is null ? 0m : amount.ValueYuan ?? amount.Value * unitToYuan, unitToYuan, $"{Name()} “{RowName(record)}” {column.Name} {shown}");
    }
}
