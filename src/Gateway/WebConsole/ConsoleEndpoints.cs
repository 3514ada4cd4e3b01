using Governance.Gateway.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.WebConsole;

/// <summary>
/// Serves the dispatchers' web console at /console/ on the JSON port. The files hold no data: the console asks the
/// JSON routes for it with the token the dispatcher signs in with, so the same access rules apply as over gRPC.
/// </summary>
public static class ConsoleEndpoints
{
    // Only the console's own files and its own origin's JSON: no inline script, no third-party content, never framed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapWebConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.ServiceProvider.GetRequiredService<ConsoleAssets>();
        // A catch-all matches "/console" and "/console/" alike.
        app.MapGet("/console/{**path}", (HttpContext context, string? path) => string.IsNullOrEmpty(path) && !context.Request.Path.Value!.EndsWith('/')
                // The page's relative links (js/app.js) resolve against a folder only with the trailing slash.
                ? Results.Redirect("/console/", permanent: true, preserveMethod: true)
                : Serve(context, assets, string.IsNullOrEmpty(path) ? "index.html" : path))
            .WithMetadata(WebPortOnly.Instance);
        return app;
    }

    private static IResult Serve(HttpContext context, ConsoleAssets assets, string path)
    {
        if (assets.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        // Revalidated on every load, so a new gateway's console is never mixed with an old one's cached modules.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
