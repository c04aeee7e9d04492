using Extractor.Output;
using Extractor.Output.Review;

namespace Extractor.Cli.Batch;

/// <summary>
/// The reviewer's decisions in a batch: `NAME.review.json` beside `NAME.json` becomes the output's `review` section
/// (corrections with the extracted value beside them) and the journal's `reviewed` flag. A decisions file added or
/// changed after the document ran makes the next run redo that document.
/// </summary>
public static class ReviewedOutput
{
    public static OutputDocument Apply(OutputDocument output, string outputDirectory, string outputBase)
    {
        var path = ReviewDecisions.PathBeside(outputDirectory, outputBase);
        try
        {
            return ReviewDecisions.ReadIfExists(path) is { } decisions
                ? output with { Review = ReviewOut.From(Path.GetFileName(path), decisions, output) }
                : output;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            // An unreadable decisions file must not cost the extraction: the output says so instead.
            return output with { Warnings = [.. output.Warnings, new WarningOut("review_file_unreadable", e.Message, null)] };
        }
    }

    /// <summary>Whether the journal line still reflects the decisions file beside the output (none then and now, or none newer).</summary>
    public static bool IsCurrent(JournalEntry entry, string outputDirectory, string outputBase)
    {
        var review = new FileInfo(ReviewDecisions.PathBeside(outputDirectory, outputBase));
        return review.Exists ? entry.Reviewed && review.LastWriteTimeUtc <= entry.FinishedUtc : !entry.Reviewed;
    }
}
