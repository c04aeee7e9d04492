namespace Extractor.Ocr;

/// <summary>Which pages are read by OCR.</summary>
public enum OcrMode
{
    /// <summary>No OCR: a page without a usable text layer stays without text (a wholly scanned document is an error).</summary>
    Never,
    /// <summary>Only pages without a usable text layer (none, or glyphs that do not decode); text-layer pages are kept.</summary>
    Auto,
    /// <summary>Every page, also those with a text layer.</summary>
    Always,
}

/// <summary>How scanned pages are read (tesseract as an external process over pdftoppm's rendering).</summary>
/// <param name="Mode">which pages are OCR'd</param>
/// <param name="Dpi">rendering resolution: 300 dpi gives tesseract ~35 px per 9 pt line, which it reads best</param>
/// <param name="Languages">tesseract's `-l` (models must be installed: tesseract-ocr-chi-sim)</param>
/// <param name="TesseractPath">the tesseract executable; null = env EXTRACTOR_TESSERACT, else `tesseract` on PATH</param>
/// <param name="Workers">pages OCR'd at once (each is a tesseract process)</param>
/// <param name="MaxPages">pages of one document that may be OCR'd; further pages keep their problem (bounds the cost of a hostile file)</param>
/// <param name="PageTimeout">time one page may take; a page over it is a warning, not the end of the document</param>
/// <param name="LowConfidence">tesseract confidence (0–100) below which a value is marked `lowConfidence` and, for an
/// amount no passing check covers, its table `needsReview`. Default 80: on the seed's 150 dpi scan every misread cell
/// scored under it; correct Chinese words score anywhere from 0 to 97 (tesseract segments Chinese words badly), so a
/// higher value flags more correct text without catching more errors.</param>
/// <param name="CellLanguages">`-l` of the second reading of a cell first read as text (Chinese, or Latin letters without digits): with `+eng`, tesseract takes Chinese for Latin and digits (培训费 → `HEIR`, （室） → `（38）`)</param>
public sealed record OcrOptions(
    OcrMode Mode = OcrMode.Never,
    int Dpi = 300,
    string Languages = "chi_sim+eng",
    string? TesseractPath = null,
    int Workers = 0,
    int MaxPages = 300,
    TimeSpan? PageTimeout = null,
    string CellLanguages = "chi_sim",
    double LowConfidence = OcrOptions.DefaultLowConfidence)
{
    public const string TesseractVariable = "EXTRACTOR_TESSERACT";

    /// <summary>The default of <see cref="LowConfidence"/>.</summary>
    public const double DefaultLowConfidence = 80;

    public static OcrOptions Never { get; } = new();
    public static OcrOptions Auto { get; } = new(OcrMode.Auto);

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
    public TimeSpan EffectivePageTimeout => PageTimeout ?? TimeSpan.FromMinutes(2);

    /// <summary>The tesseract to run: the option, else the environment variable, else PATH.</summary>
    public string Tesseract => TesseractPath ?? (Environment.GetEnvironmentVariable(TesseractVariable) is { Length: > 0 } env ? env : "tesseract");

    public static OcrMode ParseMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => OcrMode.Auto,
        "always" => OcrMode.Always,
        "never" => OcrMode.Never,
        _ => throw new ArgumentException($"--ocr must be auto, always or never, not `{text}`"),
    };
}
