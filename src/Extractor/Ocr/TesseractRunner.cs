using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Extractor.Ocr;

/// <summary>One word as tesseract read it: where it starts and ends (pixels), its confidence (0–100).</summary>
public sealed record OcrWord(string Text, int Left, int Right, double Confidence)
{
    /// <summary>Top and bottom edge (pixels): right for one character, often the line's extent for a word of several.</summary>
    public int Top { get; init; }
    public int Bottom { get; init; }
}

/// <summary>
/// One text line as tesseract read it, in the pixels of image <see cref="Image"/> (0-based index into the images
/// given). A word's left edge is reliable, its right edge not: in Chinese lines tesseract 5 may box a word up to the line's end
/// (in `1.一般公共预算拨款`, `.一般` spans the whole line).
/// </summary>
public sealed record OcrLine(int Image, int Left, int Top, int Width, int Height, IReadOnlyList<OcrWord> Words)
{
    public int Right => Left + Width;
    public int Bottom => Top + Height;
}

/// <summary>Raised when an external tool of the OCR (tesseract, pdftoppm) cannot be run or fails.</summary>
public sealed class OcrException(string message) : Exception(message);

/// <summary>
/// Runs external tools with a deadline. tesseract is given many images in one run (a list file: the model loads
/// once, ~0.4 s) and answers TSV (level 5 = word, page_num = which image).
/// </summary>
public static class TesseractRunner
{
    /// <summary>Page segmentation modes used: one text line, one block (a multi-line cell), automatic (a page).</summary>
    public const int SingleLine = 7, SingleBlock = 6, Automatic = 3;

    public static IReadOnlyList<OcrLine> Recognise(IReadOnlyList<string> imagePaths, int psm, OcrOptions options, string workDir, string? extraConfig,
        CancellationToken cancellationToken)
    {
        if (imagePaths.Count == 0) return [];
        var list = Path.Combine(workDir, $"list-{psm}-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(list, imagePaths);
        List<string> args = [list, "stdout", "-l", options.Languages, "--psm", psm.ToString(CultureInfo.InvariantCulture),
            "--dpi", options.Dpi.ToString(CultureInfo.InvariantCulture), "-c", "preserve_interword_spaces=1"];
        if (extraConfig is not null) args.AddRange(["-c", extraConfig]);
        args.Add("tsv");
        var tsv = Run(options.Tesseract, args, options.EffectivePageTimeout, cancellationToken);
        return ParseTsv(tsv);
    }

    public static IReadOnlyList<OcrLine> ParseTsv(string tsv)
    {
        var lines = new List<OcrLine>();
        List<OcrWord>? words = null;
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] is not ("4" or "5")) continue;
            int I(int k) => int.Parse(f[k], CultureInfo.InvariantCulture);
            if (f[0] == "4")
            {
                words = [];
                lines.Add(new OcrLine(I(1) - 1, I(6), I(7), I(8), I(9), words));
                continue;
            }
            var text = f[11].Trim();
            if (text.Length > 0 && words is not null) words.Add(new OcrWord(text, I(6), I(6) + I(8), double.Parse(f[10], CultureInfo.InvariantCulture)) { Top = I(7), Bottom = I(7) + I(9) });
        }
        return lines.Where(l => l.Words.Count > 0).ToList();
    }

    /// <summary>Runs a tool and returns its standard output; a non-zero exit, a missing tool or the deadline is an <see cref="OcrException"/>.</summary>
    public static string Run(string tool, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        // pages run in parallel: one thread per tesseract, or its OpenMP threads fight each other
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try { process = Process.Start(info) ?? throw new OcrException($"{tool} could not be started"); }
        catch (Win32Exception e) { throw new OcrException($"{tool} not found ({e.Message}): install tesseract-ocr and tesseract-ocr-chi-sim, or set {OcrOptions.TesseractVariable}"); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try { process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancellationToken.ThrowIfCancellationRequested();
                throw new OcrException($"{Path.GetFileName(tool)} took longer than {timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0)
            {
                var error = stderr.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
                throw new OcrException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {error}");
            }
            return stdout.GetAwaiter().GetResult();
        }
    }
}
