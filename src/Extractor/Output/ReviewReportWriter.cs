using System.Globalization;
using System.Net;
using System.Text;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Output;

/// <summary>A finding to show beside a table: its outcome, a readable statement, and the cells it concerns.</summary>
public sealed record ReviewFinding(string Outcome, string RuleId, string Statement, IReadOnlyList<(int Row, int Column)> Cells);

/// <summary>
/// A self-contained HTML page for a QA reviewer: per table, the source page redrawn from its text layer and rulings
/// (SVG, every glyph where the PDF put it) beside the extracted table; hovering a cell on either side highlights the
/// same cell on the other, and the table's reconciliation findings are listed under it with their cells marked.
/// No network, no scripts beyond a few lines inline, no renderer needed.
/// </summary>
public static class ReviewReportWriter
{
    public static string Render(BudgetDocument document, IReadOnlyDictionary<int, PageModel> pages,
        Func<ExtractedTable, IReadOnlyList<ReviewFinding>> findingsFor, string? summary = null)
    {
        var html = new StringBuilder();
        var info = document.Info;
        html.Append("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>Review: ").Append(E(info.SourceFile)).Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:1em}section{margin:2em 0;border-top:2px solid #444}")
            .Append(".pair{display:flex;gap:1em;align-items:flex-start}.page{border:1px solid #999;flex:0 0 auto}")
            .Append("table.x{border-collapse:collapse;font-size:12px}table.x td,table.x th{border:1px solid #bbb;padding:2px 4px;white-space:nowrap}")
            .Append("table.x td.num{text-align:right}.hl{background:#ff0 !important}rect.cell{fill:transparent;stroke:none}rect.cell.hl{fill:rgba(255,230,0,.45)}")
            .Append("rect.fail{fill:rgba(255,0,0,.25)}td.fail{background:#fcc}rect.rounding{fill:rgba(255,160,0,.25)}td.rounding{background:#fe9}")
            .Append(".pass{color:#070}.fail{color:#b00}.rounding{color:#a60}.skipped{color:#777}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(info.SourceFile)).Append("</h1><p>")
            .Append(E($"{info.Department} · {info.Year} · {info.PageCount} pages · {document.Tables.Count} tables · sha256 {info.Sha256}")).Append("</p>");
        if (summary is not null) html.Append("<p>").Append(E(summary)).Append("</p>");
        if (document.Warnings.Count > 0)
        {
            html.Append("<h2>Warnings</h2><ul>");
            foreach (var w in document.Warnings) html.Append("<li>").Append(E($"[{w.Code}] page {w.Page}: {w.Message}")).Append("</li>");
            html.Append("</ul>");
        }

        for (var t = 0; t < document.Tables.Count; t++)
        {
            var table = document.Tables[t];
            var s = table.Structure;
            var findings = findingsFor(table);
            var marks = new Dictionary<(int, int), string>();
            foreach (var f in findings.Where(f => f.Outcome is "fail" or "rounding"))
                foreach (var cell in f.Cells)
                    if (!marks.TryGetValue(cell, out var m) || m != "fail") marks[cell] = f.Outcome;

            html.Append("<section><h2>").Append(E($"{s.Title.Label} {s.Title.Title}")).Append("</h2><p>")
                .Append(E($"kind {table.Kind} · unit {s.Unit} · pages {string.Join(", ", s.Pages)} · {s.Rows.Count} rows")).Append("</p>");
            foreach (var pageNumber in s.Pages)
            {
                if (!pages.TryGetValue(pageNumber, out var page)) continue;
                html.Append("<div class=\"pair\">");
                AppendPage(html, page, t, table, marks);
                if (pageNumber == s.Pages[0]) AppendTable(html, t, table, marks);
                html.Append("</div>");
            }
            if (findings.Count > 0)
            {
                html.Append("<h3>Findings</h3><ul>");
                foreach (var f in findings)
                    html.Append("<li class=\"").Append(E(f.Outcome)).Append("\">").Append(E($"{f.Outcome} · {f.RuleId} · {f.Statement}")).Append("</li>");
                html.Append("</ul>");
            }
            html.Append("</section>");
        }
        html.Append("<script>document.addEventListener('mouseover',e=>{const id=e.target.dataset&&e.target.dataset.cell;")
            .Append("document.querySelectorAll('.hl').forEach(x=>x.classList.remove('hl'));if(!id)return;")
            .Append("document.querySelectorAll('[data-cell=\"'+id+'\"]').forEach(x=>x.classList.add('hl'));});</script>");
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The reconciliation checks that involve a table, as findings with the table's cells (failures first).</summary>
    public static IReadOnlyList<ReviewFinding> FindingsFor(BudgetDocument document, ExtractedTable table)
    {
        if (document.Reconciliation is not { } report) return [];
        var findings = new List<ReviewFinding>();
        foreach (var check in report.Checks)
        {
            var cells = check.Cells.Where(c => c.Kind == table.Kind && c.Table == table.Number && c.Row is not null && c.Column is not null)
                .Select(c => (c.Row!.Value, c.Column!.Value)).ToList();
            if (cells.Count == 0) continue;
            var detail = check.Outcome is Outcome.Pass ? "" :
                $" (expected {check.Expected}, actual {check.Actual}, difference {check.Difference}{(check.Reason is null ? "" : "; " + check.Reason)})";
            findings.Add(new ReviewFinding(check.Outcome.ToString().ToLowerInvariant(), check.RuleId, check.Statement + detail, cells));
        }
        return findings.OrderBy(f => f.Outcome switch { "fail" => 0, "rounding" => 1, "skipped" => 2, _ => 3 }).ToList();
    }

    private static void AppendPage(StringBuilder html, PageModel page, int tableIndex, ExtractedTable table, Dictionary<(int, int), string> marks)
    {
        const double scale = 1.0;
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        string Y(double y) => F((page.Height - y) * scale);
        html.Append("<svg class=\"page\" width=\"").Append(F(page.Width * scale)).Append("\" height=\"").Append(F(page.Height * scale))
            .Append("\" viewBox=\"0 0 ").Append(F(page.Width)).Append(' ').Append(F(page.Height)).Append("\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        foreach (var r in page.Rulings)
        {
            var (x1, y1, x2, y2) = r.Orientation == Orientation.Horizontal ? (r.Start, r.Position, r.End, r.Position) : (r.Position, r.Start, r.Position, r.End);
            html.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(Y(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(Y(y2))
                .Append("\" stroke=\"#888\" stroke-width=\"0.5\"/>");
        }
        foreach (var g in page.Glyphs)
        {
            if (g.IsWhitespace) continue;
            html.Append("<text x=\"").Append(F(g.Box.Left)).Append("\" y=\"").Append(Y(g.Baseline)).Append("\" font-size=\"").Append(F(g.FontSize))
                .Append("\">").Append(E(g.Text)).Append("</text>");
        }
        var rows = table.Structure.Rows;
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = rows[r][c];
                if (cell.Page != page.Number || cell.Box.Width <= 0) continue;
                var mark = marks.TryGetValue((r, c), out var m) ? " " + m : "";
                html.Append("<rect class=\"cell").Append(mark).Append("\" data-cell=\"t").Append(tableIndex).Append('r').Append(r).Append('c').Append(c)
                    .Append("\" x=\"").Append(F(cell.Box.Left)).Append("\" y=\"").Append(Y(cell.Box.Top)).Append("\" width=\"").Append(F(cell.Box.Width))
                    .Append("\" height=\"").Append(F(cell.Box.Height)).Append("\"><title>").Append(E($"page {cell.Page} row {r} col {c}: {cell.Text}")).Append("</title></rect>");
            }
        html.Append("</svg>");
    }

    private static void AppendTable(StringBuilder html, int tableIndex, ExtractedTable table, Dictionary<(int, int), string> marks)
    {
        var s = table.Structure;
        html.Append("<table class=\"x\"><thead><tr>");
        foreach (var column in s.Columns)
            html.Append("<th title=\"").Append(E(column.Key)).Append("\">").Append(E(column.Name)).Append(column.Number is { } n ? $"<br><small>{E(n)}</small>" : "").Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < s.Rows.Count; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < s.Rows[r].Count; c++)
            {
                var cell = s.Rows[r][c];
                var numeric = AmountParser.TryParse(cell.Text, out _);
                var mark = marks.TryGetValue((r, c), out var m) ? " " + m : "";
                html.Append("<td class=\"").Append(numeric ? "num" : "").Append(mark).Append("\" data-cell=\"t").Append(tableIndex).Append('r').Append(r).Append('c').Append(c)
                    .Append("\" title=\"").Append(E($"page {cell.Page}, box {string.Join(" ", cell.Box.ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)))}")).Append("\">")
                    .Append(E(cell.Text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
