using Extractor.Model;
using Extractor.Text;

namespace Extractor.Recognition;

/// <summary>
/// What a document is, decided from what it holds: `budget` (预算 disclosure tables), `final_accounts` (决算 tables),
/// `performance_sheets` (only 绩效目标表 / 绩效自评表) or `other` (no disclosure table: a notice, a work report, a bulletin).
/// Tables decide first (the catalogue says which document each table kind belongs to); the opening text decides
/// between budget and final accounts when the tables are of kinds shared by both.
/// </summary>
public static class DocumentKind
{
    public const string Budget = "budget";
    public const string FinalAccounts = "final_accounts";
    public const string PerformanceSheets = "performance_sheets";
    public const string Other = "other";
    public const string NoTablesCode = "no-disclosure-tables";

    /// <param name="options">how many opening lines name the document, hold its title, say what kind of text it is</param>
    public static string Decide(IReadOnlyList<ExtractedTable> tables, int sheetCount, IReadOnlyList<TextLine> lines, TableKindCatalog catalog, DocumentOptions options)
    {
        int budget = 0, final = 0, shared = 0;
        foreach (var table in tables)
        {
            var kind = catalog.Kinds.FirstOrDefault(k => k.Id == table.Kind);
            switch (kind?.Document)
            {
                case "budget": budget++; break;
                case "final": final++; break;
                case Report: break;
                case not null: shared++; break;
            }
        }
        if (final > budget) return FinalAccounts;
        if (budget > 0) return Budget;
        var opening = Opening(lines, options.OpeningLines);
        if (shared > 0) return opening.Contains("决算", StringComparison.Ordinal) ? FinalAccounts : Budget;
        if (sheetCount > 0) return PerformanceSheets;
        // No disclosure table: the title decides. A 部门预算 explanation published without its tables is still a budget;
        // a notice, a bulletin or an evaluation report is not.
        var title = Opening(lines, options.TitleLines);
        // What the document calls itself stands in its first lines; a 通知 quoted in the body further down does not count.
        if (NotADisclosure(Opening(lines, options.NameLines))) return Other;
        if (title.Contains("决算", StringComparison.Ordinal)) return FinalAccounts;
        return title.Contains("预算", StringComparison.Ordinal) ? Budget : Other;
    }

    /// <summary>True when the document holds no disclosure table and no sheet: it deserves a warning.</summary>
    public static bool HasNoDisclosureTables(IReadOnlyList<ExtractedTable> tables, int sheetCount, TableKindCatalog catalog) =>
        sheetCount == 0 && !tables.Any(t => catalog.Kinds.Any(k => k.Id == t.Kind && k.Document != Report));

    /// <summary>The catalogue's document of a table kind printed in texts that are no disclosure (an evaluation report's
    /// 项目资金执行情况表): it is read, but it makes no document a budget.</summary>
    public const string Report = "report";

    /// <summary>The warning of a document without disclosure tables, guessing what it is from its opening words.</summary>
    public static Diagnostic NoTablesWarning(string name, string kind, IReadOnlyList<TextLine> lines, DocumentOptions options)
    {
        var title = Opening(lines, options.NameLines);
        var guess = title switch
        {
            _ when kind is Budget or FinalAccounts => "an explanation published without its tables",
            _ when title.Contains("公报", StringComparison.Ordinal) => "a statistics bulletin",
            _ when title.Contains("通知", StringComparison.Ordinal) || title.Contains("公告", StringComparison.Ordinal) => "a notice",
            _ when title.Contains("报告", StringComparison.Ordinal) => "a report",
            _ when title.Contains("目录", StringComparison.Ordinal) || title.Contains("清单", StringComparison.Ordinal) => "a list",
            _ => "a notice or another text",
        };
        return new Diagnostic(NoTablesCode, $"{name}: no budget tables: looks like {guess}", null);
    }

    // The heading of a contents page (`目 录`, often split over two lines) is not part of any title.
    private static string Opening(IReadOnlyList<TextLine> lines, int count) =>
        string.Concat(lines.Where(l => l.Compact() is not ("目录" or "目" or "录")).Take(count).Select(l => l.Compact()));

    private static bool NotADisclosure(string title) =>
        new[] { "通知", "公告", "公报", "评价报告", "工作报告", "目录", "清单" }.Any(w => title.Contains(w, StringComparison.Ordinal));
}
