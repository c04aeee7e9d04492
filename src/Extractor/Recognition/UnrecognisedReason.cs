using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Recognition;

/// <summary>
/// Why a table has no kind, from what it prints. A table that is no budget table (a contents page, a list of units, a
/// fee standard) says so; a table that prints amounts under a heading the catalogue does not know is a catalogue gap
/// (`unknown_title`, `untitled`) or a structure miss (`headerless`: a continued page whose header was not found).
/// </summary>
public static partial class UnrecognisedReason
{
    /// <summary>A contents page: `目 录` / `报表目录`, rows naming `表16 | 专项资金总体绩效目标表 | 是`.</summary>
    public const string Contents = "contents";

    /// <summary>A list of units or offices without amounts: `序号 | 单位名称 | 拟变动情况`.</summary>
    public const string UnitList = "unit_list";

    /// <summary>A grid without a single amount: a cover, a text form.</summary>
    public const string NoAmounts = "no_amounts";

    /// <summary>A table of another subject: no budget word in its heading or columns (`收费标准`, a drug supply list).</summary>
    public const string NotBudget = "not_budget";

    /// <summary>A grid whose text is not legible: Latin letters and symbols where a Chinese table prints characters
    /// (the OCR of a page scanned sideways, `&4 | 器硫澳下|执这属人抢 | jung%35eiaaz`). What it holds cannot be told.</summary>
    public const string Illegible = "illegible";

    /// <summary>A grid with amounts whose header was not found: mostly a continued page of a table on an earlier page.</summary>
    public const string Headerless = "headerless";

    /// <summary>A heading that speaks of budget matters but names no kind of the catalogue.</summary>
    public const string UnknownTitle = "unknown_title";

    /// <summary>Amounts under no title and headers the catalogue does not know.</summary>
    public const string Untitled = "untitled";

    public static IReadOnlyList<string> All { get; } = [Contents, UnitList, NoAmounts, NotBudget, Illegible, Headerless, UnknownTitle, Untitled];

    /// <summary>Words of money that a budget table prints in its heading or its columns.</summary>
    private static readonly string[] MoneyWords = ["预算", "决算", "金额", "经费", "支出", "收入", "资金", "拨款", "合计", "总计", "万元", "费用"];

    private static readonly string[] UnitWords = ["单位", "机构", "科室", "处室"];

    /// <summary>How a list of units is announced: `…二级预算单位共有4个，包括：`, `…单位详细情况见下表:`, `内设机构信息`.</summary>
    private static readonly string[] UnitListWords = ["包括", "见下表", "信息", "所属"];

    [GeneratedRegex(@"^表\d{1,2}$")]
    private static partial Regex TableLabel();

    private static bool IsIllegible(IEnumerable<string> texts)
    {
        int all = 0, garbled = 0;
        foreach (var text in texts)
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c)) continue;
                all++;
                if (char.IsAsciiLetter(c) || GarbleSymbols.Contains(c)) garbled++;
            }
        return all >= IllegibleMinCharacters && garbled > all * IllegibleShare;
    }

    // An amount or a rate (`12.5%`) as the amount parser reads it.
    private static bool IsAmount(string printed) => AmountParser.TryParse(printed.TrimEnd('%', '％'), out _);

    /// <summary>Share of garbled characters from which a grid's text counts as illegible: a budget table prints a few
    /// Latin letters at most (`cm`, `PPP 项目`), an OCR of a sideways scan nearly half (cs-003 p.2: 425 of 918).</summary>
    private const double IllegibleShare = 0.3;

    /// <summary>Fewest characters a grid must print before its legibility is judged.</summary>
    private const int IllegibleMinCharacters = 50;

    private const string GarbleSymbols = "|&%#@$^*=[]{}<>?~\\";

    public static string Of(StructuredTable table, ITitleVocabulary vocabulary)
    {
        var title = TextNormalizer.Key(table.Title.Title);
        var headers = table.Columns.SelectMany(c => c.Path).Select(TextNormalizer.Compact).Where(h => h.Length > 0).ToList();
        if (IsIllegible(headers.Concat(table.Rows.SelectMany(r => r.Select(c => c.Text))))) return Illegible;
        // The first column holds 序号 or labels; an amount stands in the others.
        var hasAmounts = table.Rows.Any(row => row.Skip(1).Any(c => c.Text.Length > 0 && IsAmount(c.Text)));
        if (title.Contains("目录", StringComparison.Ordinal) || !hasAmounts && headers.Any(h => TableLabel().IsMatch(h))) return Contents;
        if (!hasAmounts && (headers.Any(h => UnitWords.Any(w => h.Contains(w, StringComparison.Ordinal)))
                            || UnitWords.Any(w => title.Contains(w, StringComparison.Ordinal)) && UnitListWords.Any(w => title.Contains(w, StringComparison.Ordinal))))
            return UnitList;
        if (headers.Count > 0 && !MoneyWords.Any(w => title.Contains(w, StringComparison.Ordinal) || headers.Any(h => h.Contains(w, StringComparison.Ordinal))))
            return NotBudget;
        if (!hasAmounts) return NoAmounts;
        if (headers.Count == 0) return Headerless;
        // The line above an untitled grid is often the end of a prose sentence (`…提高专项经费绩效水平。`): not a title.
        var namesATable = title.EndsWith('表') || title.Contains("表（", StringComparison.Ordinal);
        return table.Title.Label.Length > 0 || namesATable && vocabulary.Classify(table.Title.Title) == TitleVerdict.Table ? UnknownTitle : Untitled;
    }
}
