using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// A catch-all in the library lets the failures through that mean the process must stop (out of memory, cancelled):
/// PdfPig's page parse once turned an OutOfMemoryException into "page 1 cannot be read", so a batch worker over its
/// heap limit reported a damaged page instead of being recycled as exhausted.
/// </summary>
public partial class CatchAllTests
{
    // `catch`, `catch (Exception)`, `catch (Exception e)` with or without a filter
    [GeneratedRegex(@"catch\s*(?:\(\s*Exception\b[^)]*\)\s*(?<filter>when\s*\((?<condition>[^\n]*))?|(?=\s*\{))")]
    private static partial Regex CatchAll();

    public static IReadOnlyList<string> UnfilteredCatchAlls(IEnumerable<(string Path, string Source)> files) =>
        files.SelectMany(f => CatchAll().Matches(f.Source)
                .Where(m => !LetsFatalThrough(m.Groups["condition"].Value) && !Rethrows(f.Source, m.Index + m.Length))
                .Select(m => $"{f.Path}:{f.Source[..m.Index].Count(c => c == '\n') + 1}"))
            .ToList();

    // `catch { TryDelete(temp); throw; }`: cleans up and passes everything on
    private static bool Rethrows(string source, int blockStart)
    {
        var end = source.IndexOf('}', blockStart);
        return end > 0 && source[blockStart..end].Contains("throw;", StringComparison.Ordinal);
    }

    // A filter that names the recoverable test, or one that admits only named exception types (`e is IOException or …`).
    private static bool LetsFatalThrough(string condition) =>
        condition.Contains("IsRecoverable", StringComparison.Ordinal)
        || Regex.IsMatch(condition, @"^\w+ is (?!not\b)[A-Z]\w*(?:\.\w+)*(?:\s+or\s+[A-Z][\w.]*)*\s*(?:\)|&&)");

    [Fact]
    public void Every_catch_all_in_the_library_lets_out_of_memory_and_cancellation_through()
    {
        Assert.Empty(UnfilteredCatchAlls(LibrarySources.Read()));
    }

    [Fact]
    public void An_unfiltered_catch_all_is_reported_and_a_filtered_one_is_not()
    {
        var problems = UnfilteredCatchAlls(
        [
            ("Pdf/A.cs", "try { x(); }\ncatch (Exception e) { throw new PdfReadException(\"\", e); }"),
            ("Pdf/B.cs", "try { x(); }\ncatch (Exception) { return 0; }"),
            ("Pdf/C.cs", "try { x(); }\ncatch { }"),
            ("Pdf/D.cs", "try { x(); }\ncatch (Exception e) when (e is not OperationCanceledException) { }"),
            ("Pdf/E.cs", "try { x(); }\ncatch (Exception e) when (StageGuard.IsRecoverable(e)) { }"),
            ("Pdf/F.cs", "try { x(); }\ncatch (Exception e) when (e is IOException or UnauthorizedAccessException) { }"),
            ("Pdf/G.cs", "try { x(); }\ncatch (PdfReadException) { throw; }"),
            ("Pdf/H.cs", "try { x(); }\ncatch\n{\n    TryDelete(temp);\n    throw;\n}"),
        ]);
        Assert.Equal(["Pdf/A.cs:2", "Pdf/B.cs:2", "Pdf/C.cs:2", "Pdf/D.cs:2"], problems);
    }
}
