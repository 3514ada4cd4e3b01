using Governance.Gateway.Access;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Hosting;

/// <summary>
/// `Governance.Silo token --subject ID --role ROLE…`: prints a bearer token signed with the city's configured key
/// (Auth:SigningKey from appsettings.json, the environment or --Auth:SigningKey=…), for whoever holds that key to hand
/// out: the first admin's token, a sensor's, a bench's. It starts nothing.
/// </summary>
public static class TokenCommand
{
    public const string Verb = "token";

    private const string Usage =
        "usage: Governance.Silo token --subject ID [--name NAME] --role ROLE [--role ROLE …] [--hours HOURS] [--Auth:SigningKey=BASE64]";

    /// <summary>Exit code 0 with the token on standard output, or 2 with the reason on standard error.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string subject = "", name = "";
        var roles = new List<string>();
        var hours = 24.0;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--subject": subject = Value(); break;
                    case "--name": name = Value(); break;
                    case "--role": roles.Add(Value()); break;
                    case "--hours":
                        hours = double.TryParse(Value(), System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0 && h <= 24 * 366
                            ? h : throw new ArgumentException("--hours must be a number of hours above 0 and at most a year (8784)");
                        break;
                    default: settings.Add(args[i]); break;
                }
            }
            catch (ArgumentException ex)
            {
                return Refuse(error, ex.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return Refuse(error, "--subject is required: the worker's, app's or sensor's id the token names");
        }

        if (roles.Count == 0)
        {
            return Refuse(error, $"--role is required, once per role: {string.Join(", ", Roles.All)}");
        }

        if (roles.FirstOrDefault(role => !Roles.All.Contains(role)) is { } unknown)
        {
            return Refuse(error, $"--role '{unknown}' is not a role: {string.Join(", ", Roles.All)}");
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
        var access = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        if (access.SigningKey.Length == 0)
        {
            return Refuse(error, "no Auth:SigningKey is configured: a token signed with a key of this command alone would open nothing");
        }

        try
        {
            var tokens = new AccessTokens(Options.Create(access), TimeProvider.System);
            output.WriteLine(tokens.Issue(subject, name.Length > 0 ? name : subject, roles, TimeSpan.FromHours(hours)));
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            return Refuse(error, ex.Message);
        }
    }

    private static int Refuse(TextWriter error, string reason)
    {
        error.WriteLine($"token: {reason}");
        error.WriteLine(Usage);
        return 2;
    }
}
