using System.Text.RegularExpressions;
using System.Text;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>A paragraph of prose: its lines joined (CJK without spaces), and which line each character came from.</summary>
public sealed record ProseParagraph(string Text, IReadOnlyList<TextLine> Lines, IReadOnlyList<int> LineStarts)
{
    /// <summary>The line holding character <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public TextLine LineAt(int offset)
    {
        var i = 0;
        while (i + 1 < LineStarts.Count && LineStarts[i + 1] <= offset) i++;
        return Lines[i];
    }
}

/// <summary>
/// Joins the text lines of 第三部分 情况说明 into paragraphs. A paragraph starts on an indented line (the first line of a
/// paragraph is indented about two characters in every template seen) or on a heading (一、 / （一）); wrapped lines
/// are joined without a space because the prose is Chinese and a break may fall inside a number (`增长` / `100.00%`).
/// </summary>
public static partial class ProseParagraphs
{
    /// <summary>A paragraph heading of 第三部分 starts with `一、` or `（一）`; `1.` and `（1）` are items whose figures are read.</summary>
    public const OutlineMark HeadingMarks = OutlineMark.Chapter | OutlineMark.Section;

    [GeneratedRegex(@"^(第?\s*\d+\s*页?|-\s*\d+\s*-|\d+\s*/\s*\d+)$")]
    private static partial Regex PageNumber();

    /// <summary>Paragraphs of 第三部分 (to 第四部分), or of all prose when the document does not mark its parts.</summary>
    public static IReadOnlyList<ProseParagraph> Build(IReadOnlyList<TextLine> lines)
    {
        var start = IndexOf(lines, "第三部分", 0);
        var end = start < 0 ? lines.Count : IndexOf(lines, "第四部分", start + 1);
        if (start < 0) start = 0;
        if (end < 0) end = lines.Count;
        var part = new List<TextLine>();
        for (var i = start; i < end; i++)
            if (!PageNumber().IsMatch(lines[i].Text.Trim())) part.Add(lines[i]);

        var leftMargin = part.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.Min(l => l.Box.Left));
        var paragraphs = new List<ProseParagraph>();
        var current = new List<TextLine>();
        foreach (var line in part)
        {
            var indented = line.Box.Left - leftMargin[line.Page] > 0.8 * line.FontSize;
            if (current.Count > 0 && (indented || OutlineNumbering.StartsWith(line.Compact(), HeadingMarks)))
            {
                paragraphs.Add(Join(current));
                current = [];
            }
            current.Add(line);
        }
        if (current.Count > 0) paragraphs.Add(Join(current));
        return paragraphs;
    }

    private static int IndexOf(IReadOnlyList<TextLine> lines, string marker, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (lines[i].Compact().StartsWith(marker, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static ProseParagraph Join(List<TextLine> lines)
    {
        var text = new StringBuilder();
        var starts = new List<int>(lines.Count);
        foreach (var line in lines)
        {
            starts.Add(text.Length);
            text.Append(line.Text.Trim());
        }
        return new ProseParagraph(text.ToString(), lines.ToList(), starts);
    }

    /// <summary>
    /// Where characters [from, to) of a paragraph are printed: the union of their glyph boxes (on the page of the first
    /// character), or of their lines' boxes when the glyphs do not map one to one onto the characters.
    /// </summary>
    public static Box BoxOf(ProseParagraph paragraph, int from, int to)
    {
        Box? box = null;
        var page = paragraph.LineAt(from).Page;
        for (var i = 0; i < paragraph.Lines.Count; i++)
        {
            var line = paragraph.Lines[i];
            var start = paragraph.LineStarts[i];
            var end = i + 1 < paragraph.Lines.Count ? paragraph.LineStarts[i + 1] : paragraph.Text.Length;
            if (end <= from || start >= to || line.Page != page) continue;
            var part = GlyphBox(line, Math.Max(from, start) - start, Math.Min(to, end) - start) ?? line.Box;
            box = box is { } b ? b.Union(part) : part;
        }
        return box ?? paragraph.LineAt(from).Box;
    }

    // Characters of the trimmed line text → glyphs: every non-space character is one visible glyph, in order.
    private static Box? GlyphBox(TextLine line, int from, int to)
    {
        if (line.Glyphs.Any(g => g.Text.Length != 1)) return null;
        var text = line.Text.TrimStart();
        var glyphIndex = 0;
        Box? box = null;
        for (var c = 0; c < text.Length && c < to; c++)
        {
            if (text[c] == ' ') continue;
            if (glyphIndex >= line.Glyphs.Count) return null;
            if (c >= from) box = box is { } b ? b.Union(line.Glyphs[glyphIndex].Box) : line.Glyphs[glyphIndex].Box;
            glyphIndex++;
        }
        return box;
    }
}
