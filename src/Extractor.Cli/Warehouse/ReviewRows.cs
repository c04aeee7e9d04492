using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Extractor.Cli.Warehouse;

/// <summary>
/// The reviewer's corrections as the batch carried them into the JSON's `review` section (from `NAME.review.json`):
/// one row per value marked wrong, the value extracted now beside the correct one, so nothing extracted is overwritten.
/// </summary>
public sealed class CorrectionRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("corrections", "document_id",
    [
        new("document_id", SqlTypes.Text, "documents.id"),
        new("table_index", SqlTypes.Int, "position of the table in the JSON's tables[]"),
        new("table_number", SqlTypes.Int, "the printed 表N, null when not numbered"),
        new("table_kind", SqlTypes.Text, "stable kind id of the table"),
        new("row", SqlTypes.Int, "body row of the cell (JSON tables[].rows; facts.row_index)"),
        new("column", SqlTypes.Int, "leaf column of the cell (facts.column_index)"),
        new("extracted", SqlTypes.Text, "the text extracted there by this run (null when the cell no longer exists)"),
        new("corrected", SqlTypes.Text, "the correct value as the reviewer typed it"),
        new("extracted_value", SqlTypes.Amount, "extracted as an amount, null when not one"),
        new("corrected_value", SqlTypes.Amount, "corrected as an amount, null when not one"),
        new("reviewed_extracted", SqlTypes.Text, "the text the reviewer saw extracted when she marked it"),
        new("stale", SqlTypes.Bool, "the extraction no longer gives the text the reviewer saw: look again"),
        new("note", SqlTypes.Text, "the reviewer's note"),
        new("reviewer", SqlTypes.Text, "who reviewed, when the decisions file says"),
        new("saved_utc", SqlTypes.Time, "when the decisions were saved, when the file says"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        if (output.Json["review"] is not JObject review) yield break;
        var reviewer = (string?)review["reviewer"];
        var saved = ReviewTime.Parse(review["savedUtc"]);
        foreach (var c in review["corrections"] ?? new JArray())
            yield return
            [
                output.DocumentId, (int?)c["table"], (int?)c["number"], (string?)c["kind"], (int?)c["row"], (int?)c["column"],
                (string?)c["extracted"], (string?)c["corrected"], ReviewTime.Amount(c["extractedValue"]), ReviewTime.Amount(c["correctedValue"]),
                (string?)c["reviewedExtracted"], (bool?)c["stale"], (string?)c["note"], reviewer, saved,
            ];
    }
}

/// <summary>One row per table the reviewer verified against the printed page or corrected a value in.</summary>
public sealed class ReviewedTableRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("reviewed_tables", "document_id",
    [
        new("document_id", SqlTypes.Text, "documents.id"),
        new("table_index", SqlTypes.Int, "position of the table in the JSON's tables[] (corrections.table_index)"),
        new("table_number", SqlTypes.Int, "the printed 表N, null when not numbered"),
        new("table_kind", SqlTypes.Text, "stable kind id of the table"),
        new("verified", SqlTypes.Bool, "the reviewer marked the table as checked against the printed page"),
        new("corrections", SqlTypes.Int, "values of the table the reviewer marked wrong"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        if (output.Json["review"] is not JObject review) yield break;
        var verified = (review["verified"] ?? new JArray()).Select(v => ((int)v["index"]!, (int?)v["number"], (string?)v["kind"])).ToList();
        var corrected = (review["corrections"] ?? new JArray()).Select(c => ((int)c["table"]!, (int?)c["number"], (string?)c["kind"])).ToList();
        foreach (var table in verified.Concat(corrected).Distinct().OrderBy(t => t.Item1))
            yield return [output.DocumentId, table.Item1, table.Item2, table.Item3, verified.Contains(table), corrected.Count(c => c == table)];
    }
}

/// <summary>Values of the `review` section as the warehouse stores them.</summary>
internal static class ReviewTime
{
    public static DateTime? Parse(JToken? token) =>
        (string?)token is { Length: > 0 } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t : null;

    /// <summary>A decimal written as a JSON number (or, defensively, as text).</summary>
    public static decimal? Amount(JToken? token) => token?.Type switch
    {
        JTokenType.Integer or JTokenType.Float => Amounts.Exact((decimal)token),
        JTokenType.String => Amounts.Parse((string?)token),
        _ => null,
    };
}
