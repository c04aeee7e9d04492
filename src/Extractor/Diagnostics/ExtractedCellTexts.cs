using Extractor.Model;
using Extractor.Output;
using Extractor.Pipeline;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Diagnostics;

/// <summary>The text of one extracted cell and the pages it may stand on (a table cell's page; every page of its sheet).</summary>
public sealed record PlacedCellText(string Text, IReadOnlyList<int> Pages);

/// <summary>Every string a user gets as a cell: the rows of each table and every value of each sheet, read from the JSON contract.</summary>
public static class ExtractedCellTexts
{
    public static IEnumerable<PlacedCellText> Of(BudgetDocument document) => Of(JsonDocumentWriter.ToOutput(document));

    public static IEnumerable<PlacedCellText> Of(OutputDocument output)
    {
        var serializer = JsonSerializer.Create(JsonDocumentWriter.Settings);
        foreach (var table in output.Tables)
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    // Rows and cells are parallel in the contract; a cell without provenance may stand on any page of its table.
                    var pages = r < table.Cells.Count && c < table.Cells[r].Count ? [table.Cells[r][c].Page] : table.Pages;
                    yield return new PlacedCellText(table.Rows[r][c], pages);
                }
        foreach (var sheet in output.PerformanceSheets)
            foreach (var s in Strings(JToken.FromObject(sheet, serializer)))
                yield return new PlacedCellText(s, sheet.Pages);
    }

    private static IEnumerable<string> Strings(JToken token) => token switch
    {
        JValue { Type: JTokenType.String } v => [(string)v!],
        JContainer c => c.Children().SelectMany(Strings),
        _ => [],
    };
}
