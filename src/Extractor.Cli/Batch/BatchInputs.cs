namespace Extractor.Cli.Batch;

/// <summary>One PDF of a batch and the base name its outputs get in the output folder.</summary>
public sealed record BatchItem(string SourcePath, string OutputBase);

/// <summary>Expands the command line's files and folders (recursively) into batch items with collision-free output names.</summary>
public static class BatchInputs
{
    public static List<BatchItem> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)));
            else files.Add(input); // a missing file is reported as that document's failure, not silently dropped
        }
        var distinct = files.Select(Path.GetFullPath).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();

        // Two inputs with the same file name in different folders must not overwrite each other's output.
        var items = new List<BatchItem>(distinct.Count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in distinct)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++) candidate = $"{name}~{n}";
            items.Add(new BatchItem(file, candidate));
        }
        return items;
    }
}
