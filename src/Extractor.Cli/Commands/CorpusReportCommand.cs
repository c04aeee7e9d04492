using System.CommandLine;
using System.Globalization;
using Extractor.Diagnostics;
using Extractor.Text;

namespace Extractor.Cli.Commands;

/// <summary>`report FOLDER`: runs every PDF of a folder and prints, per document, tables by kind, token coverage, warnings, time.</summary>
public static class CorpusReportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of PDFs (e.g. fixtures/corpus)" };
        var details = new Option<bool>("--details") { Description = "Also list warnings, grids without a table, and amount tokens that did not land in a cell" };
        var summaryOnly = new Option<bool>("--summary") { Description = "Print only the corpus summary (amounts captured and the worst documents, fails by cause, unrecognised tables by reason, document kinds)" };
        var expectations = new Option<FileInfo?>("--expectations")
        {
            Description = "Reconciliation fails checked on the page, with their cause (e.g. fixtures/corpus/reconciliation-expectations.json); other fails count as unlisted",
        };
        var command = new Command("report", "Corpus report: tables by kind, amount tokens landed in cells, warnings, time per document, and a summary")
            { folder, details, summaryOnly, expectations };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists) { Console.Error.WriteLine($"error: {dir.FullName}: no such folder"); return 2; }
            var showDetails = parse.GetValue(details);
            var quiet = parse.GetValue(summaryOnly);
            var listed = parse.GetValue(expectations);
            if (listed is { Exists: false }) { Console.Error.WriteLine($"error: {listed.FullName}: no such file"); return 2; }
            FailExpectations known;
            try { known = listed is null ? FailExpectations.None : FailExpectations.Load(listed.FullName); }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {listed!.FullName}: not an expectations file ({e.Message})");
                return 2;
            }
            var summary = new CorpusSummary(known);
            int documents = 0, failed = 0, tokens = 0, landed = 0, lineTokens = 0, lineCaptured = 0;
            var measuredLines = false;
            var below98 = new List<(string File, TableLineCount Count)>();
            var pages = 0;
            var time = TimeSpan.Zero;
            foreach (var report in CorpusReport.Run(dir.FullName))
            {
                documents++;
                time += report.Elapsed;
                pages += report.PageCount;
                summary.Add(report);
                if (!quiet) Print(report, showDetails);
                if (report.Failure is not null) { failed++; continue; }
                tokens += report.Coverage.Tokens;
                landed += report.Coverage.InTableCells;
                if (report.TableLines is not { } lines) continue;
                measuredLines = true;
                lineTokens += lines.Tokens;
                lineCaptured += lines.Captured;
                if (lines.Tokens > 0 && lines.Share < 0.98) below98.Add((report.File, lines));
            }
            foreach (var line in summary.Lines()) Console.WriteLine(line);
            if (quiet) return 0;
            var share = tokens == 0 ? 1.0 : (double)landed / tokens;
            Console.WriteLine($"TOTAL {documents} documents ({failed} unreadable), {pages} pages, {time.TotalSeconds:F1} s; amount tokens on table pages {landed}/{tokens} in a table cell ({Percent(share)})");
            if (!measuredLines)
                Console.WriteLine("TABLE LINES not measured: pdftotext (poppler-utils) is not on PATH");
            else
            {
                Console.WriteLine($"TABLE LINES {lineCaptured}/{lineTokens} amounts captured ({Percent(lineTokens == 0 ? 1.0 : (double)lineCaptured / lineTokens)}); {below98.Count} documents below 98 %");
                foreach (var (file, count) in below98.OrderBy(b => b.Count.Share).Take(10))
                    Console.WriteLine($"  {Percent(count.Share),8}  {count.Captured}/{count.Tokens}  {file}");
            }
            return 0;
        });
        return command;
    }

    private static void Print(DocumentReport r, bool details)
    {
        if (r.Failure is not null)
        {
            Console.WriteLine($"{r.File}: FAILED {r.Failure} ({r.Elapsed.TotalMilliseconds:F0} ms)");
            return;
        }
        var c = r.Coverage;
        Console.WriteLine($"{r.File}: {r.PageCount} pages, {r.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  tables: {string.Join(", ", r.TablesByKind.Select(k => $"{k.Key}×{k.Value}"))}");
        Console.WriteLine($"  table pages: {PageRanges.Format(r.TablePages, "-", ",")}");
        if (r.TableLines is { } t)
        {
            Console.WriteLine($"  table lines: {t.TableLines}, amounts {t.Captured}/{t.Tokens} captured ({Percent(t.Share)})");
            if (t.MissedByPage.Count > 0)
                Console.WriteLine($"  pages with uncaptured amounts: {string.Join(", ", t.MissedByPage.Select(m => $"p{m.Key}:{m.Value}"))}");
        }
        Console.WriteLine($"  amount tokens: {c.InTableCells}/{c.Tokens} in a table cell ({Percent(c.Share)}), {c.InOtherGrids} in grids outside tables, {c.Missed.Count} missed");
        if (r.TablesWithoutGrid.Count > 0)
            Console.WriteLine($"  tables without a grid (needs stream): {r.TablesWithoutGrid.Count}{(details ? ": " + string.Join("; ", r.TablesWithoutGrid) : "")}");
        Console.WriteLine($"  reconciliation: {(r.Reconciliation.Count == 0 ? "n/a" : string.Join(", ", r.Reconciliation.Select(k => $"{k.Key} {k.Value}")))}");
        Console.WriteLine($"  warnings: {r.Warnings.Count} ({string.Join(", ", r.Warnings.GroupBy(w => w.Code).Select(g => $"{g.Key}×{g.Count()}"))})");
        if (!details) return;
        foreach (var w in r.Warnings) Console.WriteLine($"    warning p{w.Page}: {w.Code}: {w.Message}");
        foreach (var g in r.UntitledGrids) Console.WriteLine($"    untitled grid p{g.Page} {g.Rows}x{g.Columns} below '{g.LineAbove}'");
        foreach (var m in c.Missed.Take(40)) Console.WriteLine($"    missed p{m.Page} '{m.Text}' at [{m.Box.Left:F0},{m.Box.Bottom:F0}]: {m.Reason}");
    }

    private static string Percent(double share) => (share * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
