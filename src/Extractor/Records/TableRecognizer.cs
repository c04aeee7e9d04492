using Extractor.Model;
using Extractor.Recognition;
using Extractor.Text;

namespace Extractor.Records;

/// <summary>Recognition + records for one structured table: its kind, canonical column ids, unit factor and typed records.</summary>
public sealed class TableRecognizer(TableKindCatalog kinds, ColumnCatalog columns)
{
    /// <param name="titled">false for a table built from a grid without a `表N` title: given a kind only by the sentence
    /// above it or its headers (<see cref="TableKindCatalog.RecogniseUntitled"/>)</param>
    /// <param name="cancellationToken">checked before the table is read: a document of thousands of tables stops between two</param>
    public (ExtractedTable Table, Diagnostic? Warning) Recognise(StructuredTable table, bool titled, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kind = (titled ? kinds.Recognise(table.Title.Title) : null)
            ?? kinds.RecogniseUntitled(table.Title.Title, table.Columns.SelectMany(c => c.Path));
        var factor = kind is not null ? UnitParser.FactorToYuan(table.Unit ?? HeaderUnit.Of(table.Columns)) : null;
        var columnIds = table.Columns.Select(columns.ColumnId).ToList();
        // A table whose rows cannot be typed is still emitted with its cells; only its records are dropped, with a warning.
        var failures = new List<Diagnostic>();
        var records = StageGuard.Run(() => RecordBuilder.Build(table, kind, factor, columnIds), [], failures,
            $"records of {table.Title.Label} {table.Title.Title}".TrimEnd(), table.Title.Page);
        var reason = kind is null ? UnrecognisedReason.Of(table, kinds) : null;
        var extracted = new ExtractedTable(table, kind?.Id ?? TableKindCatalog.Unrecognised, kind?.Name, factor, records) { ColumnIds = columnIds, UnrecognisedReason = reason };
        if (failures.Count > 0) return (extracted, failures[0]);
        var warning = kind is not null ? null
            : titled ? new Diagnostic("unrecognised-table", $"{table.Title.Label} {table.Title.Title}: title matches no known table kind ({reason})", table.Title.Page)
            : new Diagnostic("unrecognised-table", $"page {table.Title.Page}: a table without a title matching a known kind ('{table.Title.Title}', {reason})", table.Title.Page);
        return (extracted, warning);
    }
}
