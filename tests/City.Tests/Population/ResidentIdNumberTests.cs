using Governance.City.Population;

namespace Governance.City.Tests.Population;

public class ResidentIdNumberTests
{
    [Fact]
    public void IsValid_StandardsExample_IsValidFemaleBornOnNewYearsEve1949()
    {
        // The worked example of GB 11643-1999.
        const string id = "11010519491231002X";

        Assert.True(ResidentIdNumber.IsValid(id));
        Assert.True(ResidentIdNumber.TryGetBirthDate(id, out var birthDate));
        Assert.Equal(new DateOnly(1949, 12, 31), birthDate);
        Assert.Equal(Gender.Female, ResidentIdNumber.GenderOf(id));
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491331002X")] // month 13
    [InlineData("1101051949123100")] // too short
    [InlineData("11010519491231002x1")] // too long
    [InlineData("A1010519491231002X")]
    public void IsValid_Malformed_IsFalse(string id) => Assert.False(ResidentIdNumber.IsValid(id));

    [Theory]
    [InlineData(Gender.Male)]
    [InlineData(Gender.Female)]
    public void Create_GivesValidNumberCarryingBirthDateAndSex(Gender gender)
    {
        var birthDate = new DateOnly(2008, 2, 29);

        var id = ResidentIdNumber.Create("420106", birthDate, 123, gender);

        Assert.True(ResidentIdNumber.IsValid(id));
        Assert.StartsWith("42010620080229", id, StringComparison.Ordinal);
        Assert.Equal(gender, ResidentIdNumber.GenderOf(id));
    }

    [Theory]
    [InlineData("13912345678", true)]
    [InlineData("19900001111", true)]
    [InlineData("12912345678", false)]
    [InlineData("1391234567", false)]
    [InlineData("+8613912345678", false)]
    public void MobileNumber_IsValid_ChecksShapeAndPrefix(string phone, bool expected) =>
        Assert.Equal(expected, MobileNumber.IsValid(phone));
}
