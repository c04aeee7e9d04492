using Extractor.Output;

namespace Extractor.Cli.Batch;

/// <summary>
/// One batch per output folder: `_batch.lock` held open with an exclusive lock for the whole run (an advisory flock
/// on Linux, released by the kernel when the process dies, so a killed batch never leaves a stale lock). A second
/// batch on the same folder fails at once with a message naming the folder and the holder's process id.
/// </summary>
public sealed class BatchLock : IDisposable
{
    public const string FileName = "_batch.lock";
    private readonly FileStream _stream;

    private BatchLock(FileStream stream) => _stream = stream;

    public static BatchLock Acquire(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n");
            stream.Write(pid);
            stream.Flush();
            return new BatchLock(stream);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && !IsHeldElsewhere(e))
        {
            throw new OutputWriteException(path, AtomicFile.Reason(e), e);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            var holder = Durable.PeekUnlocked(path)?.Trim() ?? "?";
            throw new FolderLockedException($"{outputDirectory}: another batch (process {holder}) is writing to this folder; wait for it to finish or choose another -o");
        }
    }

    private static bool IsHeldElsewhere(Exception e) =>
        e.HResult == unchecked((int)0x80070020) || e.Message.Contains("being used by another process", StringComparison.Ordinal);

    public void Dispose() => _stream.Dispose();
}
