namespace Extractor.Cli.Batch;

/// <summary>
/// The order in which a batch hands its documents to the workers. With more than one worker the largest files go
/// first (size on disk: the only cost known before a file is opened), so a long document does not start last and
/// leave the other workers idle at the end — by name, the corpus' 328-page `zhuhai-drug-procurement-list-kangxi`
/// (1.9 MB, ~2 s of one core) came last. Inputs of unknown size (URLs, vanished files) follow in their own order.
/// One worker keeps the input order, whose progress a user can follow.
/// </summary>
public static class WorkOrder
{
    public static List<BatchItem> For(IReadOnlyList<BatchItem> items, int jobs) =>
        jobs <= 1 ? [.. items] : [.. items.OrderByDescending(SizeOf)]; // a stable sort: equal sizes keep their order

    private static long SizeOf(BatchItem item)
    {
        if (item.Input.IsUrl || item.Input.LocalPath is not { } path) return -1;
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? file.Length : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return -1; }
    }
}
