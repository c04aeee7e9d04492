using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>Plain progress: one line per document on stderr (logs, CI, redirected output).</summary>
public sealed class LineProgress : IBatchProgress
{
    private int _done;
    private int _total;

    public void Started(int total, int skipped)
    {
        _total = total;
        _done = skipped;
        Console.Error.WriteLine($"batch: {total} documents, {skipped} already done (journal), {total - skipped} to run");
    }

    public void Finished(BatchItem item, JournalEntry entry)
    {
        var n = Interlocked.Increment(ref _done);
        var what = entry.Status == "ok"
            ? $"ok  {entry.Pages} pages, {entry.Tables} tables, {entry.Warnings} warnings, {CheckText(entry.Checks)}, {entry.Seconds:0.00} s"
            : $"FAILED {entry.Error}";
        Console.Error.WriteLine($"[{n}/{_total}] {Path.GetFileName(item.SourcePath)}: {what}");
    }

    /// <summary>`checks 353 pass, 2 FAIL` – failed checks stand out in a log.</summary>
    public static string CheckText(CheckCounts? checks) => checks is null ? "no checks"
        : $"checks {checks.Pass} pass, {checks.Rounding} rounding, {(checks.Fail > 0 ? $"{checks.Fail} FAIL" : "0 fail")}";
}

/// <summary>A live progress bar for an interactive terminal; failures are printed above it as they happen.</summary>
public sealed class BarProgress(ProgressTask task) : IBatchProgress
{
    private int _checksFailed;

    public void Started(int total, int skipped)
    {
        task.MaxValue = Math.Max(total, 1);
        task.Value = skipped;
    }

    public void Finished(BatchItem item, JournalEntry entry)
    {
        if (entry.Status != "ok") AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(entry.Error ?? "")}");
        else if (entry.ChecksFailed)
            AnsiConsole.MarkupLine($"[yellow]checks failed[/] {Markup.Escape(Path.GetFileName(item.SourcePath))}: {Markup.Escape(LineProgress.CheckText(entry.Checks))}");
        if (entry.ChecksFailed) task.Description = $"extracting ({Interlocked.Increment(ref _checksFailed)} with failed checks)";
        task.Increment(1);
    }
}
