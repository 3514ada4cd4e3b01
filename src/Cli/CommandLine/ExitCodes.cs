namespace Governance.Cli.CommandLine;

/// <summary>What the process tells its caller (scripts check these).</summary>
public static class ExitCodes
{
    /// <summary>The command ran to its end; a replay with rejected rows still ran.</summary>
    public const int Success = 0;

    /// <summary>It could not run to its end: the server was unreachable, a stream failed, the input broke part-way.</summary>
    public const int Failed = 1;

    /// <summary>The command line, or a file it names (a mapping that does not fit the CSV), is wrong: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C after the reports already sent were answered (128 + SIGINT, as shells expect).</summary>
    public const int Interrupted = 130;
}
