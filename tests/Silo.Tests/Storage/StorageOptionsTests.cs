using Governance.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_AreSqliteUnderData_WithBusyTimeoutAndPooling()
    {
        var options = new StorageOptions();

        var connection = options.GetConnection();

        Assert.Equal(StorageProvider.Sqlite, connection.Provider);
        Assert.Equal("System.Data.SQLite", connection.Invariant);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "governance.db")), connection.SqliteFile);
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(connection.SqliteFile, builder.DataSource);
        Assert.Equal(30, builder.DefaultTimeout);
        Assert.True(builder.Pooling);
    }

    [Fact]
    public void PostgreSql_UsesNpgsqlInvariantAndTheGivenConnectionString()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, PostgresConnectionString = "Host=db;Database=governance;Username=gov" };

        var connection = options.GetConnection();

        Assert.Equal("Npgsql", connection.Invariant);
        Assert.Equal("Host=db;Database=governance;Username=gov", connection.ConnectionString);
        Assert.DoesNotContain("Host=", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_WithoutConnectionString_FailsNamingTheSetting()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:PostgresConnectionString is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => options.GetConnection());
    }

    [Theory]
    [InlineData("Host=db;Bogus Keyword=1", "not a valid Npgsql connection string")]
    [InlineData("Database=governance", "has no Host")]
    public void PostgreSql_WithBadConnectionString_Fails(string connectionString, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.PostgreSql, PostgresConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Storage:SqlitePath is required")]
    [InlineData("data/", "is a folder")]
    public void Sqlite_WithBadPath_Fails(string path, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { SqlitePath = path });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_WithoutBusyTimeout_Fails()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { SqliteBusyTimeoutSeconds = 0 });

        Assert.True(result.Failed);
        Assert.Contains("SqliteBusyTimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_BindsTheStorageSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgresql",
            ["Storage:PostgresConnectionString"] = "Host=db;Database=governance",
        }).Build();

        var options = StorageOptions.FromConfiguration(configuration);

        Assert.Equal(StorageProvider.PostgreSql, options.Provider);
        Assert.Equal("Host=db;Database=governance", options.PostgresConnectionString);
    }

    [Fact]
    public void FromConfiguration_WithoutSection_GivesDefaults()
    {
        var options = StorageOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("data/governance.db", options.SqlitePath);
    }
}
