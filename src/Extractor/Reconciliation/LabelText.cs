using Extractor.Text;

namespace Extractor.Reconciliation;

/// <summary>How the reconciliation compares printed labels: by their <see cref="TextForm.Key"/>, outline numbering stripped.</summary>
public static partial class LabelText
{
    /// <summary>A row label without its outline numbering (`一、` `1.` `其中：` `(一)`).</summary>
    public static string RowLabel(string? s) => OutlineNumbering.Strip(TextNormalizer.Key(s), OutlineMark.Numbered | OutlineMark.Including);

    /// <summary>Dice coefficient over character bigrams: how alike two names are (0 … 1).</summary>
    public static double Similarity(string a, string b)
    {
        a = TextNormalizer.Key(a); b = TextNormalizer.Key(b);
        if (a == b) return 1;
        if (a.Length < 2 || b.Length < 2) return 0;
        var bigrams = new Dictionary<string, int>();
        for (var i = 0; i + 1 < a.Length; i++) { var k = a.Substring(i, 2); bigrams[k] = bigrams.GetValueOrDefault(k) + 1; }
        var common = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var k = b.Substring(i, 2);
            if (bigrams.GetValueOrDefault(k) > 0) { bigrams[k]--; common++; }
        }
        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }
}
