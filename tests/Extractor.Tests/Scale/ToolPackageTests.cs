using System.Diagnostics;
using System.Reflection;
using Extractor.Cli.Batch;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Scale;

/// <summary>
/// The install path a user takes: `dotnet pack` the CLI, `dotnet tool install` it from the local package folder into
/// a temporary tool path, run `extractor`. Packs a copy of the sources, so the working tree's bin/ and obj/ are untouched.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_and_extracts()
    {
        var work = Directory.CreateTempSubdirectory("extractor-tool-").FullName;
        try
        {
            var source = Path.Combine(work, "src-copy");
            foreach (var file in new[] { "Directory.Build.props", "README.md", "LICENSE" })
                CopyInto(Path.Combine(Repo.Root, file), Path.Combine(source, file));
            CopyTree(Path.Combine(Repo.Root, "src"), Path.Combine(source, "src"));
            CopyTree(Path.Combine(Repo.Root, "data"), Path.Combine(source, "data"));

            var version = typeof(BatchRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
            var packages = Path.Combine(work, "nupkg");
            Run("dotnet", ["pack", Path.Combine(source, "src", "Extractor.Cli"), "-c", "Release", "-o", packages, "-p:ContinuousIntegrationBuild=true"], work);
            var package = Path.Combine(packages, $"extractor.{version}.nupkg");
            Assert.True(File.Exists(package), $"no {package}: {string.Join(", ", Directory.GetFiles(packages).Select(Path.GetFileName))}");

            var tools = Path.Combine(work, "tools");
            Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "extractor", "--version", version], work);
            var extractor = Path.Combine(tools, OperatingSystem.IsWindows() ? "extractor.exe" : "extractor");

            var printed = Run(extractor, ["--version"], work).Trim();
            Assert.Equal(version, printed.Split('+')[0]);

            var pdf = Repo.Fixture("urumqi-port-office-2025.office.pdf");
            var output = Path.Combine(work, "out.json");
            Run(extractor, ["extract", pdf, "-o", output], work);
            var json = JObject.Parse(File.ReadAllText(output));
            Assert.Equal(11, ((JArray)json["tables"]!).Count);
            Assert.Equal(Path.GetFullPath(pdf), (string?)json["document"]!["source"]);
        }
        finally { Directory.Delete(work, true); }
    }

    private static string Run(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); Assert.Fail($"{program} {string.Join(' ', arguments)}: still running after 5 minutes"); }
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }

    private static void CopyInto(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    /// <summary>Copies sources only: build outputs (bin/, obj/) stay behind.</summary>
    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj")) continue;
            CopyInto(file, Path.Combine(to, relative));
        }
    }
}
