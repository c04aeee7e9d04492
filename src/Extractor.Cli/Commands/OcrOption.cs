using System.CommandLine;
using Extractor.Ocr;

namespace Extractor.Cli.Commands;

/// <summary>`--ocr auto|always|never` of extract and batch (README, Scanned documents).</summary>
public static class OcrOption
{
    public const string DefaultMode = "auto";

    public static Option<string> Create()
    {
        var option = new Option<string>("--ocr")
        {
            Description = "OCR pages without a usable text layer (auto, default), every page (always), or none (never: a scanned document is an error)",
            DefaultValueFactory = _ => DefaultMode,
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    public static OcrOptions Options(string? mode) => new(OcrOptions.ParseMode(mode ?? DefaultMode));
}
