namespace Governance.City.Demo;

/// <summary>
/// A boundary running west to east as y(x): a base line plus two sine waves. Every area edge of the demo city
/// is one of these evaluated at the same x positions, so neighbouring areas share their vertices bit for bit.
/// </summary>
internal sealed class DemoCurve(Func<double, double> y)
{
    public double At(double x) => y(x);

    public static DemoCurve Wavy(double baseline, double amplitude1, double wavelength1, double amplitude2, double wavelength2, DemoRandom random)
    {
        var phase1 = random.Uniform(0, 2 * Math.PI);
        var phase2 = random.Uniform(0, 2 * Math.PI);
        return new DemoCurve(x => baseline
            + (amplitude1 * Math.Sin((2 * Math.PI * x / wavelength1) + phase1))
            + (amplitude2 * Math.Sin((2 * Math.PI * x / wavelength2) + phase2)));
    }

    /// <summary>The curve a fraction <paramref name="t"/> of the way from <paramref name="lower"/> to <paramref name="upper"/>.</summary>
    public static DemoCurve Between(DemoCurve lower, DemoCurve upper, double t) =>
        new(x => lower.At(x) + (t * (upper.At(x) - lower.At(x))));
}
