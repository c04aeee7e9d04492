namespace Extractor.Text;

/// <summary>The factor from a printed unit (`万元`, `千元`, `元`) to 元.</summary>
public static class UnitParser
{
    public static decimal? FactorToYuan(string? unit) => unit?.Replace(" ", "") switch
    {
        "万元" => 10000m,
        "千元" => 1000m,
        "元" => 1m,
        "亿元" => 100000000m,
        _ => null,
    };
}
