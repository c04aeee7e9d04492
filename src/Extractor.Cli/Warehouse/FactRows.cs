using Extractor.Records;
using Extractor.Text;
using Newtonsoft.Json.Linq;

namespace Extractor.Cli.Warehouse;

/// <summary>
/// The flat facts: one row per amount of a typed record in the JSON, and nothing else — so facts and records agree by
/// construction (an untyped table, or a column that is not money, gives no fact because its record has no amount).
/// </summary>
public sealed class FactRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("facts", "document_id",
    [
        new("document_id", SqlTypes.Text, "SHA-256 of the PDF (documents.id)"),
        new("source_file", SqlTypes.Text, "file name of the PDF"),
        new("department", SqlTypes.Text, "编制部门 of the document (most frequent over its tables)"),
        new("year", SqlTypes.Int, "budget / final-accounts year"),
        new("document_kind", SqlTypes.Text, "budget, final_accounts, performance_sheets or other"),
        new("table_kind", SqlTypes.Text, "stable kind id of the table (table-kinds.json)"),
        new("table_number", SqlTypes.Int, "the printed 表N, null when not numbered"),
        new("table_title", SqlTypes.Text, "the printed title"),
        new("unit", SqlTypes.Text, "the table's printed unit (万元, 元)"),
        new("record_type", SqlTypes.Text, "functional, economic, project, summary or item"),
        new("row_label", SqlTypes.Text, "the row's name (科目名称, summary line, item label; \"\" when the table has no label column)"),
        new("row_code", SqlTypes.Text, "the classification code as text (2080505), null when none"),
        new("code_level", SqlTypes.Int, "0 total, 1 类, 2 款, 3 项; -1 a row without a code; null for summary and item rows without code"),
        new("is_total", SqlTypes.Bool, "the row is a total or subtotal (合计, 总计, 小计, code level 0): leave it out when summing items"),
        new("column_path", SqlTypes.Text, "header path of the amount's column, top down, joined by / (#2 for a repeated path)"),
        new("column_id", SqlTypes.Text, "canonical column id (column-aliases.json), null when a header is not catalogued"),
        new("printed", SqlTypes.Text, "the amount as printed"),
        new("value", SqlTypes.Amount, "the amount in the table's unit"),
        new("value_yuan", SqlTypes.Amount, "the amount in 元; NULL when it is not money in a known unit (no printed unit, a count or score column)"),
        new("page", SqlTypes.Int, "1-based page of the cell"),
        new("box_left", SqlTypes.Real, "cell box in PDF points, origin bottom left"),
        new("box_bottom", SqlTypes.Real, ""),
        new("box_right", SqlTypes.Real, ""),
        new("box_top", SqlTypes.Real, ""),
        new("row_index", SqlTypes.Int, "body row of the cell in the table (JSON tables[].rows)"),
        new("column_index", SqlTypes.Int, "leaf column of the cell"),
        new("side", SqlTypes.Text, "summary tables: income, expenditure or all"),
        new("project", SqlTypes.Text, "project tables: the project name"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        var json = output.Json;
        var document = json["document"]!;
        var kind = DocumentKind.Of(json);
        foreach (var table in json["tables"]!)
            foreach (var record in table["records"]!)
            {
                var type = (string)record["type"]!;
                var (label, code, level, isTotal) = Describe(record);
                foreach (var (key, amount) in (JObject)record["amounts"]!)
                {
                    var box = amount!["box"]!;
                    yield return
                    [
                        output.DocumentId, (string?)document["sourceFile"], (string?)document["department"], (int?)document["year"], kind,
                        (string?)table["kind"], (int?)table["number"], (string?)table["title"], (string?)table["unit"],
                        type, label, code, level, isTotal, key, (string?)amount["columnId"], (string?)amount["text"],
                        Amounts.Exact((decimal)amount["value"]!), Amounts.Exact((decimal?)amount["valueYuan"]), (int?)amount["page"],
                        (double)box[0]!, (double)box[1]!, (double)box[2]!, (double)box[3]!,
                        (int?)amount["row"], (int?)amount["column"], (string?)record["side"], (string?)record["project"],
                    ];
                }
            }
    }

    /// <summary>Label, code, code level and total flag of a record, whatever its type.</summary>
    public static (string Label, string? Code, int? Level, bool IsTotal) Describe(JToken record)
    {
        var type = (string)record["type"]!;
        if (type is "functional" or "economic" or "project")
        {
            var name = (string?)record["name"] ?? "";
            var level = (int?)record["level"];
            return (name, (string?)record["code"], level, level == 0 || IsTotalLabel(name));
        }
        var label = type == "summary" ? (string?)record["name"] ?? "" : (string?)record["label"] ?? "";
        var code = (string?)record["code"];
        int? codeLevel = code?.Length switch { 3 => 1, 5 => 2, 7 => 3, _ => null };
        return (label, code, codeLevel, (bool?)record["isTotal"] == true || IsTotalLabel(label));
    }

    private static bool IsTotalLabel(string label)
    {
        // `公务用车购置及运行费（小计）` is a subtotal too.
        var folded = TextNormalizer.Key(label).TrimEnd(')');
        return RecordBuilder.IsTotalLabel(folded) || folded.EndsWith("合计") || folded.EndsWith("总计") || folded.EndsWith("小计");
    }
}

/// <summary>What kind of publication a document is, from its JSON.</summary>
public static class DocumentKind
{
    /// <summary>`document.kind` when the extractor wrote one, else read from the kinds of its tables and sheets.</summary>
    public static string Of(JObject json)
    {
        if ((string?)json["document"]?["kind"] is { Length: > 0 } written) return written;
        var kinds = json["tables"]!.Select(t => (string?)t["kind"] ?? "").Where(k => k != "unrecognised").ToList();
        if (kinds.Any(k => k.StartsWith("final_"))) return "final_accounts";
        if (kinds.Count > 0) return "budget";
        return json["performanceSheets"] is JArray { Count: > 0 } ? "performance_sheets" : "other";
    }
}

/// <summary>Amounts enter the warehouse exactly or not at all.</summary>
public static class Amounts
{
    public static decimal? Exact(decimal? value)
    {
        if (value is not { } v) return null;
        if (v.Scale > SqlTypes.AmountScale && decimal.Round(v, SqlTypes.AmountScale) != v)
            throw new InvalidDataException($"amount {v} has more than {SqlTypes.AmountScale} decimals; the warehouse would truncate it");
        return v;
    }

    public static decimal? Parse(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? Exact(v) : null;
}
