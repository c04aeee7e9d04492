using System.Diagnostics;

namespace Extractor.Model;

/// <summary>
/// Receives the time each pipeline stage took (the bench's `--stages` breakdown). Optional: the pipeline passes
/// null by default and then never reads the clock.
/// </summary>
public interface IStageTimer
{
    void Record(string stage, long stopwatchTicks);

    /// <summary>Also the bytes the stage allocated on this thread (deterministic, unlike time on a shared machine).</summary>
    void Record(string stage, long stopwatchTicks, long allocatedBytes) => Record(stage, stopwatchTicks);
}

/// <summary>Stage names, in pipeline order, as reported by <see cref="IStageTimer"/>.</summary>
public static class Stages
{
    public const string PdfPig = "pdfpig (open, page parse: letters, paths)";
    public const string Conversion = "glyphs + rulings (our conversion)";
    public const string Layout = "layout (lattice + stream + lines)";
    public const string Structure = "structure (titles, continuations, headers)";
    public const string Records = "recognition + records";
    public const string Sheets = "sheets";
    public const string Reconciliation = "reconciliation";
    public const string Serialization = "json serialization";
}

/// <summary>Times one stage into an optional timer: `using var _ = StageScope.Start(timer, Stages.Layout);`.</summary>
public readonly struct StageScope : IDisposable
{
    private readonly IStageTimer? _timer;
    private readonly string _stage;
    private readonly long _start;
    private readonly long _allocated;

    private StageScope(IStageTimer timer, string stage)
    {
        _timer = timer;
        _stage = stage;
        _allocated = GC.GetAllocatedBytesForCurrentThread();
        _start = Stopwatch.GetTimestamp();
    }

    public static StageScope Start(IStageTimer? timer, string stage) => timer is null ? default : new StageScope(timer, stage);

    public void Dispose() => _timer?.Record(_stage, Stopwatch.GetTimestamp() - _start, GC.GetAllocatedBytesForCurrentThread() - _allocated);
}
