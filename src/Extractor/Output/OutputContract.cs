using System.Reflection;
using Extractor.Geometry;
using Extractor.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Extractor.Output;

/// <summary>
/// How the domain records are written into the JSON contract, in one place, so that Model/ carries no serializer
/// attributes and the records that already have the contract's shape (amounts, table records, checks, sheet lines)
/// are written as they are instead of through a copy: names camelCase; a <see cref="Box"/> as
/// <c>[left, bottom, right, top]</c> (<see cref="BoxConverter"/>); enums as camelCase strings (`"rounding"`); members
/// that are derived from the others (get-only: <c>RowLabel</c>, <c>IsTableTotal</c>, <c>Shape</c>, <c>ShareValue</c>) left out.
/// </summary>
public sealed class OutputContractResolver : CamelCasePropertyNamesContractResolver
{
    public static OutputContractResolver Instance { get; } = new();

    /// <summary>Members that are not data of their type although they can be set (an item row has no code).</summary>
    private static readonly HashSet<(Type, string)> NotData = [(typeof(ItemRecord), nameof(ItemRecord.Code))];

    /// <summary>Members written only when they have a value: those of one sheet kind only (self-evaluation, list form).</summary>
    private static readonly HashSet<(Type, string)> OmittedWhenNull =
    [
        (typeof(IndicatorRecord), nameof(IndicatorRecord.Project)), (typeof(IndicatorRecord), nameof(IndicatorRecord.PeriodTarget)),
        (typeof(IndicatorRecord), nameof(IndicatorRecord.Actual)), (typeof(IndicatorRecord), nameof(IndicatorRecord.Score)),
        (typeof(IndicatorRecord), nameof(IndicatorRecord.Deviation)), (typeof(SheetSummary), nameof(SheetSummary.GoalOutcome)),
        (typeof(ItemRecord), nameof(ItemRecord.Unit)),
    ];

    protected override IList<JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization)
    {
        var all = base.CreateProperties(type, memberSerialization);
        var properties = ProvenanceFlattened(all
            .Where(p => p.Writable && !NotData.Contains((p.DeclaringType!, p.UnderlyingName!)) && !NotData.Contains((type, p.UnderlyingName!)))
            .ToList(), all);
        foreach (var p in properties)
            if (OmittedWhenNull.Contains((type, p.UnderlyingName!))) p.NullValueHandling = NullValueHandling.Ignore;
        return type.Namespace == typeof(Amount).Namespace ? BoxAfterOwnFields(type, properties) : properties;
    }

    /// <summary>
    /// A <see cref="Provenance"/> member (`At`) is written as the flat `"page"`, `"box"` of schema 2.0, in its place, from
    /// the record's forwarding <c>Page</c>/<c>Box</c> properties (get-only, so left out above).
    /// </summary>
    private static List<JsonProperty> ProvenanceFlattened(List<JsonProperty> properties, IList<JsonProperty> all)
    {
        var at = properties.FindIndex(p => p.PropertyType == typeof(Provenance) || p.PropertyType == typeof(Provenance?));
        if (at < 0) return properties;
        var page = all.Single(p => p.UnderlyingName == nameof(Provenance.Page));
        var box = all.Single(p => p.UnderlyingName == nameof(Provenance.Box));
        properties.RemoveAt(at);
        properties.InsertRange(at, [page, box]);
        return properties;
    }

    /// <summary>
    /// In a domain record, the box closes the fields the record is constructed from (`…, "page", "row", "column", "box"` of an amount), ahead
    /// of the members set after construction (`"columnId"`): the field order of schema 2.0. Output DTOs are written in
    /// their declaration order.
    /// </summary>
    private static IList<JsonProperty> BoxAfterOwnFields(Type type, List<JsonProperty> properties)
    {
        var box = properties.FindIndex(p => p.PropertyType == typeof(Box) || p.PropertyType == typeof(Box?));
        if (box < 0) return properties;
        var parameters = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length)?
            .GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var lastOwn = properties.FindLastIndex(p => parameters.Contains(p.UnderlyingName!));
        if (lastOwn <= box) return properties;
        var moved = properties[box];
        properties.RemoveAt(box);
        properties.Insert(lastOwn, moved);
        return properties;
    }
}

/// <summary>A <see cref="Box"/> (or a nullable one) as <c>[left, bottom, right, top]</c> in PDF points, rounded to 0.01 (<see cref="Box.ToArray"/>).</summary>
public sealed class BoxConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(Box) || objectType == typeof(Box?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not Box box) { writer.WriteNull(); return; }
        writer.WriteStartArray();
        // The values of Box.ToArray, written without the array: every cell and line has a box.
        writer.WriteValue(Math.Round(box.Left, 2));
        writer.WriteValue(Math.Round(box.Bottom, 2));
        writer.WriteValue(Math.Round(box.Right, 2));
        writer.WriteValue(Math.Round(box.Top, 2));
        writer.WriteEndArray();
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null) return objectType == typeof(Box?) ? null : throw new JsonSerializationException("a box cannot be null");
        var v = serializer.Deserialize<double[]>(reader) ?? throw new JsonSerializationException("a box is an array [left, bottom, right, top]");
        return v.Length == 4 ? new Box(v[0], v[1], v[2], v[3]) : throw new JsonSerializationException($"a box has 4 numbers, not {v.Length}");
    }
}

/// <summary>The converters of the contract: boxes as arrays, enums as camelCase strings.</summary>
public static class OutputConverters
{
    public static IList<JsonConverter> All { get; } = [new BoxConverter(), new StringEnumConverter(new CamelCaseNamingStrategy())];
}
