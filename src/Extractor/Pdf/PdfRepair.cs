namespace Extractor.Pdf;

/// <summary>
/// Byte-for-byte repairs tried when PdfPig rejects a file, keeping every offset (so the xref stays valid): arrays
/// nested deeper than PdfPig accepts (a hostile or broken value, typically in a key nobody reads) are flattened by
/// blanking their inner brackets. Stream data, strings and comments are left alone.
/// </summary>
public static class PdfRepair
{
    /// <summary>Deepest array nesting kept; PdfPig refuses 256 levels, real files use a handful.</summary>
    public const int MaxArrayDepth = 64;

    /// <returns>the repaired copy, or null when there was nothing to repair</returns>
    public static byte[]? FlattenDeepArrays(byte[] pdf)
    {
        byte[]? copy = null;
        var depth = 0;
        var blanked = new Stack<bool>();
        for (var i = 0; i < pdf.Length; i++)
        {
            var c = pdf[i];
            switch (c)
            {
                case (byte)'%':
                    while (i < pdf.Length && pdf[i] is not ((byte)'\n' or (byte)'\r')) i++;
                    break;
                case (byte)'(':
                    for (int nest = 1, j = i + 1; j < pdf.Length; j++)
                    {
                        if (pdf[j] == '\\') { j++; continue; }
                        if (pdf[j] == '(') nest++;
                        else if (pdf[j] == ')' && --nest == 0) { i = j; break; }
                    }
                    break;
                case (byte)'s' when IsStreamKeyword(pdf, i):
                    var end = pdf.AsSpan(i).IndexOf("endstream"u8);
                    if (end < 0) return copy;
                    i += end + "endstream".Length - 1;
                    break;
                case (byte)'[':
                    depth++;
                    var blank = depth > MaxArrayDepth;
                    blanked.Push(blank);
                    if (blank) (copy ??= (byte[])pdf.Clone())[i] = (byte)' ';
                    break;
                case (byte)']':
                    if (blanked.Count == 0) break;
                    depth--;
                    if (blanked.Pop()) (copy ??= (byte[])pdf.Clone())[i] = (byte)' ';
                    break;
                case (byte)'e' when depth > 0 && pdf.AsSpan(i).StartsWith("endobj"u8):
                    // an unclosed array ends with its object
                    depth = 0;
                    blanked.Clear();
                    break;
            }
        }
        return copy;
    }

    private static bool IsStreamKeyword(byte[] pdf, int i) =>
        pdf.AsSpan(i).StartsWith("stream"u8) && i + 6 < pdf.Length && pdf[i + 6] is (byte)'\r' or (byte)'\n'
        && (i == 0 || pdf[i - 1] is not (byte)'d');
}
