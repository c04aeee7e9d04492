using System.Reflection;

namespace Extractor.Output;

/// <summary>Which build of Extractor wrote an output: the assembly's informational version (Directory.Build.props).</summary>
public static class ExtractorVersion
{
    public static string Current { get; } =
        typeof(ExtractorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
