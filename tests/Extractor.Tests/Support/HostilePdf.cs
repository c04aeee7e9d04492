using System.IO.Compression;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>Builds small, valid-looking PDFs with one hostile trait each (the tests make them; none is committed).</summary>
public static class HostilePdf
{
    /// <summary>Writes objects (1-based, in order) with a correct xref table; a stream object is (dictionary, data).</summary>
    public static byte[] Build(IReadOnlyList<object> objects)
    {
        var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            switch (objects[i])
            {
                case string dictionary: Write(dictionary); break;
                case (string dictionary, byte[] data):
                    Write($"{dictionary.TrimEnd('>', ' ')} /Length {data.Length} >>\nstream\n");
                    output.Write(data);
                    Write("\nendstream");
                    break;
            }
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    /// <summary>One page whose content is the given stream (dictionary without /Length, data as stored).</summary>
    public static byte[] OnePage(string contentDictionary, byte[] content, string fontDictionary = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", params string[] extra) =>
        Build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            (contentDictionary, content),
            fontDictionary,
            .. extra,
        ]);

    /// <summary>A CID font whose /W array is the given text, e.g. `[1 2147483647 500]` (the 817-byte bomb).</summary>
    public static byte[] WidthBomb(string widths) =>
        OnePage("<< >>", "BT /F1 12 Tf 72 700 Td <0001> Tj ET"u8.ToArray(),
            "<< /Type /Font /Subtype /Type0 /BaseFont /Bomb /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bomb /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /W {widths} /CIDToGIDMap /Identity >>",
            "<< /Type /FontDescriptor /FontName /Bomb /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");

    /// <summary>A content stream that inflates to `bytes` of spaces (a zip bomb: 1 GiB is about 1 MiB stored).</summary>
    public static byte[] ZipBomb(long bytes)
    {
        var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < bytes; written += chunk.Length) z.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
        return OnePage("<< /Filter /FlateDecode >>", output.ToArray());
    }

    /// <summary>One page drawing `count` line segments (each `x y m x y l S`).</summary>
    public static byte[] Segments(int count)
    {
        var content = new StringBuilder(count * 24);
        for (var i = 0; i < count; i++) content.Append(i % 500).Append(' ').Append(i % 700).Append(" m 10 10 l S\n");
        return OnePage("<< /Filter /FlateDecode >>", Deflate(Encoding.ASCII.GetBytes(content.ToString())));
    }

    /// <summary>`pages` pages, each with its own content stream of `count` line segments (each `x y m x y l S`).</summary>
    public static byte[] SegmentPages(int pages, int count)
    {
        var content = new StringBuilder(count * 24);
        for (var i = 0; i < count; i++) content.Append(i % 500).Append(' ').Append(i % 700).Append(" m 10 10 l S\n");
        var data = Deflate(Encoding.ASCII.GetBytes(content.ToString()));
        var kids = new StringBuilder();
        for (var i = 0; i < pages; i++) kids.Append(3 + 2 * i).Append(" 0 R ");
        var objects = new List<object> { "<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>" };
        for (var i = 0; i < pages; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R >>");
            objects.Add(("<< /Filter /FlateDecode >>", data));
        }
        return Build(objects);
    }

    /// <summary>A document of `count` pages sharing one content stream (a text line each).</summary>
    public static byte[] Pages(int count)
    {
        var kids = new StringBuilder();
        for (var i = 0; i < count; i++) kids.Append(5 + i).Append(" 0 R ");
        var objects = new List<object>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
            ("<< >>", "BT /F1 12 Tf 72 700 Td (page) Tj ET"u8.ToArray()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        for (var i = 0; i < count; i++)
            objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>");
        return Build(objects);
    }
}
