using System.Net.Http.Headers;
using System.Text;
using Governance.Gateway.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Operations;

/// <summary>
/// Lets only admins into the operator pages (the Orleans dashboard). A browser cannot add a bearer header to a page it
/// opens, so besides <c>Bearer TOKEN</c> it takes HTTP Basic with the admin token as the password (any user name): the
/// browser asks once, on a 401 with <c>WWW-Authenticate: Basic</c>.
/// </summary>
public static class AdminGate
{
    private const string Challenge = "Basic realm=\"Governance.Actors operations\", charset=\"UTF-8\"";

    /// <summary>An endpoint filter: 401 without a valid token (and the Basic challenge), 403 for a token without the admin role.</summary>
    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var token = TokenOf(http.Request.Headers.Authorization.ToString());
        (Caller? caller, string refusal) = token is null
            ? (null, "give the admin token as the password")
            : await http.RequestServices.GetRequiredService<AccessTokens>().CheckAsync(token);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = Challenge;
            return Results.Text($"Operations pages are for admins: {refusal}.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return caller.Has(Roles.Admin)
            ? await next(context)
            : Results.Text($"{caller} may not open the operations pages; they are for admin.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string? TokenOf(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || value.Parameter is not { Length: > 0 } parameter)
        {
            return null;
        }

        if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return parameter;
        }

        if (!value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && colon < pair.Length - 1 ? pair[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
