using Governance.Contracts.V1;

namespace Governance.Gateway.Access;

/// <summary>
/// Hides what only the resident's grid worker, civil affairs and admins may see. An ID number keeps its first and
/// last characters (the birth date is shown apart, so more would rebuild it); a phone its country code, first three and
/// last four digits, as Chinese services print them; health notes and what visits found are left out.
/// </summary>
public static class ProfileMasking
{
    public static void Mask(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var profile = resident.Profile;
        var masked = resident.MaskedFields;
        if (profile.IdNumber.Length > 0)
        {
            profile.IdNumber = IdNumber(profile.IdNumber);
            masked.Add("profile.id_number");
        }

        if (profile.Phone.Length > 0)
        {
            profile.Phone = Phone(profile.Phone);
            masked.Add("profile.phone");
        }

        if (profile.HealthNotes.Length > 0)
        {
            profile.HealthNotes = "";
            masked.Add("profile.health_notes");
        }

        if (profile.EmergencyContacts.Any(contact => contact.Phone.Length > 0))
        {
            foreach (var contact in profile.EmergencyContacts)
            {
                contact.Phone = Phone(contact.Phone);
            }

            masked.Add("profile.emergency_contacts.phone");
        }

        if (resident.ServiceHistory.Any(visit => visit.Notes.Length > 0 || visit.Measurements.Count > 0))
        {
            foreach (var visit in resident.ServiceHistory)
            {
                visit.Notes = "";
                visit.Measurements.Clear();
            }

            masked.Add("service_history.notes");
            masked.Add("service_history.measurements");
        }
    }

    public static string IdNumber(string idNumber) =>
        idNumber.Length <= 2 ? new string('*', idNumber.Length) : idNumber[0] + new string('*', idNumber.Length - 2) + idNumber[^1];

    public static string Phone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = phone.Count(char.IsAsciiDigit);
        if (digits < 8)
        {
            return new string('*', phone.Length);
        }

        // The last eleven digits are the number (a mobile's first three its carrier), any before them a country code:
        // those and the carrier stay, as do the last four; separators stay as written.
        var head = digits >= 11 ? digits - 11 + 3 : 0;
        var seen = 0;
        return string.Concat(phone.Select(c => !char.IsAsciiDigit(c) ? c : ++seen <= head || seen > digits - 4 ? c : '*'));
    }
}
