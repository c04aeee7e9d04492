using Extractor.Model;
using Newtonsoft.Json.Converters;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.NewtonsoftJson.Generation;

namespace Extractor.Output;

/// <summary>
/// The JSON Schema of the output contract, generated from the output records with the serializer's own settings, so
/// the schema cannot drift from what is written. Objects are closed (no undeclared properties), except typed records,
/// which are open so that each record type (functional, economic, project, summary, item) can add its fields.
/// </summary>
public static class OutputSchema
{
    public static JsonSchema Generate()
    {
        var settings = new NewtonsoftJsonSchemaGeneratorSettings
        {
            SerializerSettings = new Newtonsoft.Json.JsonSerializerSettings
            {
                ContractResolver = JsonDocumentWriter.Settings.ContractResolver,
                Converters = { new StringEnumConverter() },
            },
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            SchemaType = SchemaType.JsonSchema,
            FlattenInheritanceHierarchy = true,
            GenerateAbstractProperties = false, // TableRecord's abstract members are each record type's own fields
        };
        var schema = JsonSchema.FromType<OutputDocument>(settings);
        schema.Title = "Extractor output";
        schema.Description = $"Extractor document JSON, schemaVersion {JsonDocumentWriter.SchemaVersion}. Amounts are decimals with their printed text; boxes are [left, bottom, right, top] in PDF points.";
        foreach (var (name, definition) in schema.Definitions)
        {
            var open = name == nameof(TableRecord);
            definition.ActualSchema.AllowAdditionalProperties = open;
            if (open) definition.ActualSchema.Description = "A typed row; `type` is functional, economic, project, summary or item, and each type adds its own fields (codes, name, amounts keyed by column path; a path that repeats an earlier column's gets #2, #3 …).";
        }
        schema.AllowAdditionalProperties = false;
        return schema;
    }

    public static string ToJson() => Generate().ToJson(Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n") + "\n";
}
