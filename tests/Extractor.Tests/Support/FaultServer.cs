using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (never another address) whose routes inject faults: each route gets the raw
/// socket, so it can answer normally, stall, cut the body short or reset the connection. Every answer closes the
/// connection. Hits are counted per path.
/// </summary>
public sealed class FaultServer : IDisposable
{
    public delegate Task Route(FaultRequest request, Socket socket, int hit);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Route> _routes = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FaultServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Map(string path, Route route) => _routes[path] = route;

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(socket));
        }
    }

    private async Task Serve(Socket socket)
    {
        try
        {
            var request = await ReadRequest(socket);
            if (request is null) return;
            var hit = _hits.AddOrUpdate(request.Path, 1, (_, n) => n + 1);
            if (_routes.TryGetValue(request.Path, out var route)) await route(request, socket, hit);
            else await Respond(socket, 404, "Not Found", "text/plain", "no route"u8.ToArray());
        }
        catch (Exception) { /* the client went away (timeouts are part of the tests) */ }
        finally { socket.Dispose(); }
    }

    private static async Task<FaultRequest?> ReadRequest(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length) // bounded: a request head larger than 16 KiB is dropped
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
            if (read == 0) return null;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var lines = text[..end].Split("\r\n");
            var target = lines[0].Split(' ')[1];
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            return new FaultRequest(target, headers);
        }
        return null;
    }

    public static Task Respond(Socket socket, int status, string reason, string? contentType, byte[] body, params string[] headers) =>
        Send(socket, Head(status, reason, contentType, body.Length, headers), body);

    public static byte[] Head(int status, string reason, string? contentType, long? contentLength, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
        if (contentType is not null) head.Append($"Content-Type: {contentType}\r\n");
        if (contentLength is not null) head.Append($"Content-Length: {contentLength}\r\n");
        foreach (var h in headers) head.Append(h).Append("\r\n");
        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    public static async Task Send(Socket socket, params byte[][] parts)
    {
        foreach (var part in parts) await socket.SendAsync(part, SocketFlags.None);
    }

    /// <summary>Closes with a TCP reset instead of a normal close.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

public sealed record FaultRequest(string Path, IReadOnlyDictionary<string, string> Headers);
