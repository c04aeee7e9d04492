using System.Text;
using System.Text.RegularExpressions;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reliability;

/// <summary>Issue 10 defect 8: damage that poppler reads through is read through here too, and messages say what is wrong.</summary>
public class RecoveryTests
{
    private const string Fixture = "corpus/sh-putuo-welfare-home-2024-unit-budget.pdf";
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static TheoryData<string> Damage() =>
    [
        "deep array in an unused key", "wrong /Length (too long)", "wrong /Length (too short)", "startxref removed",
        "huge number in an unused key", "xref table destroyed", "startxref pointing nowhere", "trailer cut off",
        "junk before the header", "unbalanced dictionary in an unused key", "huge /Length",
    ];

    /// <summary>The damaged copy, made from the fixture's text (Latin-1 keeps every byte).</summary>
    private static byte[] Damaged(string damage)
    {
        var pdf = Latin1.GetString(File.ReadAllBytes(Repo.Fixture(Fixture)));
        var length = Regex.Match(pdf, @"/Length (\d+)");
        string Length(int value) => pdf[..length.Groups[1].Index] + value + pdf[(length.Groups[1].Index + length.Groups[1].Length)..];
        var text = damage switch
        {
            "deep array in an unused key" => Insert(pdf, "/Junk " + new string('[', 100_000) + new string(']', 100_000)),
            "wrong /Length (too long)" => Length(int.Parse(length.Groups[1].Value) + 500),
            "wrong /Length (too short)" => Length(int.Parse(length.Groups[1].Value) / 2),
            "startxref removed" => pdf[..pdf.LastIndexOf("startxref", StringComparison.Ordinal)] + "%%EOF\r",
            "huge number in an unused key" => Insert(pdf, "/Junk 9" + new string('9', 400)),
            "xref table destroyed" => pdf[..pdf.LastIndexOf("xref", StringComparison.Ordinal)] + "xref\rgarbage\r" + pdf[pdf.LastIndexOf("trailer", StringComparison.Ordinal)..],
            "startxref pointing nowhere" => pdf[..pdf.LastIndexOf("startxref", StringComparison.Ordinal)] + "startxref\r12345\r%%EOF\r",
            "trailer cut off" => pdf[..pdf.LastIndexOf("xref", StringComparison.Ordinal)],
            "junk before the header" => string.Concat(Enumerable.Repeat("JUNK", 100)) + pdf,
            "unbalanced dictionary in an unused key" => Insert(pdf, "/Junk <<<< /A"),
            "huge /Length" => pdf[..length.Groups[1].Index] + "99999999999999999999" + pdf[(length.Groups[1].Index + length.Groups[1].Length)..],
            _ => throw new ArgumentException(damage),
        };
        return Latin1.GetBytes(text);
    }

    private static string Insert(string pdf, string entry)
    {
        var at = pdf.IndexOf("/Author ()", StringComparison.Ordinal); // the Info dictionary: read by nobody here
        Assert.True(at > 0);
        return pdf[..at] + entry + pdf[at..];
    }

    [Theory]
    [MemberData(nameof(Damage))]
    public void Damaged_copies_extract_like_the_original(string damage)
    {
        var original = DocumentExtractor.Extract(File.ReadAllBytes(Repo.Fixture(Fixture)), "original.pdf");
        var damaged = DocumentExtractor.Extract(Damaged(damage), "damaged.pdf");
        Assert.Equal(original.Tables.Count, damaged.Tables.Count);
        Assert.Equal(original.Tables.Sum(t => t.Records.Count), damaged.Tables.Sum(t => t.Records.Count));
    }

    [Fact]
    public void A_deep_array_is_flattened_without_moving_any_byte()
    {
        var pdf = Damaged("deep array in an unused key");
        var repaired = PdfRepair.FlattenDeepArrays(pdf)!;
        Assert.Equal(pdf.Length, repaired.Length);
        // of the 100,000 nested brackets, the outer 64 are kept
        var original = File.ReadAllBytes(Repo.Fixture(Fixture)).Count(b => b == '[');
        Assert.Equal(original + PdfRepair.MaxArrayDepth, repaired.Count(b => b == '['));
        Assert.Null(PdfRepair.FlattenDeepArrays(File.ReadAllBytes(Repo.Fixture(Fixture))));
    }

    [Fact]
    public void A_file_cut_off_before_its_xref_is_read_from_its_objects()
    {
        var whole = HostilePdf.Pages(3);
        var cut = whole[..(Latin1.GetString(whole).LastIndexOf("xref", StringComparison.Ordinal) - 3)]; // inside the last endobj
        using var reader = PdfPageReader.Open(cut, "cut.pdf");
        Assert.Equal(3, reader.PageCount);
        Assert.Equal("page", string.Concat(reader.ReadPage(2).Glyphs.Select(g => g.Text)));
    }

    [Fact]
    public void A_page_whose_text_was_lost_to_damage_is_not_called_a_scan()
    {
        // content that is no content: no text, no image – the message must not guess "scanned"
        var pdf = HostilePdf.OnePage("<< >>", "q 1 0 0 1 0 0 cm Q"u8.ToArray());
        var error = Assert.Throws<UnreadableDocumentException>(() => DocumentExtractor.Extract(pdf, "blank.pdf"));
        Assert.DoesNotContain("scanned", error.Message);
        Assert.Contains("damaged content streams", error.Message);
    }

    [Fact]
    public void Internal_reader_wording_never_reaches_the_user()
    {
        Assert.Equal("an object has the wrong type or is missing",
            PdfPageReader.Describe(new InvalidCastException("Unable to cast object of type 'UglyToad.PdfPig.Tokens.OperatorToken' to type 'UglyToad.PdfPig.Tokens.NumericToken'.")));
    }
}
