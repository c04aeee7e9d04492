using System.Globalization;

namespace Extractor.Text;

/// <summary>What a printed amount cell holds.</summary>
public enum AmountKind { Empty, Dash, Number, NotANumber }

/// <summary>
/// Parses printed amounts exactly as <see cref="decimal"/>: thousands separators (`1,029.48`), full-width digits and
/// punctuation (`１，０２９．４８`), a leading minus or accounting parentheses for negatives, and the placeholders that mean
/// "nothing here" (empty, `-`, `—`, `－`).
/// </summary>
public static class AmountParser
{
    public static (AmountKind Kind, decimal? Value) Parse(string? printed)
    {
        if (printed is null) return (AmountKind.Empty, null);
        var s = TextNormalizer.Fold(printed, TextForm.Amount);
        if (s.Length == 0) return (AmountKind.Empty, null);
        if (s is "-" or "--" or "—" or "——" or "/") return (AmountKind.Dash, null);

        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')')) { negative = true; s = s[1..^1]; }
        if (s.StartsWith('-')) { negative = !negative; s = s[1..]; }
        else if (s.StartsWith('+')) s = s[1..];
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) && s[0] != '.') return (AmountKind.NotANumber, null);

        // Thousands separators must group by three; anything else is not an amount (e.g. `1,2`). Some 上海 tables drop
        // the separators above the thousands (`125360,898` for 125,360,898): a longer first group still reads one way.
        var comma = s.IndexOf(',');
        if (comma >= 0)
        {
            var integerPart = s.Split('.')[0];
            var groups = integerPart.Split(',');
            if (groups[0].Length == 0 || groups[0].Length > 3 && groups.Length > 2 || groups.Skip(1).Any(g => g.Length != 3)) return (AmountKind.NotANumber, null);
            s = s.Replace(",", "");
        }
        foreach (var ch in s)
            if (!char.IsAsciiDigit(ch) && ch != '.') return (AmountKind.NotANumber, null);
        if (s.Count(c => c == '.') > 1) return (AmountKind.NotANumber, null);
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return (AmountKind.NotANumber, null);
        return (AmountKind.Number, negative ? -value : value);
    }

    public static bool TryParse(string? printed, out decimal value)
    {
        var (kind, v) = Parse(printed);
        value = v ?? 0m;
        return kind == AmountKind.Number;
    }
}
