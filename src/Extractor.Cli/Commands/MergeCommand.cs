using System.CommandLine;
using Extractor.Cli.Merge;

namespace Extractor.Cli.Commands;

/// <summary>
/// `merge SHARD_DIR… -o DIR`: the output folders of `batch --shard i/n` runs as one folder (outputs, one journal
/// and one warehouse, unless `--no-warehouse`).
/// Exit 0 when merged, 1 when the warehouse cannot be built, 2 when a shard folder is missing, 5 when two shards wrote different files under one name.
/// </summary>
public static class MergeCommand
{
    public const int Conflicts = 5;

    public static Command Create()
    {
        var shards = new Argument<string[]>("shards") { Description = "Output folders of the shards", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The merged output folder", Required = true };
        var noWarehouse = new Option<bool>("--no-warehouse") { Description = $"Do not build the merged {Warehouse.DuckDbWarehouse.FileName}" };
        var command = new Command("merge", "Combine the output folders of sharded batch runs into one") { shards, output, noWarehouse };
        command.SetAction(parse =>
        {
            MergeSummary summary;
            try { summary = ShardMerger.Merge(parse.GetValue(shards)!, parse.GetValue(output)!.FullName); }
            catch (DirectoryNotFoundException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }
            foreach (var conflict in summary.Conflicts) Console.Error.WriteLine($"conflict: {conflict}");
            Console.Error.WriteLine($"merge: {summary.Shards} shards, {summary.Documents} documents in the journal, {summary.Files} files copied");
            if (!parse.GetValue(noWarehouse))
            {
                try { Console.Error.WriteLine($"merge: {MergedWarehouse.Build(parse.GetValue(output)!.FullName)} documents in the warehouse"); }
                catch (Exception e) when (e is IOException or Newtonsoft.Json.JsonException or DuckDB.NET.Data.DuckDBException)
                { Console.Error.WriteLine($"error: warehouse: {e.Message}"); return 1; }
            }
            return summary.Conflicts.Count > 0 ? Conflicts : 0;
        });
        return command;
    }
}
