using Extractor.Cli.Batch;
using Extractor.Cli.Inputs;

namespace Extractor.Tests.Scale;

public sealed class InputResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("extractor-inputs-").FullName;

    private string Touch(string relative, string content = "%PDF-1.4\n")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Files_folders_globs_manifests_and_stdin_resolve_to_one_item_per_document()
    {
        var a = Touch("a.pdf");
        var b = Touch("deep/er/b.PDF");
        var c = Touch("glob/2025/c.pdf");
        Touch("glob/2025/readme.txt", "not listed by the glob");
        var d = Touch("listed/d.pdf");
        var sha = new string('a', 64);
        var manifest = Touch("list.txt", $"# a comment\n\nlisted/d.pdf\t{sha}\nhttps://example.gov.cn/2025/预算.pdf\n{a}\n");
        var stdin = new StringReader("https://example.gov.cn/x.pdf\n");

        var items = new InputResolver(stdin, _root).Resolve([a, Path.Combine(_root, "deep"), "glob/**/*.pdf", manifest, "-", "missing.pdf"]);

        Assert.Equal(new[] { a, b, c, d, Path.Combine(_root, "missing.pdf"), "https://example.gov.cn/2025/预算.pdf", "https://example.gov.cn/x.pdf" }.Order(StringComparer.Ordinal),
            items.Select(i => i.Identity));
        Assert.Equal(sha, items.Single(i => i.Identity == d).ExpectedSha256);
        Assert.All(items.Where(i => !i.IsUrl), i => Assert.Equal(i.Identity, i.LocalPath));
        Assert.All(items.Where(i => i.IsUrl), i => Assert.Null(i.LocalPath));
    }

    [Fact]
    public void A_manifest_with_a_bad_digest_names_the_file_and_line()
    {
        var manifest = Touch("bad.tsv", "a.pdf\nb.pdf\tnot-a-digest\n");
        var e = Assert.Throws<InputException>(() => new InputResolver(null, _root).Resolve([manifest]));
        Assert.Equal($"{manifest}: line 2: expected a SHA-256 (64 hex digits) after the tab, found \"not-a-digest\"", e.Message);
    }

    [Fact]
    public void A_pdf_without_the_pdf_extension_is_a_document_not_a_manifest()
    {
        var pdf = Touch("download", "%PDF-1.7\n...");
        Assert.Equal([pdf], new InputResolver(null, _root).Resolve([pdf]).Select(i => i.Identity));
    }

    [Fact]
    public void Urls_get_output_names_from_their_last_segment()
    {
        InputItem[] urls = [
            InputItem.Url("https://a.example/2025/%E9%A2%84%E7%AE%97.pdf"), InputItem.Url("https://b.example/2025/预算.pdf"), InputItem.Url("https://c.example/"),
        ];
        var items = OutputNames.Assign(urls.Select(u => new BatchInput(u, Path.GetFileNameWithoutExtension(u.DisplayName))), new Dictionary<string, string>());
        Assert.Equal("预算", items[0].OutputBase);
        Assert.Matches("^预算~[0-9a-f]{8}$", items[1].OutputBase);
        Assert.Equal("download", items[2].OutputBase);
    }

    public void Dispose() => Directory.Delete(_root, true);
}
