using System.CommandLine;
using Extractor.Cli.Batch;
using Extractor.Cli.Download;
using Extractor.Cli.Inputs;
using Extractor.Cli.Warehouse;
using Spectre.Console;

namespace Extractor.Cli.Commands;

/// <summary>
/// `batch INPUT… -o DIR`: many PDFs (files or folders, recursively) in parallel, resumable through the journal in DIR.
/// Exit 0 when every document succeeded (or was already done), 4 when some failed, 3 with --strict when a
/// reconciliation check failed in some document (and none failed outright), 2 when there was nothing to do,
/// 73/74 when the batch stopped because its outputs cannot be written, 75 when another batch holds the folder.
/// </summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "PDF files, folders (searched recursively), globs ('data/**/*.pdf'), http(s) URLs, manifest files (one path or URL per line, optional tab + SHA-256), - for a manifest on stdin", Arity = ArgumentArity.OneOrMore };
        var shard = new Option<string?>("--shard") { Description = "Process only share i of n (0-based, by a stable hash of each input): i/n, or auto/n to take i from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm)" };
        var defaults = DownloadOptions.Default;
        var attempts = new Option<int>("--download-attempts") { Description = "Tries per URL (5xx, 408, 429, timeouts, resets are retried)", DefaultValueFactory = _ => defaults.MaxAttempts };
        var attemptTimeout = new Option<int>("--download-timeout") { Description = "Seconds one download attempt may take, body included", DefaultValueFactory = _ => (int)defaults.AttemptTimeout.TotalSeconds };
        var perHost = new Option<int>("--per-host") { Description = "Downloads in flight at once per host", DefaultValueFactory = _ => defaults.PerHostConcurrency };
        var maxMb = new Option<int>("--max-download-mb") { Description = "Largest download accepted, in MiB", DefaultValueFactory = _ => (int)(defaults.MaxBytes >> 20) };
        var revalidate = new Option<bool>("--revalidate") { Description = "Ask the server whether cached downloads changed (ETag / Last-Modified) instead of using them as they are" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder: DOC.json per document (and the --outputs), DOC.error.txt per failure, _batch.jsonl journal", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Redo documents the journal says are done" };
        var noWarehouse = new Option<bool>("--no-warehouse") { Description = $"Do not load the documents into DIR/{DuckDbWarehouse.FileName}" };
        var export = new Option<string?>("--export") { Description = "After the run, write each warehouse table (documents, facts, checks, sheets, indicators) as one dataset in DIR/export/" };
        export.AcceptOnlyFromAmong("parquet", "csv", "ndjson");
        var csvBom = new Option<bool>("--csv-bom") { Description = "Start CSV files (--export csv, --outputs facts-csv) with a UTF-8 byte order mark (Excel)" };
        var strict = new Option<bool>("--strict") { Description = "Exit with code 3 when a reconciliation check failed in any document" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds after which one document is given up: its worker process is killed and the document recorded as failed", DefaultValueFactory = _ => 300 };
        var noProgress = new Option<bool>("--no-progress") { Description = "Plain log lines instead of a progress bar" };
        var memory = new Option<int>("--memory-limit") { Description = "MiB a worker process may use; above it the worker is killed and its document failed (0 = no limit)", DefaultValueFactory = _ => (int)(BatchOptions.DefaultMemoryLimit >> 20) };
        var recycle = new Option<int>("--recycle-after") { Description = "Documents after which a worker process is replaced", DefaultValueFactory = _ => 100 };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Also redo documents that killed their worker (memory, timeout, crash) in an earlier run" };
        var ocr = OcrOption.Create();
        var outputs = OutputsOption.Create(CliWriters.Registry);
        var command = new Command("batch", "Extract many PDFs in parallel; re-running resumes where the last run stopped")
        {
            inputs, output, outputs, jobs, force, timeout, noProgress, noWarehouse, export, csvBom, strict, memory, recycle, retryFailed, ocr,
            shard, attempts, attemptTimeout, perHost, maxMb, revalidate,
        };
        command.SetAction(async (parse, cancel) =>
        {
            List<BatchInput> items;
            try
            {
                items = BatchInputs.Find(parse.GetValue(inputs)!);
                if (items.Count == 0) { Console.Error.WriteLine("error: no PDF found in the inputs"); return ExitCodes.Unreadable; }
                // An empty share is not an error: with few inputs and many workers some get none.
                if (parse.GetValue(shard) is { } share)
                {
                    var selected = Shard.Parse(share);
                    var all = items.Count;
                    items = selected.Select(BatchInputs.NameBeforeSharding(items), i => i.Identity).ToList();
                    Console.Error.WriteLine($"batch: shard {selected}: {items.Count} of {all} documents");
                }
            }
            catch (InputException e) { Console.Error.WriteLine($"error: {e.Message}"); return ExitCodes.Unreadable; }
            var options = new BatchOptions(parse.GetValue(output)!.FullName, Math.Max(1, parse.GetValue(jobs)), parse.GetValue(force),
                TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), !parse.GetValue(noWarehouse), parse.GetValue(export), parse.GetValue(csvBom),
                Math.Max(0, (long)parse.GetValue(memory)) << 20, Math.Max(1, parse.GetValue(recycle)), parse.GetValue(retryFailed))
            {
                OcrMode = parse.GetValue(ocr) ?? OcrOption.DefaultMode,
                DocumentOutputs = parse.GetValue(outputs) ?? ["json"],
                Download = defaults with
                {
                    MaxAttempts = Math.Max(1, parse.GetValue(attempts)),
                    AttemptTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(attemptTimeout))),
                    PerHostConcurrency = Math.Max(1, parse.GetValue(perHost)),
                    MaxBytes = Math.Max(1, parse.GetValue(maxMb)) * (1L << 20),
                    Revalidate = parse.GetValue(revalidate),
                },
            };

            BatchSummary summary;
            var interactive = !parse.GetValue(noProgress) && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            if (interactive)
            {
                summary = default!;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("extracting");
                        summary = await BatchRunner.RunAsync(items, options, new BarProgress(task), cancel);
                    });
            }
            else summary = await BatchRunner.RunAsync(items, options, new LineProgress(), cancel);

            var rate = summary.Seconds > 0 ? summary.Pages / summary.Seconds : 0;
            Console.Error.WriteLine($"batch: {summary.Succeeded} ok, {summary.Failed} failed, {summary.Skipped} skipped (done before) of {summary.Total}; " +
                $"{summary.ChecksFailed} with failed checks; {summary.Pages} pages in {summary.Seconds:0.0} s ({rate:0} pages/s)");
            if (summary.StoppedBy is not null)
            {
                Console.Error.WriteLine($"error: batch stopped: {summary.StoppedBy}");
                return summary.DiskFull ? ExitCodes.IoError : ExitCodes.CannotWrite;
            }
            foreach (var file in summary.Exported) Console.Error.WriteLine($"batch: exported {file}");
            if (summary.Failed > 0) return ExitCodes.SomeFailed;
            return parse.GetValue(strict) && summary.ChecksFailed > 0 ? ExtractCommand.ReconciliationFailed : ExitCodes.Ok;
        });
        return command;
    }
}
