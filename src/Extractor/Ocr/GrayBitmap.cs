namespace Extractor.Ocr;

/// <summary>An 8-bit grayscale image (0 = black), row-major, top row first: what pdftoppm -gray writes as PGM.</summary>
public sealed class GrayBitmap(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels;

    /// <summary>Pixels darker than this are ink (anti-aliased edges of 9 pt text stay above ~200).</summary>
    public const byte InkThreshold = 160;

    public byte this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public bool IsInk(int x, int y) => Pixels[y * Width + x] < InkThreshold;

    /// <summary>Reads a binary PGM file (P5, maxval 255), its pixels straight into the bitmap (a 300 dpi A4 page is 8.7 MB: read once, not copied).</summary>
    public static GrayBitmap ReadPgmFile(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[Math.Min(256, (int)file.Length)];
        file.ReadExactly(head);
        var (width, height, offset) = ReadHeader(head);
        if (file.Length - offset < (long)width * height) throw new InvalidDataException("PGM truncated");
        var pixels = new byte[width * height];
        file.Position = offset;
        file.ReadExactly(pixels);
        return new GrayBitmap(width, height, pixels);
    }

    /// <summary>Reads a binary PGM (P5, maxval 255).</summary>
    public static GrayBitmap ReadPgm(byte[] data)
    {
        var (width, height, pos) = ReadHeader(data);
        if (data.Length - pos < (long)width * height) throw new InvalidDataException("PGM truncated");
        var pixels = new byte[width * height];
        Array.Copy(data, pos, pixels, 0, pixels.Length);
        return new GrayBitmap(width, height, pixels);
    }

    /// <summary>A PGM header's width, height and where the pixels start.</summary>
    private static (int Width, int Height, int Offset) ReadHeader(byte[] data)
    {
        var pos = 0;
        string Token()
        {
            while (pos < data.Length)
            {
                if (data[pos] == '#') { while (pos < data.Length && data[pos] != '\n') pos++; }
                else if (char.IsWhiteSpace((char)data[pos])) pos++;
                else break;
            }
            var start = pos;
            while (pos < data.Length && !char.IsWhiteSpace((char)data[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(data, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException("not a binary PGM (P5)");
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (max != 255) throw new InvalidDataException($"PGM maxval {max}, expected 255");
        pos++; // the single whitespace after maxval
        return (width, height, pos);
    }

    /// <summary>A copy of the rectangle [x0, x1) × [y0, y1) with <paramref name="pad"/> white pixels around it.</summary>
    public GrayBitmap Crop(int x0, int y0, int x1, int y1, int pad)
    {
        var w = x1 - x0 + 2 * pad;
        var h = y1 - y0 + 2 * pad;
        var pixels = new byte[w * h];
        Array.Fill(pixels, (byte)255);
        for (var y = y0; y < y1; y++)
            Array.Copy(Pixels, y * Width + x0, pixels, (y - y0 + pad) * w + pad, x1 - x0);
        return new GrayBitmap(w, h, pixels);
    }

    public void Fill(int x0, int y0, int x1, int y1, byte value)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(Width, x1); y1 = Math.Min(Height, y1);
        for (var y = y0; y < y1; y++) Array.Fill(Pixels, value, y * Width + x0, Math.Max(0, x1 - x0));
    }

    public GrayBitmap Clone() => new(Width, Height, (byte[])Pixels.Clone());

    /// <summary>Writes the bitmap as a binary PGM file without building it in memory first.</summary>
    public void WritePgm(string path)
    {
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n"));
        file.Write(Pixels);
    }

    public byte[] ToPgm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var bytes = new byte[header.Length + Pixels.Length];
        header.CopyTo(bytes, 0);
        Pixels.CopyTo(bytes, header.Length);
        return bytes;
    }
}
