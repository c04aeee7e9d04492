using Extractor.Cli.Inputs;

namespace Extractor.Cli.Batch;

/// <summary>One document of a batch and the base name its outputs get in the output folder.</summary>
public sealed record BatchItem(InputItem Input, string OutputBase)
{
    /// <summary>The input's identity (URL or full path): the journal's key and the JSON's `document.source`.</summary>
    public string Identity => Input.Identity;

    /// <summary>The identity under the name the journal and warehouse use for it.</summary>
    public string SourcePath => Identity;
}

/// <summary>Resolves the command line's inputs (see <see cref="InputResolver"/>) into batch items with collision-free output names.</summary>
public static class BatchInputs
{
    public static List<BatchItem> Expand(IEnumerable<string> inputs, TextReader? stdin = null) =>
        Name(new InputResolver(stdin).Resolve(inputs));

    /// <summary>Names are given over the whole, unsharded input list, so every shard names a document as a single run would.</summary>
    public static List<BatchItem> Name(IReadOnlyList<InputItem> inputs)
    {
        // Two inputs with the same file name in different folders must not overwrite each other's output.
        var items = new List<BatchItem>(inputs.Count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in inputs)
        {
            var name = Path.GetFileNameWithoutExtension(input.DisplayName);
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++) candidate = $"{name}~{n}";
            items.Add(new BatchItem(input, candidate));
        }
        return items;
    }
}
