using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Contracts.V1;

namespace Governance.Gateway.Mapping;

/// <summary>Residents' files and households to their proto messages.</summary>
public static class PeopleMapping
{
    public static Resident ToProto(this ResidentFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var details = file.Details;
        return new Resident
        {
            Profile = new ResidentProfile
            {
                ResidentId = details.ResidentId,
                HouseholdId = details.HouseholdId,
                Name = details.Name,
                IdNumber = details.IdNumber,
                Phone = details.Phone,
                RelationToHead = details.RelationToHead,
                Tags = { details.Tags.IsDefault ? [] : details.Tags },
                HealthNotes = details.HealthNotes,
                ServiceNeeds = { details.ServiceNeeds.Select(n => new ServiceNeed { Kind = n.Kind, Cadence = (ServiceCadence)(int)n.Cadence }) },
                EmergencyContacts = { details.EmergencyContacts.Select(c => new EmergencyContact { Name = c.Name, Relation = c.Relation, Phone = c.Phone }) },
            },
            CellId = file.CellId,
            BirthDate = details.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = details.Gender,
            Version = file.Version,
            UpdatedAt = file.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            ServiceHistory = { details.ServiceHistory.Select(visit => visit.ToProto()) },
        };
    }

    public static Visit ToProto(this VisitRecord visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new Visit
        {
            Kind = visit.Kind,
            Notes = visit.Notes,
            Measurements = { visit.Measurements.Select(m => new Measurement { Name = m.Name, Value = m.Value, Unit = m.Unit }) },
            VisitedBy = visit.VisitedBy,
            VisitedAt = Timestamp.FromDateTimeOffset(visit.VisitedAt),
        };
    }

    /// <summary>A due visit as listed at <paramref name="now"/>: overdue, and by how many whole days.</summary>
    public static Contracts.V1.DueVisit ToProto(this Contracts.Residents.DueVisit visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new Contracts.V1.DueVisit
        {
            ResidentId = visit.ResidentId,
            Name = visit.Name,
            CellId = visit.CellId,
            Kind = visit.Kind,
            Cadence = (ServiceCadence)(int)visit.Cadence,
            DueAt = Timestamp.FromDateTimeOffset(visit.DueAt),
            LastVisitAt = visit.LastVisitAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
            Overdue = visit.DueAt < now,
            DaysOverdue = visit.DueAt < now ? (int)(now - visit.DueAt).TotalDays : 0,
        };
    }

    public static Household ToProto(this HouseholdFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var details = file.Details;
        return new Household
        {
            Profile = new HouseholdProfile
            {
                HouseholdId = details.HouseholdId,
                Address = details.Address,
                Location = details.Location.ToProto(),
                ElevationMeters = details.ElevationMeters,
                Storey = details.Storey,
                BuildingStoreys = details.BuildingStoreys,
                Construction = details.Construction switch
                {
                    "reinforced-concrete" => Construction.ReinforcedConcrete,
                    "brick-concrete" => Construction.BrickConcrete,
                    "brick-wood" => Construction.BrickWood,
                    _ => Construction.Other,
                },
                BuiltYear = details.BuiltYear,
                Dilapidated = details.Dilapidated,
            },
            CellId = details.CellId,
            MemberIds = { details.MemberIds },
            Version = file.Version,
            UpdatedAt = file.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
    }

    public static ResidentSummary ToProto(this ResidentListing row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ResidentSummary { ResidentId = row.ResidentId, Name = row.Name, HouseholdId = row.HouseholdId, CellId = row.CellId, Tags = { row.Tags } };
    }
}
