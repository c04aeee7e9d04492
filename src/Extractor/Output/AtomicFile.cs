using System.Text;

namespace Extractor.Output;

/// <summary>
/// Every output file is written to a temporary file beside its target and then renamed over it, so a reader (or a
/// batch killed half-way) never sees half a file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content) =>
        Commit(path, temp => File.WriteAllText(temp, content, new UTF8Encoding(false)));

    public static void Write(string path, byte[] content) => Commit(path, temp => File.WriteAllBytes(temp, content));

    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var (full, temp) = Paths(path);
        await using (var stream = File.Create(temp)) await write(stream);
        File.Move(temp, full, overwrite: true);
    }

    private static void Commit(string path, Action<string> writeTemp)
    {
        var (full, temp) = Paths(path);
        writeTemp(temp);
        File.Move(temp, full, overwrite: true);
    }

    private static (string Full, string Temp) Paths(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        return (full, Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
    }
}
