using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json;

namespace Extractor.Reconciliation;

/// <summary>Reads the figures of 第三部分 out of its paragraphs.</summary>
public static partial class ProseFigureParser
{
    // An amount with its unit; `50 万元以上` (a threshold, not an amount) is excluded by the caller.
    // Digits are ASCII (`[0-9]`, full-width ones are mapped first); a Chinese numeral counts only before a unit of money
    // or of goods (`两辆`), not before 个/人, where it is idiom far more often than a figure (`一个`). The units of money
    // are the unit table's (Text/UnitParser), longest first: `3.5 百万元` is 3.5 of 百万元, not the numeral 百 of 万元.
    private static readonly Regex AmountWithUnit = BuildAmountWithUnit();

    private static Regex BuildAmountWithUnit()
    {
        var money = string.Join("|", UnitParser.Names.Select(Regex.Escape));
        return new Regex(
            @"(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|(?<![零〇一二两三四五六七八九十百千第])[零〇一二两三四五六七八九十百千]+"
            + $@"(?=\s*(?:{money}|辆|台|套)))\s*({money}|平方米|辆|台|套|个|人)", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^\s*(以上|以下|以内)")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"占(?:比)?\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]")]
    private static partial Regex SharePattern();

    [GeneratedRegex(@"(增长|下降|减少|增加|降低)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*[%％]")]
    private static partial Regex GrowthPattern();

    // `政府性基金预算未安排。`: the prose says the amount is nil.
    [GeneratedRegex(@"未安排")]
    private static partial Regex NotArranged();

    [GeneratedRegex(@"项目名称\s*[:：]\s*(.+)$")]
    private static partial Regex ProjectName();

    // What may stand after `：` without being the label (`行政运行（项）：2025 年预算数为 207.75 万元`).
    [GeneratedRegex(@"^(\d{4}\s*年度?)?\s*(预算数|预算|金额|数)?\s*(为|是)?$")]
    private static partial Regex GenericAfterColon();

    /// <summary>What a figure's label loses in front (`其中：`, `（一）`, `(1)`, `2.`); a chapter `一、` heads a section instead.</summary>
    private const OutlineMark LabelMarks = OutlineMark.Including | OutlineMark.Section | OutlineMark.Subitem | OutlineMark.Item;

    [GeneratedRegex(@"(共|为|是|达)$")]
    private static partial Regex TrailingVerb();

    [GeneratedRegex(@"(比上年|较上年|同比)|(增加|减少|增长|下降|降低)$")]
    private static partial Regex ChangeLabel();

    private static readonly char[] ClauseBreaks = ['，', '；', '。', ';', '！', '？'];

    public static IReadOnlyList<ProseFigure> Parse(IReadOnlyList<TextLine> lines, ICollection<Diagnostic>? warnings = null) =>
        Parse(ProseParagraphs.Build(lines), warnings);

    /// <param name="warnings">receives one warning per paragraph that could not be read (its figures are left out)</param>
    public static IReadOnlyList<ProseFigure> Parse(IReadOnlyList<ProseParagraph> paragraphs, ICollection<Diagnostic>? warnings = null)
    {
        var figures = new List<ProseFigure>();
        string section = "", subsection = "";
        string? project = null;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Text;
            var heading = OutlineNumbering.KindOf(TextNormalizer.Compact(text), ProseParagraphs.HeadingMarks);
            if (heading != OutlineMark.None)
            {
                if (heading == OutlineMark.Section) subsection = text;
                else { section = text; subsection = ""; }
                var name = ProjectName().Match(text);
                project = name.Success ? name.Groups[1].Value.Trim() : null;
                continue;
            }
            if (ProjectName().Match(text) is { Success: true } named && !AmountWithUnit.IsMatch(text))
            {
                project = named.Groups[1].Value.Trim();
                continue;
            }
            // A paragraph that cannot be read loses its own figures only, never the document's.
            var before = figures.Count;
            try { ParseParagraph(paragraph, section, subsection.Length == 0 ? null : subsection, project, figures); }
            catch (Exception e) when (StageGuard.IsRecoverable(e))
            {
                figures.RemoveRange(before, figures.Count - before);
                warnings?.Add(StageGuard.Warning("prose paragraph", paragraph.LineAt(0).Page, e));
            }
        }
        return figures;
    }

    private static void ParseParagraph(ProseParagraph paragraph, string section, string? subsection, string? project, List<ProseFigure> figures)
    {
        var text = TextNormalizer.AsciiDigitsInPlace(paragraph.Text);
        var matches = AmountWithUnit.Matches(text).Where(m => !Threshold().IsMatch(text[(m.Index + m.Length)..])).ToList();
        var previousEnd = 0;
        var sentenceStart = 0;
        ProseFigure? lastInSentence = null;
        var lastInSentenceIndex = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var sentenceBreak = text.LastIndexOf('。', Math.Max(0, m.Index - 1));
            if (sentenceBreak + 1 > sentenceStart) { sentenceStart = sentenceBreak + 1; lastInSentence = null; }
            var sentenceEnd = text.IndexOf('。', m.Index);
            var sentence = text[sentenceStart..(sentenceEnd < 0 ? text.Length : sentenceEnd + 1)];
            var label = LabelBefore(text, Math.Max(previousEnd, LastBreak(text, m.Index) + 1), m.Index);
            var trailingEnd = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var trailing = text[(m.Index + m.Length)..trailingEnd];
            var clauseEnd = trailing.IndexOfAny(['。']);
            if (clauseEnd >= 0) trailing = trailing[..clauseEnd];
            previousEnd = m.Index + m.Length;
            var amountText = m.Groups[1].Value;
            var value = ChineseNumerals.Parse(amountText) ?? decimal.Parse(amountText.Replace(",", ""), CultureInfo.InvariantCulture);
            var unit = m.Groups[2].Value;
            var box = ProseParagraphs.BoxOf(paragraph, m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length);
            var page = paragraph.LineAt(m.Index).Page;
            var growth = GrowthPattern().Match(trailing);
            var changeLabel = ChangeLabel().Match(label);
            if (changeLabel.Success)
            {
                var direction = label.Contains("减少") || label.Contains("下降") || label.Contains("降低") ? "减少" : "增加";
                var subject = Clean(ChangeLabel().Replace(label, "").Replace("预算", "").Trim());
                var parent = lastInSentence ?? (subject.Length > 0
                    ? figures.LastOrDefault(f => f.Section == section && f.Kind == "amount" && f.Change is null && TextNormalizer.Key(f.Label).Contains(TextNormalizer.Key(subject), StringComparison.Ordinal))
                    : null);
                if (parent is not null && parent.Change is null)
                {
                    var index = lastInSentence is not null ? lastInSentenceIndex : figures.LastIndexOf(parent);
                    figures[index] = parent with { Change = amountText, ChangeDirection = direction, Growth = growth.Success ? growth.Groups[2].Value : parent.Growth };
                    continue;
                }
                figures.Add(new ProseFigure(section, subsection, project, subject, "change", amountText, value, unit, null, amountText, direction,
                    growth.Success ? growth.Groups[2].Value : null, sentence, new Provenance(page, box)));
                continue;
            }
            var share = SharePattern().Match(trailing);
            var figure = new ProseFigure(section, subsection, project, label, "amount", amountText, value, unit,
                share.Success ? share.Groups[1].Value : null, null, null, null, sentence, new Provenance(page, box));
            figures.Add(figure);
            lastInSentence = figure;
            lastInSentenceIndex = figures.Count - 1;
        }
        foreach (Match nil in NotArranged().Matches(text))
        {
            var label = LabelBefore(text, LastBreak(text, nil.Index) + 1, nil.Index);
            if (label.Length < 2 || AmountWithUnit.IsMatch(label)) continue;
            var start = text.LastIndexOf('。', Math.Max(0, nil.Index - 1)) + 1;
            var end = text.IndexOf('。', nil.Index);
            figures.Add(new ProseFigure(section, subsection, project, label, "amount", nil.Value, 0m, "万元", null, null, null, null,
                text[start..(end < 0 ? text.Length : end + 1)], new Provenance(paragraph.LineAt(nil.Index).Page,
                ProseParagraphs.BoxOf(paragraph, nil.Index, nil.Index + nil.Length))));
        }
    }

    /// <summary>The last clause break before <paramref name="index"/>; an ASCII comma between digits is a thousands separator.</summary>
    private static int LastBreak(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (Array.IndexOf(ClauseBreaks, c) >= 0) return i;
            if (c == ',' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) return i;
        }
        return -1;
    }

    private static string LabelBefore(string text, int from, int to)
    {
        var raw = text[from..to];
        var colon = raw.LastIndexOfAny(['：', ':']);
        if (colon >= 0)
        {
            var after = raw[(colon + 1)..].Trim();
            raw = after.Length > 0 && !GenericAfterColon().IsMatch(after) ? after : raw[..colon];
        }
        return Clean(raw);
    }

    private static string Clean(string label)
    {
        var s = OutlineNumbering.Strip(label.Trim(), LabelMarks).Trim();
        return TrailingVerb().Replace(s, "").Trim();
    }
}
