using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Extractor.Cli.Inputs;

/// <summary>
/// Turns the command line's inputs into documents: a PDF file; a folder (every `*.pdf` below it); a glob
/// (`data/**/*.pdf`, quoted so the shell leaves it alone); an http(s) URL; a manifest file (any other text file, see
/// <see cref="Manifest"/>); `-` for a manifest on stdin. The same document named twice is processed once.
/// </summary>
public sealed class InputResolver(TextReader? stdin = null, string? workingDirectory = null)
{
    private readonly string _cwd = workingDirectory ?? Directory.GetCurrentDirectory();

    public IReadOnlyList<InputItem> Resolve(IEnumerable<string> arguments)
    {
        var seen = new Dictionary<string, InputItem>(StringComparer.Ordinal);
        foreach (var item in arguments.SelectMany(Expand))
            seen.TryAdd(item.Identity, item);
        return seen.Values.OrderBy(i => i.Identity, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<InputItem> Expand(string argument)
    {
        if (argument == "-")
            return Manifest.Read(stdin ?? Console.In, _cwd, "stdin").ToList();
        if (InputIdentity.LooksLikeUrl(argument)) return [InputItem.Url(argument)];

        var path = Path.GetFullPath(argument, _cwd);
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                .Select(f => InputItem.File(f)).ToList();
        if (File.Exists(path))
            return IsManifest(path)
                ? Manifest.Read(new StreamReader(path, Encoding.UTF8), Path.GetDirectoryName(path)!, path).ToList()
                : [InputItem.File(path)];
        if (argument.IndexOfAny(['*', '?']) >= 0) return Glob(argument);
        return [InputItem.File(path)]; // a missing file is that document's failure, not silently dropped
    }

    /// <summary>A manifest is a text file that is neither named .pdf nor starts like a PDF.</summary>
    private static bool IsManifest(string path)
    {
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return false;
        var head = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, read);
        if (span.StartsWith("%PDF"u8)) return false;
        return !span.Contains((byte)0); // binary junk stays a document (and fails as "not a PDF")
    }

    /// <summary>Expands a glob from its longest folder prefix without wildcards; `**` crosses folders.</summary>
    private List<InputItem> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = segments.TakeWhile(s => s.IndexOfAny(['*', '?']) < 0).Count();
        var root = fixedCount == 0 ? "" : string.Join('/', segments[..fixedCount]);
        if (root.Length == 0 && normalized.StartsWith('/')) root = "/";
        var rootPath = Path.GetFullPath(root.Length == 0 ? "." : root, _cwd);
        if (!Directory.Exists(rootPath)) return [];
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        return matcher.GetResultsInFullPath(rootPath).Select(f => InputItem.File(f)).ToList();
    }
}
