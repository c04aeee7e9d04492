using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.ClippingPaths;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.MarkedContent;
using UglyToad.PdfPig.Graphics.Operations.PathConstruction;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf;

/// <summary>
/// A content-stream parser for the operators pages are made of, reading operands straight from the bytes (no token
/// object per number) into PdfPig's own operations. A stream with anything it does not read exactly as PdfPig does —
/// an unknown operator, operands of another shape, inline images, dictionaries, comments, escapes in names, odd
/// numbers (exponents, signs inside), strings PdfPig treats specially — is handed whole to PdfPig's parser.
/// </summary>
public sealed class LeanContentParser(IPageContentParser fallback) : IPageContentParser
{
    public IReadOnlyList<IGraphicsStateOperation> Parse(int pageNumber, IInputBytes inputBytes, ILog log)
    {
        var bytes = new byte[inputBytes.Length];
        inputBytes.Seek(0);
        var read = inputBytes.Read(bytes);
        return TryParse(bytes.AsSpan(0, read)) ?? fallback.Parse(pageNumber, new MemoryInputBytes(bytes.AsMemory(0, read)), log);
    }

    /// <returns>the stream's operations, or null when it needs PdfPig's parser</returns>
    public static IReadOnlyList<IGraphicsStateOperation>? TryParse(ReadOnlySpan<byte> content) => new LeanContentReader(content).TryRead();
}

/// <summary>One pass over a content stream; null when the stream needs PdfPig's parser.</summary>
internal ref struct LeanContentReader(ReadOnlySpan<byte> bytes)
{
    private enum Kind : byte { Number, Name, String, Hex, Array }

    /// <param name="Value">the name (string), the string's bytes (byte[]) or the array's tokens</param>
    private readonly record struct Operand(Kind Kind, double Number, object? Value);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;
    private readonly List<Operand> _operands = new(8);

    public List<IGraphicsStateOperation>? TryRead()
    {
        var operations = new List<IGraphicsStateOperation>(_bytes.Length / 8);
        while (true)
        {
            SkipWhitespace();
            if (_at >= _bytes.Length) return operations; // operands left at the end are dropped, as PdfPig drops them
            var c = _bytes[_at];
            if (IsNumberStart(c))
            {
                if (ReadNumber() is not { } number) return null;
                _operands.Add(new Operand(Kind.Number, number, null));
            }
            else if (c == '/')
            {
                if (ReadName() is not { } name) return null;
                _operands.Add(new Operand(Kind.Name, 0, name));
            }
            else if (c == '(')
            {
                if (ReadString() is not { } text) return null;
                _operands.Add(new Operand(Kind.String, 0, text));
            }
            else if (c == '<')
            {
                if (ReadHex() is not { } hex) return null;
                _operands.Add(new Operand(Kind.Hex, 0, hex));
            }
            else if (c == '[')
            {
                if (ReadArray() is not { } array) return null;
                _operands.Add(new Operand(Kind.Array, 0, array));
            }
            else if (c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'\'')
            {
                var start = _at;
                while (_at < _bytes.Length && !IsWhitespace(_bytes[_at]) && !EndsOperator(_bytes[_at])) _at++;
                if (!ContentOperators.TryFind(_bytes[start.._at], out var op) || Create(op) is not { } operation) return null;
                operations.Add(operation);
                _operands.Clear();
            }
            else return null;
        }
    }

    // ---- operations, each only in the operand shape PdfPig's operation factory reads the same way

    private readonly IGraphicsStateOperation? Create(ContentOperator op) => op switch
    {
        ContentOperator.m => Numbers(2) ? new BeginNewSubpath(N(0), N(1)) : null,
        ContentOperator.l => Numbers(2) ? new AppendStraightLineSegment(N(0), N(1)) : null,
        ContentOperator.c => Numbers(6) ? new AppendDualControlPointBezierCurve(N(0), N(1), N(2), N(3), N(4), N(5)) : null,
        ContentOperator.v => Numbers(4) ? new AppendStartControlPointBezierCurve(N(0), N(1), N(2), N(3)) : null,
        ContentOperator.y => Numbers(4) ? new AppendEndControlPointBezierCurve(N(0), N(1), N(2), N(3)) : null,
        ContentOperator.re => Numbers(4) ? new AppendRectangle(N(0), N(1), N(2), N(3)) : null,
        ContentOperator.h => None(CloseSubpath.Value),
        ContentOperator.S => None(StrokePath.Value),
        ContentOperator.s => None(CloseAndStrokePath.Value),
        ContentOperator.f => None(FillPathNonZeroWinding.Value),
        ContentOperator.F => None(FillPathNonZeroWindingCompatibility.Value),
        ContentOperator.fStar => None(FillPathEvenOddRule.Value),
        ContentOperator.B => None(FillPathNonZeroWindingAndStroke.Value),
        ContentOperator.BStar => None(FillPathEvenOddRuleAndStroke.Value),
        ContentOperator.b => None(CloseFillPathNonZeroWindingAndStroke.Value),
        ContentOperator.bStar => None(CloseFillPathEvenOddRuleAndStroke.Value),
        ContentOperator.n => None(EndPath.Value),
        ContentOperator.W => None(ModifyClippingByNonZeroWindingIntersect.Value),
        ContentOperator.WStar => None(ModifyClippingByEvenOddIntersect.Value),
        ContentOperator.q => None(Push.Value),
        ContentOperator.Q => None(Pop.Value),
        ContentOperator.cm => Numbers(6) ? new ModifyCurrentTransformationMatrix(AllNumbers()) : null,
        ContentOperator.w => Numbers(1) ? new SetLineWidth(N(0)) : null,
        ContentOperator.J => Numbers(1) ? new SetLineCap((int)N(0)) : null,
        ContentOperator.j => Numbers(1) ? new SetLineJoin((int)N(0)) : null,
        ContentOperator.M => Numbers(1) ? new SetMiterLimit(N(0)) : null,
        ContentOperator.i => Numbers(1) ? new SetFlatnessTolerance(N(0)) : null,
        ContentOperator.d => Dash(),
        ContentOperator.ri => Names(1) ? new SetColorRenderingIntent(Name(0)) : null,
        ContentOperator.gs => Names(1) ? new SetGraphicsStateParametersFromDictionary(Name(0)) : null,
        ContentOperator.g => Numbers(1) ? new SetNonStrokeColorDeviceGray(N(0)) : null,
        ContentOperator.G => Numbers(1) ? new SetStrokeColorDeviceGray(N(0)) : null,
        ContentOperator.rg => Numbers(3) ? new SetNonStrokeColorDeviceRgb(N(0), N(1), N(2)) : null,
        ContentOperator.RG => Numbers(3) ? new SetStrokeColorDeviceRgb(N(0), N(1), N(2)) : null,
        ContentOperator.k => Numbers(4) ? new SetNonStrokeColorDeviceCmyk(N(0), N(1), N(2), N(3)) : null,
        ContentOperator.K => Numbers(4) ? new SetStrokeColorDeviceCmyk(N(0), N(1), N(2), N(3)) : null,
        ContentOperator.sc => Numbers(_operands.Count) && _operands.Count > 0 ? new SetNonStrokeColor(AllNumbers()) : null,
        ContentOperator.SC => Numbers(_operands.Count) && _operands.Count > 0 ? new SetStrokeColor(AllNumbers()) : null,
        ContentOperator.scn => Numbers(_operands.Count) && _operands.Count > 0 ? new SetNonStrokeColorAdvanced(AllNumbers()) : null,
        ContentOperator.SCN => Numbers(_operands.Count) && _operands.Count > 0 ? new SetStrokeColorAdvanced(AllNumbers()) : null,
        ContentOperator.cs => Names(1) ? new SetNonStrokeColorSpace(Name(0)) : null,
        ContentOperator.CS => Names(1) ? new SetStrokeColorSpace(Name(0)) : null,
        ContentOperator.BT => None(BeginText.Value),
        ContentOperator.ET => None(EndText.Value),
        ContentOperator.Tc => Numbers(1) ? new SetCharacterSpacing(N(0)) : null,
        ContentOperator.Tw => Numbers(1) ? new SetWordSpacing(N(0)) : null,
        ContentOperator.Tz => Numbers(1) ? new SetHorizontalScaling(N(0)) : null,
        ContentOperator.TL => Numbers(1) ? new SetTextLeading(N(0)) : null,
        ContentOperator.Ts => Numbers(1) ? new SetTextRise(N(0)) : null,
        ContentOperator.Tr => Numbers(1) ? new SetTextRenderingMode((int)N(0)) : null,
        ContentOperator.Tf => _operands.Count == 2 && _operands[0].Kind == Kind.Name && _operands[1].Kind == Kind.Number ? new SetFontAndSize(Name(0), N(1)) : null,
        ContentOperator.Td => Numbers(2) ? new MoveToNextLineWithOffset(N(0), N(1)) : null,
        ContentOperator.TD => Numbers(2) ? new MoveToNextLineWithOffsetSetLeading(N(0), N(1)) : null,
        ContentOperator.Tm => Numbers(6) ? new SetTextMatrix(AllNumbers()) : null,
        ContentOperator.TStar => None(MoveToNextLine.Value),
        ContentOperator.Tj => OneString(Kind.String) is { } text ? new ShowText(Encoding.Latin1.GetString(text))
            : OneString(Kind.Hex) is { } hex ? new ShowText(hex) : null,
        ContentOperator.Quote => OneString(Kind.String) is { } text ? new MoveToNextLineShowText(Encoding.Latin1.GetString(text))
            : OneString(Kind.Hex) is { } hex ? new MoveToNextLineShowText(hex) : null,
        ContentOperator.TJ => _operands.Count == 1 && _operands[0].Kind == Kind.Array ? new ShowTextsWithPositioning((List<IToken>)_operands[0].Value!) : null,
        ContentOperator.Do => Names(1) ? new InvokeNamedXObject(Name(0)) : null,
        ContentOperator.BMC => Names(1) ? new BeginMarkedContent(Name(0)) : null,
        ContentOperator.BDC => Names(2) ? new BeginMarkedContentWithProperties(Name(0), Name(1)) : null,
        ContentOperator.EMC => None(EndMarkedContent.Value),
        ContentOperator.sh => Names(1) ? new PaintShading(Name(0)) : null,
        _ => null,
    };

    private readonly IGraphicsStateOperation? None(IGraphicsStateOperation operation) => _operands.Count == 0 ? operation : null;

    private readonly bool Numbers(int count)
    {
        if (_operands.Count != count) return false;
        foreach (var operand in _operands) if (operand.Kind != Kind.Number) return false;
        return true;
    }

    private readonly bool Names(int count)
    {
        if (_operands.Count != count) return false;
        foreach (var operand in _operands) if (operand.Kind != Kind.Name) return false;
        return true;
    }

    private readonly double N(int index) => _operands[index].Number;

    private readonly NameToken Name(int index) => NameToken.Create((string)_operands[index].Value!);

    private readonly double[] AllNumbers()
    {
        var result = new double[_operands.Count];
        for (var i = 0; i < result.Length; i++) result[i] = _operands[i].Number;
        return result;
    }

    /// <summary>The one operand's bytes; a literal string becomes text as in PdfPig (its operation re-encodes it as Latin-1).</summary>
    private readonly byte[]? OneString(Kind kind) =>
        _operands.Count == 1 && _operands[0].Kind == kind ? (byte[])_operands[0].Value! : null;

    /// <summary>`[on off …] phase d` with numbers only in the array.</summary>
    private readonly IGraphicsStateOperation? Dash()
    {
        if (_operands.Count != 2 || _operands[0].Kind != Kind.Array || _operands[1].Kind != Kind.Number) return null;
        var array = (List<IToken>)_operands[0].Value!;
        var dashes = new double[array.Count];
        for (var i = 0; i < dashes.Length; i++)
        {
            if (array[i] is not NumericToken number) return null;
            dashes[i] = number.Data;
        }
        return new SetLineDashPattern(dashes, (int)N(1));
    }

    // ---- tokens

    private static bool IsWhitespace(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsNumberStart(byte c) => c is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'+';

    /// <summary>Bytes that end an operator besides whitespace (PdfPig's plain tokens).</summary>
    private static bool EndsOperator(byte c) => c is (byte)'%' or (byte)'(' or (byte)')' or (byte)'/' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']';

    /// <summary>Bytes that end a name besides whitespace.</summary>
    private static bool EndsName(byte c) => c is (byte)'(' or (byte)')' or (byte)'/' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']';

    private void SkipWhitespace()
    {
        while (_at < _bytes.Length && IsWhitespace(_bytes[_at])) _at++;
    }

    /// <summary>
    /// `-12.375`: an optional leading minus, digits, at most one point. PdfPig's arithmetic exactly: the integer part
    /// accumulated as a double, the fraction as an integer divided by its power of ten.
    /// </summary>
    private double? ReadNumber()
    {
        var negative = false;
        if (_bytes[_at] == '-') { negative = true; _at++; }
        double whole = 0;
        long fraction = 0;
        int fractionDigits = 0, digits = 0;
        var point = false;
        for (; _at < _bytes.Length; _at++)
        {
            var c = _bytes[_at];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
                if (point) { fraction = fraction * 10 + (c - '0'); fractionDigits++; }
                else whole = whole * 10.0 + (c - '0');
            }
            else if (c == '.' && !point) point = true;
            else if (c is (byte)'.' or (byte)'-' or (byte)'+' or (byte)'e' or (byte)'E') return null;
            else break;
        }
        if (digits == 0 || fractionDigits > 18) return null;
        if (fractionDigits > 0)
            whole = fractionDigits switch
            {
                1 => whole + fraction / 10.0,
                2 => whole + fraction / 100.0,
                3 => whole + fraction / 1000.0,
                _ => whole + fraction / Math.Pow(10.0, fractionDigits),
            };
        if (negative) whole = 0.0 - whole;
        return whole == 0.0 ? 0.0 : whole;
    }

    /// <summary>A name of plain ASCII characters (no `#` escapes).</summary>
    private string? ReadName()
    {
        var start = ++_at;
        while (_at < _bytes.Length && !IsWhitespace(_bytes[_at]) && !EndsName(_bytes[_at]))
        {
            var c = _bytes[_at];
            if (c is (byte)'#' or (byte)'%' or (byte)'{' or (byte)'}' or < 0x21 or > 0x7E) return null;
            _at++;
        }
        return Encoding.ASCII.GetString(_bytes[start.._at]);
    }

    /// <summary>
    /// A literal string's bytes, with PdfPig's reading of escapes (octal, `\n`…, a backslash before a line end joins
    /// lines). Strings PdfPig reads otherwise are left to it: a byte-order mark (it decodes UTF-16), an octal escape
    /// above 255, a `)` followed by a carriage return (its end-of-string guess), an unterminated string.
    /// </summary>
    private byte[]? ReadString()
    {
        var result = new List<byte>(32);
        var depth = 1;
        bool escaped = false, joiningLines = false, octal = false;
        int octalValue = 0, octalDigits = 0;
        while (++_at < _bytes.Length)
        {
            var c = _bytes[_at];
            if (octal)
            {
                var digit = c is >= (byte)'0' and <= (byte)'7';
                if (digit) { octalValue = octalValue * 8 + (c - '0'); octalDigits++; }
                if (octalDigits == 3 || !digit)
                {
                    if (octalValue > 255) return null;
                    result.Add((byte)octalValue);
                    octal = false;
                }
                if (digit) continue;
            }
            switch (c)
            {
                case (byte)')':
                    joiningLines = false;
                    if (!escaped) depth--;
                    escaped = false;
                    if (depth > 0) result.Add(c);
                    if (depth > 0 && _at + 1 < _bytes.Length && _bytes[_at + 1] == '\r') return null;
                    break;
                case (byte)'(':
                    joiningLines = false;
                    if (!escaped) depth++;
                    escaped = false;
                    result.Add(c);
                    break;
                case (byte)'\\':
                    joiningLines = false;
                    if (escaped) { result.Add(c); escaped = false; }
                    else escaped = true;
                    break;
                default:
                    if (joiningLines)
                    {
                        if (c is (byte)'\r' or (byte)'\n') continue;
                        joiningLines = false;
                        result.Add(c);
                    }
                    else if (escaped)
                    {
                        escaped = false;
                        switch (c)
                        {
                            case (byte)'n': result.Add((byte)'\n'); break;
                            case (byte)'r': result.Add((byte)'\r'); break;
                            case (byte)'t': result.Add((byte)'\t'); break;
                            case (byte)'b': result.Add((byte)'\b'); break;
                            case (byte)'f': result.Add((byte)'\f'); break;
                            case >= (byte)'0' and <= (byte)'7': octal = true; octalValue = c - '0'; octalDigits = 1; break;
                            case (byte)'\r' or (byte)'\n': joiningLines = true; break;
                            default: result.Add(c); break;
                        }
                    }
                    else result.Add(c);
                    break;
            }
            if (depth <= 0)
            {
                _at++;
                if (result.Count >= 2 && ((result[0] == 0xFE && result[1] == 0xFF) || (result[0] == 0xFF && result[1] == 0xFE))) return null;
                return [.. result];
            }
        }
        return null;
    }

    /// <summary>`&lt;48 65&gt;`: hex digits (whitespace between them), an odd last digit padded with 0.</summary>
    private byte[]? ReadHex()
    {
        if (_at + 1 < _bytes.Length && _bytes[_at + 1] == '<') return null; // a dictionary
        var result = new List<byte>(16);
        int high = -1;
        while (++_at < _bytes.Length)
        {
            var c = _bytes[_at];
            if (IsWhitespace(c)) continue;
            if (c == '>')
            {
                _at++;
                if (high >= 0) result.Add((byte)(high << 4));
                return [.. result];
            }
            var value = HexValue(c);
            if (value < 0) return null;
            if (high < 0) high = value;
            else { result.Add((byte)((high << 4) | value)); high = -1; }
        }
        return null;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A flat array of numbers and strings (TJ, d) as PdfPig's tokens.</summary>
    private List<IToken>? ReadArray()
    {
        var result = new List<IToken>();
        _at++;
        while (true)
        {
            SkipWhitespace();
            if (_at >= _bytes.Length) return null;
            var c = _bytes[_at];
            if (c == ']') { _at++; return result; }
            if (IsNumberStart(c))
            {
                if (ReadNumber() is not { } number) return null;
                result.Add(number == 0 ? NumericToken.Zero : new NumericToken(number));
            }
            else if (c == '(')
            {
                if (ReadString() is not { } text) return null;
                result.Add(new StringToken(Encoding.Latin1.GetString(text)));
            }
            else if (c == '<')
            {
                var start = _at;
                if (ReadHex() is null) return null;
                var chars = new List<char>(_at - start);
                foreach (var b in _bytes[(start + 1)..(_at - 1)]) if (!IsWhitespace(b)) chars.Add((char)b);
                result.Add(new HexToken(chars.ToArray()));
            }
            else return null;
        }
    }
}

/// <summary>The operators <see cref="LeanContentReader"/> reads itself.</summary>
internal enum ContentOperator
{
    m, l, c, v, y, re, h, S, s, f, F, fStar, B, BStar, b, bStar, n, W, WStar, q, Q, cm, w, J, j, M, i, d, ri, gs,
    g, G, rg, RG, k, K, sc, SC, scn, SCN, cs, CS, BT, ET, Tc, Tw, Tz, TL, Ts, Tr, Tf, Td, TD, Tm, TStar, Tj, Quote, TJ,
    Do, BMC, BDC, EMC, sh,
}

internal static class ContentOperators
{
    /// <summary>Operator bytes (at most three) packed into an int → operator.</summary>
    private static readonly Dictionary<int, ContentOperator> ByKey = Build();

    private static Dictionary<int, ContentOperator> Build()
    {
        var result = new Dictionary<int, ContentOperator>();
        foreach (var op in Enum.GetValues<ContentOperator>())
        {
            var symbol = op switch
            {
                ContentOperator.fStar => "f*",
                ContentOperator.BStar => "B*",
                ContentOperator.bStar => "b*",
                ContentOperator.WStar => "W*",
                ContentOperator.TStar => "T*",
                ContentOperator.Quote => "'",
                _ => op.ToString(),
            };
            result.Add(Key(Encoding.ASCII.GetBytes(symbol)), op);
        }
        return result;
    }

    private static int Key(ReadOnlySpan<byte> symbol)
    {
        var key = 0;
        for (var i = 0; i < symbol.Length; i++) key |= symbol[i] << (8 * i);
        return key;
    }

    public static bool TryFind(ReadOnlySpan<byte> symbol, out ContentOperator op)
    {
        op = default;
        return symbol.Length is > 0 and <= 3 && ByKey.TryGetValue(Key(symbol), out op);
    }
}
