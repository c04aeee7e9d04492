using System.Text.RegularExpressions;
using Extractor.Model;

namespace Extractor.Recognition;

/// <summary>The document-level facts read off its tables and text: department, budget year, the usual unit.</summary>
public static partial class DocumentFacts
{
    /// <summary>How many text lines from the top of the document may name the year (`2026年部门预算`).</summary>
    private const int YearSearchLines = 40;

    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex YearPattern();

    /// <summary>The department and unit most tables name, and the first year the opening lines print.</summary>
    public static (string? Department, int? Year, string? Unit) Infer(IReadOnlyList<ExtractedTable> tables, IReadOnlyList<TextLine> textLines)
    {
        var department = tables.Select(t => t.Structure.Department).Where(d => !string.IsNullOrEmpty(d))
            .GroupBy(d => d).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var unit = tables.Select(t => t.Structure.Unit).Where(u => u is not null).GroupBy(u => u).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        int? year = null;
        foreach (var line in textLines.Take(YearSearchLines))
        {
            var m = YearPattern().Match(line.Text);
            if (m.Success) { year = int.Parse(m.Groups[1].Value); break; }
        }
        return (department, year, unit);
    }
}
