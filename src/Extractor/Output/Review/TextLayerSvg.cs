using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Extractor.Model;

namespace Extractor.Output.Review;

/// <summary>
/// A page redrawn from its text layer and rulings, as the extraction read them: every glyph where the PDF put it, so
/// where the rendered page and this redraw differ the text layer is lying (a stray glyph, a clipped cell, a font
/// without ToUnicode). Drawn in the page's model frame (see <see cref="PageFrame"/>) and compressed for the report.
/// </summary>
public static class TextLayerSvg
{
    public static string Render(PageModel page)
    {
        var frame = PageFrame.Of(page);
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(F(frame.DisplayWidth)).Append(' ').Append(F(frame.DisplayHeight))
            .Append("\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><g transform=\"").Append(frame.Transform).Append("\">");
        string V(double y) => F(page.Height - y);
        svg.Append("<path stroke=\"#888\" stroke-width=\"0.5\" fill=\"none\" d=\"");
        foreach (var r in page.Rulings)
        {
            var (x1, y1, x2, y2) = r.Orientation == Orientation.Horizontal ? (r.Start, r.Position, r.End, r.Position) : (r.Position, r.Start, r.Position, r.End);
            svg.Append('M').Append(F(x1)).Append(' ').Append(V(y1)).Append('L').Append(F(x2)).Append(' ').Append(V(y2));
        }
        svg.Append("\"/>");
        // Glyphs of one run (same baseline and size, in reading order) share one <text> with a list of x positions.
        var run = new List<Glyph>();
        void Flush()
        {
            if (run.Count == 0) return;
            svg.Append("<text x=\"").AppendJoin(' ', run.Select(g => F(g.Box.Left))).Append("\" y=\"").Append(V(run[0].Baseline))
                .Append("\" font-size=\"").Append(F(run[0].FontSize)).Append("\">").Append(WebUtility.HtmlEncode(string.Concat(run.Select(g => g.Text))))
                .Append("</text>");
            run.Clear();
        }
        foreach (var g in page.Glyphs)
        {
            if (g.IsWhitespace || g.Text.Length == 0) continue;
            // One x per UTF-16 unit would misplace surrogate pairs: such glyphs get their own run.
            if (g.Text.Length > 1 || char.IsSurrogate(g.Text[0]))
            {
                Flush();
                svg.Append("<text x=\"").Append(F(g.Box.Left)).Append("\" y=\"").Append(V(g.Baseline)).Append("\" font-size=\"").Append(F(g.FontSize)).Append("\">")
                    .Append(WebUtility.HtmlEncode(g.Text)).Append("</text>");
                continue;
            }
            if (run.Count > 0 && (Math.Abs(run[^1].Baseline - g.Baseline) > 0.05 || Math.Abs(run[^1].FontSize - g.FontSize) > 0.05)) Flush();
            run.Add(g);
        }
        Flush();
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>The SVG gzip-compressed and base64-encoded, for the report's lazily loaded layer scripts.</summary>
    public static string Compressed(string svg)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(svg));
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// How the extraction's page frame sits on the printed page. Boxes are in PDF points with the origin at the bottom
/// left of the displayed page (media box, /Rotate applied) – or, when most text runs sideways, of the page turned so
/// that it reads left to right (<see cref="PageModel.Turn"/>). The rendered image shows the displayed page; the
/// transform maps model SVG coordinates (x right, y down from the model frame's top) onto it.
/// </summary>
public sealed record PageFrame(double DisplayWidth, double DisplayHeight, double ModelHeight, int Turn, string Transform)
{
    public static PageFrame Of(PageModel page) => Of(page.Width, page.Height, page.Turn);

    public static PageFrame Of(double modelWidth, double modelHeight, int turn)
    {
        var (w, h) = turn is 90 or 270 ? (modelHeight, modelWidth) : (modelWidth, modelHeight);
        string M(double a, double b, double c, double d, double e, double f) =>
            $"matrix({string.Join(' ', new[] { a, b, c, d, e, f }.Select(TextLayerSvg.F))})";
        var transform = turn switch
        {
            90 => M(0, -1, 1, 0, 0, h),   // text ran upwards on the printed page
            180 => M(-1, 0, 0, -1, w, h),
            270 => M(0, 1, -1, 0, w, 0),  // text ran downwards
            _ => M(1, 0, 0, 1, 0, 0),
        };
        return new PageFrame(w, h, modelHeight, turn, transform);
    }
}
