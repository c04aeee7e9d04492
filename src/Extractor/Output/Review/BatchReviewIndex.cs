using System.Globalization;
using System.Net;
using System.Text;

namespace Extractor.Output.Review;

/// <summary>One document of a batch in the review index.</summary>
/// <param name="Report">the document's report, relative to the index; null when there is none (failed extraction)</param>
/// <param name="Verified">tables the reviewer marked verified (from NAME.review.json)</param>
public sealed record BatchReviewRow(
    string Document,
    string Status,
    string? Error,
    int Pages,
    int Tables,
    int ChecksFailed,
    int ChecksRounding,
    int Warnings,
    int Verified,
    int Corrections,
    string? Report,
    string? Note)
{
    public bool FullyVerified => Status == "ok" && Tables > 0 && Verified >= Tables;

    /// <summary>What needs attention first: failed extraction, failed checks, warnings, rounding, then the clean ones.</summary>
    public int Attention => Status != "ok" ? 0 : ChecksFailed > 0 ? 1 : Warnings > 0 ? 2 : ChecksRounding > 0 ? 3 : 4;
}

/// <summary>`OUTDIR/review/index.html`: every document of a batch, sorted by what needs attention, linking its report.</summary>
public static class BatchReviewIndex
{
    public static IReadOnlyList<BatchReviewRow> Sort(IEnumerable<BatchReviewRow> rows) =>
        rows.OrderBy(r => r.FullyVerified).ThenBy(r => r.Attention).ThenByDescending(r => r.ChecksFailed).ThenByDescending(r => r.Warnings)
            .ThenByDescending(r => r.ChecksRounding).ThenBy(r => r.Document, StringComparer.Ordinal).ToList();

    public static string Render(string batchFolder, IEnumerable<BatchReviewRow> rows)
    {
        var sorted = Sort(rows);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>Batch review: ").Append(E(batchFolder)).Append("</title><style>")
            .Append("body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:1em;font-size:14px}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}")
            .Append("td.num,th.num{text-align:right}.failed{color:#b00;font-weight:bold}.fail{color:#b00;font-weight:bold}.warn{color:#a60}.dim{color:#888}.done{color:#070}")
            .Append("</style></head><body><h1>Batch review</h1><p>").Append(E(batchFolder)).Append("</p><p>")
            .Append(E($"{sorted.Count} documents: {sorted.Count(r => r.Status != "ok")} failed, {sorted.Count(r => r.ChecksFailed > 0)} with failed checks, " +
                      $"{sorted.Count(r => r.Warnings > 0)} with warnings, {sorted.Count(r => r.FullyVerified)} fully verified"))
            .Append("</p><table id=\"documents\"><thead><tr><th>document</th><th>status</th><th class=\"num\">pages</th><th class=\"num\">tables</th>")
            .Append("<th class=\"num\">checks failed</th><th class=\"num\">rounding</th><th class=\"num\">warnings</th><th>reviewed</th><th>note</th></tr></thead><tbody>");
        foreach (var r in sorted)
        {
            html.Append("<tr data-document=\"").Append(E(r.Document)).Append("\"><td>")
                .Append(r.Report is null ? E(r.Document) : $"<a href=\"{E(Uri.EscapeDataString(r.Report).Replace("%2F", "/"))}\">{E(r.Document)}</a>")
                .Append("</td><td class=\"").Append(r.Status == "ok" ? "" : "failed").Append("\">").Append(E(r.Status)).Append("</td>")
                .Append(Num(r.Pages, "")).Append(Num(r.Tables, "")).Append(Num(r.ChecksFailed, "fail")).Append(Num(r.ChecksRounding, "")).Append(Num(r.Warnings, "warn"))
                .Append("<td class=\"").Append(r.FullyVerified ? "done" : "").Append("\">")
                .Append(r.Status != "ok" ? "" : E($"{r.Verified}/{r.Tables} verified{(r.Corrections > 0 ? $", {r.Corrections} corrections" : "")}"))
                .Append("</td><td class=\"dim\">").Append(E(r.Error ?? r.Note)).Append("</td></tr>");
        }
        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string Num(int value, string alert) =>
        $"<td class=\"num {(value > 0 ? alert : "dim")}\">{value.ToString(CultureInfo.InvariantCulture)}</td>";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
