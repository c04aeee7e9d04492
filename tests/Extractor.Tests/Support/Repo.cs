using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Support;

/// <summary>Paths inside the repository (tests run from bin/…, so walk up to the solution file).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Fixture(string relative) => Path.Combine(Root, "fixtures", relative);

    public static JObject Truth(string relative) => JObject.Parse(File.ReadAllText(Fixture(relative)));

    /// <summary>Every synth document's truth file with each of its two renderings, as paths under fixtures/.</summary>
    public static IEnumerable<(string Truth, string Pdf)> SynthRenderings()
    {
        foreach (var truth in Directory.GetFiles(Fixture("synth"), "*.truth.json").Order())
        {
            var id = Path.GetFileName(truth)[..^".truth.json".Length];
            yield return ("synth/" + Path.GetFileName(truth), $"synth/{id}.chromium.pdf");
            yield return ("synth/" + Path.GetFileName(truth), $"synth/{id}.office.pdf");
        }
    }

    /// <summary>Whitespace does not count when cells are compared with the truth.</summary>
    public static string Squash(string? s) => string.Concat((s ?? "").Where(c => !char.IsWhiteSpace(c)));
}
