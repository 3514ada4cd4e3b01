namespace Governance.Contracts.Residents;

/// <summary>One resident's file, keyed <c>res:&lt;resident id&gt;</c>, seeded from the city register on first activation.</summary>
[Alias("IResidentGrain")]
public interface IResidentGrain : IGrainWithStringKey
{
    /// <summary>The resident's file, or null when the register has no such resident.</summary>
    [Alias("Get")]
    Task<ResidentDetails?> GetAsync();

    /// <summary>The file with its household's cell and its version, or null when there is no such resident.</summary>
    [Alias("GetFile")]
    Task<ResidentFile?> GetFileAsync();

    /// <summary>Opens the file: AlreadyExists when there is one, or another resident has the ID number; NotFound for an unknown household.</summary>
    [Alias("Create")]
    Task<Records.RecordWriteResult> CreateAsync(ResidentDetails details);

    /// <summary>Replaces the file when <paramref name="version"/> is its current version (Stale otherwise), moving the resident between households.</summary>
    [Alias("Update")]
    Task<Records.RecordWriteResult> UpdateAsync(ResidentDetails details, long version);

    /// <summary>Adds a visit to the file's service history; the need it serves is next due a cadence later. NotFound for no file.</summary>
    [Alias("RecordVisit")]
    Task<Records.RecordWriteResult> RecordVisitAsync(VisitRecord visit);
}
