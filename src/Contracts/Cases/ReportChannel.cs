namespace Governance.Contracts.Cases;

/// <summary>The channel a report came through; external ids are unique per channel.</summary>
[GenerateSerializer, Alias("ReportChannel")]
public enum ReportChannel
{
    /// <summary>A grid worker's app.</summary>
    GridWorker = 1,

    /// <summary>The citizens' public app.</summary>
    CitizenApp = 2,

    /// <summary>A 12345-style hotline operator.</summary>
    Hotline = 3,

    /// <summary>An IoT sensor.</summary>
    Sensor = 4,
}
