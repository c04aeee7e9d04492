using System.Text.RegularExpressions;
using Extractor.Layout;

namespace Extractor.Structure;

/// <summary>Finds table headings: a `表N` label with the name on the same line or the line below it.</summary>
public static partial class TitleFinder
{
    [GeneratedRegex(@"^表(\d{1,2})[：:、.．\-—]?(.*)$")]
    private static partial Regex Label();

    /// <summary>How far below the label, in points, the name may stand.</summary>
    private const double NameReach = 60;

    public sealed record Found(TableTitle Title, int LastLineIndex);

    /// <summary>Tries to read a title starting at <paramref name="index"/> of the page's lines (top to bottom).</summary>
    public static Found? TryRead(IReadOnlyList<TextLine> lines, int index)
    {
        var line = lines[index];
        var m = Label().Match(line.Compact);
        if (!m.Success) return null;
        var number = int.Parse(m.Groups[1].Value);
        var rest = m.Groups[2].Value;
        var label = line.Text;
        if (rest.Length > 0)
        {
            if (!rest.Contains('表')) return null; // a sentence such as `表1所示…` in prose
            var labelPart = Regex.Match(line.Text, @"^表\s*\d{1,2}").Value;
            return new Found(new TableTitle(number, labelPart, TitleText(line.Text[labelPart.Length..]), line.Page, line.Box), index);
        }
        // Label alone: the name is the next line below, usually in a larger font.
        for (var j = index + 1; j < lines.Count; j++)
        {
            var next = lines[j];
            if (line.Box.Bottom - next.Box.Top > NameReach) break;
            if (next.Compact.EndsWith('表') || next.Compact.Contains("表（") || next.FontSize > line.FontSize)
                return new Found(new TableTitle(number, label, TitleText(next.Text), line.Page, line.Box.Union(next.Box)), j);
        }
        return null;
    }

    private static string TitleText(string text) => text.Trim(' ', '：', ':', '、').Replace(" ", "");
}
