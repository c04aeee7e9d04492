using System.Diagnostics;

namespace Extractor.Tests.Support;

/// <summary>Runs extractor-cli as a user does: a separate process, exit code, stdout, stderr.</summary>
public static class CliProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "extractor-cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), "extractor-cli did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The batch's worker processes (children of <paramref name="parent"/> running `extractor-cli worker`).</summary>
    public static List<int> Workers(int parent)
    {
        var result = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                if (ppid == parent && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("worker")) result.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return result;
    }

    /// <summary>Mounts a tmpfs (root only); false when this machine does not allow it.</summary>
    public static bool TryMountTmpfs(string at, string options)
    {
        Directory.CreateDirectory(at);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at]) { RedirectStandardError = true })!;
            p.WaitForExit(10_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    public static void Unmount(string at)
    {
        using var p = Process.Start(new ProcessStartInfo("umount", ["-l", at]) { RedirectStandardError = true })!;
        p.WaitForExit(10_000);
    }
}
