namespace Extractor.Cli;

/// <summary>The documented exit codes (README, Exit codes; `--help`). Every command returns one of these.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A bug: one line `internal error: …` (the stack trace only with EXTRACTOR_DEBUG=1).</summary>
    public const int Internal = 1;
    /// <summary>The input is not a readable PDF, has no usable text layer, is too large for the bounds, or is missing.</summary>
    public const int Unreadable = 2;
    /// <summary>`extract --strict`: a reconciliation check failed.</summary>
    public const int ReconciliationFailed = 3;
    /// <summary>`batch`: some documents failed (each has its error file and journal line).</summary>
    public const int SomeFailed = 4;
    /// <summary>A usage mistake: unknown option, bad value, bad page number; the message and help go to stderr.</summary>
    public const int Usage = 64;
    /// <summary>An output cannot be written: read-only or missing folder, permission, `-o` naming a folder.</summary>
    public const int CannotWrite = 73;
    /// <summary>The disk is full or another I/O failure stopped the run (a batch's journal says what was not done).</summary>
    public const int IoError = 74;
    /// <summary>Another batch is running on the same output folder (its lock file is held).</summary>
    public const int Locked = 75;
    /// <summary>Interrupted (Ctrl-C / SIGTERM).</summary>
    public const int Interrupted = 130;

    public const string Help = """
        Exit codes: 0 ok; 1 internal error; 2 unreadable, too large or missing input; 3 reconciliation failed (--strict);
        4 some batch documents failed; 64 usage error; 73 cannot write an output; 74 disk full or I/O error;
        75 output folder locked by another batch; 130 interrupted.
        """;
}

/// <summary>A mistake on the command line found by a command itself (e.g. a page number past the end).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The output folder is in use by another batch.</summary>
public sealed class FolderLockedException(string message) : Exception(message);
