using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// Outline numbering (`一、`, `（一）`, `1.`, `第三部分`) is detected in one place, <c>Text/OutlineNumbering</c>: six
/// private regexes for it disagreed on whether `一.` is a chapter and whether `（1）` heads a paragraph.
/// </summary>
public partial class OutlineNumberingTests
{
    /// <summary>A regex literal that spells the Chinese numerals together with a mark's punctuation (`、`, a closing
    /// bracket class, `部分`).</summary>
    [GeneratedRegex(@"GeneratedRegex\(@?""(?<pattern>[^""]*一二三四五六七八九十[^""]*(?:、|[)）][)）]\]|部分)[^""]*)""")]
    private static partial Regex OutlineRegex();

    public static IReadOnlyList<string> OutlineRegexesOutsideText(IEnumerable<(string Path, string Source)> files) =>
        LibrarySources.MatchesOutside(files, "Text/", OutlineRegex(), "pattern");

    [Fact]
    public void No_stage_outside_Text_declares_an_outline_numbering_regex()
    {
        Assert.Empty(OutlineRegexesOutsideText(LibrarySources.Read()));
    }

    [Fact]
    public void An_outline_regex_in_a_stage_is_reported_and_a_table_label_is_not()
    {
        var problems = OutlineRegexesOutsideText(
        [
            ("Reconciliation/Rollups.cs", """    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]")]"""),
            ("Structure/TitleFinder.cs", """    [GeneratedRegex(@"^第[一二三四五六七八九十\d]{1,3}部分")]"""),
            ("Reconciliation/ProseParagraphs.cs", """    [GeneratedRegex(@"^([（(][一二三四五六七八九十]+[）)])")]"""),
            ("Structure/TitleFinder.cs", """    [GeneratedRegex(@"^(?:表(?<n>\d{1,2}|[一二三四五六七八九十]{1,3}))(?<rest>.*)$")]"""),
            ("Text/OutlineNumbering.cs", """    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}\s*[、.．]")]"""),
        ]);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain("(?<rest>", p));
    }
}
