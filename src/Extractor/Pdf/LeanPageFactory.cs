using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.XObjects;

namespace Extractor.Pdf;

/// <summary>
/// PdfPig's page factory for <see cref="PageInk"/>: PdfPig finds the page, its resources and content and parses the
/// operators (<see cref="LeanContentParser"/>, PdfPig's parser behind it); <see cref="LeanStreamProcessor"/> runs them. No annotations, marked content or path objects are made.
/// Registered with <c>document.AddPageFactory&lt;PageInk, LeanPageFactory&gt;()</c>, which calls this constructor.
/// </summary>
internal sealed class LeanPageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider,
    IPageContentParser pageContentParser, ParsingOptions parsingOptions)
    : BasePageFactory<PageInk>(pdfScanner, resourceStore, filterProvider, new LeanContentParser(pageContentParser), parsingOptions)
{
    protected override PageInk ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations, MediaBox mediaBox, CropBox cropBox,
        UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        var visible = cropBox.GetVisibleBounds(rotation);
        if (operations is null || operations.Count == 0)
            return new PageInk(rotation.Value, mediaBox.Bounds, visible.Width, visible.Height, [], PageVectors.Empty, () => 0);
        var content = new LeanStreamProcessor(pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions)
            .Process(pageNumber, operations);
        return new PageInk(rotation.Value, mediaBox.Bounds, visible.Width, visible.Height, content.Letters, content.Vectors, () => CountImages(content));
    }

    /// <summary>As PdfPig's Page.GetImages().Count(): every image XObject is read (a broken one throws), inline images count as they are.</summary>
    private int CountImages(LeanContent content)
    {
        foreach (var record in content.Images) _ = XObjectFactory.ReadImage(record, PdfScanner, FilterProvider, ResourceStore);
        return content.Images.Count + content.InlineImages;
    }
}
