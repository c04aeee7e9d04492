using Extractor.Output;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Output;

public class OutputContractTests
{
    private const string Pdf = "urumqi-port-office-2025.office.pdf";

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var committed = File.ReadAllText(Path.Combine(Repo.Root, "schema", "extractor-output.schema.json")).Replace("\r\n", "\n");
        Assert.True(committed == OutputSchema.ToJson(),
            "schema/extractor-output.schema.json is stale: regenerate it with `dotnet run --project src/Extractor.Cli -- schema > schema/extractor-output.schema.json`");
    }

    [Fact]
    public void Output_validates_against_the_schema()
    {
        var json = JsonDocumentWriter.Serialize(DocumentCache.Get(Pdf));
        var errors = OutputSchema.Generate().Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Json_keeps_the_contract_fields_and_exact_decimals()
    {
        var json = JObject.Parse(JsonDocumentWriter.Serialize(DocumentCache.Get(Pdf)));
        Assert.Equal(JsonDocumentWriter.SchemaVersion, (string?)json["schemaVersion"]);
        Assert.Equal(Pdf, (string?)json["document"]!["sourceFile"]);
        var t2 = json["tables"]!.Single(t => (int?)t["number"] == 2);
        Assert.Equal("income_summary", (string?)t2["kind"]);
        Assert.Equal([3], t2["pages"]!.Select(p => (int)p));
        Assert.Equal("9,651.89", (string?)t2["rows"]![0]![4]);
        var cell = t2["cells"]![0]![4]!;
        Assert.Equal(3, (int)cell["page"]!);
        Assert.Equal(4, cell["box"]!.Count());
        var total = t2["records"]!.First(r => (int?)r["level"] == 0);
        var amount = total["amounts"]!["总计"]!;
        Assert.Equal("9651.89", amount["value"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("9,651.89", (string?)amount["text"]);
    }

    [Fact]
    public void Facts_hold_every_amount_of_every_table_once()
    {
        var document = DocumentCache.Get(Pdf);
        var truth = Repo.Truth("urumqi-port-office-2025.truth.json");
        var facts = FactsCsvWriter.Facts(document).ToList();

        // Expected: every amount-looking body cell of the truth, outside the code columns.
        var expected = 0;
        foreach (JObject table in (JArray)truth["tables"]!)
        {
            var names = ((JArray)table["columns"]!).Select(c => (string)c["name"]!).ToList();
            foreach (JArray row in (JArray)table["rows"]!)
                for (var c = 0; c < row.Count; c++)
                    if (names[c] is not ("类" or "款" or "项") && Extractor.Text.AmountParser.TryParse((string?)row[c], out _)) expected++;
        }
        Assert.Equal(expected, facts.Count);
        var fact = facts.Single(f => f.TableNumber == 6 && f.RowCode == "30101" && f.ColumnPath.EndsWith("合计"));
        Assert.Equal((54.59m, "54.59", 545900m, "基本工资"), (fact.Value, fact.Printed, fact.ValueYuan!.Value, fact.RowLabel));

        var csv = FactsCsvWriter.ToCsv(document).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(facts.Count + 1, csv.Length);
        Assert.Equal(string.Join(",", FactsCsvWriter.Header), csv[0]);
        Assert.Contains(csv, l => l.Contains("\"9,651.89\",9651.89,96518900.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-out-").FullName;
        var path = Path.Combine(dir, "a.json");
        AtomicFile.Write(path, "first");
        AtomicFile.Write(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["a.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Directory.Delete(dir, true);
    }
}

public class FactsParquetTests
{
    [Fact]
    public async Task Parquet_facts_round_trip_with_exact_decimals()
    {
        var document = DocumentCache.Get("urumqi-port-office-2025.chromium.pdf");
        var expected = FactsCsvWriter.Facts(document).ToList();
        using var stream = new MemoryStream();
        await FactsParquetWriter.WriteAsync(stream, document);
        stream.Position = 0;
        var back = (await Parquet.Serialization.ParquetSerializer.DeserializeAsync<FactsParquetWriter.FactRow>(stream)).Data;
        Assert.Equal(expected.Count, back.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Value, back[i].Value);
            Assert.Equal(expected[i].ValueYuan, back[i].ValueYuan);
            Assert.Equal(expected[i].Printed, back[i].Printed);
            Assert.Equal(expected[i].ColumnPath, back[i].ColumnPath);
        }
    }
}
