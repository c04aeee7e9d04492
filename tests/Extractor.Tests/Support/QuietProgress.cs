using Extractor.Cli.Batch;

namespace Extractor.Tests.Support;

/// <summary>Batch progress that reports nothing (tests read the journal and the summary instead).</summary>
public sealed class QuietProgress : IBatchProgress
{
    public void Started(int total, int skipped) { }
    public void Finished(BatchItem item, JournalEntry entry) { }
}
