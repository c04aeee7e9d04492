using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Extractor.Text;

/// <summary>
/// Maps the look-alike code points that office suites and browsers emit (Kangxi radicals U+2F00–2FD5,
/// CJK Radicals Supplement U+2E80–2EF3, CJK compatibility ideographs) to the unified ideographs a reader means,
/// and NBSP / ideographic space to a plain space. Full-width ASCII is left alone (labels keep their ：（）);
/// <see cref="AmountParser"/> handles full-width digits where numbers are parsed.
/// </summary>
public static class CjkNormalizer
{
    private static readonly FrozenDictionary<int, int> Map = Load();

    private static FrozenDictionary<int, int> Load()
    {
        var map = new Dictionary<int, int>();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EquivalentUnifiedIdeograph.txt")
            ?? throw new InvalidOperationException("EquivalentUnifiedIdeograph.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length == 0) continue;
            var parts = content.Split(';');
            if (parts.Length < 2) continue;
            var target = int.Parse(parts[1].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var range = parts[0].Trim().Split("..");
            var from = int.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var to = range.Length > 1 ? int.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : from;
            for (var cp = from; cp <= to; cp++) map[cp] = target;
        }
        // In a Simplified Chinese document the glyph behind a radical is the simplified character,
        // where Unicode's table names the traditional one.
        map[0x2F3E] = 0x6237; // ⼾ → 户 (the table says 戶)
        map[0x2FC8] = 0x9EC4; // ⿈ → 黄 (the table says 黃)
        return map.ToFrozenDictionary();
    }

    /// <summary>True when <paramref name="codePoint"/> is a radical or compatibility form that normalisation changes.</summary>
    public static bool IsLookAlike(int codePoint) => Map.ContainsKey(codePoint) || IsCompatibilityIdeograph(codePoint);

    private static bool IsCompatibilityIdeograph(int cp) => cp is >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    public static string Normalize(string raw)
    {
        if (raw.Length == 0) return raw;
        var needs = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is 0x00A0 or 0x3000 or 0x2002 or 0x2003 or 0x2009 || IsLookAlike(v)) { needs = true; break; }
        }
        if (!needs) return raw;

        var sb = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is 0x00A0 or 0x3000 or 0x2002 or 0x2003 or 0x2009) sb.Append(' ');
            else if (Map.TryGetValue(v, out var unified)) sb.Append(char.ConvertFromUtf32(unified));
            else if (IsCompatibilityIdeograph(v)) sb.Append(rune.ToString().Normalize(NormalizationForm.FormC));
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }
}
