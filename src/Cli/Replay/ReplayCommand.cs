using System.CommandLine;
using System.CommandLine.Parsing;
using Governance.Cli.CommandLine;
using Governance.Cli.Mapping;

namespace Governance.Cli.Replay;

/// <summary>`governance replay FILE --map MAPPING …`: the verb's arguments, their checks and help text.</summary>
public static class ReplayCommand
{
    public const int MaxStreams = 64;

    public static Command Create(CliConsole console, TimeProvider time)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV of service requests; its first row names the columns." };
        file.AcceptExistingOnly();

        var map = new Option<string>("--map", "-m")
        {
            Description = $"The mapping file (JSON) from columns to report fields, or the name of a shipped one ({string.Join(", ", ShippedMappings.Names)}).",
            Required = true,
            HelpName = "MAPPING",
        };
        map.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && ShippedMappings.Resolve(value) is null)
            {
                result.AddError($"--map: '{value}' is neither a file nor a shipped mapping ({string.Join(", ", ShippedMappings.Names)}).");
            }
        });

        var server = ServerOption.Create();

        var streams = new Option<int>("--streams")
        {
            Description = "How many ReportStream calls share the rows (reports close together share one, in file order).",
            DefaultValueFactory = _ => 4,
            CustomParser = result => (int)(ParseCount(result, "--streams", MaxStreams) ?? 4),
            HelpName = "N",
        };

        var limit = new Option<long?>("--limit", "-n")
        {
            Description = "Read only the first N data rows.",
            CustomParser = result => ParseCount(result, "--limit", long.MaxValue),
            HelpName = "N",
        };

        var rejects = new Option<FileInfo?>("--rejects")
        {
            Description = "Write every rejected row (line, external_id, rejected_by, field, reason) to this CSV file.",
            HelpName = "FILE",
        };
        rejects.AcceptLegalFilePathsOnly();

        var command = new Command(
            "replay",
            "Stream a CSV of real service requests through IntakeService.ReportStream and summarise what the server made of them.")
        {
            file, map, server, streams, limit, rejects,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new ReplaySettings(
                parse.GetRequiredValue(file).FullName,
                ShippedMappings.Resolve(parse.GetRequiredValue(map))!,
                GatewayTarget.Of(parse, server),
                parse.GetValue(streams),
                parse.GetValue(limit),
                parse.GetValue(rejects)?.FullName);
            return new ReplayRun(settings, console, time).ExecuteAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or null with a parse error that says so.</summary>
    private static long? ParseCount(ArgumentResult result, string option, long max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        result.AddError(max == long.MaxValue
            ? $"{option}: '{text}' is not a whole number of at least 1."
            : $"{option}: '{text}' is not a whole number from 1 to {max}.");
        return null;
    }
}
