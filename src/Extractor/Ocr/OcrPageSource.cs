using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Ocr;

/// <summary>
/// A page source in front of another (the text layer): pages the mode selects are rendered and OCR'd instead. The
/// pipeline asks for pages in order; this source reads ahead so that <see cref="OcrOptions.Workers"/> pages are OCR'd
/// at once (the text layer itself is read on the caller's thread: PdfPig is not thread-safe).
/// </summary>
public sealed class OcrPageSource : IPageSource
{
    private readonly IPageSource _inner;
    private readonly byte[] _bytes;
    private readonly OcrOptions _options;
    private readonly OcrPageReader _reader;
    private readonly Dictionary<int, PageModel> _textLayer = [];
    private readonly Dictionary<int, Task<PageModel>> _ocr = [];
    private readonly SemaphoreSlim _slots;
    private readonly Lock _fileLock = new();
    private readonly CancellationTokenSource _stop = new();
    private string? _workDir;
    private string? _pdfPath;
    private int _scheduled;
    private string? _unavailable;

    public OcrPageSource(IPageSource inner, byte[] bytes, OcrOptions options)
    {
        _inner = inner;
        _bytes = bytes;
        _options = options;
        _reader = new OcrPageReader(options);
        _slots = new SemaphoreSlim(options.EffectiveWorkers);
    }

    public int PageCount => _inner.PageCount;

    /// <summary>The page numbers read by OCR so far.</summary>
    public IReadOnlyList<int> OcrPages => _ocr.Keys.Order().ToList();

    public PageModel ReadPage(int pageNumber, CancellationToken cancellationToken)
    {
        for (var p = pageNumber; p < pageNumber + _options.EffectiveWorkers && p <= PageCount; p++)
            Schedule(p, cancellationToken);
        if (!_ocr.TryGetValue(pageNumber, out var task))
            return TakeTextLayer(pageNumber, cancellationToken);
        try { return task.WaitAsync(cancellationToken).GetAwaiter().GetResult(); }
        catch (OcrException e)
        {
            // the page keeps its problem and says why OCR did not help
            var page = _textLayer[pageNumber];
            return page with { ProblemDetail = $"{page.ProblemDetail}; OCR failed: {e.Message}" };
        }
    }

    private PageModel TakeTextLayer(int pageNumber, CancellationToken cancellationToken)
    {
        if (!_textLayer.Remove(pageNumber, out var page)) page = _inner.ReadPage(pageNumber, cancellationToken);
        return page;
    }

    /// <summary>Reads the text layer of page p (once) and starts its OCR when the mode selects it.</summary>
    private void Schedule(int p, CancellationToken cancellationToken)
    {
        if (_textLayer.ContainsKey(p) || _ocr.ContainsKey(p) || p <= _scheduled) return;
        _scheduled = p;
        PageModel page;
        try { page = _inner.ReadPage(p, cancellationToken); }
        catch (PdfReadException) { return; } // read again (and reported) when the pipeline asks for it
        _textLayer[p] = page;
        var wanted = _options.Mode == OcrMode.Always || (_options.Mode == OcrMode.Auto && page.Problem != TextLayerProblem.None);
        if (!wanted) return;
        if (_ocr.Count >= _options.MaxPages || _unavailable is not null)
        {
            _textLayer[p] = page with { ProblemDetail = $"{page.ProblemDetail}; not OCR'd: {_unavailable ?? $"more than {_options.MaxPages} pages to OCR"}" };
            return;
        }
        if (!ToolsAvailable())
        {
            _textLayer[p] = page with { ProblemDetail = $"{page.ProblemDetail}; not OCR'd: {_unavailable}" };
            return;
        }
        var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token).Token;
        _ocr[p] = Task.Run(async () =>
        {
            await _slots.WaitAsync(token);
            try { return OcrPage(p, page, token); }
            finally { _slots.Release(); }
        }, token);
    }

    private PageModel OcrPage(int p, PageModel textLayer, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(WorkDir(), $"p{p}");
        Directory.CreateDirectory(dir);
        try
        {
            var bitmap = _reader.Render(_pdfPath!, p, dir, cancellationToken);
            return _reader.Read(bitmap, p, textLayer.Width, textLayer.Height, dir, cancellationToken);
        }
        finally { TryDelete(dir); }
    }

    /// <summary>tesseract (and pdftoppm) answer once per document; without them no page is OCR'd and the pages say why.</summary>
    private bool ToolsAvailable()
    {
        if (_workDir is not null) return true;
        try
        {
            TesseractRunner.Run(_options.Tesseract, ["--version"], TimeSpan.FromSeconds(30), CancellationToken.None);
            WorkDir();
            return true;
        }
        catch (OcrException e)
        {
            _unavailable = e.Message;
            return false;
        }
    }

    private string WorkDir()
    {
        lock (_fileLock)
        {
            if (_workDir is not null) return _workDir;
            var dir = Directory.CreateTempSubdirectory("extractor-ocr-").FullName;
            _pdfPath = Path.Combine(dir, "document.pdf");
            File.WriteAllBytes(_pdfPath, _bytes);
            _workDir = dir;
            return dir;
        }
    }

    private static void TryDelete(string dir)
    {
        // EXTRACTOR_OCR_KEEP=1 leaves the page renderings and cell crops in /tmp/extractor-ocr-*, to see what tesseract saw
        if (Environment.GetEnvironmentVariable("EXTRACTOR_OCR_KEEP") == "1") return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { Task.WhenAll(_ocr.Values).Wait(TimeSpan.FromSeconds(30)); }
        catch (AggregateException) { }
        _inner.Dispose();
        _stop.Dispose();
        _slots.Dispose();
        if (_workDir is not null) TryDelete(_workDir);
    }
}

/// <summary>Puts OCR in front of another page source (the text layer) with the given options.</summary>
public sealed class OcrPageSourceFactory(IPageSourceFactory inner, OcrOptions options) : IPageSourceFactory
{
    public IPageSource Open(byte[] bytes, string name, IStageTimer? timer) => new OcrPageSource(inner.Open(bytes, name, timer), bytes, options);
}
