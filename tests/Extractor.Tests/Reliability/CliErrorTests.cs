using Extractor.Tests.Support;

namespace Extractor.Tests.Reliability;

/// <summary>Issue 10 defect 6: ordinary failures are one line naming the path and a documented exit code, never a trace.</summary>
public class CliErrorTests
{
    private static readonly string Seed = Repo.Fixture("urumqi-port-office-2025.office.pdf");

    private static string OneLine(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        return Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_unknown_option_is_an_error_not_an_input()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("extractor-shrad-").FullName, "out");
        var (exit, stdout, stderr) = CliProcess.Run("batch", Repo.Fixture("synth"), "--shrad", "1/3", "-o", output);
        Assert.Equal(64, exit);
        Assert.Equal("", stdout);
        Assert.Contains("unknown option '--shrad'", stderr);
        Assert.False(Directory.Exists(output), "nothing ran");
    }

    [Fact]
    public void A_parse_error_goes_to_stderr_so_redirected_output_stays_clean()
    {
        var (exit, stdout, stderr) = CliProcess.Run("extract");
        Assert.Equal(64, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Usage:", stderr);
        Assert.Contains("extractor-cli extract <pdf> [options]", stderr);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        var (exit, stdout, _) = CliProcess.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("Exit codes: 0 ok", stdout);
        Assert.Contains("75 output folder locked", stdout);
    }

    [Fact]
    public void Output_naming_a_folder_fails_cleanly_and_leaves_no_temp_file()
    {
        var folder = Directory.CreateTempSubdirectory("extractor-odir-").FullName;
        var (exit, stdout, stderr) = CliProcess.Run("extract", Seed, "-o", folder);
        Assert.Equal(73, exit);
        Assert.Equal("", stdout);
        Assert.Contains(folder, OneLine(stderr));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void A_bad_page_number_is_a_usage_error()
    {
        var (exit, _, stderr) = CliProcess.Run("layout", Seed, "999");
        Assert.Equal(64, exit);
        Assert.Contains("no page 999 (the document has pages 1 to 28)", OneLine(stderr));
    }

    [Fact]
    public void A_missing_input_is_one_line()
    {
        var (exit, _, stderr) = CliProcess.Run("layout", "/nonexistent/x.pdf", "1");
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/x.pdf", OneLine(stderr));
    }

    [SkippableFact]
    public void A_read_only_output_folder_is_one_line_for_every_command()
    {
        var mount = Directory.CreateTempSubdirectory("extractor-ro-").FullName;
        Skip.IfNot(CliProcess.TryMountTmpfs(mount, "ro,size=1m"), "cannot mount a read-only tmpfs here (needs root)");
        try
        {
            var existing = CliProcess.Run("batch", Seed, "-o", mount, "--no-progress");
            Assert.Equal(73, existing.Exit);
            Assert.Contains(mount, OneLine(existing.Err));

            var toCreate = CliProcess.Run("batch", Seed, "-o", Path.Combine(mount, "new"), "--no-progress");
            Assert.Equal(73, toCreate.Exit);
            Assert.Contains(Path.Combine(mount, "new"), OneLine(toCreate.Err));

            var extract = CliProcess.Run("extract", Seed, "-o", Path.Combine(mount, "x.json"));
            Assert.Equal(73, extract.Exit);
            Assert.Contains(Path.Combine(mount, "x.json"), OneLine(extract.Err.Split('\n').First(l => l.StartsWith("error"))));
        }
        finally { CliProcess.Unmount(mount); }
    }

    [SkippableFact]
    public void A_full_disk_stops_the_batch_with_a_journal_of_what_was_not_done()
    {
        var mount = Directory.CreateTempSubdirectory("extractor-full-").FullName;
        Skip.IfNot(CliProcess.TryMountTmpfs(mount, "size=400k"), "cannot mount a small tmpfs here (needs root)");
        try
        {
            var input = Directory.CreateTempSubdirectory("extractor-full-in-").FullName;
            foreach (var name in new[] { "a", "b", "c", "d" }) File.Copy(Seed, Path.Combine(input, name + ".pdf"));
            var (exit, _, stderr) = CliProcess.Run("batch", input, "-o", mount, "-j", "1", "--no-progress");
            Assert.Equal(74, exit);
            Assert.DoesNotContain("   at ", stderr);
            var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:"));
            Assert.Contains("batch stopped: ", error);
            Assert.Contains("no space left on device", error);
            Assert.Contains("documents not done", error);
            Assert.Empty(Directory.EnumerateFiles(mount, "*.tmp"));
            var journal = File.ReadAllLines(Path.Combine(mount, "_batch.jsonl"));
            // Every document is accounted for: done (ok) or journaled as not done; the one being written when the
            // disk filled up is among the not done.
            Assert.Equal(4, journal.Count(l => l.Contains("\"not-done\"") || l.Contains("\"ok\"")));
            Assert.Contains(journal, l => l.Contains("\"not-done\"") && l.Contains("/a.pdf"));
        }
        finally { CliProcess.Unmount(mount); }
    }
}
