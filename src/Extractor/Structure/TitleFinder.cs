using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Structure;

/// <summary>
/// Finds table headings in the regional forms seen in published documents:
/// a label with the name on the same line or the line below (`表1 …`, `表 1`, `表一`, `表十一`, `附表3`, `预算01表 …`,
/// `预算表12 …`, `公开 01 表`, `部门公开表 1`), and headings without a label (`2026年预算单位财务收支预算总表`,
/// `收入决算表`, `一、收支预算总表`) that the vocabulary knows or that end in `表`.
/// </summary>
public static partial class TitleFinder
{
    [GeneratedRegex(@"^(?:(?:表|附表|部门公开表|预算表)(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})|(?:预算|公开)(?<n>\d{1,2})表)(?<rest>.*)$")]
    private static partial Regex Label();

    /// <summary>A heading's name ends in 表, possibly followed by a bracketed qualifier: `…表（按功能分类科目）`.</summary>
    [GeneratedRegex(@"表([（(][^（()）]{1,20}[)）])?$")]
    private static partial Regex EndsLikeTitle();

    public sealed record Found(TableTitle Title, int LastLineIndex);

    /// <summary>Tries to read a labelled title starting at <paramref name="index"/> of the page's lines (top to bottom).</summary>
    public static Found? TryRead(IReadOnlyList<TextLine> lines, int index, StructureOptions options)
    {
        var line = lines[index];
        var m = Label().Match(line.Compact());
        if (!m.Success) return null;
        var number = ChineseNumerals.ParseNumber(m.Groups["n"].Value) ?? -1;
        var labelLength = line.Compact().Length - m.Groups["rest"].Value.Length;
        var label = PrefixWithCompactLength(line.Text, labelLength).Trim();
        var rest = m.Groups["rest"].Value.TrimStart('：', ':', '、', '.', '．', '-', '—', ' ');
        if (rest.Length > 0)
        {
            if (!rest.Contains('表')) return null; // a sentence such as `表1所示…` in prose
            return new Found(new TableTitle(number, label, TitleText(rest), line.At), index);
        }
        // Label alone: the name is the next line below, usually in a larger font.
        for (var j = index + 1; j < lines.Count; j++)
        {
            var next = lines[j];
            if (line.Box.Bottom - next.Box.Top > options.NameReach) break;
            if (next.Compact().Contains('：') || next.Compact().Contains(':')) break; // 编制部门：… / 单位：… below a label that follows its name
            if (next.Compact().EndsWith('表') || next.Compact().Contains("表（") || next.Compact().Contains("表(") || next.FontSize > line.FontSize)
            {
                var (name, last, nameBox) = WithContinuation(lines, j, next.Compact(), next.Box, options);
                return new Found(new TableTitle(number, label, TitleText(name), new Provenance(line.Page, line.Box.Union(nameBox))), last);
            }
        }
        return null;
    }

    /// <summary>
    /// Tries to read a heading without a label at <paramref name="index"/>: a short line, not a sentence, that ends like
    /// a title or that the vocabulary knows. A title broken before its last character (`…支出预算` / `表`) is joined.
    /// The caller decides whether a table follows it.
    /// </summary>
    public static (Found Found, TitleVerdict Verdict)? TryReadName(IReadOnlyList<TextLine> lines, int index, ITitleVocabulary vocabulary, StructureOptions options)
    {
        var line = lines[index];
        var text = line.Compact();
        var last = index;
        var box = line.Box;
        if (index + 1 < lines.Count && lines[index + 1] is { } next && next.Compact().Length <= 2 && next.Compact().EndsWith('表')
            && line.Box.Bottom - next.Box.Top < 1.5 * line.FontSize)
        {
            text += next.Compact();
            last = index + 1;
            box = box.Union(next.Box);
        }
        if (text.Length > options.MaxTitleLength || text.IndexOfAny(['，', '。', '；', '！', '？', ',', ';', '：', ':']) >= 0) return null;
        (text, last, box) = WithContinuation(lines, last, text, box, options);
        if (text.Length < 4 || text.Length > options.MaxTitleLength || !EndsLikeTitle().IsMatch(text)) return null;
        if (OutlineNumbering.StartsWith(text, OutlineMark.Part)) return null; // `第二部分 2026年部门预算表` heads a part, not a table
        var name = OutlineNumbering.Strip(text, OutlineMark.Numbered); // an enumeration in front of a heading: `一、`, `3.`, `（二）`
        var verdict = vocabulary.Classify(name);
        if (verdict == TitleVerdict.NotATitle) return null;
        // Some templates print the label under the name (`收入支出决算总表` / `公开01表`).
        int? number = null;
        var label = "";
        if (last + 1 < lines.Count && lines[last + 1] is { } below && box.Bottom - below.Box.Top < 2 * line.FontSize
            && Label().Match(below.Compact()) is { Success: true } m && m.Groups["rest"].Value.Length == 0)
        {
            number = ChineseNumerals.ParseNumber(m.Groups["n"].Value) ?? -1;
            label = below.Text.Trim();
            last++;
        }
        return (new Found(new TableTitle(number, label, TitleText(name), new Provenance(line.Page, box)), last), verdict);
    }

    /// <summary>
    /// A title wrapped over two lines, as Xi'an's 部门综合预算 forms print it, is one title: the line below continues it
    /// when it is a bracketed qualifier (`…支出明细表` / `（按经济分类科目分）`), when it closes a bracket the title left
    /// open (`…（按支出功能分类科` / `目-不含上年结转）`), or when the title does not yet end like one and the line below
    /// does (`…政府采购（资产配置、购买服务）` / `预算表（不含上年结转）`).
    /// </summary>
    private static (string Text, int Last, Geometry.Box Box) WithContinuation(IReadOnlyList<TextLine> lines, int index, string text, Geometry.Box box, StructureOptions options)
    {
        if (index + 1 >= lines.Count) return (text, index, box);
        var line = lines[index];
        var next = lines[index + 1];
        var below = next.Compact();
        if (next.Page != line.Page || line.Box.Bottom - next.Box.Top > 1.5 * line.FontSize || below.Length is 0 or > 30) return (text, index, box);
        if (below.IndexOfAny(['：', ':', '，', '。']) >= 0 || text.Length + below.Length > options.MaxTitleLength) return (text, index, box);
        var qualifier = QualifierLine().IsMatch(below) && EndsLikeTitle().IsMatch(text);
        var closesBracket = text.LastIndexOf('（') > text.LastIndexOf('）') && (below.EndsWith('）') || below.EndsWith(')'));
        // Not after a line that already names a table (`单位预算表10` over its title is a label, not half a title).
        var completes = !text.Contains('表') && EndsLikeTitle().IsMatch(below);
        return qualifier || closesBracket || completes ? (text + below, index + 1, box.Union(next.Box)) : (text, index, box);
    }

    /// <summary>A line that is one bracketed qualifier: `（按经济分类科目分）`, `(不含上年结转)`.</summary>
    [GeneratedRegex(@"^[（(][^（()）]{1,28}[)）]$")]
    private static partial Regex QualifierLine();

    /// <summary>
    /// A title printed in the first row of the grid itself (`收支总表（预算表 1）` in a merged cell), as some spreadsheet
    /// exports do. A trailing `（预算表 N）` / `（表N）` is the label.
    /// </summary>
    public static TableTitle? TryReadCellTitle(string text, int page, Geometry.Box box, ITitleVocabulary vocabulary, StructureOptions options)
    {
        var compact = TextNormalizer.Compact(text);
        if (compact.Length < 4 || compact.Length > options.MaxTitleLength || !EndsLikeTitle().IsMatch(compact)) return null;
        if (compact.IndexOfAny(['，', '。', '；', '：', ':']) >= 0 || OutlineNumbering.StartsWith(compact, OutlineMark.Part)) return null;
        int? number = null;
        var label = "";
        if (TrailingLabel().Match(compact) is { Success: true } m)
        {
            number = int.Parse(m.Groups["n"].Value);
            label = m.Value.Trim('（', '(', '）', ')');
            compact = compact[..m.Index];
        }
        var name = OutlineNumbering.Strip(compact, OutlineMark.Numbered);
        return vocabulary.Classify(name) == TitleVerdict.Table ? new TableTitle(number, label, TitleText(name), new Provenance(page, box)) : null;
    }

    /// <summary>True when the text is a table label and nothing else (`表11`, `公开01表`, `预算表 2`).</summary>
    public static bool IsLabelOnly(string text) =>
        Label().Match(TextNormalizer.Compact(text)) is { Success: true } m && m.Groups["rest"].Value.Length == 0;

    [GeneratedRegex(@"[（(](?:预算表|公开表|表)(?<n>\d{1,2})[)）]$")]
    private static partial Regex TrailingLabel();

    /// <summary>The shortest prefix of the text holding <paramref name="compactLength"/> characters that are not white
    /// space (what <see cref="TextNormalizer.Compact(string?)"/> keeps): `表 1 收支总表`, 2 → `表 1`.</summary>
    private static string PrefixWithCompactLength(string text, int compactLength)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) seen++;
            if (seen == compactLength) return text[..(i + 1)];
        }
        return text;
    }

    private static string TitleText(string text) => TextNormalizer.Compact(text.Trim(' ', '：', ':', '、', '.', '．'));
}
