using System.Text;
using DuckDB.NET.Data;
using Extractor.Output;

namespace Extractor.Cli.Warehouse;

/// <summary>
/// The embedded warehouse `extractor.duckdb` in the batch's output folder. Only the coordinating process writes it,
/// one document at a time (calls are serialised): loading a document first removes every row of the same document
/// (same PDF hash, or an earlier version of the same source file), so a re-run replaces rows and never duplicates them.
/// </summary>
public sealed class DuckDbWarehouse : IDisposable
{
    public const string FileName = "extractor.duckdb";

    /// <summary>Bump when a table's columns change: an older file's tables are then dropped and reloaded from the JSON.</summary>
    public const string LayoutVersion = "2";

    private readonly DuckDBConnection _connection;
    private readonly Lock _gate = new();
    private readonly DocumentRows _documents = new();

    public IReadOnlyList<IWarehouseRowSource> Sources { get; }

    /// <summary>The row sources of the standard tables.</summary>
    public static IReadOnlyList<IWarehouseRowSource> StandardSources() =>
        [new DocumentRows(), new FactRows(), new CheckRows(), new SheetRows(), new IndicatorRows(), new CorrectionRows(), new ReviewedTableRows()];

    /// <param name="path">the database file; null for an in-memory database (one document's rows for one file)</param>
    public DuckDbWarehouse(string? path, IReadOnlyList<IWarehouseRowSource>? sources = null)
    {
        Sources = sources ?? StandardSources();
        if (path is not null) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new DuckDBConnection($"Data Source={path ?? ":memory:"}");
        _connection.Open();
        EnsureTables();
    }

    /// <summary>
    /// One document's rows of one table as a file of its own (`NAME.facts.csv`, `NAME.facts.parquet`): an in-memory
    /// database holds them for one COPY, so the file has the warehouse's column types and the export's format.
    /// </summary>
    public static async Task WriteDocumentTableAsync(IWarehouseRowSource source, DocumentOutput output, string path, string format, bool csvBom)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"extractor-{Environment.ProcessId}-{Guid.NewGuid():N}.{format}");
        try
        {
            using (var warehouse = new DuckDbWarehouse(null, [source]))
            {
                warehouse.Append(source.Table, source.Rows(output).ToList());
                warehouse.Copy(source.Table.Name, temp, format, csvBom, sorted: false);
            }
            await AtomicFile.WriteAsync(path, async stream =>
            {
                await using var file = File.OpenRead(temp);
                await file.CopyToAsync(stream);
            });
        }
        finally { File.Delete(temp); }
    }

    private void EnsureTables()
    {
        Execute("CREATE TABLE IF NOT EXISTS warehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
        var layout = Scalar("SELECT value FROM warehouse_meta WHERE key = 'layout'") as string;
        if (layout != LayoutVersion)
        {
            foreach (var source in Sources) Execute($"DROP TABLE IF EXISTS {source.Table.Name}");
            Execute("DELETE FROM warehouse_meta WHERE key = 'layout'");
            Execute($"INSERT INTO warehouse_meta VALUES ('layout', '{LayoutVersion}')");
        }
        foreach (var source in Sources)
            Execute($"CREATE TABLE IF NOT EXISTS {source.Table.Name} ({string.Join(", ", source.Table.Columns.Select(c => $"\"{c.Name}\" {c.SqlType}"))})");
    }

    /// <summary>Whether the warehouse already holds this document as written by this extractor version.</summary>
    public bool Holds(string documentId, string source, string extractorVersion)
    {
        lock (_gate)
        {
            using var command = Command("SELECT count(*) FROM documents WHERE id = $id AND source = $source AND extractor_version = $version AND status = 'ok'",
                ("id", documentId), ("source", source), ("version", extractorVersion));
            return Convert.ToInt64(command.ExecuteScalar()) > 0;
        }
    }

    /// <summary>Replaces the document's rows in every table with the rows its output gives.</summary>
    public void Load(DocumentOutput output)
    {
        // Build every row first: a malformed output fails before the old rows are touched.
        var rows = Sources.Select(s => (s.Table, Rows: s.Rows(output).ToList())).ToList();
        Replace(output.DocumentId, output.Source, rows);
    }

    /// <summary>Records a document that failed: its documents row says why, the other tables hold nothing for it.</summary>
    public void LoadFailure(string? documentId, string source, string error) =>
        Replace(documentId, source, [(_documents.Table, [_documents.Failure(documentId, source, error)])]);

    private void Replace(string? documentId, string source, IReadOnlyList<(WarehouseTable Table, List<object?[]> Rows)> rows)
    {
        lock (_gate)
        {
            Execute("BEGIN TRANSACTION");
            try
            {
                var ids = new List<string>();
                using (var find = Command("SELECT id FROM documents WHERE source = $source AND id IS NOT NULL", ("source", source)))
                using (var reader = find.ExecuteReader())
                    while (reader.Read()) ids.Add(reader.GetString(0));
                if (!string.IsNullOrEmpty(documentId)) ids.Add(documentId);
                using (var clear = Command("DELETE FROM documents WHERE source = $source", ("source", source))) clear.ExecuteNonQuery();
                foreach (var table in Sources.Select(s => s.Table))
                    foreach (var id in ids.Distinct())
                    {
                        using var delete = Command($"DELETE FROM {table.Name} WHERE \"{table.DocumentKey}\" = $id", ("id", id));
                        delete.ExecuteNonQuery();
                    }
                foreach (var (table, tableRows) in rows) Append(table, tableRows);
                Execute("COMMIT");
            }
            catch
            {
                Execute("ROLLBACK");
                throw;
            }
        }
    }

    private void Append(WarehouseTable table, List<object?[]> rows)
    {
        if (rows.Count == 0) return;
        using var appender = _connection.CreateAppender(table.Name);
        foreach (var values in rows)
        {
            if (values.Length != table.Columns.Count)
                throw new InvalidOperationException($"{table.Name}: a row has {values.Length} values for {table.Columns.Count} columns");
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: row.AppendNullValue(); break;
                    case string s: row.AppendValue(s); break;
                    case int i: row.AppendValue(i); break;
                    case bool b: row.AppendValue(b); break;
                    case decimal d: row.AppendValue(d); break;
                    case double x: row.AppendValue(x); break;
                    case DateTime t: row.AppendValue(t); break;
                    default: throw new InvalidOperationException($"{table.Name}: no column type for a {value.GetType().Name}");
                }
            }
            row.EndRow();
        }
    }

    /// <summary>Writes every table as one dataset `DIR/TABLE.parquet|csv|ndjson` (atomically; CSV with a BOM for Excel when asked).</summary>
    public IReadOnlyList<string> Export(string directory, string format, bool csvBom)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        lock (_gate)
        {
            foreach (var table in Sources.Select(s => s.Table))
            {
                var target = Path.Combine(directory, $"{table.Name}.{format}");
                var temp = Path.Combine(directory, $".{table.Name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                Copy(table.Name, temp, format, csvBom, sorted: true);
                File.Move(temp, target, overwrite: true);
                written.Add(target);
            }
        }
        return written;
    }

    /// <summary>Writes one table as parquet (zstd), csv (with a header) or ndjson.</summary>
    /// <param name="sorted">rows in a stable order over all columns (the export of many documents); else as loaded
    /// (one document: its tables and records in the order of the JSON)</param>
    private void Copy(string table, string path, string format, bool csvBom, bool sorted)
    {
        var options = format switch
        {
            "parquet" => "FORMAT parquet, COMPRESSION zstd",
            "csv" => "FORMAT csv, HEADER true",
            "ndjson" => "FORMAT json",
            _ => throw new ArgumentException($"unknown export format {format}"),
        };
        Execute($"COPY (SELECT * FROM {table}{(sorted ? " ORDER BY ALL" : "")}) TO '{path.Replace("'", "''")}' ({options})");
        if (format == "csv" && csvBom) PrependBom(path);
    }

    private static void PrependBom(string path)
    {
        var withBom = path + ".bom";
        using (var output = File.Create(withBom))
        {
            output.Write(Encoding.UTF8.GetPreamble());
            using var input = File.OpenRead(path);
            input.CopyTo(output);
        }
        File.Move(withBom, path, overwrite: true);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private DuckDBCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value));
        return command;
    }

    public void Dispose() => _connection.Dispose();
}
