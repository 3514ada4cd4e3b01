using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.Silo.Hosting;
using Governance.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Tests.Edge;

/// <summary>With an https:// Gateway:Url and a certificate, gRPC is HTTP/2 over TLS on loopback, and cleartext is refused.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private const string Password = "fuzzy-pear-41";
    private readonly TempFolder _folder = new("tls");
    private X509Certificate2 _certificate = null!;
    private string _pfx = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=governance-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _pfx = Path.Combine(_folder.Path, "gateway.pfx");
        await File.WriteAllBytesAsync(_pfx, _certificate.Export(X509ContentType.Pkcs12, Password));
        _host = await GatewayHost.StartAsync(_folder.Path,
            "--Gateway:Url=https://127.0.0.1:0", $"--Gateway:TlsCertificatePath={_pfx}", $"--Gateway:TlsCertificatePassword={Password}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _certificate.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task HttpsGateway_ServesGrpcOverTls_WithItsCertificate_AndRefusesCleartext()
    {
        Assert.StartsWith("https://127.0.0.1:", _host.Address, StringComparison.Ordinal);
        string? presented = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            presented = certificate?.GetCertHashString();
            return presented == _certificate.GetCertHashString();
        };
        using var tls = GrpcChannel.ForAddress(_host.Address, new GrpcChannelOptions { HttpHandler = handler });
        var admin = new Metadata { { "authorization", $"Bearer {_host.TokenFor("ops-1", "admin")}" } };

        var areas = await new GridService.GridServiceClient(tls).ListAreasAsync(new ListAreasRequest(), admin);

        Assert.NotEmpty(areas.Areas);
        Assert.Equal(_certificate.GetCertHashString(), presented);
        using var cleartext = GrpcChannel.ForAddress(_host.Address.Replace("https://", "http://", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<RpcException>(() => new GridService.GridServiceClient(cleartext).ListAreasAsync(new ListAreasRequest(), admin).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task HttpsUrl_WithoutACertificate_StopsTheStart_NamingTheSetting()
    {
        using var folder = new TempFolder("tls-missing");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GovernanceApp.BuildAsync(
            ["--Gateway:Url=https://127.0.0.1:0", $"--Storage:SqlitePath={Path.Combine(folder.Path, "governance.db")}"]));

        Assert.Contains("Gateway:TlsCertificatePath is not set", refused.Message, StringComparison.Ordinal);
    }
}
