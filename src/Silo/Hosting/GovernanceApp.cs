using Governance.Gateway.Hosting;
using Governance.Gateway.Operations;
using Governance.Silo.Operations;
using Orleans.Dashboard;

namespace Governance.Silo.Hosting;

/// <summary>The embedded application: one silo with the gateway co-hosted. Program.cs and the tests build it here.</summary>
public static class GovernanceApp
{
    /// <summary>Short command-line switches for the settings people type most.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--city"] = "City:GeoJson",
        ["--code-property"] = "City:CodeProperty",
        ["--cell-size"] = "City:CellSizeMeters",
        ["--city-name"] = "City:Name",
        ["--listen"] = "Gateway:Url",
    };

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        // The content root is where appsettings.json is deployed, wherever the process is started from; relative
        // data paths (Storage:SqlitePath) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, Switches.ToDictionary(p => p.Key, p => p.Value));
        configure?.Invoke(builder);

        await builder.AddGovernanceSiloAsync(cancellationToken);
        builder.AddGatewayServices();

        var app = builder.Build();
        // Resolved now, so the city's gauges are there from the first scrape.
        _ = app.Services.GetRequiredService<CityGauges>();
        app.UseGatewayPorts();
        app.MapGovernanceGateway();
        if (OperationsOptions.From(app.Configuration).Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard").AddEndpointFilter(AdminGate.CheckAsync).WithMetadata(WebPortOnly.Instance);
        }

        return app;
    }
}
