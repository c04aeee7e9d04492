using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;
using UglyToad.PdfPig.XObjects;

namespace Extractor.Pdf;

/// <summary>What <see cref="LeanStreamProcessor"/> collects from one page's content.</summary>
internal sealed record LeanContent(List<InkLetter> Letters, PageVectors Vectors, List<XObjectContentRecord> Images, int InlineImages);

/// <summary>
/// PdfPig's content-stream interpreter (text state, fonts, graphics state, forms are its own) keeping only what the
/// pipeline reads: letters as small structs and painted paths as flat lists. It mirrors PdfPig's ContentStreamProcessor
/// step by step (same glyph box, same subpath rules), without letter and path objects, marked content or clipping
/// geometry, which we do not use (PdfPig clips nothing unless asked: <see cref="ParsingOptions.ClipPaths"/>).
/// </summary>
internal sealed class LeanStreamProcessor(int pageNumber, IResourceStore resourceStore, IPdfTokenScanner pdfScanner, IPageContentParser pageContentParser,
    ILookupFilterProvider filterProvider, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, ParsingOptions parsingOptions)
    : BaseStreamProcessor<LeanContent>(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, in initialMatrix, parsingOptions)
{
    private readonly List<InkLetter> _letters = [];
    private readonly List<int> _letterSequences = [];
    private readonly PageVectors _vectors = new();
    private readonly List<XObjectContentRecord> _images = [];
    private int _inlineImages;

    // The path being built (PdfPig's CurrentPath / CurrentSubpath), as positions in the flat lists.
    private bool _pathOpen;
    private bool _pathClipping, _pathStroked, _pathFilled;
    private int _pathFirstSubpath, _pathFirstCommand;
    private bool _subpathOpen;
    private int _subpathFirstCommand;
    private PdfPoint _subpathPosition;

    public override LeanContent Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        PageNumber = pageNumberCurrent;
        CloneAllStates();
        ProcessOperations(operations);
        return new LeanContent(_letters, _vectors, _images, _inlineImages);
    }

    public override void RenderGlyph(IFont font, CurrentGraphicsState currentState, double fontSize, double pointSize, int code, string unicode, long currentOffset,
        in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix, CharacterBoundingBox characterBoundingBox)
    {
        // A combining mark shown right after its letter in the same text operation joins it (PdfPig's rule).
        if (Diacritics.IsInCombiningDiacriticRange(unicode) && currentOffset > 0 && _letters.Count > 0)
        {
            var last = _letters.Count - 1;
            if (_letterSequences[last] == TextSequence && Diacritics.TryCombineDiacriticWithPreviousLetter(unicode, _letters[last].Value, out var combined))
            {
                _letters[last] = _letters[last] with { Value = combined };
                return;
            }
        }
        var glyph = PerformantRectangleTransformer.Transform(renderingMatrix, textMatrix, transformationMatrix, characterBoundingBox.GlyphBounds);
        var advance = PerformantRectangleTransformer.Transform(renderingMatrix, textMatrix, transformationMatrix, new PdfRectangle(0, 0, characterBoundingBox.Width, UserSpaceUnit.PointMultiples));
        // A glyph box is taken when it has any extent (a space may be flat); otherwise the advance box.
        var valid = glyph.Width > double.Epsilon || glyph.Height > double.Epsilon;
        _letters.Add(new InkLetter(unicode, valid ? glyph : advance, advance.BottomLeft, advance.BottomRight, pointSize));
        _letterSequences.Add(TextSequence);
    }

    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord) => _images.Add(xObjectContentRecord);

    protected override void RenderInlineImage(InlineImage inlineImage) => _inlineImages++;

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties) { }

    public override void EndMarkedContent() { }

    public override void PaintShading(NameToken shadingName) { }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule) { }

    public override void BeginSubpath()
    {
        if (!_pathOpen)
        {
            _pathOpen = true;
            _pathClipping = _pathStroked = _pathFilled = false;
            _pathFirstSubpath = _vectors.Subpaths.Count;
            _pathFirstCommand = _vectors.Commands.Count;
        }
        AddCurrentSubpath();
        _subpathOpen = true;
        _subpathFirstCommand = _vectors.Commands.Count;
    }

    public override PdfPoint? CloseSubpath()
    {
        if (!_subpathOpen) return null;
        var first = _vectors.Commands[_subpathFirstCommand];
        var point = new PdfPoint(first.ToX, first.ToY);
        _vectors.Commands.Add(new PathCommand(PathCommandKind.Close, 0, 0, 0, 0));
        AddCurrentSubpath();
        return point;
    }

    private void AddCurrentSubpath()
    {
        if (!_subpathOpen) return;
        _vectors.Subpaths.Add(new SubpathSpan(_subpathFirstCommand, _vectors.Commands.Count - _subpathFirstCommand));
        _subpathOpen = false;
    }

    public override void StrokePath(bool close) => Paint(stroke: true, fill: false, close);

    public override void FillPath(FillingRule fillingRule, bool close) => Paint(stroke: false, fill: true, close);

    public override void FillStrokePath(FillingRule fillingRule, bool close) => Paint(stroke: true, fill: true, close);

    private void Paint(bool stroke, bool fill, bool close)
    {
        if (!_pathOpen) return;
        _pathStroked |= stroke;
        _pathFilled |= fill;
        if (close && _subpathOpen) _vectors.Commands.Add(new PathCommand(PathCommandKind.Close, 0, 0, 0, 0));
        ClosePath();
    }

    public override void MoveTo(double x, double y)
    {
        BeginSubpath();
        var point = CurrentTransformationMatrix.Transform(new PdfPoint(x, y));
        CurrentPosition = point;
        _vectors.Commands.Add(new PathCommand(PathCommandKind.Move, 0, 0, point.X, point.Y));
        _subpathPosition = point;
    }

    public override void BezierCurveTo(double x2, double y2, double x3, double y3) => CurveTo(x3, y3);

    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3) => CurveTo(x3, y3);

    /// <summary>A curve is never a rule: only its end point (the next segment's start) matters.</summary>
    private void CurveTo(double x3, double y3)
    {
        if (!_subpathOpen) return;
        var end = CurrentTransformationMatrix.Transform(new PdfPoint(x3, y3));
        _vectors.Commands.Add(new PathCommand(PathCommandKind.Curve, 0, 0, 0, 0));
        CurrentPosition = end;
        _subpathPosition = end;
    }

    public override void LineTo(double x, double y)
    {
        if (!_subpathOpen) return;
        var end = CurrentTransformationMatrix.Transform(new PdfPoint(x, y));
        _vectors.Commands.Add(new PathCommand(PathCommandKind.Line, _subpathPosition.X, _subpathPosition.Y, end.X, end.Y));
        _subpathPosition = end;
        CurrentPosition = end;
    }

    public override void Rectangle(double x, double y, double width, double height)
    {
        BeginSubpath();
        var lowerLeft = CurrentTransformationMatrix.Transform(new PdfPoint(x, y));
        var upperRight = CurrentTransformationMatrix.Transform(new PdfPoint(x + width, y + height));
        // PdfSubpath.Rectangle's arithmetic exactly: corners from the lower left plus the width and height.
        double x0 = lowerLeft.X, y0 = lowerLeft.Y, w = upperRight.X - lowerLeft.X, h = upperRight.Y - lowerLeft.Y;
        var commands = _vectors.Commands;
        commands.Add(new PathCommand(PathCommandKind.Move, 0, 0, x0, y0));
        commands.Add(new PathCommand(PathCommandKind.Line, x0, y0, x0 + w, y0));
        commands.Add(new PathCommand(PathCommandKind.Line, x0 + w, y0, x0 + w, y0 + h));
        commands.Add(new PathCommand(PathCommandKind.Line, x0 + w, y0 + h, x0, y0 + h));
        commands.Add(new PathCommand(PathCommandKind.Close, 0, 0, 0, 0));
        _subpathPosition = new PdfPoint(x0, y0 + h);
        AddCurrentSubpath();
    }

    public override void EndPath()
    {
        if (!_pathOpen) return;
        AddCurrentSubpath();
        Discard();
    }

    /// <summary>The path is drawn: kept when it shows ink, as PdfPig would list it.</summary>
    public override void ClosePath()
    {
        AddCurrentSubpath();
        if (_pathClipping)
        {
            EndPath();
            return;
        }
        var state = GetCurrentState();
        var stroked = _pathStroked && !Ink.IsWhite(state.CurrentStrokingColor);
        var filled = _pathFilled && !Ink.IsWhite(state.CurrentNonStrokingColor);
        if (!stroked && !filled)
        {
            Discard();
            return;
        }
        _vectors.Paths.Add(new PaintedPath(stroked, filled, _pathFirstSubpath, _vectors.Subpaths.Count - _pathFirstSubpath));
        _pathOpen = false;
    }

    /// <summary>A path that draws nothing we read (clipping, unpainted or white) leaves no trace.</summary>
    private void Discard()
    {
        _vectors.Subpaths.RemoveRange(_pathFirstSubpath, _vectors.Subpaths.Count - _pathFirstSubpath);
        _vectors.Commands.RemoveRange(_pathFirstCommand, _vectors.Commands.Count - _pathFirstCommand);
        _pathOpen = false;
    }

    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
        if (!_pathOpen) return;
        AddCurrentSubpath();
        _pathClipping = true;
        _pathStroked = _pathFilled = false;
    }
}
