using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// Splits a printed 指标值 into comparator, number and unit: `＞=90%` → (&gt;=, 90, %), `=0.58万元` → (=, 0.58, 万元),
/// `＜=15工作日`, `=4 次/年`, `≥10亿条`, `≤29.91元/件`, `100%` (no comparator). Comparators are given in ASCII
/// (`&gt;=`, `&lt;=`, `&gt;`, `&lt;`, `=`); full-width forms and ≥ ≤ ≧ ≦ are the same comparators. A value that is words, or
/// words around a number (`有效改善`, `每年≥20场`), keeps only its text: the parts are null rather than guessed.
/// </summary>
public static partial class TargetValueParser
{
    [GeneratedRegex(@"^(?<cmp>>=|<=|>|<|=)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?<unit>[^\d.,<>=].*)?$")]
    private static partial Regex Shape();

    public static TargetValue Parse(string printed)
    {
        var folded = TextNormalizer.Fold(printed, TextForm.Measure);
        var m = Shape().Match(folded);
        if (!m.Success) return new TargetValue(printed, null, null, null);
        var number = decimal.Parse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var comparator = m.Groups["cmp"].Success ? m.Groups["cmp"].Value : null;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : null;
        return new TargetValue(printed, comparator, number, unit);
    }

    /// <summary>
    /// A value printed with its comparator and unit in columns of their own (指标性质 `≥`, 指标值 `37`, 度量单位 `项`):
    /// the columns fill what the value itself does not say. A comparator column with words (`定性`) adds nothing.
    /// </summary>
    public static TargetValue Parse(string printed, string? comparatorColumn, string? unitColumn)
    {
        var value = Parse(printed);
        if (value.Number is null) return value;
        var comparator = value.Comparator;
        if (comparator is null && comparatorColumn is not null)
        {
            var folded = TextNormalizer.Fold(comparatorColumn, TextForm.Measure);
            if (folded is ">=" or "<=" or ">" or "<" or "=") comparator = folded;
        }
        var unit = value.Unit ?? (string.IsNullOrWhiteSpace(unitColumn) ? null : unitColumn.Trim());
        return value with { Comparator = comparator, Unit = unit };
    }
}
