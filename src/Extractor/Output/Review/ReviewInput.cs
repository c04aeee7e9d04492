using Extractor.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Output.Review;

/// <summary>A reconciliation check as the reviewer sees it beside one table: outcome, statement and the table's cells.</summary>
public sealed record ReviewFinding(string Outcome, string RuleId, string Statement, IReadOnlyList<(int Row, int Column)> Cells);

public sealed record ReviewHeaderCell(string Text, int Column, int ColSpan, int RowSpan);

/// <summary>One body cell: printed text, page and box [left, bottom, right, top] in PDF points (page frame).</summary>
public sealed record ReviewCell(string Text, int Page, double[] Box, string? Raw);

public sealed record ReviewTable(
    int Index,
    int? Number,
    string Kind,
    string Label,
    string Title,
    string? Unit,
    IReadOnlyList<int> Pages,
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<string?> ColumnNumbers,
    IReadOnlyList<IReadOnlyList<ReviewHeaderCell>> HeaderRows,
    IReadOnlyList<IReadOnlyList<ReviewCell>> Rows,
    IReadOnlyList<ReviewFinding> Findings)
{
    public int Count(string outcome) => Findings.Count(f => f.Outcome == outcome);
}

public sealed record ReviewWarning(string Code, string Message, int? Page);

/// <summary>
/// What a review report shows of one document, read from the JSON output contract (schemaVersion 1): the same
/// reader serves `review PDF` (the fresh extraction, through its JSON form) and `review OUTDIR` (a batch's files),
/// so a reviewer signs off exactly what goes to the warehouse.
/// </summary>
public sealed record ReviewInput(
    string SourceFile,
    string Sha256,
    int PageCount,
    string? Department,
    int? Year,
    IReadOnlyList<ReviewTable> Tables,
    IReadOnlyList<ReviewWarning> Warnings,
    string? Summary,
    int ChecksFailed,
    int ChecksRounding)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonDocumentWriter.Settings);

    public static ReviewInput From(BudgetDocument document) =>
        From(JObject.FromObject(JsonDocumentWriter.ToOutput(document), Serializer));

    /// <exception cref="FormatException">the text is not an Extractor JSON output</exception>
    public static ReviewInput FromJson(string json)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
            root = JObject.Load(reader);
        }
        catch (JsonException e) { throw new FormatException($"not JSON ({e.Message})", e); }
        if (root["document"] is not JObject || root["tables"] is not JArray) throw new FormatException("not an Extractor output (no document or tables)");
        return From(root);
    }

    private static ReviewInput From(JObject root)
    {
        var doc = (JObject)root["document"]!;
        var checks = root["reconciliation"]?["checks"] as JArray ?? [];
        var tables = new List<ReviewTable>();
        foreach (var (t, index) in ((JArray)root["tables"]!).OfType<JObject>().Select((t, i) => (t, i)))
        {
            var number = (int?)t["number"];
            var kind = (string?)t["kind"] ?? "unrecognised";
            var columns = t["columns"] as JArray ?? [];
            var cells = t["cells"] as JArray ?? [];
            var rows = (t["rows"] as JArray ?? []).Select((row, r) => (IReadOnlyList<ReviewCell>)((JArray)row).Select((text, c) =>
            {
                var cell = cells.ElementAtOrDefault(r)?[c] as JObject;
                return new ReviewCell((string?)text ?? "", (int?)cell?["page"] ?? 0,
                    cell?["box"] is JArray box ? box.Select(v => (double)v).ToArray() : [0, 0, 0, 0], (string?)cell?["raw"]);
            }).ToList()).ToList();
            tables.Add(new ReviewTable(index, number, kind, (string?)t["label"] ?? "", (string?)t["title"] ?? "", (string?)t["unit"],
                (t["pages"] as JArray ?? []).Select(p => (int)p).ToList(),
                columns.Select(c => (string?)c["name"] ?? "").ToList(),
                columns.Select(c => (string?)c["number"]).ToList(),
                (t["headerRows"] as JArray ?? []).Select(hr => (IReadOnlyList<ReviewHeaderCell>)((JArray)hr).Select(h =>
                    new ReviewHeaderCell((string?)h["text"] ?? "", (int?)h["column"] ?? 0, (int?)h["colSpan"] ?? 1, (int?)h["rowSpan"] ?? 1)).ToList()).ToList(),
                rows,
                FindingsFor(checks, kind, number, rows)));
        }
        var summary = root["reconciliation"]?["summary"] is JObject s
            ? $"reconciliation: {s["checks"]} checks: {s["pass"]} pass, {s["rounding"]} rounding, {s["fail"]} fail, {s["skipped"]} skipped"
            : null;
        return new ReviewInput((string?)doc["sourceFile"] ?? "", (string?)doc["sha256"] ?? "", (int?)doc["pageCount"] ?? 0,
            (string?)doc["department"], (int?)doc["year"], tables,
            (root["warnings"] as JArray ?? []).Select(w => new ReviewWarning((string?)w["code"] ?? "", (string?)w["message"] ?? "", (int?)w["page"])).ToList(),
            summary, (int?)root["reconciliation"]?["summary"]?["fail"] ?? 0, (int?)root["reconciliation"]?["summary"]?["rounding"] ?? 0);
    }

    /// <summary>The checks that involve a table, with the table's cells; fails first, then rounding, skipped, pass.</summary>
    private static List<ReviewFinding> FindingsFor(JArray checks, string kind, int? number, IReadOnlyList<IReadOnlyList<ReviewCell>> rows)
    {
        var findings = new List<ReviewFinding>();
        foreach (var check in checks.OfType<JObject>())
        {
            var cells = (check["cells"] as JArray ?? []).OfType<JObject>()
                .Where(c => (string?)c["kind"] == kind && (int?)c["table"] == number && c["row"]?.Type == JTokenType.Integer && c["column"]?.Type == JTokenType.Integer)
                .Select(c => ((int)c["row"]!, (int)c["column"]!))
                .Where(c => c.Item1 < rows.Count && c.Item2 < rows[c.Item1].Count)
                .Distinct().ToList();
            if (cells.Count == 0) continue;
            var outcome = (string?)check["outcome"] ?? "";
            var reason = (string?)check["reason"];
            var detail = outcome == "pass" ? "" :
                $" (expected {check["expected"]}, actual {check["actual"]}, difference {check["difference"]}{(reason is null ? "" : "; " + reason)})";
            findings.Add(new ReviewFinding(outcome, (string?)check["ruleId"] ?? "", (string?)check["statement"] + detail, cells));
        }
        return findings.OrderBy(f => OutcomeRank(f.Outcome)).ToList();
    }

    public static int OutcomeRank(string outcome) => outcome switch { "fail" => 0, "rounding" => 1, "skipped" => 2, _ => 3 };
}
