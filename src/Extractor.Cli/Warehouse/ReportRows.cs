using Extractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Cli.Warehouse;

/// <summary>One row per document: what it is, who wrote it, and how its checks came out.</summary>
public sealed class DocumentRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("documents", "id",
    [
        new("id", SqlTypes.Text, "SHA-256 of the PDF; every other table's document_id"),
        new("source", SqlTypes.Text, "the PDF's path as the batch read it"),
        new("source_file", SqlTypes.Text, "file name of the PDF"),
        new("department", SqlTypes.Text, "编制部门"),
        new("year", SqlTypes.Int, "budget / final-accounts year"),
        new("kind", SqlTypes.Text, "budget, final_accounts, performance_sheets or other"),
        new("pages", SqlTypes.Int, "page count"),
        new("tables", SqlTypes.Int, "tables extracted"),
        new("extractor_version", SqlTypes.Text, "the Extractor version that wrote the JSON"),
        new("schema_version", SqlTypes.Text, "the JSON contract's version"),
        new("status", SqlTypes.Text, "ok, or failed (then error says why and the other tables hold nothing for it)"),
        new("error", SqlTypes.Text, "the one-line failure, null when ok"),
        new("checks", SqlTypes.Int, "reconciliation checks run"),
        new("checks_pass", SqlTypes.Int, ""),
        new("checks_rounding", SqlTypes.Int, "within the rounding tolerance"),
        new("checks_fail", SqlTypes.Int, "identities the figures break"),
        new("checks_skipped", SqlTypes.Int, "not applicable to this document"),
        new("warnings", SqlTypes.Int, "extraction warnings"),
        new("output", SqlTypes.Text, "the JSON file's name in the output folder"),
        new("loaded_utc", SqlTypes.Time, "when this row was loaded"),
        new("reviewed", SqlTypes.Bool, "a reviewer's decisions (NAME.review.json) were applied: see corrections and reviewed_tables"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        var json = output.Json;
        var document = json["document"]!;
        var summary = json["reconciliation"]?["summary"];
        yield return
        [
            output.DocumentId, output.Source, (string?)document["sourceFile"], (string?)document["department"], (int?)document["year"],
            DocumentKind.Of(json), (int?)document["pageCount"], ((JArray)json["tables"]!).Count, (string?)json["extractorVersion"],
            (string?)json["schemaVersion"], "ok", null,
            (int?)summary?["checks"], (int?)summary?["pass"], (int?)summary?["rounding"], (int?)summary?["fail"], (int?)summary?["skipped"],
            ((JArray)json["warnings"]!).Count, output.OutputBase + ".json", DateTime.UtcNow, (bool?)json["review"]?["reviewed"] == true,
        ];
    }

    /// <summary>The row of a document that failed: no JSON, only the reason.</summary>
    public object?[] Failure(string? documentId, string source, string error) =>
        [documentId, source, Path.GetFileName(source), null, null, null, null, null, ExtractorVersion.Current, JsonDocumentWriter.SchemaVersion,
         "failed", error, null, null, null, null, null, null, null, DateTime.UtcNow, false];
}

/// <summary>One row per reconciliation check, with its cells as JSON text.</summary>
public sealed class CheckRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("checks", "document_id",
    [
        new("document_id", SqlTypes.Text, "documents.id"),
        new("rule_id", SqlTypes.Text, "rule id (reconciliation-rules.json), e.g. T3.codes"),
        new("outcome", SqlTypes.Text, "pass, rounding, fail or skipped"),
        new("expected", SqlTypes.Amount, "the printed total or the figure stated elsewhere"),
        new("actual", SqlTypes.Amount, "what the parts add up to, or the other copy"),
        new("difference", SqlTypes.Amount, "actual − expected"),
        new("tolerance", SqlTypes.Amount, "allowed rounding difference"),
        new("unit", SqlTypes.Text, "unit of expected / actual"),
        new("statement", SqlTypes.Text, "the identity in words, with the figures"),
        new("reason", SqlTypes.Text, "why it was skipped"),
        new("cells", SqlTypes.Text, "JSON array of the cells involved (table, row, column, page, box, role)"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        if (output.Json["reconciliation"]?["checks"] is not JArray checks) yield break;
        foreach (var check in checks)
            yield return
            [
                output.DocumentId, (string?)check["ruleId"], (string?)check["outcome"], Amounts.Parse((string?)check["expected"]),
                Amounts.Parse((string?)check["actual"]), Amounts.Parse((string?)check["difference"]), Amounts.Parse((string?)check["tolerance"]),
                (string?)check["unit"], (string?)check["statement"], (string?)check["reason"], check["cells"]!.ToString(Formatting.None),
            ];
    }
}

/// <summary>One row per performance sheet (绩效目标表): its header block.</summary>
public sealed class SheetRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("sheets", "document_id",
    [
        new("document_id", SqlTypes.Text, "documents.id"),
        new("sheet", SqlTypes.Int, "0-based index of the sheet in the document (indicators.sheet)"),
        new("kind", SqlTypes.Text, "部门整体绩效目标表 or 项目支出绩效目标表"),
        new("title", SqlTypes.Text, "printed title"),
        new("layout", SqlTypes.Text, "form or list"),
        new("first_page", SqlTypes.Int, "first page of the sheet"),
        new("budget_unit", SqlTypes.Text, "预算单位"),
        new("project_name", SqlTypes.Text, "项目名称"),
        new("total_amount", SqlTypes.Amount, "年度预算总额 as printed in the sheet's unit"),
        new("fiscal_amount", SqlTypes.Amount, "其中：财政拨款"),
        new("other_amount", SqlTypes.Amount, "其他资金"),
        new("goal", SqlTypes.Text, "年度绩效目标 / 项目总体目标"),
        new("indicators", SqlTypes.Int, "indicator rows of the sheet"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        var index = 0;
        foreach (var sheet in output.Json["performanceSheets"] ?? new JArray())
        {
            var summary = sheet["summary"]!;
            yield return
            [
                output.DocumentId, index++, (string?)sheet["kind"], (string?)sheet["title"], (string?)sheet["layout"], (int?)sheet["pages"]?.FirstOrDefault(),
                (string?)summary["budgetUnit"], (string?)summary["projectName"], Amount(summary["totalAmount"]), Amount(summary["fiscalAmount"]),
                Amount(summary["otherAmount"]), (string?)summary["goal"], ((JArray)sheet["records"]!).Count,
            ];
        }
    }

    private static decimal? Amount(JToken? amount) => amount is JObject o ? Amounts.Exact((decimal?)o["value"]) : null;
}

/// <summary>One row per performance indicator (三级指标) of every sheet.</summary>
public sealed class IndicatorRows : IWarehouseRowSource
{
    public WarehouseTable Table { get; } = new("indicators", "document_id",
    [
        new("document_id", SqlTypes.Text, "documents.id"),
        new("sheet", SqlTypes.Int, "sheets.sheet"),
        new("row", SqlTypes.Int, "indicator row in the sheet"),
        new("page", SqlTypes.Int, "page of the row"),
        new("project", SqlTypes.Text, "project (list sheets)"),
        new("level1", SqlTypes.Text, "一级指标"),
        new("level2", SqlTypes.Text, "二级指标"),
        new("level3", SqlTypes.Text, "三级指标"),
        new("target", SqlTypes.Text, "指标值 as printed"),
        new("target_comparator", SqlTypes.Text, ">=, <=, >, <, ="),
        new("target_number", SqlTypes.Amount, "the number of the target"),
        new("target_unit", SqlTypes.Text, "its unit (%, 个 …)"),
        new("period_target", SqlTypes.Text, "实施周期指标值 as printed"),
        new("weight", SqlTypes.Amount, "分值 / 权重"),
        new("basis", SqlTypes.Text, "指标值设定依据"),
        new("previous_value", SqlTypes.Text, "上年指标值"),
        new("scoring_rule", SqlTypes.Text, "评分标准"),
        new("evidence", SqlTypes.Text, "佐证资料"),
    ]);

    public IEnumerable<object?[]> Rows(DocumentOutput output)
    {
        var index = 0;
        foreach (var sheet in output.Json["performanceSheets"] ?? new JArray())
        {
            foreach (var r in sheet["records"]!)
            {
                var target = r["target"] as JObject;
                yield return
                [
                    output.DocumentId, index, (int?)r["row"], (int?)r["page"], (string?)r["project"], (string?)r["level1"], (string?)r["level2"],
                    (string?)r["level3"], (string?)target?["text"], (string?)target?["comparator"], Amounts.Exact((decimal?)target?["number"]),
                    (string?)target?["unit"], (string?)(r["periodTarget"] as JObject)?["text"], Amounts.Exact((decimal?)r["weight"]),
                    (string?)r["basis"], (string?)r["previousValue"], (string?)r["scoringRule"], (string?)r["evidence"],
                ];
            }
            index++;
        }
    }
}
