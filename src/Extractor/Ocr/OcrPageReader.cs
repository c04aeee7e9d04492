using System.Globalization;
using System.Text;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Ocr;

/// <summary>
/// Reads one page image into a <see cref="PageModel"/>: rulings from the bitmap (so the lattice detector sees the
/// table), each ruled cell OCR'd on its own (one line or one block), the rest of the page (titles, prose) OCR'd
/// with the cells blanked. Words become glyphs in page coordinates with tesseract's confidence.
/// </summary>
public sealed class OcrPageReader(OcrOptions options)
{
    /// <summary>White margin around a cropped cell: tesseract misreads glyphs that touch the image edge.</summary>
    private const int CropPad = 12;

    /// <summary>Renders page <paramref name="pageNumber"/> of the PDF at <paramref name="pdfPath"/> with pdftoppm.</summary>
    public GrayBitmap Render(string pdfPath, int pageNumber, string workDir, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(workDir, "page");
        var n = pageNumber.ToString(CultureInfo.InvariantCulture);
        TesseractRunner.Run("pdftoppm", ["-r", options.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", n, "-l", n, "-singlefile", pdfPath, prefix],
            options.EffectivePageTimeout, cancellationToken);
        return GrayBitmap.ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
    }

    /// <param name="width">page width in points (displayed)</param>
    /// <param name="height">page height in points (displayed)</param>
    public PageModel Read(GrayBitmap bitmap, int pageNumber, double width, double height, string workDir, CancellationToken cancellationToken)
    {
        var scale = new PixelScale(width / bitmap.Width, height / bitmap.Height, height);
        var pxPerPt = options.Dpi / 72.0;
        var rulings = BitmapRulingDetector.Detect(bitmap, options.Dpi);
        var clean = bitmap.Clone();
        BitmapRulingDetector.Erase(clean, rulings);
        var cells = CellFinder.Find(bitmap.Width, bitmap.Height, rulings, closePx: (int)(2 * pxPerPt), minSidePx: (int)(4 * pxPerPt));

        var lines = new List<string>();
        var blocks = new List<string>();
        var origins = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var rest = clean.Clone();
        var minInk = (int)Math.Max(4, 0.4 * pxPerPt * pxPerPt);
        foreach (var cell in cells)
        {
            rest.Fill(cell.Left, cell.Top, cell.Right, cell.Bottom, 255);
            if (InkBox(clean, cell, minInk, gapPx: (int)(2 * pxPerPt)) is not { } ink) continue;
            var path = Path.Combine(workDir, $"cell-{origins.Count:D4}.pgm");
            File.WriteAllBytes(path, clean.Crop(ink.Left, ink.Top, ink.Right, ink.Bottom, CropPad).ToPgm());
            origins[path] = (ink.Left - CropPad, ink.Top - CropPad);
            (TextBands(clean, ink, (int)pxPerPt) > 1 ? blocks : lines).Add(path);
        }
        var pagePath = Path.Combine(workDir, "rest.pgm");
        File.WriteAllBytes(pagePath, rest.ToPgm());

        var glyphs = new List<Glyph>();
        AddGlyphs(glyphs, ReadCells(lines, TesseractRunner.SingleLine, workDir, cancellationToken), lines, origins, scale);
        AddGlyphs(glyphs, ReadCells(blocks, TesseractRunner.SingleBlock, workDir, cancellationToken), blocks, origins, scale);
        origins[pagePath] = (0, 0);
        AddGlyphs(glyphs, TesseractRunner.Recognise([pagePath], TesseractRunner.SingleBlock, options, workDir, null, cancellationToken), [pagePath], origins, scale);

        var pageRulings = rulings.Select(scale.ToPage).ToList();
        return new PageModel(pageNumber, width, height, 0, glyphs, pageRulings, TextLayerProblem.None, null) { FromOcr = true };
    }

    /// <summary>
    /// Reads cell images with <see cref="OcrOptions.Languages"/> (chi_sim+eng: Chinese alone misreads digits, 4 → 中,
    /// 4,167.41 → 4,.167.41), then reads the cells that came out as text again with the Chinese model alone
    /// (<see cref="OcrOptions.CellLanguages"/>): with `+eng` tesseract takes Chinese for Latin letters and digits
    /// (培训费 → `HEIR`, 其中： → `HA:`, 办公厅（室） → `办公厅（38）`, 出国（境）费 → `出国（境）8`).
    /// </summary>
    private IReadOnlyList<OcrLine> ReadCells(IReadOnlyList<string> images, int psm, string workDir, CancellationToken cancellationToken)
    {
        var first = TesseractRunner.Recognise(images, psm, options, workDir, null, cancellationToken);
        if (options.CellLanguages == options.Languages) return first;
        var text = first.GroupBy(l => l.Image).Where(g => IsText(string.Concat(g.SelectMany(l => l.Words).Select(w => w.Text)))).Select(g => g.Key).ToList();
        if (text.Count == 0) return first;
        var again = TesseractRunner.Recognise(text.Select(i => images[i]).ToList(), psm, options with { Languages = options.CellLanguages }, workDir, null, cancellationToken)
            .Select(l => l with { Image = text[l.Image] });
        var redone = text.ToHashSet();
        return [.. first.Where(l => !redone.Contains(l.Image)), .. again];
    }

    /// <summary>Read as Chinese, or as Latin letters without a digit (a Chinese cell misread): not a number, a dash or a code.</summary>
    private static bool IsText(string read) =>
        read.Any(OcrTextRepair.IsIdeograph) || read.Any(char.IsAsciiLetter) && !read.Any(char.IsAsciiDigit);

    /// <summary>
    /// The box of the ink inside a cell (its border pixels excluded), or null when the cell is empty. The box is then
    /// widened by faint ink on its rows: the thin stroke of a leading 一 in a 150 dpi scan stays lighter than the ink
    /// threshold (gray ~175 at 300 dpi), and a crop that starts at 般 made tesseract read 一般公共服务支出 as `'般…`.
    /// </summary>
    private static PixelRect? InkBox(GrayBitmap b, PixelRect cell, int minInk, int gapPx)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1, count = 0;
        for (var y = cell.Top + 1; y < cell.Bottom - 1; y++)
            for (var x = cell.Left + 1; x < cell.Right - 1; x++)
            {
                if (!b.IsInk(x, y)) continue;
                count++;
                if (x < left) left = x;
                if (x >= right) right = x + 1;
                if (y < top) top = y;
                if (y >= bottom) bottom = y + 1;
            }
        if (count < minInk) return null;
        // the border's anti-aliased edge (a pixel or two next to the erased ruling) is not ink
        const int border = 3;
        bool Faint(int x)
        {
            for (var y = top; y < bottom; y++)
                if (b[x, y] < FaintInk) return true;
            return false;
        }
        for (int x = left - 1, gap = 0; x >= cell.Left + border && gap <= gapPx; x--)
            if (Faint(x)) { left = x; gap = 0; } else gap++;
        for (int x = right, gap = 0; x < cell.Right - border && gap <= gapPx; x++)
            if (Faint(x)) { right = x + 1; gap = 0; } else gap++;
        return new PixelRect(left, top, right, bottom);
    }

    /// <summary>Gray below which a pixel is faint ink (a thin stroke), not paper (a scan's paper is ≥ 240).</summary>
    private const byte FaintInk = 224;

    /// <summary>How many text lines the ink of a cell holds: bands of inked rows separated by white rows.</summary>
    private static int TextBands(GrayBitmap b, PixelRect ink, int minBand)
    {
        var bands = 0;
        var run = 0;
        for (var y = ink.Top; y <= ink.Bottom; y++)
        {
            var inked = false;
            if (y < ink.Bottom)
                for (var x = ink.Left; x < ink.Right && !inked; x++) inked = b.IsInk(x, y);
            if (inked) { run++; continue; }
            if (run >= minBand) bands++;
            run = 0;
        }
        return bands;
    }

    private static void AddGlyphs(List<Glyph> glyphs, IReadOnlyList<OcrLine> lines, IReadOnlyList<string> images,
        Dictionary<string, (int X, int Y)> origins, PixelScale scale)
    {
        foreach (var line in lines)
        {
            var (ox, oy) = origins[images[line.Image]];
            AddLine(glyphs, line, ox, oy, scale);
        }
    }

    /// <summary>
    /// A line's characters laid out word by word: a word runs from its left edge to its right edge or the next word's
    /// left edge, whichever comes first, its characters shared by width class (an ideograph is about twice a digit).
    /// </summary>
    private static void AddLine(List<Glyph> glyphs, OcrLine line, int ox, int oy, PixelScale scale)
    {
        var repaired = OcrTextRepair.RepairLine(line.Words.Select(w => new string(w.Text.Where(c => !char.IsWhiteSpace(c)).ToArray())).ToList());
        var (lineTop, lineBottom) = Extent(line);
        var top = scale.ToPageY(lineTop + oy);
        var bottom = scale.ToPageY(lineBottom + oy);
        var fontSize = top - bottom;
        for (var k = 0; k < line.Words.Count; k++)
        {
            var word = line.Words[k];
            var (read, text) = repaired[k];
            if (read.Length == 0) continue;
            var end = k + 1 < line.Words.Count ? Math.Min(word.Right, Math.Max(word.Left + 1, line.Words[k + 1].Left)) : Math.Min(word.Right, line.Right);
            var chars = new List<(string Raw, string Text)>();
            for (var i = 0; i < read.Length; i++)
            {
                if (text[i] == OcrTextRepair.Merged && chars.Count > 0)
                {
                    chars[^1] = (chars[^1].Raw + read[i], chars[^1].Text);
                    continue;
                }
                // a surrogate pair (an ideograph beyond the BMP) stays one glyph
                var n = char.IsHighSurrogate(read[i]) && i + 1 < read.Length ? 2 : 1;
                chars.Add((read.Substring(i, n), text.Substring(i, n)));
                i += n - 1;
            }
            var perWeight = Math.Max(1, end - word.Left) / chars.Sum(c => Weight(c.Raw));
            var x = (double)(word.Left + ox);
            foreach (var (raw, normal) in chars)
            {
                var right = x + Weight(raw) * perWeight;
                var left = scale.ToPageX(x);
                var r = scale.ToPageX(right);
                glyphs.Add(new Glyph(raw, CjkNormalizer.Normalize(normal), new Box(left, bottom, r, top), left, r, bottom, fontSize) { Confidence = word.Confidence });
                x = right;
            }
        }
    }

    /// <summary>
    /// A line's top and bottom: the line's box or the median of its words' edges, whichever is lower. tesseract only
    /// ever boxes too high, now the line (编制部门 … 单位：万元 came out 82 px high for 34 px characters, so the line
    /// was taken for a title and its unit lost), now the words (71 px in a 29 px line).
    /// </summary>
    private static (int Top, int Bottom) Extent(OcrLine line)
    {
        if (line.Words.Any(w => w.Bottom <= w.Top)) return (line.Top, line.Bottom);
        var tops = line.Words.Select(w => w.Top).Order().ToList();
        var bottoms = line.Words.Select(w => w.Bottom).Order().ToList();
        var (top, bottom) = (tops[tops.Count / 2], bottoms[bottoms.Count / 2]);
        return bottom - top < line.Height ? (top, bottom) : (line.Top, line.Bottom);
    }

    private static double Weight(string c) => c.Length > 1 || c[0] >= 0x2E80 ? 1.0 : 0.55;

    /// <summary>Pixels (top-left origin) to page points (bottom-left origin).</summary>
    private readonly record struct PixelScale(double X, double Y, double PageHeight)
    {
        public double ToPageX(double px) => px * X;
        public double ToPageY(double py) => PageHeight - py * Y;

        public Ruling ToPage(PixelRuling r) => r.Orientation == Orientation.Horizontal
            ? new Ruling(Orientation.Horizontal, ToPageY(r.Position), ToPageX(r.Start), ToPageX(r.End))
            : new Ruling(Orientation.Vertical, ToPageX(r.Position), ToPageY(r.End), ToPageY(r.Start));
    }
}
