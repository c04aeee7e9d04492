using Extractor.Geometry;
using Extractor.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;
using NJsonSchema.NewtonsoftJson.Generation;

namespace Extractor.Output;

/// <summary>
/// The JSON Schema (draft-07) of the output contract, generated from the output records with the serializer's own
/// settings, so the schema cannot drift from what is written. It is a contract, not a description: every object is
/// closed, every property the writer always writes is required, a record is exactly one of the record types (a
/// `oneOf` told apart by `type`), and only standard formats appear (numbers are plain JSON numbers).
/// </summary>
public static class OutputSchema
{
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    /// <summary>The concrete record types and the `type` values each one writes.</summary>
    private static readonly (Type Type, string[] Discriminators)[] RecordTypes =
    [
        (typeof(ClassifiedRecord), ["functional", "economic", "project"]),
        (typeof(SummaryRecord), ["summary"]),
        (typeof(ItemRecord), ["item"]),
    ];

    private static readonly HashSet<string> StandardFormats =
        ["date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "uuid", "regex"];

    public static JsonSchema Generate() => JsonSchema.FromJsonAsync(ToJson()).GetAwaiter().GetResult();

    public static string ToJson() => Build().ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";

    private static JObject Build()
    {
        var settings = new NewtonsoftJsonSchemaGeneratorSettings
        {
            SerializerSettings = new JsonSerializerSettings
            {
                ContractResolver = JsonDocumentWriter.Settings.ContractResolver,
                Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
            },
            // A box is written as [left, bottom, right, top] by the contract's one Box converter.
            TypeMappers = { new PrimitiveTypeMapper(typeof(Box), s => { s.Type = JsonObjectType.Array; s.Item = new JsonSchema { Type = JsonObjectType.Number }; }) },
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            SchemaType = SchemaType.JsonSchema,
            FlattenInheritanceHierarchy = true,
            GenerateAbstractProperties = false, // TableRecord's abstract members are each record type's own fields
        };
        var root = JObject.Parse(JsonSchema.FromType<OutputDocument>(settings).ToJson());
        root["$schema"] = Draft;
        root["title"] = "Extractor output";
        root["description"] = $"Extractor document JSON, schemaVersion {JsonDocumentWriter.SchemaVersion}. Amounts are decimals with their printed text; boxes are [left, bottom, right, top] in PDF points.";
        var definitions = (JObject)root["definitions"]!;

        // A record is one of the concrete types; each brings its own definitions (Amount …).
        var branches = new JArray();
        foreach (var (type, discriminators) in RecordTypes)
        {
            var schema = JObject.Parse(JsonSchema.FromType(type, settings).ToJson());
            if (schema["definitions"] is JObject nested)
                foreach (var (name, definition) in nested)
                    if (definitions[name] is null) definitions[name] = definition;
            schema.Remove("definitions");
            schema.Remove("$schema");
            schema.Remove("title");
            schema["properties"]!["type"] = new JObject { ["type"] = "string", ["enum"] = new JArray(discriminators) };
            definitions[type.Name] = schema;
            branches.Add(new JObject { ["$ref"] = $"#/definitions/{type.Name}" });
        }
        definitions[nameof(TableRecord)] = new JObject
        {
            ["description"] = "A typed row, one of the record types told apart by `type`: functional, economic and project rows classified by code, summary lines, items (三公, carry-over). Amounts are keyed by column path; a path that repeats an earlier column's gets #2, #3 ….",
            ["oneOf"] = branches,
        };

        var types = typeof(OutputDocument).Assembly.GetTypes().Where(t => t.IsClass).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
        Close(root, typeof(OutputDocument));
        foreach (var (name, definition) in definitions)
            if (definition is JObject schema && types.TryGetValue(name, out var type)) Close(schema, type);
        Clean(root);
        return root;
    }

    /// <summary>No undeclared properties; every property required except those the writer leaves out when null.</summary>
    private static void Close(JObject schema, Type type)
    {
        if (schema["properties"] is not JObject properties) return;
        schema["additionalProperties"] = false;
        var contract = JsonDocumentWriter.Settings.ContractResolver!.ResolveContract(type) as JsonObjectContract;
        var optional = contract?.Properties.Where(p => p.NullValueHandling == NullValueHandling.Ignore).Select(p => p.PropertyName).ToHashSet() ?? [];
        schema["required"] = new JArray(properties.Properties().Select(p => p.Name).Where(n => !optional.Contains(n)));
    }

    /// <summary>Drops .NET-specific keywords (`format: int32/decimal/double`, `x-abstract`) that other validators refuse.</summary>
    private static void Clean(JToken token)
    {
        if (token is JObject o)
        {
            if (o["format"] is JValue { Type: JTokenType.String } f && !StandardFormats.Contains((string)f!)) o.Remove("format");
            o.Remove("x-abstract");
            foreach (var p in o.Properties().ToList()) Clean(p.Value);
        }
        else if (token is JArray a) foreach (var item in a) Clean(item);
    }
}
