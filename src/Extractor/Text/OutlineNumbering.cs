using System.Text.RegularExpressions;

namespace Extractor.Text;

/// <summary>
/// The marks a heading or row label starts with, in the order of the official outline (公文 层次序号):
/// `第三部分` → `一、` → `（一）` → `1.` → `（1）`, and the `其中：` that opens the parts of the line above.
/// </summary>
[Flags]
public enum OutlineMark
{
    None = 0,

    /// <summary>`第三部分`, `第 2 部分`: a part of the publication.</summary>
    Part = 1,

    /// <summary>`一、` `十二、` (also `一.` `一．`): the outline's first level.</summary>
    Chapter = 2,

    /// <summary>`（一）` `(二)`: the second level.</summary>
    Section = 4,

    /// <summary>`1、` `2.` `3．`: the third level.</summary>
    Item = 8,

    /// <summary>`（1）` `(2)`: the fourth level.</summary>
    Subitem = 16,

    /// <summary>`其中：` `其中`: what follows is part of the line above.</summary>
    Including = 32,

    /// <summary>The four numbered levels.</summary>
    Numbered = Chapter | Section | Item | Subitem,
}

/// <summary>
/// The one detector of outline numbering. Every caller names the marks it cares about: a heading of 第三部分 starts
/// with a chapter or a section (`（一）基本支出`), but `（1）` there is an item whose figures are read; a row label loses
/// every mark before it is compared (`一、（一）其中：工资福利支出` → `工资福利支出`). White space inside a mark is allowed
/// (`1 .`, `（ 一 ）`), so printed and compact text read alike.
/// </summary>
public static partial class OutlineNumbering
{
    private const string Numerals = "一二三四五六七八九十";

    [GeneratedRegex(@"^第\s*[" + Numerals + @"\d]{1,3}\s*部分")]
    private static partial Regex PartMark();

    [GeneratedRegex(@"^[" + Numerals + @"]+\s*[、.．]")]
    private static partial Regex ChapterMark();

    [GeneratedRegex(@"^[（(]\s*[" + Numerals + @"]+\s*[)）]")]
    private static partial Regex SectionMark();

    [GeneratedRegex(@"^\d+\s*[、.．]")]
    private static partial Regex ItemMark();

    [GeneratedRegex(@"^[（(]\s*\d+\s*[)）]")]
    private static partial Regex SubitemMark();

    [GeneratedRegex(@"^其中\s*[:：]?")]
    private static partial Regex IncludingMark();

    private static readonly (OutlineMark Kind, Func<Regex> Pattern)[] Marks =
    [
        (OutlineMark.Part, PartMark), (OutlineMark.Chapter, ChapterMark), (OutlineMark.Section, SectionMark),
        (OutlineMark.Item, ItemMark), (OutlineMark.Subitem, SubitemMark), (OutlineMark.Including, IncludingMark),
    ];

    /// <summary>The mark of one of the given kinds the text starts with, and its length; null when none.</summary>
    public static (OutlineMark Kind, int Length)? Leading(string? text, OutlineMark kinds)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var (kind, pattern) in Marks)
            if ((kinds & kind) != 0 && pattern().Match(text) is { Success: true } m) return (kind, m.Length);
        return null;
    }

    /// <summary>The kind of mark the text starts with (<see cref="OutlineMark.None"/> when none of the given kinds).</summary>
    public static OutlineMark KindOf(string? text, OutlineMark kinds) => Leading(text, kinds)?.Kind ?? OutlineMark.None;

    /// <summary>True when the text starts with a mark of one of the given kinds.</summary>
    public static bool StartsWith(string? text, OutlineMark kinds) => Leading(text, kinds) is not null;

    /// <summary>The text without every leading mark of the given kinds and the white space after each
    /// (`（一）1、其中：人员经费` → `人员经费` with <see cref="OutlineMark.Numbered"/> | <see cref="OutlineMark.Including"/>).</summary>
    public static string Strip(string text, OutlineMark kinds)
    {
        var start = 0;
        while (Leading(text[start..], kinds) is { } mark)
        {
            start += mark.Length;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        }
        return start == 0 ? text : text[start..];
    }
}
