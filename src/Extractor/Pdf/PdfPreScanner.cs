using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Extractor.Pdf;

/// <summary>
/// A light scan of the raw bytes before PdfPig sees them, enforcing <see cref="ResourceLimits"/> where PdfPig has no
/// hook: CID font /W arrays are summed without expanding them; every stream is inflated in 64 KiB chunks and dropped
/// (its size is counted against the cap, never held); content streams are tokenised on the fly to count operators,
/// path segments and shown string bytes; object streams are searched for /W arrays too. The scan is lenient: what it
/// cannot parse it leaves to PdfPig; it only ever stops a document for being too large.
/// </summary>
public static class PdfPreScanner
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStreamKeyword = "endstream"u8.ToArray();
    private const int DictionaryLookBehind = 4096;

    /// <summary>The bytes <see cref="char.IsWhiteSpace(char)"/> is true of in Latin-1.</summary>
    private static readonly byte[] Latin1WhiteSpace = [(byte)' ', (byte)'\t', (byte)'\n', 0x0B, 0x0C, (byte)'\r', 0x85, 0xA0];
    private const long ObjectStreamKeepBytes = 64L * 1024 * 1024;

    /// <returns>content streams over a content bound (object number → what was too large): the pages drawing them
    /// fail alone (<see cref="PdfPageReader"/>); the rest of the document is read</returns>
    /// <exception cref="PdfReadException">`NAME: too large: …` when a document bound is exceeded</exception>
    public static IReadOnlyDictionary<long, string> Check(byte[] pdf, string name, ResourceLimits limits)
    {
        var oversized = new Dictionary<long, string>();
        try
        {
            CheckWidths(pdf, "the file", limits);
            var scratch = new InflateScratch();
            var at = 0;
            while (true)
            {
                var hit = pdf.AsSpan(at).IndexOf(StreamKeyword);
                if (hit < 0) break;
                var keyword = at + hit;
                at = keyword + StreamKeyword.Length;
                if (!IsStreamStart(pdf, keyword, out var dataStart)) continue;
                var end = pdf.AsSpan(dataStart).IndexOf(EndStreamKeyword);
                var dataEnd = end < 0 ? pdf.Length : dataStart + end;
                var dictionary = DictionaryBefore(pdf, keyword, out var objectId);
                try { CheckStream(pdf, dataStart, dataEnd - dataStart, dictionary, objectId, limits, scratch); }
                catch (ContentLimitException e) when (long.TryParse(objectId.Split(' ')[0], out var number))
                {
                    oversized[number] = e.Message;
                }
                at = dataEnd;
            }
            return oversized;
        }
        catch (LimitExceededException e)
        {
            throw new PdfReadException($"{name}: too large: {e.Message}");
        }
    }

    internal class LimitExceededException(string message) : Exception(message);

    /// <summary>One content stream over a bound: only the pages that draw it need to fail.</summary>
    internal sealed class ContentLimitException(string message) : LimitExceededException(message);

    /// <summary>`stream` preceded by the dictionary's `>>` and followed by an end of line (not `endstream`).</summary>
    private static bool IsStreamStart(ReadOnlySpan<byte> pdf, int keyword, out int dataStart)
    {
        dataStart = 0;
        var before = keyword - 1;
        while (before >= 0 && IsWhite(pdf[before])) before--;
        if (before < 1 || pdf[before] != '>' || pdf[before - 1] != '>') return false;
        var after = keyword + StreamKeyword.Length;
        if (after < pdf.Length && pdf[after] == '\r') after++;
        if (after < pdf.Length && pdf[after] == '\n') after++;
        else if (after >= pdf.Length || pdf[after - 1] != '\r') return false;
        dataStart = after;
        return true;
    }

    /// <summary>
    /// The stream's dictionary (the text after the last ` obj` within 4 KiB before `stream`) and its object id. Only
    /// the dictionary and the line naming the object are decoded (Latin-1: one char per byte), not the whole window.
    /// </summary>
    private static string DictionaryBefore(ReadOnlySpan<byte> pdf, int keyword, out string objectId)
    {
        var window = pdf[Math.Max(0, keyword - DictionaryLookBehind)..keyword];
        var obj = window.LastIndexOf(" obj"u8);
        objectId = "?";
        if (obj < 0) return Encoding.Latin1.GetString(window);
        var head = window[..obj].TrimEnd(Latin1WhiteSpace);
        var line = Encoding.Latin1.GetString(head[(head.LastIndexOfAny("\n\r>"u8) + 1)..]);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2) objectId = $"{parts[^2]} {parts[^1]}";
        return Encoding.Latin1.GetString(window[(obj + 4)..]);
    }

    /// <summary>
    /// The buffers every stream of a document is inflated through, allocated once per document: per stream they were
    /// a tenth of the pipeline's allocations (the corpus: 410 MiB of 5 GB a pass).
    /// </summary>
    private sealed class InflateScratch
    {
        public readonly byte[] Chunk = new byte[64 * 1024];

        /// <summary>The first bytes of the current content stream, until it is known to be long enough to count.</summary>
        public byte[] Pending = [];
        public int PendingLength;

        public void Hold(ReadOnlySpan<byte> bytes)
        {
            if (PendingLength + bytes.Length > Pending.Length)
                Array.Resize(ref Pending, Math.Max(PendingLength + bytes.Length, 2 * Pending.Length));
            bytes.CopyTo(Pending.AsSpan(PendingLength));
            PendingLength += bytes.Length;
        }
    }

    private static void CheckStream(byte[] pdf, int start, int length, string dictionary, string objectId, ResourceLimits limits, InflateScratch scratch)
    {
        var flate = IsFlateFirst(dictionary, out var otherFilter);
        if (otherFilter) return; // ASCII85, LZW, DCT… first: left to PdfPig
        var isObjectStream = Has(dictionary, "/Type", "/ObjStm");
        var counter = IsContentCandidate(dictionary) ? new ContentCounter(objectId, limits) : null;
        var kept = isObjectStream ? new MemoryStream() : null;
        var what = $"stream {objectId} R";
        var data = pdf.AsSpan(start, length);
        var uncounted = ContentCounter.Unreachable(limits);
        if (!flate)
        {
            if (data.Length > uncounted)
            {
                counter?.Feed(data);
                counter?.Finish();
            }
            if (kept is not null) CheckWidths(data, $"object stream {objectId} R", limits);
            return;
        }

        long total = 0;
        var buffer = scratch.Chunk;
        // A stream too short to exceed any content bound is not counted (most pages): its first bytes wait in the
        // scratch until it is known to be longer.
        var pending = counter is not null;
        scratch.PendingLength = 0;
        // As PdfPig does: skip the two zlib header bytes, whatever they say, and inflate the rest.
        using (var input = new MemoryStream(pdf, start + Math.Min(2, length), Math.Max(0, length - 2), writable: false))
        using (var inflater = new DeflateStream(input, CompressionMode.Decompress))
        {
            while (true)
            {
                int n;
                try { n = inflater.Read(buffer, 0, buffer.Length); }
                catch (InvalidDataException) { break; } // damaged data: PdfPig decides what to make of it
                if (n == 0) break;
                total += n;
                if (ResourceLimits.Exceeds(total, limits.MaxDecodedStreamBytes))
                    throw new LimitExceededException($"{what} inflates to more than {Mib(limits.MaxDecodedStreamBytes)} (limit MaxDecodedStreamBytes)");
                if (!pending) counter?.Feed(buffer.AsSpan(0, n));
                else
                {
                    scratch.Hold(buffer.AsSpan(0, n));
                    if (scratch.PendingLength > uncounted)
                    {
                        counter!.Feed(scratch.Pending.AsSpan(0, scratch.PendingLength));
                        pending = false;
                    }
                }
                if (kept is not null && kept.Length + n <= ObjectStreamKeepBytes) kept.Write(buffer, 0, n);
            }
        }
        if (!pending) counter?.Finish();
        if (kept is not null) CheckWidths(kept.GetBuffer().AsSpan(0, (int)kept.Length), $"object stream {objectId} R", limits);
    }

    private static string Mib(long bytes) => $"{bytes / (1024 * 1024)} MiB";

    /// <summary>Images, fonts, metadata, xref and object streams are not content streams (no operators counted).</summary>
    private static bool IsContentCandidate(string dictionary) =>
        !dictionary.Contains("/Length1", StringComparison.Ordinal) && !dictionary.Contains("/Length2", StringComparison.Ordinal)
        && !Has(dictionary, "/Subtype", "/Image") && !Has(dictionary, "/Type", "/XRef") && !Has(dictionary, "/Type", "/ObjStm")
        && !Has(dictionary, "/Type", "/Metadata") && !Has(dictionary, "/Type", "/EmbeddedFile")
        && !Has(dictionary, "/Subtype", "/Type1C") && !Has(dictionary, "/Subtype", "/CIDFontType0C") && !Has(dictionary, "/Subtype", "/OpenType");

    private static bool Has(string dictionary, string key, string value)
    {
        var at = dictionary.IndexOf(key, StringComparison.Ordinal);
        while (at >= 0)
        {
            var rest = dictionary.AsSpan(at + key.Length).TrimStart();
            if (rest.StartsWith(value, StringComparison.Ordinal)) return true;
            at = dictionary.IndexOf(key, at + key.Length, StringComparison.Ordinal);
        }
        return false;
    }

    private static bool IsFlateFirst(string dictionary, out bool otherFilter)
    {
        otherFilter = false;
        var at = dictionary.IndexOf("/Filter", StringComparison.Ordinal);
        if (at < 0) return false;
        var rest = dictionary.AsSpan(at + "/Filter".Length).TrimStart();
        if (rest.StartsWith("[")) rest = rest[1..].TrimStart();
        if (rest.StartsWith("/FlateDecode", StringComparison.Ordinal) || rest.StartsWith("/Fl", StringComparison.Ordinal)
            && (rest.Length == 3 || !char.IsLetter(rest[3]))) return true;
        otherFilter = rest.StartsWith("/");
        return false;
    }

    /// <summary>
    /// Sums what every /W and /W2 array expands to: `c [w…]` adds its widths, `c1 c2 w…` adds c2 − c1 + 1. Malformed
    /// arrays are skipped (PdfPig reports them).
    /// </summary>
    private static void CheckWidths(ReadOnlySpan<byte> data, string where, ResourceLimits limits)
    {
        if (limits.MaxFontWidthEntries <= 0) return;
        var key = "/W"u8;
        var at = 0;
        while (true)
        {
            var hit = data[at..].IndexOf(key);
            if (hit < 0) return;
            var i = at + hit + 2;
            at = i;
            var vertical = i < data.Length && data[i] == '2';
            if (vertical) i++;
            while (i < data.Length && IsWhite(data[i])) i++;
            if (i >= data.Length || data[i] != '[') continue;
            var entries = WidthEntries(data, i + 1, vertical ? 5 : 3);
            if (ResourceLimits.Exceeds(entries, limits.MaxFontWidthEntries))
                throw new LimitExceededException(
                    $"a font /W{(vertical ? "2" : "")} width array in {where} expands to {entries.ToString("N0", CultureInfo.InvariantCulture)} entries (limit MaxFontWidthEntries {limits.MaxFontWidthEntries.ToString("N0", CultureInfo.InvariantCulture)})");
        }
    }

    private static long WidthEntries(ReadOnlySpan<byte> data, int i, int rangeLength)
    {
        long entries = 0;
        var numbers = new List<double>(rangeLength);
        while (i < data.Length)
        {
            var c = data[i];
            if (IsWhite(c)) { i++; continue; }
            if (c == ']') break;
            if (c == '[')
            {
                // `c [w1 w2 …]`: one entry per number (vertical: three numbers per entry).
                var count = 0L;
                i++;
                while (i < data.Length && data[i] != ']')
                {
                    if (IsNumberStart(data[i])) { count++; i = SkipNumber(data, i); }
                    else i++;
                }
                i++;
                entries += rangeLength == 5 ? count / 3 : count;
                numbers.Clear();
                continue;
            }
            if (!IsNumberStart(c)) return entries; // not a width array after all
            var end = SkipNumber(data, i);
            if (!double.TryParse(data[i..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return entries;
            i = end;
            numbers.Add(value);
            if (numbers.Count == rangeLength)
            {
                var span = numbers[1] - numbers[0];
                if (span >= 0) entries += (long)Math.Min(span + 1, long.MaxValue / 4);
                numbers.Clear();
            }
        }
        return entries;
    }

    private static bool IsNumberStart(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.';

    private static int SkipNumber(ReadOnlySpan<byte> data, int i)
    {
        i++;
        while (i < data.Length && (data[i] is (>= (byte)'0' and <= (byte)'9') or (byte)'.')) i++;
        return i;
    }

    internal static bool IsWhite(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;
}
