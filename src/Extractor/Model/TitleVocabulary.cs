namespace Extractor.Model;

/// <summary>What a vocabulary of table titles says about a heading.</summary>
public enum TitleVerdict { NotATitle, Table, Form }

/// <summary>
/// Tells the structure stage which headings name tables and which name forms (performance sheets). Implemented by the
/// recognition catalogue and passed in by the pipeline: a contract of the model, so that neither stage depends on the other.
/// </summary>
public interface ITitleVocabulary
{
    TitleVerdict Classify(string title);
}
