using System.Globalization;
using Extractor.Model;

namespace Extractor.Diagnostics;

/// <summary>
/// The figures of a corpus run as a closing note gives them: amounts captured on `pdftotext -layout` table lines (overall
/// and the worst documents), reconciliation fails by cause, `unrecognised` tables by reason, and document kinds.
/// </summary>
public sealed class CorpusSummary(FailExpectations expectations)
{
    private readonly List<DocumentReport> reports = [];

    /// <summary>How many of the worst documents are listed.</summary>
    public int WorstCount { get; init; } = 10;

    public void Add(DocumentReport report) => reports.Add(report);

    public IEnumerable<string> Lines()
    {
        var read = reports.Where(r => r.Failure is null).ToList();
        var measured = read.Where(r => r.TableLines is { Tokens: > 0 }).ToList();
        int tokens = measured.Sum(r => r.TableLines!.Tokens), captured = measured.Sum(r => r.TableLines!.Captured);
        yield return $"SUMMARY {reports.Count} documents, {reports.Count - read.Count} unreadable"
                     + (read.Count == reports.Count ? "" : $" ({string.Join(", ", reports.Where(r => r.Failure is not null).Select(r => r.File))})");
        yield return $"  amounts captured: {captured}/{tokens} ({Percent(tokens == 0 ? 1.0 : (double)captured / tokens)}) on {measured.Count} documents with table lines; "
                     + $"{measured.Count(r => r.TableLines!.Share < 0.98)} below 98 %";
        foreach (var r in measured.OrderBy(r => r.TableLines!.Share).ThenBy(r => r.File, StringComparer.Ordinal).Take(WorstCount))
            yield return $"    {Percent(r.TableLines!.Share),8}  {r.TableLines.Captured}/{r.TableLines.Tokens}  {r.File}";
        var fails = read.SelectMany(r => r.Fails.Select(f => (r.File, Cause: expectations.CauseOf(r.File, f)))).ToList();
        yield return $"  reconciliation fails: {fails.Count} on {fails.Select(f => f.File).Distinct().Count()} documents"
                     + InBrackets(fails.GroupBy(f => f.Cause).ToDictionary(g => g.Key, g => g.Count()));
        foreach (var group in fails.GroupBy(f => (f.Cause, f.File)).OrderBy(g => g.Key.Cause, StringComparer.Ordinal).ThenBy(g => g.Key.File, StringComparer.Ordinal))
            yield return $"    {group.Key.Cause}: {group.Key.File} ×{group.Count()}";
        var reasons = read.SelectMany(r => r.UnrecognisedReasons).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        yield return $"  unrecognised tables: {reasons.Values.Sum()}" + InBrackets(reasons);
        yield return $"  document kinds: {Counts(read.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()))}";
        foreach (var r in read.Where(r => r.Kind is "other" or "performance_sheets").OrderBy(r => r.File, StringComparer.Ordinal))
            yield return $"    {r.Kind}: {r.File}";
    }

    // `publication 15, misread 2`: largest first.
    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static string InBrackets(IReadOnlyDictionary<string, int> counts) => counts.Count == 0 ? "" : $" ({Counts(counts)})";

    private static string Percent(double share) => (share * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
