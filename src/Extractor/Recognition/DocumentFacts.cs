using System.Text.RegularExpressions;
using Extractor.Model;

namespace Extractor.Recognition;

/// <summary>
/// The document-level facts: the department and unit most titled tables name, the year the opening lines print, what
/// kind of document it is (<see cref="DocumentKind"/>), and the warning of a document without disclosure tables.
/// </summary>
public sealed record DocumentSummary(string? Department, int? Year, string? Unit, string Kind, Diagnostic? Warning);

/// <summary>The document-level facts read off its tables and text: department, budget year, the usual unit.</summary>
public static partial class DocumentFacts
{
    /// <param name="name">the document's name, for the warning</param>
    /// <param name="titled">the tables with a title (department and unit are read off these)</param>
    /// <param name="tables">every table, titled or not (they decide the kind)</param>
    public static DocumentSummary Summarise(string name, IReadOnlyList<ExtractedTable> titled, IReadOnlyList<ExtractedTable> tables, int sheetCount,
        IReadOnlyList<TextLine> textLines, TableKindCatalog catalog, DocumentOptions options)
    {
        var (department, year, unit) = Infer(titled, textLines, options);
        var kind = DocumentKind.Decide(tables, sheetCount, textLines, catalog, options);
        var warning = DocumentKind.HasNoDisclosureTables(tables, sheetCount, catalog) ? DocumentKind.NoTablesWarning(name, kind, textLines, options) : null;
        return new DocumentSummary(department, year, unit, kind, warning);
    }

    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex YearPattern();

    /// <summary>The department and unit most tables name, and the first year the opening lines print.</summary>
    public static (string? Department, int? Year, string? Unit) Infer(IReadOnlyList<ExtractedTable> tables, IReadOnlyList<TextLine> textLines, DocumentOptions options)
    {
        var department = tables.Select(t => t.Structure.Department).Where(d => !string.IsNullOrEmpty(d))
            .GroupBy(d => d).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var unit = tables.Select(t => t.Structure.Unit).Where(u => u is not null).GroupBy(u => u).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        int? year = null;
        foreach (var line in textLines.Take(options.YearSearchLines))
        {
            var m = YearPattern().Match(line.Text);
            if (m.Success) { year = int.Parse(m.Groups[1].Value); break; }
        }
        return (department, year, unit);
    }
}
