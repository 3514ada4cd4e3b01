using Spectre.Console;

namespace Governance.Cli.CommandLine;

/// <summary>
/// Where the tool writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>, and whether each is
/// a terminal (a redirected stream gets no redrawn bar, no colours and no control codes). Tests pass string writers.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>Width for tables written to a file or pipe, where there is no terminal to ask.</summary>
    private const int RedirectedWidth = 120;

    public static CliConsole FromSystem() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>A Spectre.Console view of <see cref="Out"/>.</summary>
    public IAnsiConsole RichOut() => Rich(Out, OutIsTerminal);

    /// <summary>A Spectre.Console view of <see cref="Error"/>.</summary>
    public IAnsiConsole RichError() => Rich(Error, ErrorIsTerminal);

    private static IAnsiConsole Rich(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // A terminal is interactive by definition here (the caller knows it is one), so bars are redrawn in place.
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
