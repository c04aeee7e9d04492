using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Recognition;
using Extractor.Text;

namespace Extractor.Records;

/// <summary>Maps a recognised table's body rows onto typed records, by the kind's shape and the roles of its columns.</summary>
public static partial class RecordBuilder
{
    [GeneratedRegex(@"^(\d{3})(?:\s*(\d{2}))?(?:\s*(\d{2}))?(?:\s+|$)(.*)$")]
    private static partial Regex CodeAndName();

    /// <summary>
    /// A classification printed with its name in one cell: `2040201-行政运行`, `30101－基本工资`. A name too long for its
    /// row prints its last characters over the next row's cell, so that cell opens with them (`护2130306-水利工程运行与维`
    /// under `2130306-水利工程运行与维` + `护`, `缴费支出2080506-机关事业单位职业年金`): a few such characters before the
    /// code are not part of the row.
    /// </summary>
    [GeneratedRegex(@"^[^\d\s]{0,8}([1-9]\d{2}(?:\d{2}){0,2})\s*[-－—]\s*(\S.*)$")]
    private static partial Regex JoinedCodeAndName();

    private static readonly string[] TotalLabels = ["总计", "合计", "收入总计", "支出总计", "本年收入合计", "本年支出合计"];

    /// <param name="columnIds">Canonical column ids (index = column), copied onto every amount; optional.</param>
    public static IReadOnlyList<TableRecord> Build(StructuredTable table, TableKind? kind, decimal? unitFactor, IReadOnlyList<string?>? columnIds = null)
    {
        if (kind is null || table.Rows.Count == 0) return [];
        var records = BuildByShape(table, kind, unitFactor);
        return columnIds is null ? records : records.Select(r => WithColumnIds(r, columnIds)).ToList();
    }

    private static TableRecord WithColumnIds(TableRecord record, IReadOnlyList<string?> ids)
    {
        IReadOnlyDictionary<string, Amount> Tag(IReadOnlyDictionary<string, Amount> amounts) =>
            amounts.ToDictionary(a => a.Key, a => a.Value with { ColumnId = a.Value.Column < ids.Count ? ids[a.Value.Column] : null });
        return record.WithAmounts(Tag(record.Amounts));
    }

    private static IReadOnlyList<TableRecord> BuildByShape(StructuredTable table, TableKind kind, decimal? unitFactor)
    {
        return kind.Shape switch
        {
            "summary" => BuildSummary(table, unitFactor),
            "functional" => BuildClassified(table, "functional", unitFactor),
            "economic" => BuildClassified(table, "economic", unitFactor),
            "project" => BuildClassified(table, "functional", unitFactor, projects: true),
            "items" => BuildItems(table, unitFactor),
            _ => [],
        };
    }

    public static bool IsTotalLabel(string label) => TotalLabels.Contains(TextNormalizer.Compact(label));

    private static List<TableRecord> BuildClassified(StructuredTable table, string classification, decimal? unitFactor, bool projects = false)
    {
        var halves = SideBySideHalves(table.Columns);
        if (halves.Count < 2) return BuildClassified(table, table.Columns, classification, unitFactor, skipEmptyRows: false, projects);
        return halves.SelectMany(half => BuildClassified(table, half, classification, unitFactor, skipEmptyRows: true, projects)).ToList();
    }

    /// <summary>
    /// A table printed as halves side by side (基本支出决算表: 人员经费 | 公用经费, each 编码 | 名称 | 决算数) repeats its
    /// first column's header path: each repetition starts a half whose rows are records of their own.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Column>> SideBySideHalves(IReadOnlyList<Column> columns)
    {
        if (columns.Count < 4) return [columns];
        var starts = columns.Where(c => c.Key == columns[0].Key).Select(c => c.Index).ToList();
        if (starts.Count < 2) return [columns];
        var halves = new List<IReadOnlyList<Column>>();
        for (var h = 0; h < starts.Count; h++)
        {
            var end = h + 1 < starts.Count ? starts[h + 1] : columns.Count;
            halves.Add(columns.Where(c => c.Index >= starts[h] && c.Index < end).ToList());
        }
        // Every half must carry the same header sequence, else the repetition is not a side-by-side layout.
        var first = halves[0].Select(c => c.Key).ToList();
        return halves.All(h => h.Select(c => c.Key).SequenceEqual(first)) ? halves : [columns];
    }

    /// <param name="projects">a project table (shape `project`): rows may be labelled by project category columns</param>
    private static List<TableRecord> BuildClassified(StructuredTable table, IReadOnlyList<Column> columns, string classification, decimal? unitFactor, bool skipEmptyRows, bool projects)
    {
        int? classCol = Find(columns, c => c.Name == "类"), itemCol = Find(columns, c => c.Name == "款"), subCol = Find(columns, c => c.Name == "项");
        int? combinedCode = classCol is null ? Find(columns, c => c.Name.Contains("编码") || c.Name.Contains("代码")) : null;
        int? projectCol = Find(columns, c => c.Name.Contains("项目名称"));
        int? nameCol = Find(columns, c => c.Name.Contains("科目名称") || c.Name is "科目" or "功能分类" or "经济分类" or "项目")
            ?? (combinedCode is { } cc && columns.Any(c => c.Index == cc + 1) ? cc + 1 : null);
        var joinedCols = classCol is null && combinedCode is null && nameCol is null ? JoinedColumns(table, columns) : [];
        var joined = PreferredJoinedColumn(joinedCols, classification);
        var textCols = new HashSet<int?> { classCol, itemCol, subCol, combinedCode, projectCol, nameCol };
        textCols.UnionWith(joinedCols.Select(c => (int?)c.Index));
        var (labelCols, describedCols) = projects && classCol is null && combinedCode is null && nameCol is null && projectCol is null && joinedCols.Count == 0
            ? ProjectLabelColumns(table, columns) : ([], []);
        textCols.UnionWith(labelCols.Select(c => (int?)c.Index));
        var amountCols = AmountColumns(columns, textCols);

        var records = new List<TableRecord>();
        // In one code column, regions print either full codes (208, 20805, 2080505) or a level's own digits under its
        // parent (208, 05, 2080505); a 2-digit code is then read against the rows above it.
        var codeCols = combinedCode is null ? [] : columns.Where(c => c.Index >= combinedCode && (c.Name.Contains("编码") || c.Name.Contains("代码")))
            .Select(c => (int?)c.Index).ToList();
        var fullCodesPrinted = table.Rows.Any(row => codeCols.Any(c => Text(row, c) is { } t && Regex.IsMatch(TextNormalizer.Compact(t), @"^\d{5}(\d{2})?$")));
        string? currentClass = null, currentItem = null;
        var previousLevel = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            string? cls = Text(row, classCol), item = Text(row, itemCol), sub = Text(row, subCol);
            var name = Text(row, nameCol) ?? "";
            // Stream layouts may split one code column in two (类 codes flush left, deeper codes indented): take the
            // first code printed in any of the code columns.
            var code = combinedCode is null ? null : codeCols.Select(c => Text(row, c)).FirstOrDefault(t => t is not null) is { } printed ? TextNormalizer.Compact(printed) : null;
            if (Text(row, joined) is { } both && JoinedCodeAndName().Match(TextNormalizer.Compact(both)) is { Success: true } split)
                (code, name) = (split.Groups[1].Value, split.Groups[2].Value);
            else if (Text(row, joined) is { } printedName) name = printedName;
            // No classification starts with 0: `024` is a department code (苏州 表2 部门代码 | 部门名称).
            if (code is not null && Regex.IsMatch(code, @"^[1-9](\d{2}|\d{4}|\d{6})$"))
            {
                cls = code[..3];
                item = code.Length >= 5 ? code[3..5] : null;
                sub = code.Length >= 7 ? code[5..7] : null;
            }
            else if (code is not null && Regex.IsMatch(code, @"^\d{2}$") && currentClass is not null)
            {
                // A relative code: 款 under the current 类, or 项 under the current 款 where full codes are not printed.
                cls = currentClass;
                if (!fullCodesPrinted && previousLevel >= 2 && currentItem is not null) { item = currentItem; sub = code; }
                else item = code;
            }
            else if (code is not null && Regex.IsMatch(code, @"^\d+$"))
            {
                // Other digit strings (125001) are unit codes: the row is a unit's subtotal, not a classification.
                cls = null; item = null; sub = null;
            }
            else if (cls is not null && !Regex.IsMatch(cls, @"^\d{3}$"))
            {
                // `总计` or a unit name printed across the code columns.
                if (name.Length == 0) name = cls;
                cls = null; item = null; sub = null;
            }
            if (name.Length == 0 && combinedCode is { } ci && Text(row, ci) is { } label && !char.IsAsciiDigit(label[0])) name = label;
            string? project = Text(row, projectCol);
            if (labelCols.Count > 0 && labelCols.LastOrDefault(c => Text(row, c.Index) is not null) is { } from)
            {
                // The most specific label printed (二级项目 under 一级项目 under 类型). A row of a project column is a
                // project when it prints a 绩效目标 (the unit rows of 支出项目类别（资金使用单位） print none).
                name = Text(row, from.Index)!;
                var described = describedCols.Count == 0 || describedCols.Any(c => Text(row, c) is not null);
                project = from.Name.Contains("项目") && described && !IsTotalLabel(name) ? name : null;
            }
            var level = cls is null ? (IsTotalLabel(name) ? 0 : -1) : item is null ? 1 : sub is null ? 2 : 3;
            if (cls is not null) { currentClass = cls; currentItem = item; previousLevel = level; }
            var fullCode = cls is null ? null : cls + (item ?? "") + (sub ?? "");
            var amounts = Amounts(table, row, r, amountCols, unitFactor);
            // A shorter half leaves blank rows below its last line.
            if (skipEmptyRows && fullCode is null && name.Length == 0 && amounts.Count == 0) continue;
            records.Add(new ClassifiedRecord(r, classification, fullCode, cls, item, sub, level, name, project, amounts));
        }
        return records;
    }

    /// <summary>
    /// A project table without codes or a 项目名称 column labels its rows in leading text columns (Guangzhou
    /// `支出项目类别（资金使用单位）`: 合计, the unit, its projects; Changchun `类型 | 一级项目 | 二级项目`; Shenzhen
    /// `支出项目类别`): those columns (a 项目单位 column names the unit, not the row), and the later text columns
    /// that describe a project (`绩效目标`).
    /// </summary>
    private static (List<Column> Labels, List<int> Described) ProjectLabelColumns(StructuredTable table, IReadOnlyList<Column> columns)
    {
        bool HasAmount(Column c) => table.Rows.Any(row => Text(row, c.Index) is { } t && AmountParser.TryParse(t, out _));
        bool HasText(Column c) => table.Rows.Any(row => Text(row, c.Index) is { } t && !AmountParser.TryParse(t, out _));
        var labels = new List<Column>();
        var at = 0;
        for (; at < columns.Count && !HasAmount(columns[at]); at++)
        {
            var name = TextNormalizer.Compact(columns[at].Name);
            var labelling = name.Contains("项目") || name.Contains("类别") || name == "类型";
            if (labelling && !name.StartsWith("项目单位", StringComparison.Ordinal) && HasText(columns[at])) labels.Add(columns[at]);
        }
        if (labels.Count == 0 || at == columns.Count) return ([], []);
        var described = columns.Skip(at).Where(c => !HasAmount(c) && HasText(c)).Select(c => c.Index).ToList();
        return (labels, described);
    }

    /// <summary>
    /// The columns that print each row's classification as code and name in one cell (Beijing 支出总表: 支出功能分类科目
    /// `2040201-行政运行` | 政府支出经济分类科目 `50101-工资奖金津补贴` | 部门支出经济分类科目 `30101-基本工资`): most of the
    /// cells printed in them are such.
    /// </summary>
    private static List<Column> JoinedColumns(StructuredTable table, IReadOnlyList<Column> columns) =>
        columns.Where(c =>
        {
            var printed = table.Rows.Select(row => Text(row, c.Index)).OfType<string>().ToList();
            return printed.Count > 0 && printed.Count(t => JoinedCodeAndName().IsMatch(TextNormalizer.Compact(t))) * 2 > printed.Count;
        }).ToList();

    /// <summary>
    /// The joined column a record's code comes from: for functional records the 功能 column, for economic ones the
    /// department's 部门…经济 column (the 301/302 codes other regions print), else the first.
    /// </summary>
    private static int? PreferredJoinedColumn(List<Column> joined, string classification)
    {
        var preferred = classification == "economic"
            ? joined.FirstOrDefault(c => c.Name.Contains("部门") && c.Name.Contains("经济")) ?? joined.FirstOrDefault(c => c.Name.Contains("经济"))
            : joined.FirstOrDefault(c => c.Name.Contains("功能"));
        return (preferred ?? joined.FirstOrDefault())?.Index;
    }

    private static List<TableRecord> BuildSummary(StructuredTable table, decimal? unitFactor)
    {
        var records = new List<TableRecord>();
        var halves = table.Columns.GroupBy(c => c.Path.Count > 1 ? c.Path[0] : "").ToList();
        if (halves.Count < 2) halves = [table.Columns.GroupBy(_ => "").Single()];
        foreach (var half in halves)
        {
            var cols = half.ToList();
            var labelCol = cols[0].Index;
            // `收 入` | `支 出` (北京 预算01表 spaces its half headers) name the halves as well.
            var halfName = TextNormalizer.Compact(half.Key);
            var side = halfName.Contains("支出") ? "expenditure" : halfName.Contains("收入") ? "income" : "all";
            var amountCols = cols.Skip(1).Where(c => !ColumnRoles.IsTextColumn(c.Name)).Select(c => c.Index).ToList();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var label = row[labelCol].Text;
                if (label.Length == 0) continue;
                var m = CodeAndName().Match(label);
                var code = m.Success ? m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value : null;
                var name = m.Success ? m.Groups[4].Value : label;
                var isTotal = TextNormalizer.Compact(label) is var compact && (compact.EndsWith("总计") || compact.EndsWith("合计"));
                records.Add(new SummaryRecord(r, side, label, code, name, isTotal, Amounts(table, row, r, amountCols, unitFactor)));
            }
        }
        return records;
    }

    private static List<TableRecord> BuildItems(StructuredTable table, decimal? unitFactor)
    {
        // A 三公 table that starts with its total (`“三公”经费合计 | 因公出国… `) has no label column: its first column is
        // an amount like the others, and the record's label is empty.
        int? labelCol = IsLabelColumn(table, 0) ? 0 : null;
        // A numbered list (序号 | 会议名称 | …, numbered `1` or `一`) is labelled by its name, not its number; a row without a number (合计) by
        // what it prints first.
        int? nameCol = labelCol is 0 && table.Columns.Count > 2 && ColumnRoles.IsNumbering(table.Columns[0].Name) && IsLabelColumn(table, 1) ? 1 : null;
        var amountCols = AmountColumns(table.Columns, [labelCol, nameCol]);
        // A table listing the units first (`二级预算单位名称 | 一级项目名称 | 预算数 | 绩效目标`) labels its items by the
        // project column; the unit stays on the record.
        var itemCol = labelCol is 0 && IsUnitHeader(table.Columns[0].Name)
            ? table.Columns.Skip(1).FirstOrDefault(c => ColumnRoles.IsTextColumn(c.Name) && TextNormalizer.Compact(c.Name).Contains("项目"))?.Index
            : null;
        var records = new List<TableRecord>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var label = labelCol is { } l ? row[l].Text : "";
            if (nameCol is { } n && (label.Length == 0 || label.All(char.IsAsciiDigit) || ChineseNumerals.IsChinese(label)) && row[n].Text.Length > 0) label = row[n].Text;
            string? unit = null;
            // A row with no project (the 合计, a unit's subtotal) keeps the unit column's text as its label.
            if (itemCol is { } i && row[i].Text.Length > 0) (label, unit) = (row[i].Text, label.Length > 0 ? label : null);
            records.Add(new ItemRecord(r, label, IsTotalLabel(label), Amounts(table, row, r, amountCols, unitFactor)) { Unit = unit });
        }
        return records;
    }

    /// <summary>A header naming the budget unit a row belongs to (`二级预算单位名称`, `单位名称`), not the item.</summary>
    private static bool IsUnitHeader(string name) =>
        TextNormalizer.Compact(name) is var folded && folded.Contains("单位") && folded.Contains("名称") && !folded.Contains("项目");

    /// <summary>A column labels the rows unless it is an amount column: every cell printed in it is an amount.</summary>
    private static bool IsLabelColumn(StructuredTable table, int column)
    {
        if (table.Columns.Count < 2 || ColumnRoles.IsTextColumn(table.Columns[column].Name)) return true;
        var printed = table.Rows.Select(row => row[column].Text).Where(t => t.Length > 0).ToList();
        return printed.Count == 0 || !printed.All(t => AmountParser.Parse(t).Kind is AmountKind.Number or AmountKind.Dash);
    }

    /// <summary>Every column but the text ones: those given, and any other code or name column (a second 编码/名称 pair).</summary>
    private static List<int> AmountColumns(IReadOnlyList<Column> columns, HashSet<int?> exclude) =>
        columns.Where(c => !exclude.Contains(c.Index) && !ColumnRoles.IsTextColumn(c.Name)).Select(c => c.Index).ToList();

    private static Dictionary<string, Amount> Amounts(StructuredTable table, IReadOnlyList<Cell> row, int r, List<int> cols, decimal? unitFactor)
    {
        var result = new Dictionary<string, Amount>();
        foreach (var c in cols)
        {
            var cell = row[c];
            if (!AmountParser.TryParse(cell.Text, out var value)) continue;
            // Two columns sharing a header path must not overwrite each other: later ones get a deterministic suffix.
            var key = Column.AmountKey(table.Columns, c);
            // Only money in a printed unit has a value in 元; a table without a unit, or a count or score column, has none.
            var toYuan = ColumnRoles.IsQuantity(table.Columns[c].Path) ? null : unitFactor;
            result[key] = new Amount(value, value * toYuan, cell.Text, cell.At, r, c);
        }
        return result;
    }

    private static int? Find(IReadOnlyList<Column> columns, Func<Column, bool> predicate) =>
        columns.FirstOrDefault(predicate)?.Index;

    private static string? Text(IReadOnlyList<Cell> row, int? col) =>
        col is { } c && c < row.Count && row[c].Text.Length > 0 ? row[c].Text : null;
}
