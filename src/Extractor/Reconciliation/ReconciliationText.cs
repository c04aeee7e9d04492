using System.Text;
using Extractor.Model;

namespace Extractor.Reconciliation;

/// <summary>The short plain-text summary a reviewer reads: counts, then each failing and rounding check with its cells.</summary>
public static class ReconciliationText
{
    public static string Summary(ReconciliationReport report, int maxListed = 20)
    {
        var text = new StringBuilder();
        text.AppendLine($"reconciliation: {report.Summary}");
        foreach (var outcome in new[] { Outcome.Fail, Outcome.Rounding })
        {
            var listed = report.Checks.Where(c => c.Outcome == outcome).ToList();
            foreach (var check in listed.Take(maxListed))
            {
                text.AppendLine($"  {outcome.ToString().ToLowerInvariant()} [{check.RuleId}] {check.Statement}");
                text.AppendLine($"      expected {check.Expected}, actual {check.Actual}, difference {check.Difference} {check.Unit}{(check.Reason is null ? "" : $" ({check.Reason})")}");
                text.AppendLine($"      cells: {string.Join("; ", check.Cells.Select(Where))}");
            }
            if (listed.Count > maxListed) text.AppendLine($"  … {listed.Count - maxListed} more {outcome.ToString().ToLowerInvariant()} checks in the JSON");
        }
        return text.ToString();
    }

    public static string Where(CheckCell c) =>
        c.Table is { } ? $"{c.Source} row {c.Row} col {c.Column} p.{c.Page}" : $"{c.Source} p.{c.Page}";
}
