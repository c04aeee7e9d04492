using System.Security.Cryptography;
using System.Text;
using Extractor.Output;

namespace Extractor.Cli.Batch;

/// <summary>
/// One PDF of a batch. <paramref name="Identity"/> is what the journal keys on and what output names derive from:
/// the resolved path (every symlink followed) for a file, the URL for a download. <paramref name="SourcePath"/> is where
/// the bytes are read. <paramref name="OutputBase"/> is the name its outputs get (DOC.json, DOC.error.txt).
/// </summary>
public sealed record BatchItem(string SourcePath, string OutputBase)
{
    public string Identity { get; init; } = SourcePath;
}

/// <summary>An input found on the command line (or in a manifest): its identity, where to read it, the name it would like.</summary>
/// <param name="PreferredName">the file name without extension (for a URL, its last path segment)</param>
public sealed record BatchInput(string Identity, string SourcePath, string PreferredName);

/// <summary>Expands the command line's files and folders (recursively) into batch items with collision-proof output names.</summary>
public static class BatchInputs
{
    public static List<BatchItem> Expand(IEnumerable<string> inputs, IReadOnlyDictionary<string, string>? claims = null) =>
        OutputNames.Assign(Find(inputs), claims ?? new Dictionary<string, string>());

    /// <summary>Files and folders (searched recursively for *.pdf), symlinks resolved, each file once.</summary>
    public static List<BatchInput> Find(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)));
            else files.Add(input); // a missing file is reported as that document's failure, not silently dropped
        }
        return files.Select(f => Durable.RealPath(f))
            .Distinct(StringComparer.Ordinal)
            .Select(f => new BatchInput(f, f, Path.GetFileNameWithoutExtension(f)))
            .ToList();
    }
}

/// <summary>
/// Output names that never change once given and never collide: a source keeps the name the journal gave it; a new
/// source gets its preferred name when no other source owns it (in the journal or earlier in this run, in identity
/// order), else `NAME~HASH` with HASH from its identity. So no output can be overwritten by another source, and
/// adding inputs or changing their order never renames anything.
/// </summary>
public static class OutputNames
{
    /// <param name="claims">output base → owning identity, from the journal</param>
    public static List<BatchItem> Assign(IEnumerable<BatchInput> inputs, IReadOnlyDictionary<string, string> claims)
    {
        var owner = new Dictionary<string, string>(claims, StringComparer.OrdinalIgnoreCase);
        var byIdentity = claims.GroupBy(c => c.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var items = new List<BatchItem>();
        foreach (var input in inputs.OrderBy(i => i.Identity, StringComparer.Ordinal))
        {
            if (!byIdentity.TryGetValue(input.Identity, out var name))
            {
                name = Safe(input.PreferredName);
                if (owner.ContainsKey(name))
                {
                    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.Identity)));
                    var length = 8;
                    do name = $"{Safe(input.PreferredName)}~{hash[..length]}"; while (owner.ContainsKey(name) && (length += 4) <= hash.Length);
                }
                owner[name] = input.Identity;
                byIdentity[input.Identity] = name;
            }
            items.Add(new BatchItem(input.SourcePath, name) { Identity = input.Identity });
        }
        return items;
    }

    /// <summary>A file name without separators or a leading dot (which would hide it or clash with temp files).</summary>
    private static string Safe(string name)
    {
        var cleaned = string.Concat(name.Select(c => c is '/' or '\\' or '\0' ? '_' : c)).TrimStart('.');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}
