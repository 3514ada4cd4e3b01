using Governance.Cli.Conversion;
using Governance.Cli.Csv;
using Governance.Cli.Mapping;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Conversion;

/// <summary>The mapping rules on small made-up rows; the real Boston rows are in <see cref="BostonMappingTests"/>.</summary>
public sealed class RowMapperTests
{
    private static readonly CsvHeader Header = new(["id", "kind", "text", "lat", "lon", "at", "channel"]);

    private static MappingFile Mapping => new()
    {
        ExternalId = new ExternalIdSpec { Column = "id", Prefix = "t-" },
        Category = new CategorySpec { Column = "kind", Values = new() { ["Pot Hole"] = "road.pothole" } },
        Description = new TextSpec { Template = "{text} {{{kind}}}" },
        Latitude = new ColumnSpec { Column = "lat" },
        Longitude = new ColumnSpec { Column = "lon" },
        ReportedAt = new ReportedAtSpec { Column = "at" },
        ReporterId = new TextSpec { Value = "importer" },
        Source = new SourceSpec { Column = "channel", Values = new() { ["phone"] = "HOTLINE", ["app"] = "REPORT_SOURCE_CITIZEN_APP" } },
    };

    [Fact]
    public void Map_GoodRow_FillsEveryField()
    {
        var row = RowMapper.Create(Mapping, Header).Map(Record("7", "pot hole", "Deep &amp; wide", "30.55", "114.30", "2025-06-01T08:00:00+08:00", "phone"));

        var request = Assert.IsType<ReportRequest>(row.Request);
        Assert.Equal("t-7", request.ExternalId);
        Assert.Equal("road.pothole", request.Category);
        Assert.Equal("Deep & wide {pot hole}", request.Description);
        Assert.Equal(30.55, request.Point.Latitude);
        Assert.Equal(114.30, request.Point.Longitude);
        Assert.Equal(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), request.ReportedAt.ToDateTime());
        Assert.Equal("importer", request.ReporterId);
        Assert.Equal(ReportSource.Hotline, request.Source);
        Assert.Equal(CaseKind.Incident, request.Kind);
    }

    [Theory]
    [InlineData("rectification", CaseKind.Rectification)]
    [InlineData("CASE_KIND_WELFARE", CaseKind.Welfare)]
    [InlineData("Petition", CaseKind.Petition)]
    public void Map_AMappingsKind_OpensThatKindFromEveryRow(string kind, CaseKind expected)
    {
        var request = RowMapper.Create(Mapping with { Kind = kind }, Header).Map(Record()).Request!;

        Assert.Equal(expected, request.Kind);
    }

    [Fact]
    public void Map_TimeWithoutOffsetAndNoZone_IsUtc()
    {
        var request = RowMapper.Create(Mapping, Header).Map(Record(at: "2025-06-01 08:00:00")).Request!;

        Assert.Equal(new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc), request.ReportedAt.ToDateTime());
    }

    [Fact]
    public void Map_UnknownValueWithoutSlugOrDefault_IsRejectedNamingIt()
    {
        var mapping = Mapping with
        {
            Category = Mapping.Category! with { Slugify = false },
            Source = Mapping.Source! with { Default = null },
        };

        var row = RowMapper.Create(mapping, Header).Map(Record(kind: "Graffiti", channel: "fax"));

        Assert.True(row.IsRejected);
        Assert.Contains(new FieldViolation(ReportFields.Category, "is not one of the mapping's values", "Graffiti"), row.Violations);
        Assert.Contains(row.Violations, v => v.Field == ReportFields.Source && v.Value == "fax");
    }

    [Fact]
    public void Map_BadNumbersAndTime_AreEachNamedWithTheirValue()
    {
        var row = RowMapper.Create(Mapping, Header).Map(Record(lat: "north", lon: "NaN", at: "yesterday"));

        Assert.True(row.IsRejected);
        Assert.Equal("t-1", row.ExternalId);
        Assert.Equal(
            ["'north' is not a number", "'NaN' is not a number", "'yesterday' is not a date and time"],
            row.Violations.Select(v => v.Text));
        Assert.Equal([ReportFields.Latitude, ReportFields.Longitude, ReportFields.ReportedAt], row.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Map_WrongNumberOfFields_IsRejectedAsARow()
    {
        var row = RowMapper.Create(Mapping, Header).Map(new CsvRecord(9, ["1", "2"]));

        var violation = Assert.Single(row.Violations);
        Assert.Equal(ReportFields.Row, violation.Field);
        Assert.Equal(9, row.LineNumber);
    }

    [Fact]
    public void Map_DescriptionOverTheLimit_IsCutNotRejected()
    {
        var row = RowMapper.Create(Mapping, Header).Map(Record(text: new string('a', 3000)));

        Assert.Equal(2000, row.Request!.Description.Length);
    }

    [Fact]
    public void Create_MappingThatDoesNotFit_ListsEveryProblemAndTheColumns()
    {
        var mapping = Mapping with
        {
            ExternalId = new ExternalIdSpec { Column = "case_id" },
            Description = new TextSpec { Template = "{text} at {where}" },
            ReportedAt = new ReportedAtSpec { Column = "at", TimeZone = "Mars/Olympus_Mons" },
            Source = new SourceSpec { Column = "channel", Values = new() { ["phone"] = "PIGEON" } },
            Category = new CategorySpec { Column = "kind", Values = new() { ["x"] = "Not A Code" } },
            ReporterId = new TextSpec { Template = "{id}", Value = "both" },
            Kind = "inspection",
        };

        var failure = Assert.Throws<MappingException>(() => RowMapper.Create(mapping, Header, "test.json"));

        Assert.Contains("test.json", failure.Message, StringComparison.Ordinal);
        Assert.Contains("externalId: the CSV has no column 'case_id'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("description: the CSV has no column 'where'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'PIGEON', which is not one of GRID_WORKER, CITIZEN_APP, HOTLINE, SENSOR", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Not A Code' (for 'x') is not a category code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reporterId: give either 'template' or 'value'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("kind: 'inspection' is not a kind of case; one of incident, petition, dispute, welfare, rectification", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The CSV's columns are: id, kind, text, lat, lon, at, channel", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_UnknownKey_IsRefusedSoATypoCannotDropAField()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, """{ "externalId": { "column": "id" }, "descripton": { "value": "x" } }""");

            var failure = await Assert.ThrowsAsync<MappingException>(() => MappingFile.LoadAsync(path));

            Assert.Contains("descripton", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static CsvRecord Record(
        string id = "1", string kind = "Pot Hole", string text = "Deep", string lat = "30.5", string lon = "114.3",
        string at = "2025-06-01T08:00:00Z", string channel = "app") =>
        new(2, [id, kind, text, lat, lon, at, channel]);
}
