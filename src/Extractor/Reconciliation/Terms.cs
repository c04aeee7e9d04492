using System.Globalization;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>One value in an identity: where it is printed, its value in 元, and the unit it was printed in (元 per unit).</summary>
public sealed record Term(CheckCell Cell, decimal Yuan, decimal UnitToYuan, string Describe)
{
    public bool IsEmpty => Cell.Text.Length == 0;
}

/// <summary>Evaluates `expected = Σ parts` with the rounding tolerance and formats the result as printed.</summary>
public static class Identity
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Published amounts are rounded per cell, so a sum may miss its printed total by a cent per summand:
    /// |difference| ≤ perSummand (in the printed unit) × summands is `rounding`, more is `fail`. A term printed
    /// rounded to fewer decimals adds half a unit of its last digit (<see cref="PrintRounding"/>).
    /// </summary>
    public static Check Sum(string ruleId, string statement, Term expected, IReadOnlyList<Term> parts, decimal perSummand, string? reason = null)
    {
        var actual = parts.Sum(p => p.Yuan);
        var unit = parts.Append(expected).Max(t => t.UnitToYuan);
        var summands = Math.Max(1, parts.Count(p => !p.IsEmpty));
        var difference = actual - expected.Yuan;
        var tolerance = perSummand * unit * summands + parts.Append(expected).Sum(t => PrintRounding(t.Cell.Text) * t.UnitToYuan);
        var outcome = difference == 0 ? Outcome.Pass : Math.Abs(difference) <= tolerance ? Outcome.Rounding : Outcome.Fail;
        var display = expected.UnitToYuan;
        return new Check(ruleId, statement, outcome,
            Printed(expected), Format(actual / display), Format(difference / display), Format(tolerance / display), UnitName(display),
            reason, parts.Prepend(expected).Select(t => t.Cell).ToList());
    }

    /// <summary>A printed share against its recomputation from the printed amounts (tolerance in percentage points).</summary>
    public static Check Share(string ruleId, string statement, CheckCell shareCell, decimal printedShare, decimal part, decimal whole, IReadOnlyList<CheckCell> cells, decimal tolerance)
    {
        if (whole == 0)
            return Skip(ruleId, statement, "the base of the share is zero", cells.Prepend(shareCell).ToList());
        var recomputed = Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
        var difference = printedShare - recomputed;
        var outcome = difference == 0 ? Outcome.Pass : Math.Abs(difference) <= tolerance ? Outcome.Rounding : Outcome.Fail;
        return new Check(ruleId, statement, outcome, printedShare.ToString("0.00", Invariant) + "%", recomputed.ToString("0.00", Invariant) + "%",
            difference.ToString("0.00", Invariant), tolerance.ToString("0.00", Invariant), "%", null, cells.Prepend(shareCell).ToList());
    }

    /// <summary>Shares that should make up the whole: Σ = 100 % within the share tolerance per share.</summary>
    public static Check ShareSum(string ruleId, string statement, IReadOnlyList<(CheckCell Cell, decimal Share)> shares, decimal perShare)
    {
        var total = shares.Sum(s => s.Share);
        var difference = total - 100m;
        var tolerance = perShare * shares.Count;
        var outcome = difference == 0 ? Outcome.Pass : Math.Abs(difference) <= tolerance ? Outcome.Rounding : Outcome.Fail;
        return new Check(ruleId, statement, outcome, "100.00%", total.ToString("0.00", Invariant) + "%", difference.ToString("0.00", Invariant),
            tolerance.ToString("0.00", Invariant), "%", null, shares.Select(s => s.Cell).ToList());
    }

    /// <summary>Most characters a spreadsheet's General format prints for a number in a cell of standard width.</summary>
    private const int GeneralFormatWidth = 11;

    /// <summary>
    /// How far, in the printed unit, a value may lie from its printed text because the print rounded it to fewer than two
    /// decimals: half a unit of its last digit. Only where the text shows it was rounded: a number format with thousands
    /// separators (`22,118,861` for 22,118,861.34, `24,840,779` in a table printed in whole 元), or a General-format
    /// number cut to the 11 characters of its cell (`480544221.6`). A short number printed without decimals (`120` beside
    /// `508.61`) is exact: General drops only trailing zeros.
    /// </summary>
    public static decimal PrintRounding(string printed)
    {
        var text = TextNormalizer.Compact(printed).TrimStart('-', '−', '(', '（').TrimEnd(')', '）');
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1])) return 0m;
        var point = text.IndexOf('.');
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        if (decimals >= 2) return 0m;
        var rounded = text.Contains(',') || text.Length >= GeneralFormatWidth;
        return rounded ? 0.5m * (decimals == 0 ? 1m : 0.1m) : 0m;
    }

    public static Check Skip(string ruleId, string statement, string reason, IReadOnlyList<CheckCell>? cells = null) =>
        new(ruleId, statement, Outcome.Skipped, null, null, null, null, null, reason, cells ?? []);

    public static string Printed(Term t) => t.IsEmpty ? "0.00" : t.Cell.Text;

    /// <summary>A term as a reader sees it in a statement: the amount as printed, `空` for an empty cell.</summary>
    public static string Shown(Term t) => t.IsEmpty ? "空" : t.Cell.Text;

    public static string Format(decimal value) => value.ToString("#,##0.00", Invariant);

    public static string UnitName(decimal unitToYuan) => UnitParser.NameOf(unitToYuan) ?? $"×{unitToYuan} 元";
}
