namespace Governance.Gateway.Operations;

/// <summary>Endpoint metadata: served on the HTTP/1.1 port only (browsers, scrapers), 404 on the gRPC port.</summary>
public sealed class WebPortOnly
{
    public static readonly WebPortOnly Instance = new();
}
