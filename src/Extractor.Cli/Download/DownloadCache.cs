using System.Security.Cryptography;
using System.Text;
using Extractor.Output;
using Newtonsoft.Json;

namespace Extractor.Cli.Download;

/// <summary>What the cache knows about one downloaded URL (the `.json` beside the cached PDF).</summary>
public sealed record CachedDownload(string Url, string Sha256, long Size, string? ETag, string? LastModified, DateTime FetchedUtc);

/// <summary>
/// Downloads kept under the output folder (`_downloads/`), one PDF and one metadata file per URL, both named by the
/// SHA-256 of the URL. A resumed batch finds its PDFs here and does not download them again; an entry whose file is
/// missing or whose bytes no longer have the recorded SHA-256 is treated as absent.
/// </summary>
public sealed class DownloadCache(string directory)
{
    public const string FolderName = "_downloads";

    public string Directory { get; } = directory;

    public static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    public string PdfPath(string url) => Path.Combine(Directory, Key(url) + ".pdf");

    private string MetaPath(string url) => Path.Combine(Directory, Key(url) + ".json");

    /// <summary>The cached entry when its file is intact, else null.</summary>
    public CachedDownload? Find(string url)
    {
        var meta = MetaPath(url);
        var pdf = PdfPath(url);
        if (!File.Exists(meta) || !File.Exists(pdf)) return null;
        try
        {
            var entry = JsonConvert.DeserializeObject<CachedDownload>(File.ReadAllText(meta));
            if (entry is null || entry.Url != url) return null;
            using var stream = File.OpenRead(pdf);
            return stream.Length == entry.Size && Convert.ToHexStringLower(SHA256.HashData(stream)) == entry.Sha256 ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    /// <summary>A temporary file in the cache folder for a download in progress.</summary>
    public string NewTempPath()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $".{Guid.NewGuid():N}.part");
    }

    /// <summary>Moves a finished download into place, then records it (the metadata last, so a crash leaves no entry pointing at a half file).</summary>
    public void Store(string tempPath, CachedDownload entry)
    {
        File.Move(tempPath, PdfPath(entry.Url), overwrite: true);
        AtomicFile.Write(MetaPath(entry.Url), JsonConvert.SerializeObject(entry, Formatting.Indented));
    }

    /// <summary>A revalidation answered 304: the same bytes, with the time of the check.</summary>
    public void Touch(CachedDownload entry) =>
        AtomicFile.Write(MetaPath(entry.Url), JsonConvert.SerializeObject(entry with { FetchedUtc = DateTime.UtcNow }, Formatting.Indented));
}
