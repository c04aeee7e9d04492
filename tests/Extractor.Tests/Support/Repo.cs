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

    /// <summary>Whitespace does not count when cells are compared with the truth.</summary>
    public static string Squash(string? s) => string.Concat((s ?? "").Where(c => !char.IsWhiteSpace(c)));
}
