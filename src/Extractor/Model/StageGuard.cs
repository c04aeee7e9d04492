namespace Extractor.Model;

/// <summary>
/// Keeps one failing part (a page, a table, a sheet, a paragraph, a rule) from taking down its document: the failure
/// becomes a warning naming the part and its page, and the stage goes on without it.
/// </summary>
public static class StageGuard
{
    public const string Code = "stage-failed";

    /// <summary>The value of <paramref name="work"/>, or <paramref name="fallback"/> with a warning when it throws.</summary>
    public static T Run<T>(Func<T> work, T fallback, ICollection<Diagnostic> warnings, string what, int page)
    {
        try { return work(); }
        catch (Exception e) when (IsRecoverable(e))
        {
            warnings.Add(Warning(what, page, e));
            return fallback;
        }
    }

    public static Diagnostic Warning(string what, int page, Exception e) =>
        new(Code, $"{what}{(page > 0 ? $" (page {page})" : "")}: skipped after {e.GetType().Name}: {e.Message}", page);

    /// <summary>Failures of our own code on unexpected input; not the ones that mean the process must stop.</summary>
    public static bool IsRecoverable(Exception e) =>
        e is not (OperationCanceledException or OutOfMemoryException or StackOverflowException or InsufficientExecutionStackException);
}
