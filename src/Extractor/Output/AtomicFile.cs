using System.Text;

namespace Extractor.Output;

/// <summary>An output file could not be written: the message names the path and why (permission, full disk, a folder).</summary>
public sealed class OutputWriteException(string path, string reason, Exception? inner = null)
    : IOException($"cannot write {path}: {reason}", inner)
{
    public string OutputPath { get; } = path;
    public bool DiskFull { get; } = reason.Contains("space", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Every output file is written to a temporary file beside its target, flushed to disk, renamed over the target, and
/// the folder flushed, so a reader (or a batch killed half-way, or a power cut) never sees half a file. A failed
/// write removes its temporary file; temporary files of killed processes are removed by <see cref="CleanStale"/>.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content) =>
        Commit(path, stream => { stream.Write(new UTF8Encoding(false).GetBytes(content)); return Task.CompletedTask; }).GetAwaiter().GetResult();

    public static Task WriteAsync(string path, Func<Stream, Task> write) => Commit(path, write);

    private static async Task Commit(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new OutputWriteException(full, "is a folder (give a file name)");
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(dir);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                await write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            Durable.FlushFolder(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputWriteException)
        {
            TryDelete(temp);
            throw new OutputWriteException(full, Reason(e), e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Removes the temporary files a killed writer left in a folder (`.NAME.PID.GUID.tmp`). Only call it while owning
    /// the folder (the batch lock), or pass <paramref name="target"/> to remove only that file's leftovers from dead processes.
    /// </summary>
    public static int CleanStale(string folder, string? target = null)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        var pattern = target is null ? $".*{TempSuffix}" : $".{Path.GetFileName(target)}.*{TempSuffix}";
        foreach (var file in Directory.EnumerateFiles(folder, pattern))
        {
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length < 4 || !int.TryParse(parts[^3], out var pid)) continue;
            if (target is not null && pid != Environment.ProcessId && IsAlive(pid)) continue;
            if (TryDelete(file)) removed++;
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static bool TryDelete(string file)
    {
        try { File.Delete(file); return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>The cause without .NET's wording around the path.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied (read-only folder or file?)",
        DirectoryNotFoundException => "folder does not exist",
        IOException when e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || e.HResult == 28 || (e.HResult & 0xFFFF) == 0x70
            => "no space left on device",
        IOException when e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        _ => e.Message,
    };
}
