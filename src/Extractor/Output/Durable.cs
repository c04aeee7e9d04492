using System.Runtime.InteropServices;
using System.Text;

namespace Extractor.Output;

/// <summary>
/// What .NET's file API does not offer: fsync of a folder (after a rename in it) and an O_APPEND file descriptor,
/// through POSIX calls on Linux; elsewhere a best-effort fallback.
/// </summary>
public static partial class Durable
{
    public static void FlushFolder(string folder)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(folder, ReadOnly | CloseOnExec, 0);
        if (fd < 0) return; // best effort: the file itself is already on disk
        try { _ = Fsync(fd); }
        finally { _ = Close(fd); }
    }

    /// <summary>The canonical path with every symbolic link resolved (POSIX realpath); the full path elsewhere or when it does not exist.</summary>
    public static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return full;
        var resolved = RealPathNative(full, 0);
        if (resolved == 0) return full;
        try { return Marshal.PtrToStringUTF8(resolved) ?? full; }
        finally { Free(resolved); }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>
    /// The first bytes of a file read with POSIX calls, which take no lock: .NET's own open would take a shared flock
    /// and fail on a file another process holds exclusively (the batch lock). Null when it cannot be read.
    /// </summary>
    public static string? PeekUnlocked(string path, int maxBytes = 256)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var fd = Open(path, ReadOnly | CloseOnExec, 0);
        if (fd < 0) return null;
        try
        {
            var buffer = new byte[maxBytes];
            var n = Read(fd, buffer, buffer.Length);
            return n <= 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)n);
        }
        finally { _ = Close(fd); }
    }

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, Span<byte> buffer, nint count);

    internal const int ReadOnly = 0, WriteOnly = 1, Create = 0x40, Append = 0x400, CloseOnExec = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    internal static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    internal static partial int Close(int fd);
}

/// <summary>
/// A file only ever appended to, one whole line per write(2) on an O_APPEND descriptor, flushed to disk after each:
/// lines from concurrent writers never interleave or overwrite each other, and a killed writer leaves at most its
/// last line torn.
/// </summary>
public sealed class AppendOnlyFile : IDisposable
{
    private readonly int _fd = -1;
    private readonly FileStream? _fallback;
    private readonly Lock _gate = new();
    public string Path { get; }

    public AppendOnlyFile(string path)
    {
        Path = path;
        if (OperatingSystem.IsLinux())
        {
            _fd = Durable.Open(path, Durable.WriteOnly | Durable.Append | Durable.Create | Durable.CloseOnExec, Convert.ToInt32("644", 8));
            if (_fd < 0) throw Failure(Marshal.GetLastPInvokeError());
        }
        else _fallback = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    public void AppendLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            if (_fallback is not null)
            {
                _fallback.Write(bytes);
                _fallback.Flush(flushToDisk: true);
                return;
            }
            var written = Durable.Write(_fd, bytes, bytes.Length);
            if (written != bytes.Length) throw Failure(written < 0 ? Marshal.GetLastPInvokeError() : 28 /* short write: full */);
            _ = Durable.Fsync(_fd);
        }
    }

    private OutputWriteException Failure(int errno) => new(Path, errno switch
    {
        28 => "no space left on device",
        13 => "permission denied (read-only folder or file?)",
        30 => "read-only file system",
        2 => "folder does not exist",
        _ => $"error {errno} ({Marshal.GetPInvokeErrorMessage(errno)})",
    });

    public void Dispose()
    {
        if (_fd >= 0) _ = Durable.Close(_fd);
        _fallback?.Dispose();
    }
}
