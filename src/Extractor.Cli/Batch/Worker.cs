using System.Diagnostics;
using System.Text;

namespace Extractor.Cli.Batch;

/// <summary>
/// One `extractor-cli worker` child process, used for one document at a time. The parent enforces the bounds from
/// outside: past its timeout or above its memory limit (resident set, sampled every 100 ms) the worker is killed,
/// which frees its CPU and memory at once; a worker that dies on its own is noticed by its closed stdout. Either way
/// only the document it was working on fails. The worker's managed heap is also capped (DOTNET_GCHeapHardLimit) so
/// most blow-ups end as a clean out-of-memory answer before the kill is needed.
/// </summary>
public sealed class Worker : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    public int Documents { get; private set; }
    public bool Exited => _process.HasExited;
    public int ProcessId => _process.Id;

    private Worker(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) if (_stderr.Length < 4096) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public static Worker Start(long memoryLimitBytes)
    {
        // extractor-cli.dll run by the same dotnet host; a single-file or native build runs itself
        var cli = typeof(Worker).Assembly.Location;
        var host = cli.Length == 0 ? Environment.ProcessPath!
            : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8,
        };
        if (cli.Length > 0) psi.ArgumentList.Add(cli);
        psi.ArgumentList.Add("worker");
        if (memoryLimitBytes > 0)
            psi.Environment["DOTNET_GCHeapHardLimit"] = (memoryLimitBytes * 3 / 4).ToString("X");
        psi.Environment["DOTNET_gcConcurrent"] = "0";
        return new Worker(Process.Start(psi) ?? throw new InvalidOperationException("cannot start a worker process"));
    }

    /// <summary>The reply, or null with the reason the worker had to be killed or died.</summary>
    public async Task<(WorkerReply? Reply, string? Death)> RunAsync(WorkerRequest request, TimeSpan timeout, long memoryLimitBytes, CancellationToken ct)
    {
        Documents++;
        try
        {
            await _process.StandardInput.WriteLineAsync(WorkerLines.Write(request).AsMemory(), ct);
            await _process.StandardInput.FlushAsync(ct);
        }
        catch (IOException) { return (null, DeathReason()); }

        var read = _process.StandardOutput.ReadLineAsync(ct).AsTask();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var done = await Task.WhenAny(read, Task.Delay(100, ct));
            if (done == read)
            {
                var line = await read;
                if (line is null) return (null, DeathReason());
                return (WorkerLines.Read<WorkerReply>(line), null);
            }
            if (clock.Elapsed > timeout)
            {
                Kill();
                return (null, $"timeout: gave up after {timeout.TotalSeconds:0} s (worker killed)");
            }
            var rss = ResidentBytes();
            if (memoryLimitBytes > 0 && rss > memoryLimitBytes)
            {
                Kill();
                return (null, $"killed (memory): worker used {rss >> 20} MiB, above the limit of {memoryLimitBytes >> 20} MiB");
            }
        }
    }

    public long ResidentBytes()
    {
        try
        {
            // /proc is exact and cheap; Process.WorkingSet64 is the portable fallback
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        try { _process.Refresh(); return _process.WorkingSet64; }
        catch (InvalidOperationException) { return 0; }
    }

    private string DeathReason()
    {
        _process.WaitForExit(5000);
        string err;
        lock (_stderr) err = _stderr.ToString();
        if (err.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)) return "killed (crash): stack overflow in the worker";
        if (err.Contains("OutOfMemory", StringComparison.Ordinal)) return "killed (memory): the worker ran out of memory";
        if (!_process.HasExited) return "killed: the worker closed its output";
        var code = _process.ExitCode;
        return code > 128 ? $"killed (signal {code - 128}{(code - 128 == 9 ? ": out of memory or killed from outside" : "")})" : $"killed: the worker exited with code {code}";
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); }
        catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close(); // end of input: the worker exits
                if (!_process.WaitForExit(5000)) Kill();
            }
        }
        catch (IOException) { Kill(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
