using System.Security.Cryptography;
using System.Text;
using Extractor.Cli.Inputs;

namespace Extractor.Cli.Batch;

/// <summary>One document of a batch and the base name its outputs get in the output folder (DOC.json, DOC.error.txt).</summary>
public sealed record BatchItem(InputItem Input, string OutputBase)
{
    /// <summary>The input's identity (URL, or full path with every symlink resolved): the journal's key, the JSON's
    /// `document.source`, what output names derive from.</summary>
    public string Identity => Input.Identity;

    /// <summary>The identity under the name the journal and warehouse use for it.</summary>
    public string SourcePath => Identity;
}

/// <summary>An input found on the command line (or in a manifest) and the output name it would like.</summary>
/// <param name="PreferredName">the file name without extension (for a URL, its last path segment)</param>
public sealed record BatchInput(InputItem Input, string PreferredName)
{
    public string Identity => Input.Identity;
}

/// <summary>Resolves the command line's inputs (see <see cref="InputResolver"/>) into batch inputs and named items.</summary>
public static class BatchInputs
{
    /// <summary>Files, folders (recursively), globs, manifests, URLs and `-` (a manifest on stdin), each input once.</summary>
    public static List<BatchInput> Find(IEnumerable<string> inputs, TextReader? stdin = null) =>
        new InputResolver(stdin).Resolve(inputs)
            .Select(i => new BatchInput(i, Path.GetFileNameWithoutExtension(i.DisplayName))).ToList();

    /// <summary>The inputs named as a single run into an empty folder would name them.</summary>
    public static List<BatchItem> Expand(IEnumerable<string> inputs, TextReader? stdin = null) =>
        OutputNames.Assign(Find(inputs, stdin), new Dictionary<string, string>());

    /// <summary>
    /// Names given over the whole, unsharded input list, carried as each input's preferred name: so every shard names a
    /// document as a single run would, and shards' outputs never collide when merged.
    /// </summary>
    public static List<BatchInput> NameBeforeSharding(IReadOnlyList<BatchInput> inputs) =>
        OutputNames.Assign(inputs, new Dictionary<string, string>()).Select(i => new BatchInput(i.Input, i.OutputBase)).ToList();
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
            items.Add(new BatchItem(input.Input, name));
        }
        return items;
    }

    private static string Safe(string name)
    {
        var cleaned = string.Concat(name.Select(c => c is '/' or '\\' or '\0' ? '_' : c)).TrimStart('.');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}
