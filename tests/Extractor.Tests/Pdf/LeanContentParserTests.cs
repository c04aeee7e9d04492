using System.Text;
using Extractor.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Parser;

namespace Extractor.Tests.Pdf;

/// <summary>
/// <see cref="LeanContentParser"/> reads the common operators into the operations PdfPig's parser makes, and hands
/// every stream with anything else to PdfPig's parser.
/// </summary>
public class LeanContentParserTests
{
    private static readonly PageContentParser PdfPigParser = new(ReflectionGraphicsStateOperationFactory.Instance, new StackDepthGuard(256), useLenientParsing: true);

    private static string Written(IEnumerable<IGraphicsStateOperation> operations)
    {
        using var stream = new MemoryStream();
        foreach (var operation in operations)
        {
            stream.WriteByte((byte)'|');
            stream.Write(Encoding.ASCII.GetBytes(operation.GetType().Name + ":"));
            operation.Write(stream);
        }
        return Encoding.Latin1.GetString(stream.ToArray());
    }

    private static string PdfPig(byte[] content) => Written(PdfPigParser.Parse(1, new MemoryInputBytes(content), Quiet.Log));

    [Theory]
    [InlineData("q 0.5 0 0 -0.5 10.25 .5 cm 1 w 0 J 0 j 10 M [] 0 d [3 1.5] 0 d Q")]
    [InlineData("100 700 m 300 700 l 1 2 3 4 5 6 c 1 2 3 4 v 1 2 3 4 y h S s f F f* B B* b b* n W n W* n")]
    [InlineData("10 20 300.125 -0.75 re f 5. 6 7 8 re f -.5 -0 m 12345678.87654321 0.000001 l S")]
    [InlineData("/GS1 gs 0.2 g 0.3 G 1 0 0 rg 0 1 0 RG 0 0 0 1 k 1 0 0 0 K /CS0 cs /CS1 CS 0.5 sc 0.1 0.2 0.3 SC 0.4 scn 0.5 0.6 SCN /RelativeColorimetric ri 1 i")]
    [InlineData("BT /F1 12 Tf 1 Tc 2 Tw 90 Tz 14 TL 3 Ts 0 Tr 72 700 Td 0 -14 TD 1 0 0 1 72 600 Tm T* (Hello) Tj (again) ' ET")]
    [InlineData("BT /F1 9 Tf [(A) -120 (B) 33.5 <0041 00 42> (C)] TJ <48656c6c6f> Tj <4> Tj < 41 42\n43 > Tj ET")]
    [InlineData("BT (a\\(b\\)c) Tj (nested (paren) here) Tj (\\101\\102\\103 \\7x \\12\\0) Tj (tab\\tnl\\nback\\\\slash \\q) Tj ET")]
    [InlineData("BT (split \\\nline) Tj (two \\\r\n\n lines) Tj (\xe4\xb8\xad\xe6\x96\x87) Tj ET")]
    [InlineData("/Span BMC EMC /P /MC0 BDC EMC /Im1 Do /Sh1 sh")]
    [InlineData("1 0 0 1 0 0 cm\r\n0.5 0.5 0.5 rg\r100 100 50 50 re\nf\t\f\0S")]
    [InlineData("")]
    public void Common_operators_are_read_as_PdfPig_reads_them(string text)
    {
        var content = Encoding.Latin1.GetBytes(text);
        var lean = LeanContentParser.TryParse(content);
        Assert.NotNull(lean);
        Assert.Equal(PdfPig(content), Written(lean));
    }

    /// <summary>Anything PdfPig reads in a way of its own goes to PdfPig's parser, and so comes out the same.</summary>
    [Theory]
    [InlineData("BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q")]
    [InlineData("/P << /MCID 0 >> BDC EMC")]
    [InlineData("1e3 0 m 0 0 l S")]
    [InlineData("1-2 0 m 0 0 l S")]
    [InlineData("+1 0 m 0 0 l S")]
    [InlineData("% a comment\n0 0 m 0 0 l S")]
    [InlineData("/F#31 12 Tf")]
    [InlineData("BT (\xfe\xff\x00\x41) Tj ET")]
    [InlineData("BT (\\777) Tj ET")]
    [InlineData("BT (a(b)\r\n/x) Tj ET")]
    [InlineData("0 0 m 0 l S")]
    [InlineData("0 0 m 1 1 l S xyz")]
    [InlineData("BT 1 2 (a) \" ET")]
    [InlineData("/Pattern cs /P0 scn")]
    [InlineData("0 0 1 1 re true f")]
    [InlineData("q \x01 Q")]
    [InlineData("BT [(a) [1] (b)] TJ ET")]
    [InlineData("BT (never ends Tj")]
    public void Anything_else_is_read_by_PdfPig(string text)
    {
        var content = Encoding.Latin1.GetBytes(text);
        Assert.Null(LeanContentParser.TryParse(content));
        var parsed = new LeanContentParser(PdfPigParser).Parse(1, new MemoryInputBytes(content), Quiet.Log);
        Assert.Equal(PdfPig(content), Written(parsed));
    }
}

internal sealed class Quiet : ILog
{
    public static Quiet Log { get; } = new();
    public void Debug(string message) { }
    public void Debug(string message, Exception ex) { }
    public void Warn(string message) { }
    public void Error(string message) { }
    public void Error(string message, Exception ex) { }
}
