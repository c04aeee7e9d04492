using System.Text;
using Extractor.Geometry;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>Builds text lines from glyphs, and joins wrapped lines into one cell text.</summary>
public static class TextLineBuilder
{
    /// <summary>Groups glyphs into lines top to bottom. A gap wider than <paramref name="splitGapEms"/> em starts a new line segment.</summary>
    public static List<TextLine> Build(IEnumerable<Glyph> glyphs, int page, LayoutTolerances tolerances, double splitGapEms = double.PositiveInfinity)
    {
        var sorted = SortTopDownLeftRight(glyphs);
        var rows = new List<List<Glyph>>();
        List<Glyph>? current = null;
        double currentBaseline = 0, currentSize = 0;
        foreach (var g in sorted)
        {
            if (current is not null && Math.Abs(g.Baseline - currentBaseline) <= tolerances.SameLineFraction * Math.Max(currentSize, g.FontSize))
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
                    AddLine(lines, segment, page, tolerances.SpaceGapFraction);
                    segment = [];
                }
                segment.Add(g);
                if (!g.IsWhitespace) previous = g;
            }
            AddLine(lines, segment, page, tolerances.SpaceGapFraction);
        }
        return lines;
    }

    /// <summary>
    /// Baseline descending, then left to right; ties keep their input order (a stable sort, as OrderBy/ThenBy was,
    /// without its per-call key buffers: this runs once per cell).
    /// </summary>
    private static Glyph[] SortTopDownLeftRight(IEnumerable<Glyph> glyphs)
    {
        var sorted = glyphs.ToArray();
        if (sorted.Length < 2) return sorted;
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = (Glyph[])sorted.Clone();
        Array.Sort(order, (a, b) =>
        {
            var byBaseline = keys[b].Baseline.CompareTo(keys[a].Baseline);
            if (byBaseline != 0) return byBaseline;
            var byLeft = keys[a].AdvanceLeft.CompareTo(keys[b].AdvanceLeft);
            return byLeft != 0 ? byLeft : a.CompareTo(b);
        });
        for (var i = 0; i < order.Length; i++) sorted[i] = keys[order[i]];
        return sorted;
    }

    private static void AddLine(List<TextLine> lines, List<Glyph> glyphs, int page, double spaceGapFraction)
    {
        List<Glyph>? visible = null;
        Box box = default;
        var fontSize = 0.0;
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) continue;
            if (visible is null) { visible = new List<Glyph>(glyphs.Count); box = g.Box; fontSize = g.FontSize; }
            else { box = box.Union(g.Box); if (g.FontSize > fontSize || double.IsNaN(fontSize)) fontSize = g.FontSize; }
            visible.Add(g);
        }
        if (visible is null) return;
        var (text, raw) = Spell(glyphs, spaceGapFraction);
        lines.Add(new TextLine(text, raw, new Provenance(page, box), fontSize, visible));
    }

    [ThreadStatic] private static StringBuilder? spelledText;
    [ThreadStatic] private static StringBuilder? spelledRaw;

    /// <summary>Reads glyphs of one line (sorted left to right) as text, putting one space for each visible gap.</summary>
    /// <param name="spaceGapFraction">a gap wider than this fraction of the font size is a space (<see cref="LayoutTolerances.SpaceGapFraction"/>)</param>
    public static (string Text, string Raw) Spell(IReadOnlyList<Glyph> glyphs, double spaceGapFraction)
    {
        // One pair of builders per thread, reused: this runs for every line and every cell of every page.
        var text = (spelledText ??= new StringBuilder()).Clear();
        var raw = (spelledRaw ??= new StringBuilder()).Clear();
        Glyph? previous = null;
        var pendingSpace = false;
        foreach (var g in glyphs)
        {
            if (g.IsWhitespace) { pendingSpace = previous is not null; continue; }
            if (previous is not null)
            {
                var gap = g.AdvanceLeft - previous.AdvanceRight;
                if (pendingSpace || gap > spaceGapFraction * Math.Max(g.FontSize, previous.FontSize))
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
    public static (string Text, string Raw) JoinLines(IEnumerable<Glyph> glyphs, LayoutTolerances tolerances)
    {
        var lines = Build(glyphs, 0, tolerances);
        if (lines.Count == 1) return (lines[0].Text, lines[0].Raw);
        return (string.Concat(lines.Select(l => l.Text)), string.Concat(lines.Select(l => l.Raw)));
    }
}
