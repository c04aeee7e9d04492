namespace Extractor.Text;

/// <summary>The money units a budget prints (`单位：万元`, prose `1,029.48 万元`) and their factors to 元: the one table
/// of them, read both ways.</summary>
public static class UnitParser
{
    private static readonly (string Name, decimal Factor)[] Units =
    [
        ("元", 1m),
        ("千元", 1000m),
        ("万元", 10000m),
        ("百万元", 1000000m), // 单位：百万元 (a few provincial tables; `单位：百万` with 元 wrapped onto the next line)
        ("亿元", 100000000m),
    ];

    /// <summary>Every unit's name, longest first, so that an alternation of them reads `百万元` before `万元` and `元`.</summary>
    public static IReadOnlyList<string> Names { get; } = Units.Select(u => u.Name).OrderByDescending(n => n.Length).ToArray();

    /// <summary>The factor from a printed unit to 元 (`万 元` → 10 000), or null for any other unit.</summary>
    public static decimal? FactorToYuan(string? unit)
    {
        var compact = TextNormalizer.Compact(unit);
        foreach (var (name, factor) in Units)
            if (name == compact) return factor;
        return null;
    }

    /// <summary>True when the text is what a unit prints before its `元` (`万`, `千`, `百万`, `亿`): `单位：万` whose
    /// `元` wrapped onto the next line.</summary>
    public static bool IsPrefix(string? text) =>
        TextNormalizer.Compact(text) is { Length: > 0 } prefix && FactorToYuan(prefix + "元") is not null;

    /// <summary>The unit's name for a factor to 元 (10 000 → `万元`), or null when no unit has that factor.</summary>
    public static string? NameOf(decimal factor)
    {
        foreach (var (name, f) in Units)
            if (f == factor) return name;
        return null;
    }
}
