using System.CommandLine;
using System.Diagnostics;
using Extractor.Cli.Batch;
using Extractor.Model;
using Extractor.Output;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>
/// `bench INPUT… [--rounds N]`: the speed and memory benchmark. Runs the whole pipeline (PDF bytes → JSON string)
/// on one thread over every input, N rounds after one warm-up round, and prints pages/s and the managed heap after
/// each round (flat across rounds = no growth over a batch). Files are read into memory first so disk time is excluded.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "PDF files and/or folders", Arity = ArgumentArity.OneOrMore };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds over all inputs", DefaultValueFactory = _ => 3 };
        var stages = new Option<bool>("--stages") { Description = "Also print the time spent in each pipeline stage (measured rounds)" };
        var command = new Command("bench", "Measure pipeline throughput (pages/s on one core) and memory over repeated rounds") { inputs, rounds, stages };
        command.SetAction(parse =>
        {
            var files = BatchInputs.Expand(parse.GetValue(inputs)!).Where(i => !i.Input.IsUrl) // local files only: downloads would be timed
                .Select(i => (Name: i.Input.DisplayName, Bytes: File.ReadAllBytes(i.Input.LocalPath!))).ToList();
            var n = Math.Max(1, parse.GetValue(rounds));
            Console.WriteLine($"bench: {files.Count} files, 1 warm-up + {n} rounds, single thread, whole pipeline to JSON text");
            var totals = new List<(double Seconds, long Pages)>();
            var stageTimes = parse.GetValue(stages) ? new StageTimes() : null;
            var self = Process.GetCurrentProcess();
            for (var round = 0; round <= n; round++)
            {
                long pages = 0, failures = 0;
                var timer = round == 0 ? null : stageTimes;
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var collections = GC.CollectionCount(0);
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                foreach (var (name, bytes) in files)
                {
                    try
                    {
                        var document = DocumentExtractor.Extract(bytes, name, timer);
                        using (StageScope.Start(timer, Stages.Serialization)) JsonDocumentWriter.Write(JsonDocumentWriter.ToOutput(document), Stream.Null);
                        pages += document.Info.PageCount;
                    }
                    catch (Exception e) when (e is UnreadableDocumentException or Pdf.PdfReadException) { failures++; }
                }
                clock.Stop();
                self.Refresh();
                var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
                collections = GC.CollectionCount(0) - collections;
                var allocatedMib = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024);
                var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);
                var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
                var label = round == 0 ? "warm-up" : $"round {round}";
                Console.WriteLine($"{label,-8} {pages,6} pages {clock.Elapsed.TotalSeconds,7:0.00} s {pages / clock.Elapsed.TotalSeconds,7:0.0} pages/s  cpu {cpu,6:0.00} s ({pages / cpu,5:0.0} pages per cpu-s, {collections} GCs, {allocatedMib:0} MiB allocated)  heap after GC {heap,6:0.0} MiB  peak working set {peak,6:0} MiB  unreadable {failures}");
                if (round > 0) totals.Add((clock.Elapsed.TotalSeconds, pages));
            }
            var best = totals.Max(t => t.Pages / t.Seconds);
            var mean = totals.Sum(t => t.Pages) / totals.Sum(t => t.Seconds);
            Console.WriteLine($"result: mean {mean:0.0} pages/s, best round {best:0.0} pages/s (one core)");
            stageTimes?.Print(totals.Sum(t => t.Pages));
            return 0;
        });
        return command;
    }
}

/// <summary>Sums the time of each stage over the measured rounds and prints it as a table.</summary>
internal sealed class StageTimes : IStageTimer
{
    private readonly Dictionary<string, long> _ticks = [];
    private readonly Dictionary<string, long> _bytes = [];

    public void Record(string stage, long stopwatchTicks) => Record(stage, stopwatchTicks, 0);

    public void Record(string stage, long stopwatchTicks, long allocatedBytes)
    {
        _ticks[stage] = _ticks.GetValueOrDefault(stage) + stopwatchTicks;
        _bytes[stage] = _bytes.GetValueOrDefault(stage) + allocatedBytes;
    }

    public void Print(long pages)
    {
        var total = _ticks.Values.Sum();
        Console.WriteLine($"stages over {pages} pages (wall time and bytes allocated inside each stage, summed over the measured rounds):");
        foreach (var (stage, ticks) in _ticks)
        {
            var seconds = ticks / (double)Stopwatch.Frequency;
            var mib = _bytes[stage] / (1024.0 * 1024);
            Console.WriteLine($"  {stage,-44} {seconds,7:0.00} s {100.0 * ticks / total,5:0.0} %  {1000 * seconds / pages,6:0.000} ms/page  {mib,8:0.0} MiB allocated");
        }
        Console.WriteLine($"  {"total",-44} {total / (double)Stopwatch.Frequency,7:0.00} s  {_bytes.Values.Sum() / (1024.0 * 1024),8:0.0} MiB allocated");
    }
}
