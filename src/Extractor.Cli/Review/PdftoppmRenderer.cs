using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.Output.Review;

namespace Extractor.Cli.Review;

/// <summary>
/// Rasterises pages with poppler's `pdftoppm` (found on PATH) in 8-bit gray, then, when `cwebp` is on PATH too,
/// encodes them as lossless WebP (about a tenth of pdftoppm's PNG for a text page; lossless keeps every digit sharp);
/// otherwise as gray PNG. Pages come in the displayed orientation of the media box (/Rotate applied), the frame the
/// extraction's boxes are in.
/// </summary>
public sealed class PdftoppmRenderer : IPageRenderer
{
    /// <summary>110 dpi: a 9 pt amount is 14 px high, readable at the fitted size and sharp when zoomed.</summary>
    public const int DefaultDpi = 110;

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);
    private readonly string? _pdftoppm;
    private readonly string? _cwebp;
    private readonly int _dpi;

    public PdftoppmRenderer(int dpi = DefaultDpi, string? pdftoppm = null, string? cwebp = null)
    {
        _dpi = Math.Clamp(dpi, 36, 600);
        _pdftoppm = pdftoppm ?? FindOnPath("pdftoppm");
        _cwebp = cwebp ?? FindOnPath("cwebp");
    }

    public string? Unavailable => _pdftoppm is null || !File.Exists(_pdftoppm)
        ? "Pages are redrawn from the text layer only: the rendered page needs poppler's pdftoppm on PATH (Debian/Ubuntu: apt-get install poppler-utils; optionally webp for smaller images), then run review again."
        : null;

    /// <summary>"webp" or "png": what this machine's tools give.</summary>
    public string Format => _cwebp is not null && File.Exists(_cwebp) ? "webp" : "png";

    public IReadOnlyDictionary<int, PageImage> Render(string path, IReadOnlyCollection<int> pages, CancellationToken cancel = default)
    {
        var result = new Dictionary<int, PageImage>();
        if (Unavailable is not null || pages.Count == 0) return result;
        var temp = Directory.CreateTempSubdirectory("extractor-review-");
        try
        {
            var webp = Format == "webp";
            foreach (var (first, last) in Runs(pages))
            {
                cancel.ThrowIfCancellationRequested();
                var prefix = Path.Combine(temp.FullName, $"r{first}");
                var args = new List<string> { "-r", _dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", $"{first}", "-l", $"{last}" };
                if (!webp) args.Add("-png");
                args.AddRange([path, prefix]);
                Run(_pdftoppm!, args, cancel); // a page it cannot draw is simply missing below; the report falls back to the text layer
            }
            var rendered = temp.EnumerateFiles(webp ? "r*.pgm" : "r*.png")
                .Select(f => (File: f, Page: PageNumberOf(f.Name)))
                .Where(x => x.Page is not null && pages.Contains(x.Page.Value)).ToList();
            var images = new PageImage?[rendered.Count];
            Parallel.For(0, rendered.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, i =>
            {
                var (file, page) = rendered[i];
                images[i] = webp ? Webp(file.FullName, page!.Value, cancel) : Png(file.FullName, page!.Value);
            });
            foreach (var image in images) if (image is not null) result[image.Page] = image;
        }
        finally
        {
            try { temp.Delete(recursive: true); } catch (IOException) { /* a temp folder left behind is harmless */ }
        }
        return result;
    }

    private PageImage? Webp(string pgm, int page, CancellationToken cancel)
    {
        var (width, height) = PgmSize(pgm);
        var output = Path.ChangeExtension(pgm, ".webp");
        if (!Run(_cwebp!, ["-quiet", "-lossless", "-z", "6", "-metadata", "none", pgm, "-o", output], cancel) || !File.Exists(output)) return null;
        return new PageImage(page, "webp", File.ReadAllBytes(output), width, height);
    }

    private static PageImage? Png(string png, int page)
    {
        var bytes = File.ReadAllBytes(png);
        if (bytes.Length < 24) return null;
        int BigEndian(int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
        return new PageImage(page, "png", bytes, BigEndian(16), BigEndian(20));
    }

    /// <summary>Width and height from a binary PGM header (`P5 W H MAX`, comments allowed).</summary>
    private static (int Width, int Height) PgmSize(string path)
    {
        using var stream = File.OpenRead(path);
        var fields = new List<string>();
        var token = new StringBuilder();
        while (fields.Count < 4)
        {
            var b = stream.ReadByte();
            if (b < 0) break;
            if (b == '#') { while (b is not ('\n' or -1)) b = stream.ReadByte(); continue; }
            if (char.IsWhiteSpace((char)b)) { if (token.Length > 0) { fields.Add(token.ToString()); token.Clear(); } continue; }
            token.Append((char)b);
        }
        return fields.Count >= 3 && fields[0] == "P5" ? (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture)) : (0, 0);
    }

    /// <summary>pdftoppm names its files PREFIX-N with N zero-padded to the width of the last page number.</summary>
    private static int? PageNumberOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var dash = stem.LastIndexOf('-');
        return dash >= 0 && int.TryParse(stem[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static IEnumerable<(int First, int Last)> Runs(IReadOnlyCollection<int> pages)
    {
        var sorted = pages.Where(p => p > 0).Distinct().Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            yield return (sorted[i], sorted[j]);
            i = j + 1;
        }
    }

    private static bool Run(string tool, IEnumerable<string> args, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start);
        if (process is null) return false;
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        if (!process.WaitForExit(ToolTimeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return false;
        }
        Task.WaitAll([stderr, stdout], cancel);
        return process.ExitCode == 0;
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
