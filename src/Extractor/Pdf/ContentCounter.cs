using System.Globalization;

namespace Extractor.Pdf;

/// <summary>
/// Counts operators, path segments and shown string bytes of one content stream as its bytes arrive (any chunking),
/// and stops at the first bound exceeded. A tokeniser just good enough to count: strings, hex strings, names,
/// comments and inline image data are skipped; any other token starting with a letter (or ' ") is an operator.
/// </summary>
internal sealed class ContentCounter(string objectId, ResourceLimits limits)
{
    private enum State { Normal, Token, Name, String, LessThan, Hex, Comment, InlineImage }

    private State _state = State.Normal;
    private int _stringDepth;
    private bool _escape;
    private bool _tokenIsOperator;
    private int _tokenLength;
    private uint _token; // first four bytes of the current token
    private int _hexDigits;
    private uint _recent; // last bytes inside inline image data, to find its `EI`

    public long Operators { get; private set; }
    public long Segments { get; private set; }
    public long StringBytes { get; private set; }

    /// <summary>
    /// The stream length (bytes, decoded) up to which no bound can be exceeded, so counting is not needed: every
    /// operator takes at least one byte, shown text at most one glyph per byte, and path segments at most two per byte
    /// (`re` is two bytes and counts four). Default bounds: 125,000 bytes.
    /// </summary>
    public static long Unreachable(ResourceLimits limits)
    {
        var bound = long.MaxValue;
        if (limits.MaxOperatorsPerStream > 0) bound = Math.Min(bound, limits.MaxOperatorsPerStream);
        if (limits.MaxPathSegmentsPerStream > 0) bound = Math.Min(bound, limits.MaxPathSegmentsPerStream / 2);
        if (limits.MaxGlyphsPerStream > 0) bound = Math.Min(bound, limits.MaxGlyphsPerStream);
        return bound;
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var c in bytes) Step(c);
        Check();
    }

    /// <summary>The stream ended: a token running up to its end counts too.</summary>
    public void Finish()
    {
        if (_state == State.Token) EndToken();
        Check();
    }

    private void Step(byte c)
    {
        switch (_state)
        {
            case State.String:
                StringBytes++;
                if (_escape) _escape = false;
                else if (c == '\\') _escape = true;
                else if (c == '(') _stringDepth++;
                else if (c == ')' && --_stringDepth == 0) { _state = State.Normal; StringBytes--; }
                return;
            case State.Hex:
                if (c == '>') { StringBytes += _hexDigits / 2; _state = State.Normal; }
                else if (!PdfPreScanner.IsWhite(c)) _hexDigits++;
                return;
            case State.Comment:
                if (c is (byte)'\n' or (byte)'\r') _state = State.Normal;
                return;
            case State.InlineImage:
                // data ends at whitespace, `EI`, whitespace
                _recent = (_recent << 8) | c;
                if (PdfPreScanner.IsWhite(c) && ((_recent >> 8) & 0xFFFF) == ('E' << 8 | 'I') && PdfPreScanner.IsWhite((byte)(_recent >> 24)))
                {
                    _state = State.Normal;
                    Operators++;
                }
                return;
            case State.LessThan:
                if (c == '<') { _state = State.Normal; return; }
                _state = State.Hex;
                _hexDigits = 0;
                Step(c);
                return;
            case State.Token:
                if (IsRegular(c))
                {
                    if (_tokenLength < 4) _token |= (uint)c << (8 * _tokenLength);
                    _tokenLength++;
                    return;
                }
                EndToken();
                break;
            case State.Name:
                if (IsRegular(c)) return;
                _state = State.Normal;
                break;
        }

        // Normal
        switch (c)
        {
            case (byte)'(': _state = State.String; _stringDepth = 1; _escape = false; return;
            case (byte)'<': _state = State.LessThan; return;
            case (byte)'%': _state = State.Comment; return;
            case (byte)'/': _state = State.Name; return;
        }
        if (!IsRegular(c)) return;
        _state = State.Token;
        _tokenIsOperator = c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'\'' or (byte)'"';
        _token = c;
        _tokenLength = 1;
    }

    private void EndToken()
    {
        _state = State.Normal;
        if (!_tokenIsOperator) return;
        switch (_tokenLength)
        {
            case 1 when _token is 'l' or 'c' or 'v' or 'y': Segments++; break;
            case 2 when _token == ('r' | 'e' << 8): Segments += 4; break;
            case 2 when _token == ('I' | 'D' << 8): _state = State.InlineImage; _recent = 0; break;
            case 4 when _token == ('t' | 'r' << 8 | 'u' << 16 | 'e' << 24) || _token == ('n' | 'u' << 8 | 'l' << 16 | 'l' << 24): return;
            case 5 when _token == ('f' | 'a' << 8 | 'l' << 16 | 's' << 24): return;
        }
        Operators++;
    }

    private static bool IsRegular(byte c) =>
        !PdfPreScanner.IsWhite(c) && c is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
            or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    private void Check()
    {
        if (ResourceLimits.Exceeds(Segments, limits.MaxPathSegmentsPerStream))
            throw Exceeded("path segments", limits.MaxPathSegmentsPerStream, nameof(limits.MaxPathSegmentsPerStream));
        if (ResourceLimits.Exceeds(Operators, limits.MaxOperatorsPerStream))
            throw Exceeded("operators", limits.MaxOperatorsPerStream, nameof(limits.MaxOperatorsPerStream));
        if (ResourceLimits.Exceeds(StringBytes, limits.MaxGlyphsPerStream))
            throw Exceeded("bytes of shown text", limits.MaxGlyphsPerStream, nameof(limits.MaxGlyphsPerStream));
    }

    private PdfPreScanner.ContentLimitException Exceeded(string what, long limit, string option) =>
        new($"content stream {objectId} R has more than {limit.ToString("N0", CultureInfo.InvariantCulture)} {what} (limit {option})");
}
