using Agora.Web.Features.Network;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// Which catalogue services speak to which dimension. The JRC dimensions and the EDIH service taxonomy
/// (<see cref="NetworkTaxonomy"/>) were made apart, so the mapping is Agora's: a service fits a dimension when its
/// sub-type is one of the dimension's sub-types, or one of its technologies is one of the dimension's technologies.
/// <list type="bullet">
/// <item>strategy (SME business strategy, PSO strategy and investments): planning and financing digitalisation, the
/// sub-types strategy, maturity-assessment, investment-readiness, access-to-finance, funding-guidance (and for public
/// bodies public-procurement);</item>
/// <item>digital readiness: trying and adopting technologies, the sub-types demonstration, testing, integration and the
/// technologies cloud, iot, 5g, xr, simulation, hpc;</item>
/// <item>human-centric digitalisation: the skills and training sub-types (digital-skills, technical-training, bootcamp,
/// traineeship);</item>
/// <item>data management (and connectedness or security): the technologies data, cybersecurity, cloud;</item>
/// <item>SME automation and AI: the technologies ai and robotics, and the prototyping sub-type;</item>
/// <item>PSO interoperability: the integration sub-type and the technologies data, cloud, blockchain;</item>
/// <item>green digitalisation: the taxonomy has no green technology; energy and resource monitoring is IoT, data and
/// simulation work, and the change starts with a strategy: the technologies iot, simulation and the sub-type strategy.</item>
/// </list>
/// </summary>
public static class MaturitySuggestions
{
    public sealed record Fit(string[] SubTypes, string[] Technologies);

    private static readonly Fit Strategy = new(["strategy", "maturity-assessment", "investment-readiness", "access-to-finance", "funding-guidance"], []);
    private static readonly Fit Readiness = new(["demonstration", "testing", "integration"], ["cloud", "iot", "5g", "xr", "simulation", "hpc"]);
    private static readonly Fit Skills = new(["digital-skills", "technical-training", "bootcamp", "traineeship"], []);
    private static readonly Fit Data = new([], ["data", "cybersecurity", "cloud"]);
    private static readonly Fit Green = new(["strategy"], ["iot", "simulation"]);

    public static Fit For(QuestionSet set, int dimension) => (set, dimension) switch
    {
        (_, 1) when set == QuestionSet.Pso => Strategy with { SubTypes = [.. Strategy.SubTypes, "public-procurement"] },
        (_, 1) => Strategy,
        (_, 2) => Readiness,
        (_, 3) => Skills,
        (_, 4) => Data,
        (QuestionSet.Sme, 5) => new(["prototyping"], ["ai", "robotics"]),
        (QuestionSet.Pso, 5) => new(["integration"], ["data", "cloud", "blockchain"]),
        _ => Green,
    };

    public static bool Fits(Fit fit, string subType, string technologies) =>
        fit.SubTypes.Contains(subType) || Tags.Split(technologies).Any(fit.Technologies.Contains);

    /// <summary>The (up to) two weakest dimensions, lowest first; ties go to the earlier dimension.</summary>
    public static IReadOnlyList<int> Weakest(IReadOnlyList<double> scores, int count = 2) =>
        scores.Select((s, i) => (Score: s, Number: i + 1)).OrderBy(x => x.Score).ThenBy(x => x.Number).Take(count).Select(x => x.Number).ToList();
}
