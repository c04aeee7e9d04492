using System.CommandLine;
using Extractor.Output;

namespace Extractor.Cli.Commands;

/// <summary>
/// `--outputs json,facts-csv,…` of extract and batch: the files written per document, by writer name
/// (<see cref="CliWriters.Registry"/>). The JSON is always written; an unknown name is a usage error (exit 64).
/// </summary>
public static class OutputsOption
{
    public static Option<string[]> Create(DocumentWriterRegistry registry)
    {
        var option = new Option<string[]>("--outputs")
        {
            Description = $"Files written per document, comma-separated: {string.Join(", ", registry.Writers.Select(w => $"{w.Name} (DOC{w.Suffix})"))}; json is always written",
            DefaultValueFactory = _ => ["json"],
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => Names(result.Tokens.Select(t => t.Value)),
        };
        option.Validators.Add(result =>
        {
            foreach (var name in result.GetValueOrDefault<string[]>() ?? [])
                if (!registry.Contains(name))
                    result.AddError($"--outputs: no writer named '{name}' (known: {string.Join(", ", registry.Names)})");
        });
        return option;
    }

    /// <summary>`json,facts-csv` `review` → json, facts-csv, review: the JSON first, each name once, lower case.</summary>
    public static string[] Names(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant()).Prepend("json").Distinct().ToArray();
}
