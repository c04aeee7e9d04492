namespace Extractor.Cli.Inputs;

/// <summary>
/// One document to process, as the user named it. <see cref="Identity"/> is the one string that names the input
/// everywhere (journal, JSON `document.source`, warehouse, output names, shard choice): the URL as written for a
/// download, the full path (symlinks resolved) for a local file.
/// </summary>
/// <param name="LocalPath">where the bytes are: the file itself, or for a URL the cached download once fetched (null before)</param>
/// <param name="ExpectedSha256">lower-case hex digest the bytes must have (from a manifest line), null when not given</param>
public sealed record InputItem(string Identity, string? LocalPath, string? ExpectedSha256)
{
    public bool IsUrl => InputIdentity.LooksLikeUrl(Identity);

    /// <summary>A local file: its identity is the full path with every symlink resolved, so a file replaced behind an
    /// unchanged link is seen as changed and two links to one file are one document.</summary>
    public static InputItem File(string path, string? expectedSha256 = null)
    {
        var real = Extractor.Output.Durable.RealPath(Path.GetFullPath(path));
        return new(real, real, expectedSha256);
    }

    public static InputItem Url(string url, string? expectedSha256 = null) => new(url, null, expectedSha256);

    /// <summary>A short human name: the file name of the path or of the URL's last segment.</summary>
    public string DisplayName => IsUrl ? InputIdentity.UrlFileName(Identity) : Path.GetFileName(Identity);
}

/// <summary>Rules for telling URLs from paths and naming them.</summary>
public static class InputIdentity
{
    /// <summary>Anything with a scheme (`http:`, `ftp:`, `file:` …) is a URL; only http and https are fetched, others fail at download.</summary>
    public static bool LooksLikeUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc && text.Contains("://", StringComparison.Ordinal);

    /// <summary>The last path segment of a URL, decoded (`.../2025%E5%B9%B4.pdf` → `2025年.pdf`); `download` for a bare host.</summary>
    public static string UrlFileName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "download";
        var segment = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var safe = string.Concat(segment.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return safe.Length == 0 ? "download" : safe;
    }
}
