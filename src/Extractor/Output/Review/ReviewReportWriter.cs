using System.Globalization;
using System.Net;
using System.Text;
using Extractor.Model;
using Newtonsoft.Json;

namespace Extractor.Output.Review;

/// <summary>A file the report loads from its files folder (page images, text-layer scripts), by name inside that folder.</summary>
public sealed record ReviewFile(string Name, byte[] Bytes);

/// <summary>The report's HTML and the files it loads from `REPORT_files/` beside it.</summary>
public sealed record ReviewReport(string Html, IReadOnlyList<ReviewFile> Files);

/// <param name="FilesFolder">the name of the folder beside the HTML that holds the images and layers (`REPORT_files`)</param>
/// <param name="DecisionsName">the file name the page saves its decisions as (`NAME.review.json`)</param>
/// <param name="RendererNote">when the pages could not be rendered: why, and how to get the rendered view</param>
public sealed record ReviewPageSources(
    IReadOnlyDictionary<int, PageModel> Pages,
    IReadOnlyDictionary<int, PageImage> Images,
    string FilesFolder,
    string DecisionsName,
    string? RendererNote,
    ReviewDecisions? Decisions);

/// <summary>
/// The QA reviewer's HTML report of one document. Per table, the printed page (rasterised from the PDF, or redrawn
/// from the text layer – a toggle switches) with the extracted cells' boxes over it, beside the extracted table with
/// its whole header tree; hovering a cell on either side highlights its twin on the other; the table's checks are
/// listed under it (fails and rounding open, passes collapsed), each linking to its cells. A table of contents puts
/// the tables with failed checks first. Decisions (table verified, value wrong + correct value) are kept in the page
/// and saved as `NAME.review.json` (<see cref="ReviewDecisions"/>). Images and layers load lazily from the files folder.
/// </summary>
public static class ReviewReportWriter
{
    private static readonly JsonSerializerSettings CompactJson = new()
    {
        ContractResolver = ReviewDecisions.Settings.ContractResolver,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        Formatting = Formatting.None,
    };

    public static ReviewReport Render(ReviewInput input, ReviewPageSources sources)
    {
        var files = new List<ReviewFile>();
        var layerFiles = new HashSet<int>();
        var html = new StringBuilder();
        var rendered = sources.Images.Count > 0;
        html.Append("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Review: ")
            .Append(E(input.SourceFile)).Append("</title><style>").Append(ReviewAssets.Css).Append("</style></head><body class=\"")
            .Append(rendered ? "raster" : "text").Append("\" data-name=\"").Append(E(sources.DecisionsName)).Append("\">");

        html.Append("<header id=\"bar\"><b>").Append(E(input.SourceFile)).Append("</b> <span class=\"dim\">")
            .Append(E($"{input.Department} · {input.Year} · {input.PageCount} pages · {input.Tables.Count} tables")).Append("</span>")
            .Append("<span class=\"tools\"><label title=\"the page rasterised from the PDF, or redrawn from the text layer the extraction read\">page: <select id=\"view\"")
            .Append(rendered ? "" : " disabled").Append("><option value=\"raster\">rendered</option><option value=\"text\"").Append(rendered ? "" : " selected")
            .Append(">text layer</option></select></label> <button id=\"zoom\" type=\"button\" title=\"fit the page to the window, or show it twice as large\">zoom</button> ")
            .Append("<input id=\"reviewer\" placeholder=\"reviewer\" size=\"10\"> <span id=\"count\"></span> <button id=\"save\" type=\"button\">save ")
            .Append(E(sources.DecisionsName)).Append("</button></span></header>");

        html.Append("<main><h1>").Append(E(input.SourceFile)).Append("</h1><p class=\"dim\">sha256 ").Append(E(input.Sha256)).Append("</p>");
        if (input.Summary is not null) html.Append("<p>").Append(E(input.Summary)).Append("</p>");
        if (sources.RendererNote is not null) html.Append("<p class=\"note\" id=\"renderer-note\">").Append(E(sources.RendererNote)).Append("</p>");

        var order = input.Tables.OrderBy(t => t.Count("fail") > 0 ? 0 : t.Count("rounding") > 0 ? 1 : 2)
            .ThenByDescending(t => t.Count("fail")).ThenByDescending(t => t.Count("rounding")).ThenBy(t => t.Index).ToList();
        AppendContents(html, order);
        if (input.Warnings.Count > 0)
        {
            html.Append("<details class=\"warnings\" open><summary>").Append(input.Warnings.Count).Append(" warnings</summary><ul>");
            foreach (var w in input.Warnings) html.Append("<li>").Append(E($"[{w.Code}] page {w.Page}: {w.Message}")).Append("</li>");
            html.Append("</ul></details>");
        }

        var cellData = new Dictionary<string, List<int>>();
        foreach (var table in order)
        {
            AppendTable(html, table, sources, rendered);
            cellData["t" + table.Index] = CellBoxes(table);
            foreach (var page in table.Pages.Distinct())
            {
                if (!sources.Pages.TryGetValue(page, out var model) || !layerFiles.Add(page)) continue;
                var script = $"reviewLayer({page},\"{TextLayerSvg.Compressed(TextLayerSvg.Render(model))}\");";
                files.Add(new ReviewFile(LayerName(page), Encoding.UTF8.GetBytes(script)));
            }
        }
        foreach (var image in sources.Images.Values.Where(i => layerFiles.Contains(i.Page) || order.Any(t => t.Pages.Contains(i.Page))))
            files.Add(new ReviewFile(ImageName(image), image.Bytes));

        var data = new
        {
            source = input.SourceFile,
            sha256 = input.Sha256,
            files = sources.FilesFolder,
            cells = cellData,
            tables = input.Tables.Select(t => new { index = t.Index, number = t.Number, kind = t.Kind, label = t.Label }).ToList(),
            decisions = sources.Decisions,
        };
        html.Append("</main><div id=\"editor\" hidden><div id=\"ed-what\"></div><label>correct value <input id=\"ed-value\"></label> ")
            .Append("<label>note <input id=\"ed-note\"></label> <button id=\"ed-wrong\" type=\"button\">mark wrong</button> ")
            .Append("<button id=\"ed-clear\" type=\"button\">not wrong</button> <button id=\"ed-close\" type=\"button\">close</button></div>");
        html.Append("<script id=\"data\" type=\"application/json\">")
            .Append(JsonConvert.SerializeObject(data, CompactJson).Replace("</", "<\\/"))
            .Append("</script><script>").Append(ReviewAssets.Script).Append("</script></body></html>");
        return new ReviewReport(html.ToString(), files);
    }

    public static string ImageName(PageImage image) => $"p{image.Page:0000}.{image.Extension}";

    public static string LayerName(int page) => $"t{page:0000}.js";

    private static void AppendContents(StringBuilder html, IReadOnlyList<ReviewTable> order)
    {
        html.Append("<nav id=\"toc\"><h2>Tables</h2><table class=\"toc\"><thead><tr><th>table</th><th>pages</th><th>rows</th>")
            .Append("<th class=\"fail\">fail</th><th class=\"rounding\">rounding</th><th class=\"skipped\">skipped</th><th class=\"pass\">pass</th><th>verified</th></tr></thead><tbody>");
        foreach (var t in order)
        {
            html.Append("<tr data-t=\"").Append(t.Index).Append("\"><td><a href=\"#t").Append(t.Index).Append("\">").Append(E($"{t.Label} {t.Title}")).Append("</a></td><td>")
                .Append(E(string.Join(", ", t.Pages))).Append("</td><td>").Append(t.Rows.Count).Append("</td>");
            foreach (var outcome in new[] { "fail", "rounding", "skipped", "pass" })
            {
                var n = t.Count(outcome);
                html.Append("<td class=\"").Append(n > 0 ? outcome : "dim").Append("\">").Append(n).Append("</td>");
            }
            html.Append("<td class=\"vt\"></td></tr>");
        }
        html.Append("</tbody></table></nav>");
    }

    private static void AppendTable(StringBuilder html, ReviewTable table, ReviewPageSources sources, bool rendered)
    {
        html.Append("<section class=\"tbl\" id=\"t").Append(table.Index).Append("\" data-t=\"").Append(table.Index).Append("\"><h2>")
            .Append(E($"{table.Label} {table.Title}")).Append(" <label class=\"verify\"><input type=\"checkbox\" class=\"verified\"> verified</label></h2><p class=\"dim\">")
            .Append(E($"kind {table.Kind} · unit {table.Unit} · pages {string.Join(", ", table.Pages)} · {table.Rows.Count} rows · " +
                      $"{table.Count("fail")} fail, {table.Count("rounding")} rounding, {table.Count("skipped")} skipped, {table.Count("pass")} pass"))
            .Append("</p><div class=\"pair\"><div class=\"pages\">");
        foreach (var page in table.Pages.Distinct())
        {
            if (!sources.Pages.TryGetValue(page, out var model))
            {
                html.Append("<p class=\"note\">page ").Append(page).Append(": not available (the source PDF was not found)</p>");
                continue;
            }
            var frame = PageFrame.Of(model);
            var ratio = (frame.DisplayWidth / frame.DisplayHeight).ToString("0.####", CultureInfo.InvariantCulture);
            html.Append("<figure class=\"pg\" data-page=\"").Append(page).Append("\" data-hm=\"").Append(TextLayerSvg.F(frame.ModelHeight)).Append("\" style=\"--r:")
                .Append(ratio).Append("\">");
            if (sources.Images.TryGetValue(page, out var image))
                html.Append("<img class=\"raster\" loading=\"lazy\" alt=\"page ").Append(page).Append("\" src=\"").Append(E(sources.FilesFolder + "/" + ImageName(image)))
                    .Append("\" width=\"").Append(image.PixelWidth).Append("\" height=\"").Append(image.PixelHeight).Append("\">");
            html.Append("<div class=\"layer\" data-src=\"").Append(E(sources.FilesFolder + "/" + LayerName(page))).Append("\"></div>")
                .Append("<svg class=\"ov\" viewBox=\"0 0 ").Append(TextLayerSvg.F(frame.DisplayWidth)).Append(' ').Append(TextLayerSvg.F(frame.DisplayHeight))
                .Append("\" preserveAspectRatio=\"none\"><g transform=\"").Append(frame.Transform).Append("\"></g></svg><figcaption>page ").Append(page)
                .Append(rendered && !sources.Images.ContainsKey(page) ? " (not rendered: text layer)" : "").Append("</figcaption></figure>");
        }
        html.Append("</div><div class=\"ext\">");
        AppendExtracted(html, table);
        html.Append("</div></div>");
        AppendFindings(html, table);
        html.Append("</section>");
    }

    /// <summary>The extracted table under its whole header tree (so two 小计 columns sit under different parents).</summary>
    private static void AppendExtracted(StringBuilder html, ReviewTable table)
    {
        var columns = Math.Max(table.ColumnNames.Count, table.Rows.Count > 0 ? table.Rows.Max(r => r.Count) : 0);
        html.Append("<table class=\"x\"><thead>");
        var covered = new HashSet<(int Row, int Column)>();
        for (var r = 0; r < table.HeaderRows.Count; r++)
        {
            html.Append("<tr>");
            var starts = table.HeaderRows[r].Where(h => h.Column >= 0 && h.Column < columns).GroupBy(h => h.Column).ToDictionary(g => g.Key, g => g.First());
            for (var c = 0; c < columns;)
            {
                if (covered.Contains((r, c))) { c++; continue; }
                if (starts.TryGetValue(c, out var h))
                {
                    var colSpan = Math.Clamp(h.ColSpan, 1, columns - c);
                    while (colSpan > 1 && Enumerable.Range(c + 1, colSpan - 1).Any(x => covered.Contains((r, x)))) colSpan--;
                    var rowSpan = Math.Clamp(h.RowSpan, 1, table.HeaderRows.Count - r);
                    for (var dr = 1; dr < rowSpan; dr++) for (var dc = 0; dc < colSpan; dc++) covered.Add((r + dr, c + dc));
                    html.Append("<th").Append(colSpan > 1 ? $" colspan=\"{colSpan}\"" : "").Append(rowSpan > 1 ? $" rowspan=\"{rowSpan}\"" : "").Append('>')
                        .Append(E(h.Text)).Append("</th>");
                    c += colSpan;
                }
                else { html.Append("<th></th>"); c++; }
            }
            html.Append("</tr>");
        }
        html.Append("<tr class=\"cols\">");
        for (var c = 0; c < columns; c++)
        {
            var name = c < table.ColumnNames.Count ? table.ColumnNames[c] : "";
            var number = c < table.ColumnNumbers.Count ? table.ColumnNumbers[c] : null;
            html.Append("<th title=\"column ").Append(c).Append(": ").Append(E(name)).Append("\">").Append(number is null ? c.ToString(CultureInfo.InvariantCulture) : E(number)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append(Text.AmountParser.TryParse(cell.Text, out _) ? "<td class=\"n\">" : "<td>").Append(E(cell.Text)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendFindings(StringBuilder html, ReviewTable table)
    {
        if (table.Findings.Count == 0) return;
        html.Append("<div class=\"findings\">");
        foreach (var group in table.Findings.GroupBy(f => f.Outcome))
        {
            var open = group.Key is "fail" or "rounding";
            html.Append("<details class=\"").Append(E(group.Key)).Append('"').Append(open ? " open" : "").Append("><summary>").Append(group.Count()).Append(' ')
                .Append(E(group.Key)).Append("</summary><ul>");
            foreach (var f in group)
                html.Append("<li class=\"").Append(E(f.Outcome)).Append("\"><a href=\"#t").Append(table.Index).Append("\" class=\"finding\" data-cells=\"")
                    .Append(string.Join(' ', f.Cells.Select(c => $"t{table.Index}r{c.Row}c{c.Column}"))).Append("\">").Append(E($"{f.Outcome} · {f.RuleId} · {f.Statement}"))
                    .Append("</a></li>");
            html.Append("</ul></details>");
        }
        html.Append("</div>");
    }

    /// <summary>Flat [row, column, page, left, bottom, right, top, …] of the cells that have a box, in whole points.</summary>
    private static List<int> CellBoxes(ReviewTable table)
    {
        var data = new List<int>();
        for (var r = 0; r < table.Rows.Count; r++)
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                var cell = table.Rows[r][c];
                if (cell.Box.Length != 4 || cell.Box[2] - cell.Box[0] <= 0 || cell.Page <= 0) continue;
                data.AddRange([r, c, cell.Page, (int)Math.Floor(cell.Box[0]), (int)Math.Floor(cell.Box[1]), (int)Math.Ceiling(cell.Box[2]), (int)Math.Ceiling(cell.Box[3])]);
            }
        return data;
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
