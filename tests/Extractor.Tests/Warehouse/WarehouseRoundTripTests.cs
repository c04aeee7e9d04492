using System.CommandLine;
using DuckDB.NET.Data;
using Extractor.Cli.Batch;
using Extractor.Cli.Commands;
using Extractor.Cli.Warehouse;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Warehouse;

/// <summary>The batch's extractor.duckdb, opened as a user would: sums, types, text, re-runs, exports, --strict.</summary>
public class WarehouseRoundTripTests
{
    private sealed class Quiet : IBatchProgress
    {
        public void Started(int total, int skipped) { }
        public void Finished(BatchItem item, JournalEntry entry) { }
    }

    private static readonly string[] Pdfs = ["bj-police-2026-budget-tables.pdf", "foshan-rail-transit-2019-final.pdf", "cc-petition-2026-dept-budget.pdf"];

    private static string Input()
    {
        var input = Directory.CreateTempSubdirectory("extractor-wh-in-").FullName;
        foreach (var pdf in Pdfs) File.Copy(Repo.Fixture(Path.Combine("corpus", pdf)), Path.Combine(input, pdf));
        return input;
    }

    internal static List<object?[]> Query(string db, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Σ valueYuan of every record amount in the JSON, per document id.</summary>
    private static Dictionary<string, decimal> RecordSums(string output) =>
        Directory.GetFiles(output, "*.json").Select(f => DocumentOutput.Parse(new StreamReader(f), f)).ToDictionary(o => o.DocumentId,
            o => o.Json["tables"]!.SelectMany(t => t["records"]!).SelectMany(r => ((JObject)r["amounts"]!).Properties())
                .Sum(p => (decimal?)p.Value["valueYuan"] ?? 0m));

    [Fact]
    public async Task Facts_in_the_warehouse_add_up_to_the_records_and_a_rerun_replaces_them()
    {
        var input = Input();
        var output = Directory.CreateTempSubdirectory("extractor-wh-out-").FullName;
        var items = BatchInputs.Find([input]);
        var summary = await BatchRunner.RunAsync(items, new BatchOptions(output, 2, false, TimeSpan.FromSeconds(300)), new Quiet(), CancellationToken.None);
        Assert.Equal(3, summary.Succeeded);
        Assert.Equal(1, summary.ChecksFailed); // cc-petition publishes 表3 subtotals that its items do not add up to
        var db = Path.Combine(output, DuckDbWarehouse.FileName);

        var sums = Query(db, "SELECT document_id, sum(value_yuan) FROM facts GROUP BY document_id").ToDictionary(r => (string)r[0]!, r => (decimal)r[1]!);
        Assert.Equal(RecordSums(output), sums);

        var types = Query(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts'")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DECIMAL(38,6)", types["value"]);
        Assert.Equal("DECIMAL(38,6)", types["value_yuan"]);
        Assert.Equal("VARCHAR", types["row_code"]);

        // bj-police's 三公 total, Chinese text intact.
        var threePublic = Query(db, "SELECT value, value_yuan, table_title, column_path FROM facts WHERE source_file = 'bj-police-2026-budget-tables.pdf' AND table_kind = 'three_public_expenditure' AND column_id = 'three_public'");
        var row = Assert.Single(threePublic);
        Assert.Equal((9957.583785m, 99575837.85m, "财政拨款“三公”经费支出表", "“三公”经费财政拨款预算总额"), ((decimal)row[0]!, (decimal)row[1]!, (string)row[2]!, (string)row[3]!));
        Assert.Empty(Query(db, "SELECT 1 FROM facts WHERE column_path LIKE '%行次'"));

        // Checks and documents agree with the journal.
        var failing = Query(db, "SELECT d.source_file, count(*) FROM checks c JOIN documents d ON d.id = c.document_id WHERE c.outcome = 'fail' GROUP BY d.source_file");
        Assert.Equal("cc-petition-2026-dept-budget.pdf", (string)Assert.Single(failing)[0]!);
        Assert.Equal((long)7, Convert.ToInt64(failing[0][1]));
        Assert.Equal(3, Query(db, "SELECT * FROM documents WHERE extractor_version IS NOT NULL AND status = 'ok'").Count);

        // The README's three first queries run and answer.
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var sql = readme[(readme.IndexOf("```sql\n", StringComparison.Ordinal) + 7)..];
        var queries = sql[..sql.IndexOf("```", StringComparison.Ordinal)].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(q => q.Length > 0).ToList();
        Assert.Equal(3, queries.Count);
        Assert.NotEmpty(Query(db, queries[0]));
        Assert.Equal(7, Query(db, queries[1]).Count);
        Assert.NotEmpty(Query(db, queries[2]));

        // A forced re-run replaces every row; counts stay.
        var before = Query(db, "SELECT (SELECT count(*) FROM facts), (SELECT count(*) FROM checks), (SELECT count(*) FROM documents)")[0];
        await BatchRunner.RunAsync(items, new BatchOptions(output, 2, true, TimeSpan.FromSeconds(300)), new Quiet(), CancellationToken.None);
        Assert.Equal(before, Query(db, "SELECT (SELECT count(*) FROM facts), (SELECT count(*) FROM checks), (SELECT count(*) FROM documents)")[0]);

        // One dataset per table.
        var exported = await BatchRunner.RunAsync(items, new BatchOptions(output, 2, false, TimeSpan.FromSeconds(300), Export: "parquet"), new Quiet(), CancellationToken.None);
        Assert.Equal(3, exported.Skipped);
        Assert.Equal(7, exported.Exported.Count); // documents, facts, checks, sheets, indicators, corrections, reviewed_tables
        var facts = Path.Combine(output, "export", "facts.parquet");
        Assert.Equal(before[0], Query(db, $"SELECT count(*) FROM read_parquet('{facts}')")[0][0]);
        Assert.Equal("DECIMAL(38,6)", Query(db, $"SELECT typeof(value_yuan) FROM read_parquet('{facts}') LIMIT 1")[0][0]);

        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public async Task Documents_done_without_the_warehouse_are_loaded_from_their_json_and_csv_export_has_a_bom()
    {
        var input = Input();
        var output = Directory.CreateTempSubdirectory("extractor-wh-out-").FullName;
        var items = BatchInputs.Find([input]).Take(1).ToList();
        await BatchRunner.RunAsync(items, new BatchOptions(output, 1, false, TimeSpan.FromSeconds(300), Warehouse: false, Export: "ndjson"), new Quiet(), CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(output, DuckDbWarehouse.FileName)));
        Assert.NotEmpty(File.ReadLines(Path.Combine(output, "export", "facts.ndjson")));

        var summary = await BatchRunner.RunAsync(items, new BatchOptions(output, 1, false, TimeSpan.FromSeconds(300), Export: "csv", CsvBom: true), new Quiet(), CancellationToken.None);
        Assert.Equal(1, summary.Skipped);
        var db = Path.Combine(output, DuckDbWarehouse.FileName);
        Assert.Equal(RecordSums(output), Query(db, "SELECT document_id, sum(value_yuan) FROM facts GROUP BY document_id").ToDictionary(r => (string)r[0]!, r => (decimal)r[1]!));
        var csv = File.ReadAllBytes(Path.Combine(output, "export", "facts.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("document_id,source_file,department,year,document_kind,table_kind", System.Text.Encoding.UTF8.GetString(csv[3..200]));

        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public async Task Batch_strict_exits_3_when_a_check_failed()
    {
        var input = Directory.CreateTempSubdirectory("extractor-strict-in-").FullName;
        File.Copy(Repo.Fixture("corpus/cc-petition-2026-dept-budget.pdf"), Path.Combine(input, "cc.pdf"));
        var output = Directory.CreateTempSubdirectory("extractor-strict-out-").FullName;
        var root = new RootCommand { BatchCommand.Create() };
        Assert.Equal(0, await root.Parse(["batch", input, "-o", output, "--no-progress"]).InvokeAsync());
        Assert.Equal(3, await root.Parse(["batch", input, "-o", output, "--no-progress", "--strict"]).InvokeAsync());
        var line = JObject.Parse(File.ReadLines(Path.Combine(output, BatchJournal.FileName)).First());
        Assert.Equal(7, (int)line["checks"]!["fail"]!);
        Assert.Equal(Extractor.Output.ExtractorVersion.Current, (string?)line["extractorVersion"]);
        Assert.Equal(Extractor.Output.JsonDocumentWriter.SchemaVersion, (string?)line["schemaVersion"]);
        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }
}
