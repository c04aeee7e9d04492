using Extractor.Model;
using Extractor.Output;
using Extractor.Pipeline;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Diagnostics;

/// <summary>Every string a user gets as a cell: the rows of each table and every value of each sheet, read from the JSON contract.</summary>
public static class ExtractedCellTexts
{
    public static IEnumerable<string> Of(BudgetDocument document) => Of(JsonDocumentWriter.ToOutput(document));

    public static IEnumerable<string> Of(OutputDocument output)
    {
        var serializer = JsonSerializer.Create(JsonDocumentWriter.Settings);
        foreach (var table in output.Tables)
            foreach (var row in table.Rows)
                foreach (var cell in row)
                    yield return cell;
        foreach (var sheet in output.PerformanceSheets)
            foreach (var s in Strings(JToken.FromObject(sheet, serializer)))
                yield return s;
    }

    private static IEnumerable<string> Strings(JToken token) => token switch
    {
        JValue { Type: JTokenType.String } v => [(string)v!],
        JContainer c => c.Children().SelectMany(Strings),
        _ => [],
    };
}
