using Governance.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Tests.Hosting;

public sealed class OrleansOptionsTests
{
    [Fact]
    public void Defaults_AreLocalhostClusteringOnLoopback()
    {
        var options = new OrleansOptions();

        Assert.False(options.UsesAdoNetClustering);
        Assert.Equal("localhost", options.Membership);
        Assert.Equal(System.Net.IPAddress.Loopback, options.GetAdvertisedAddress());
    }

    [Fact]
    public async Task AdoNetClustering_OnSqlite_IsRefusedNamingTheSetting()
    {
        var builder = WebApplication.CreateBuilder(["--Orleans:Membership=adonet", "--Storage:Provider=Sqlite"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => builder.AddGovernanceSiloAsync());

        Assert.Contains("Orleans:Membership", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQLite has no Orleans clustering provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Orleans:Membership=zookeeper", "Orleans:Membership")]
    // Orleans reads Orleans:Clustering as its own provider section and would stop with a riddle; the start says which key is meant.
    [InlineData("--Orleans:Clustering=adonet", "Orleans:Membership=adonet")]
    [InlineData("--Orleans:AdvertisedAddress=not-an-address", "Orleans:AdvertisedAddress")]
    public async Task AnUnknownSetting_IsRefusedNamingIt(string arg, string field)
    {
        var builder = WebApplication.CreateBuilder([arg]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => builder.AddGovernanceSiloAsync());

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
