using System.Reflection;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json;

namespace Extractor.Recognition;

/// <summary>
/// Canonical column ids from header aliases (embedded data file <c>column-aliases.json</c>): each header on a column's
/// path maps to a segment id, and the column id joins them top down (`当年预算/基本支出/人员经费` →
/// `current_year.basic.personnel`). A path with any unknown header gets no id.
/// </summary>
public sealed partial class ColumnCatalog
{
    private sealed record Segment(string Id, List<string> Aliases);
    private sealed record FileModel(List<Segment> Segments);

    private readonly Dictionary<string, string> _segmentIds;

    private ColumnCatalog(Dictionary<string, string> segmentIds) => _segmentIds = segmentIds;

    public static ColumnCatalog Default { get; } = Load();

    [GeneratedRegex(@"^(19|20)\d{2}年度?")]
    private static partial Regex YearPrefix();

    private static ColumnCatalog Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("column-aliases.json")
            ?? throw new InvalidOperationException("column-aliases.json is not embedded");
        using var reader = new StreamReader(stream);
        var model = JsonConvert.DeserializeObject<FileModel>(reader.ReadToEnd()) ?? throw new InvalidOperationException("empty column catalogue");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in model.Segments)
            foreach (var alias in segment.Aliases)
                ids[HeaderKey(alias)] = segment.Id;
        return new ColumnCatalog(ids);
    }

    /// <summary>The segment id of one header text, or null when the header is not in the catalogue.</summary>
    public string? SegmentId(string header) => _segmentIds.GetValueOrDefault(HeaderKey(header));

    /// <summary>The canonical id of a column, or null when one of its headers is unknown (or it has none).</summary>
    public string? ColumnId(Column column)
    {
        if (column.Path.Count == 0) return null;
        var parts = new List<string>(column.Path.Count);
        foreach (var header in column.Path)
        {
            if (SegmentId(header) is not { } id) return null;
            if (id.Length > 0) parts.Add(id); // connective headers such as `其中：` add nothing
        }
        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    /// <summary>A header's key without its year (`2025年预算数` = `预算数`).</summary>
    private static string HeaderKey(string header) => YearPrefix().Replace(TextNormalizer.Key(header), "");
}
