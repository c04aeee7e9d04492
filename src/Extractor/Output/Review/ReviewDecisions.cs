using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Extractor.Output.Review;

/// <summary>A table the reviewer checked against the printed page. Index is the table's position in the output's tables[].</summary>
public sealed record VerifiedTable(int Index, int? Number, string Kind);

/// <summary>
/// A value the reviewer marked wrong: the cell (table index, row, column as in the output's rows[][]), the text that
/// was extracted there when she looked, and the correct printed value.
/// </summary>
public sealed record CellCorrection(int Table, int? Number, string Kind, int Row, int Column, string Extracted, string Corrected, string? Note);

/// <summary>
/// The reviewer's decisions for one document: `NAME.review.json` beside `NAME.json` (format `extractor-review`,
/// version 1; see README "Review decisions"). Saved by the review page, read by `batch` and the warehouse.
/// </summary>
public sealed record ReviewDecisions(
    string Format,
    int Version,
    string SourceFile,
    string Sha256,
    string? Reviewer,
    DateTime? SavedUtc,
    IReadOnlyList<VerifiedTable> Verified,
    IReadOnlyList<CellCorrection> Corrections)
{
    public const string FormatName = "extractor-review";
    public const int CurrentVersion = 1;
    public const string Suffix = ".review.json";

    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    };

    /// <summary>The decisions file that belongs beside an output `DIR/NAME.json`.</summary>
    public static string PathBeside(string outputDirectory, string outputBase) => Path.Combine(outputDirectory, outputBase + Suffix);

    public string Serialize() => JsonConvert.SerializeObject(this, Settings);

    /// <exception cref="FormatException">not a decisions file of a version this reader knows, with the reason</exception>
    public static ReviewDecisions Parse(string json)
    {
        JObject root;
        try { root = JObject.Parse(json); }
        catch (JsonException e) { throw new FormatException($"not JSON ({e.Message})", e); }
        if ((string?)root["format"] != FormatName) throw new FormatException($"not a review decisions file (format is not \"{FormatName}\")");
        var version = root["version"]?.Type == JTokenType.Integer ? (int)root["version"]! : -1;
        if (version != CurrentVersion) throw new FormatException($"review decisions version {root["version"]} is not supported (this reader knows {CurrentVersion})");
        try
        {
            var decisions = root.ToObject<ReviewDecisions>(JsonSerializer.Create(Settings))!;
            return decisions with { Verified = decisions.Verified ?? [], Corrections = decisions.Corrections ?? [] };
        }
        catch (JsonException e) { throw new FormatException($"malformed review decisions ({e.Message})", e); }
    }

    /// <summary>Reads `path`; null when there is no such file.</summary>
    /// <exception cref="FormatException">the file exists but is not a readable decisions file; the message names it</exception>
    public static ReviewDecisions? ReadIfExists(string path)
    {
        if (!File.Exists(path)) return null;
        try { return Parse(File.ReadAllText(path)); }
        catch (FormatException e) { throw new FormatException($"{path}: {e.Message}", e); }
    }
}
