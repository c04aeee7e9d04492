using System.Text.RegularExpressions;

namespace Extractor.Tests.Support;

/// <summary>Every C# file of the library (<c>src/Extractor</c>), by path relative to it (`Sheets/SheetCatalog.cs`).</summary>
public static class LibrarySources
{
    public static IReadOnlyList<(string Path, string Source)> Read()
    {
        var root = Path.Combine(Repo.Root, "src", "Extractor");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/") && !p.StartsWith("obj/"))
            .Select(p => (p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} files found under {root}");
        return files;
    }

    /// <summary>Every match of the pattern in the files outside one folder (`Text/`), as `PATH: GROUP`.</summary>
    public static IReadOnlyList<string> MatchesOutside(IEnumerable<(string Path, string Source)> files, string folder, Regex pattern, string group) =>
        files.Where(f => !f.Path.StartsWith(folder, StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(f.Source).Select(m => $"{f.Path}: {m.Groups[group].Value}"))
            .ToList();
}
