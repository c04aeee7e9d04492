using System.Diagnostics;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Diagnostics;

/// <summary>What one document of a corpus run yielded: tables by kind, token coverage, warnings, time, or the failure.</summary>
public sealed record DocumentReport(
    string File,
    int PageCount,
    TimeSpan Elapsed,
    string? Failure,
    IReadOnlyDictionary<string, int> TablesByKind,
    IReadOnlyList<int> TablePages,
    CoverageCount Coverage,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<UntitledGridNote> UntitledGrids)
{
    /// <summary>Titled tables for which no grid was found: drawn without rules, they wait for stream detection.</summary>
    public IReadOnlyList<string> TablesWithoutGrid { get; init; } = [];

    /// <summary>Amounts on the table lines of <c>pdftotext -layout</c> captured in cells; null when pdftotext is not on PATH.</summary>
    public TableLineCount? TableLines { get; init; }

    /// <summary>Reconciliation outcome counts: pass, rounding, fail, skipped.</summary>
    public IReadOnlyDictionary<string, int> Reconciliation { get; init; } = new Dictionary<string, int>();

    /// <summary>`document.kind`: budget, final_accounts, performance_sheets or other.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The `fail` checks, to be told apart by cause (<see cref="FailExpectations"/>).</summary>
    public IReadOnlyList<Check> Fails { get; init; } = [];

    /// <summary>How many `unrecognised` tables give each reason (`contents`, `unit_list`, …).</summary>
    public IReadOnlyDictionary<string, int> UnrecognisedReasons { get; init; } = new Dictionary<string, int>();
}

/// <summary>A grid that belongs to no table, with the nearest text line above it (what a title would be).</summary>
public sealed record UntitledGridNote(int Page, int Rows, int Columns, string LineAbove);

/// <summary>Runs the extractor over every PDF of a folder and measures each document.</summary>
public static class CorpusReport
{
    public static IEnumerable<DocumentReport> Run(string folder) =>
        Directory.GetFiles(folder, "*.pdf").OrderBy(f => f, StringComparer.Ordinal).Select(Measure);

    public static DocumentReport Measure(string path)
    {
        var name = Path.GetFileName(path);
        var clock = Stopwatch.StartNew();
        BudgetDocument document;
        try { document = DocumentExtractor.Extract(path); }
        catch (Exception e) when (e is UnreadableDocumentException or PdfReadException)
        {
            return Failed(name, clock.Elapsed, e.Message);
        }
        catch (Exception e) when (StageGuard.IsRecoverable(e))
        {
            // A crash is a finding of the report, not the end of it: the other documents are still measured.
            return Failed(name, clock.Elapsed, $"crashed: {e.GetType().Name}: {e.Message}");
        }
        var elapsed = clock.Elapsed;
        // The page glyphs are read again, apart from the pipeline, so that coverage does not trust the cell assignment.
        using var reader = PdfPageReader.Open(File.ReadAllBytes(path), name);
        var report = Describe(document, elapsed, page => reader.ReadPage(page).Glyphs);
        var layout = PdftotextLayout.TryRead(path);
        return layout is null ? report : report with { TableLines = TableLineCoverage.Measure(layout, ExtractedCellTexts.Of(document)) };
    }

    private static DocumentReport Failed(string name, TimeSpan elapsed, string failure) =>
        new(name, 0, elapsed, failure, new Dictionary<string, int>(), [], CoverageCount.Zero, [], []);

    public static DocumentReport Describe(BudgetDocument document, TimeSpan elapsed, Func<int, IReadOnlyList<Glyph>> pageGlyphs)
    {
        var byKind = document.Tables.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var tableGridsByPage = document.Tables.SelectMany(t => t.Structure.Grids).GroupBy(g => g.Page).ToDictionary(g => g.Key, g => g.ToList());
        var otherGridsByPage = document.UntitledGrids.GroupBy(g => g.Page).ToDictionary(g => g.Key, g => g.ToList());
        var tablePages = document.Tables.SelectMany(t => t.Structure.Pages).Distinct().Order().ToList();

        int tokens = 0, inTables = 0, inOthers = 0;
        var missed = new List<MissedToken>();
        // A table without a grid covers its page from under its title down (to the next title on the page, if any).
        var ungridded = document.Tables.Where(t => t.Structure.Grids.Count == 0).Select(t => t.Structure.Title)
            .GroupBy(t => t.Page).ToDictionary(g => g.Key, g => g.Select(t => new Box(0, 0, double.MaxValue, t.Box.Bottom)).ToList());
        foreach (var page in tablePages)
        {
            var c = AmountTokenCoverage.Measure(page, pageGlyphs(page), tableGridsByPage.GetValueOrDefault(page) ?? [], otherGridsByPage.GetValueOrDefault(page) ?? [],
                ungridded.GetValueOrDefault(page));
            tokens += c.Tokens; inTables += c.InTableCells; inOthers += c.InOtherGrids;
            missed.AddRange(c.Missed);
        }

        var linesByPage = document.TextLines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.ToList());
        var untitled = document.UntitledGrids.Select(g => new UntitledGridNote(g.Page, g.RowCount, g.ColumnCount,
            LineAbove(linesByPage.GetValueOrDefault(g.Page), g))).ToList();
        return new DocumentReport(document.Info.SourceFile, document.Info.PageCount, elapsed, null, byKind, tablePages,
            new CoverageCount(tokens, inTables, inOthers, missed), document.Warnings, untitled)
        {
            TablesWithoutGrid = document.Tables.Where(t => t.Structure.Grids.Count == 0)
                .Select(t => $"{t.Structure.Title.Label} {t.Title} (p{t.Structure.Title.Page})".Trim()).ToList(),
            Reconciliation = document.Reconciliation is { Summary: var r }
                ? new Dictionary<string, int> { ["pass"] = r.Pass, ["rounding"] = r.Rounding, ["fail"] = r.Fail, ["skipped"] = r.Skipped }
                : new Dictionary<string, int>(),
            Kind = document.Kind,
            Fails = document.Reconciliation?.Checks.Where(c => c.Outcome == Outcome.Fail).ToList() ?? [],
            UnrecognisedReasons = document.Tables.Where(t => t.UnrecognisedReason is not null).GroupBy(t => t.UnrecognisedReason!)
                .ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private static string LineAbove(List<TextLine>? lines, TableGrid grid)
    {
        if (lines is null) return "";
        // The few nearest lines above the grid, nearest last: where its title would stand.
        var above = lines.Where(l => l.Box.Bottom >= grid.Box.Top - 1).OrderBy(l => l.Box.Bottom).Take(4).Reverse();
        return string.Join(" / ", above.Select(l => l.Text));
    }
}
