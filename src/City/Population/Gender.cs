namespace Governance.City.Population;

/// <summary>Sex as recorded on the resident ID card (odd 17th digit: male, even: female).</summary>
public enum Gender
{
    Male,
    Female,
}
