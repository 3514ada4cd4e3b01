using System.Net;
using Google.Protobuf.Reflection;
using Governance.Contracts.Sensors;
using Governance.Gateway.Access;
using Governance.Gateway.Errors;
using Governance.Gateway.Limits;
using Governance.Gateway.LiveFeed;
using Governance.Gateway.Operations;
using Governance.Gateway.Services;
using Governance.Gateway.Validation;
using Governance.Gateway.WebConsole;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Governance.Gateway.Hosting;

/// <summary>Adds the gRPC gateway to a host: Kestrel on HTTP/2 (cleartext, or TLS), the services, health and reflection.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>Registers the gateway's services and its HTTP/2 listener from the "Gateway" section.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var (endpoint, https) = ParseEndpoint("Gateway:Url", options.Url, httpsAllowed: true);
        var certificate = GatewayTls.Load(options, https);
        var web = options.WebUrl.Length > 0 ? ParseEndpoint("Gateway:WebUrl", options.WebUrl, httpsAllowed: false).Endpoint : null;
        var listeners = new GatewayListeners { Tls = certificate is not null };
        builder.Services.AddSingleton(listeners);
        // Two ports, since cleartext HTTP/2 and HTTP/1.1 cannot share one (that takes TLS and ALPN).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }

                listeners.Grpc = listen;
            });
            if (web is not null)
            {
                kestrel.Listen(web, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listeners.Web = listen;
                });
            }
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AccessOptions>()
            .Bind(builder.Configuration.GetSection(AccessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Built now, so a permission naming a method the contract lacks stops the start rather than the first call.
        _ = RpcPermissions.ByMethod;
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CallRateLimiter>();
        builder.Services.AddSingleton<PeopleAccess>();
        builder.Services.AddSingleton<ReportValidator>();
        builder.Services.AddSingleton<ReadingValidator>();
        builder.Services.AddSingleton<IntakeMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IntakeMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        builder.Services.AddSingleton<ConsoleAssets>();
        builder.Services.AddSingleton<CellWatchHub>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CellWatchHub>());
        builder.Services.AddOptions<SensorOptions>().Bind(builder.Configuration.GetSection(SensorOptions.Section));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorInterceptor>();
            // Inside the error translation, so a failure while admitting a caller is translated like any other.
            grpc.Interceptors.Add<AccessInterceptor>();
            // After access: a client's rate is counted against the subject of its checked token.
            grpc.Interceptors.Add<RateLimitInterceptor>();
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
            // Handler failures are translated by ErrorInterceptor before this applies; what is left is a request
            // that is not a valid protobuf message, and the client should be told the parser's reason.
            grpc.EnableDetailedErrors = true;
        }).AddJsonTranscoding(json =>
        {
            // Without the error details' types a refusal naming its fields would become a 500 in JSON.
            json.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor);
            // As proto3's JSON mapping says: a browser's numbers lose 64-bit integers.
            json.JsonSettings.WriteInt64sAsStrings = true;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    /// <summary>
    /// Keeps each listener to its protocol: JSON (the transcoded read RPCs) only on the HTTP/1.1 port, 404 elsewhere.
    /// gRPC on the HTTP/1.1 port is refused by gRPC itself (426).
    /// </summary>
    public static IApplicationBuilder UseGatewayPorts(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var listeners = app.ApplicationServices.GetRequiredService<GatewayListeners>();
        app.UseRouting();
        return app.Use(async (context, next) =>
        {
            var metadata = context.GetEndpoint()?.Metadata;
            var webOnly = metadata?.GetMetadata<GrpcJsonTranscodingMetadata>() is not null || metadata?.GetMetadata<WebPortOnly>() is not null;
            if (webOnly && context.Connection.LocalPort != listeners.WebPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }

    /// <summary>Maps the gRPC services (and their JSON routes), grpc.health.v1, server reflection, /metrics and the web console.</summary>
    public static IEndpointRouteBuilder MapGovernanceGateway(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<IntakeGrpcService>();
        app.MapGrpcService<GridGrpcService>();
        app.MapGrpcService<CaseGrpcService>();
        app.MapGrpcService<SensorGrpcService>();
        app.MapGrpcService<EvaluationGrpcService>();
        app.MapGrpcService<RectificationGrpcService>();
        app.MapGrpcService<ResidentGrpcService>();
        app.MapGrpcService<HouseholdGrpcService>();
        app.MapGrpcService<CouncilGrpcService>();
        app.MapGrpcService<RiskGrpcService>();
        app.MapGrpcService<ProjectGrpcService>();
        app.MapGrpcService<SurveyGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        // Prometheus scrapes it on the JSON port; it holds counts, never a cell, a case or a person.
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(WebPortOnly.Instance);
        app.MapWebConsole();
        return app;
    }

    private static (IPEndPoint Endpoint, bool Https) ParseEndpoint(string setting, string url, bool httpsAllowed)
    {
        var https = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && httpsAllowed;
        if (uri is null || !(https || uri.Scheme == Uri.UriSchemeHttp))
        {
            var schemes = httpsAllowed ? "http:// or https://" : "http://";
            throw new OptionsValidationException(
                GatewayOptions.Section, typeof(GatewayOptions), [$"{setting} '{url}' must be an absolute {schemes} address such as http://127.0.0.1:5080"]);
        }

        var address = uri.Host is "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host, out var parsed) ? parsed
            : throw new OptionsValidationException(
                GatewayOptions.Section, typeof(GatewayOptions), [$"{setting} host '{uri.Host}' must be an IP address or localhost"]);
        return (new IPEndPoint(address, uri.Port), https);
    }
}
