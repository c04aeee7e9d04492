using System.Text;
using Extractor.Geometry;
using Extractor.Pdf;

namespace Extractor.Layout;

/// <summary>A run of glyphs on one baseline, read left to right, with spaces where the gaps say so.</summary>
public sealed record TextLine(string Text, string Raw, Box Box, double FontSize, int Page, IReadOnlyList<Glyph> Glyphs)
{
    /// <summary>The text with every space removed: how labels are compared (`收 入 总 计` = `收入总计`).</summary>
    public string Compact => Text.Replace(" ", "");
}

/// <summary>Builds text lines from glyphs, and joins wrapped lines into one cell text.</summary>
public static class TextLineBuilder
{
    /// <summary>Groups glyphs into lines top to bottom. A gap wider than <paramref name="splitGapEms"/> em starts a new line segment.</summary>
    public static List<TextLine> Build(IEnumerable<Glyph> glyphs, int page, double splitGapEms = double.PositiveInfinity)
    {
        var sorted = glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.AdvanceLeft).ToList();
        var rows = new List<List<Glyph>>();
        List<Glyph>? current = null;
        double currentBaseline = 0, currentSize = 0;
        foreach (var g in sorted)
        {
            if (current is not null && Math.Abs(g.Baseline - currentBaseline) <= Tolerances.SameLineFraction * Math.Max(currentSize, g.FontSize))
            {
                current.Add(g);
                continue;
            }
            current = [g];
            rows.Add(current);
            currentBaseline = g.Baseline;
            currentSize = g.FontSize;
        }

        var lines = new List<TextLine>(rows.Count);
        foreach (var row in rows)
        {
            row.Sort((a, b) => a.AdvanceLeft.CompareTo(b.AdvanceLeft));
            var segment = new List<Glyph>();
            Glyph? previous = null;
            foreach (var g in row)
            {
                if (previous is not null && !g.IsWhitespace && g.AdvanceLeft - previous.AdvanceRight > splitGapEms * Math.Max(g.FontSize, previous.FontSize))
                {
                    AddLine(lines, segment, page);
                    segment = [];
                }
                segment.Add(g);
                if (!g.IsWhitespace) previous = g;
            }
            AddLine(lines, segment, page);
        }
        return lines;
    }

    private static void AddLine(List<TextLine> lines, List<Glyph> glyphs, int page)
    {
        var visible = glyphs.Where(g => !g.IsWhitespace).ToList();
        if (visible.Count == 0) return;
        var (text, raw) = Spell(glyphs);
        var box = Box.UnionAll(visible.Select(g => g.Box))!.Value;
        lines.Add(new TextLine(text, raw, box, visible.Max(g => g.FontSize), page, visible));
    }

    /// <summary>Reads glyphs of one line (sorted left to right) as text, putting one space for each visible gap.</summary>
    public static (string Text, string Raw) Spell(IReadOnlyList<Glyph> glyphs)
    {
        var text = new StringBuilder();
        var raw = new StringBuilder();
        Glyph? previous = null;
        var pendingSpace = false;
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) { pendingSpace = previous is not null; continue; }
            if (previous is not null)
            {
                var gap = g.AdvanceLeft - previous.AdvanceRight;
                if (pendingSpace || gap > Tolerances.SpaceGapFraction * Math.Max(g.FontSize, previous.FontSize))
                {
                    text.Append(' ');
                    raw.Append(' ');
                }
            }
            text.Append(g.Text);
            raw.Append(g.Raw);
            previous = g;
            pendingSpace = false;
        }
        return (text.ToString(), raw.ToString());
    }

    /// <summary>Text of glyphs that sit in one box (a cell): lines top to bottom, joined without a separator.</summary>
    public static (string Text, string Raw) JoinLines(IEnumerable<Glyph> glyphs)
    {
        var lines = Build(glyphs, 0);
        if (lines.Count == 1) return (lines[0].Text, lines[0].Raw);
        return (string.Concat(lines.Select(l => l.Text)), string.Concat(lines.Select(l => l.Raw)));
    }
}
