using Extractor.Model;

namespace Extractor.Output;

/// <summary>What a writer is given: the document, and the page models where the caller kept them (the review draws them).</summary>
public sealed record DocumentToWrite(BudgetDocument Document, IReadOnlyDictionary<int, PageModel> Pages)
{
    /// <summary>How the files are written (the caller's choice, e.g. `--csv-bom`); <see cref="DocumentWriterOptions.Default"/> unless given.</summary>
    public DocumentWriterOptions Options { get; init; } = DocumentWriterOptions.Default;
}

/// <summary>The choices a writer leaves to its caller, each with its default and why.</summary>
public sealed record DocumentWriterOptions
{
    /// <summary>CSV without a byte order mark, as the JSON and every other file.</summary>
    public static DocumentWriterOptions Default { get; } = new();

    /// <summary>
    /// Start CSV files with a UTF-8 byte order mark: Excel on a Chinese Windows otherwise reads them as GBK and shows
    /// mojibake. Off by default because other readers (pandas, DuckDB, csvkit) take the mark for data.
    /// </summary>
    public bool CsvBom { get; init; }
}

/// <summary>
/// The writer seam: one output file per document. `batch` (and `review`) pick writers by <see cref="Name"/> from a
/// <see cref="DocumentWriterRegistry"/>; every writer writes atomically (<see cref="AtomicFile"/>).
/// </summary>
public interface IDocumentWriter
{
    /// <summary>The name a command selects the writer by (`json`, `review`).</summary>
    string Name { get; }

    /// <summary>What the writer appends to the document's output base name (`.json`, `.facts.csv`).</summary>
    string Suffix { get; }

    /// <summary>True when the writer needs the page models (the caller then keeps them while extracting).</summary>
    bool NeedsPages { get; }

    Task WriteAsync(string path, DocumentToWrite document, CancellationToken cancellationToken);
}

/// <summary>The document JSON (the versioned contract, <see cref="JsonDocumentWriter"/>).</summary>
public sealed class JsonFileWriter : IDocumentWriter
{
    public string Name => "json";
    public string Suffix => ".json";
    public bool NeedsPages => false;

    public Task WriteAsync(string path, DocumentToWrite document, CancellationToken cancellationToken)
    {
        JsonDocumentWriter.WriteFile(path, document.Document);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The HTML review report (<see cref="Review.ReviewReportWriter"/>): NAME.review.html and its files folder. Renders the
/// pages when given a renderer and the document's PDF path; otherwise shows the text-layer redraw with a note.
/// </summary>
public sealed class ReviewFileWriter(Review.IPageRenderer? renderer = null, string? pdfPath = null) : IDocumentWriter
{
    public string Name => "review";
    public string Suffix => ".review.html";
    public bool NeedsPages => true;

    public Task WriteAsync(string path, DocumentToWrite document, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var stem = name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : Path.GetFileNameWithoutExtension(name);
        Review.ReviewReportFiles.Write(Review.ReviewInput.From(document.Document), pdfPath, document.Pages, path, stem + Review.ReviewDecisions.Suffix,
            null, renderer, cancellationToken);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The writers a command can choose from, by name (`batch --outputs json,facts-csv`, `extract --outputs`). The core
/// registers JSON and review; a caller composes a larger registry from <see cref="Writers"/> and its own.
/// </summary>
public sealed class DocumentWriterRegistry
{
    private readonly Dictionary<string, IDocumentWriter> _byName;

    public DocumentWriterRegistry(IEnumerable<IDocumentWriter> writers)
    {
        Writers = writers.ToList();
        _byName = Writers.ToDictionary(w => w.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The writers of this library: json, review.</summary>
    public static IReadOnlyList<IDocumentWriter> CoreWriters { get; } = [new JsonFileWriter(), new ReviewFileWriter()];

    /// <summary>Every writer, in registration order.</summary>
    public IReadOnlyList<IDocumentWriter> Writers { get; }

    /// <summary>The names, in registration order (what `--outputs` accepts).</summary>
    public IReadOnlyList<string> Names => Writers.Select(w => w.Name).ToList();

    public bool Contains(string name) => _byName.ContainsKey(name);

    public IDocumentWriter Get(string name) =>
        _byName.TryGetValue(name, out var writer) ? writer : throw new ArgumentException($"no writer named '{name}' (known: {string.Join(", ", Names)})", nameof(name));
}
