using Agora.Web.Features.Hackathons;

namespace Agora.Tests.Features.Hackathons;

/// <summary>The jury's arithmetic: weighted totals, per-judge normalisation, both rankings.</summary>
public sealed class JuryScoringTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly CriterionWeight[] Criteria = [new(1, 2), new(2, 1)];

    private static IEnumerable<Mark> Sheet(Guid judge, int team, int first, int second) => [new(judge, team, 1, first), new(judge, team, 2, second)];

    /// <summary>
    /// Two criteria, weights 2 and 1; a total is (2·first + second)/3.
    /// Judge A (harsh):   team 1 (4,1) → 9/3 = 3;  team 2 (2,2) → 2.
    /// Judge B (lenient): team 1 (5,5) → 5;        team 2 (4,4) → 4.
    /// Judge C (wide):    team 1 (1,1) → 1;        team 2 (5,5) → 5.
    /// Raw: team 1 = (3+5+1)/3 = 3;  team 2 = (2+4+5)/3 = 11/3 ≈ 3.666667 → team 2 first.
    /// All six totals 3,2,5,4,1,5: M = 20/6 = 10/3; deviations −1/3, −4/3, 5/3, 2/3, −7/3, 5/3; squares sum to
    /// (1+16+25+4+49+25)/9 = 120/9; variance = 120/54 = 20/9; S = √(20/9) = (2/3)√5 ≈ 1.490712.
    /// Judges: A m = 2.5, s = 0.5; B m = 4.5, s = 0.5; C m = 3, s = 2. Every judge's higher total becomes M + S, the
    /// lower M − S (A: (3−2.5)/0.5 = 1; C: (1−3)/2 = −1). Team 1 gets +S, +S, −S; team 2 −S, −S, +S.
    /// Normalised: team 1 = M + S/3 = 10/3 + (2/9)√5 ≈ 3.830237; team 2 = M − S/3 ≈ 2.836429 → team 1 first: the wide
    /// judge C no longer outweighs the two others.
    /// </summary>
    [Fact]
    public void Compute_ThreeJudgesTwoTeams_RawAndNormalisedMatchHandComputation()
    {
        var marks = Sheet(A, 1, 4, 1).Concat(Sheet(A, 2, 2, 2)).Concat(Sheet(B, 1, 5, 5)).Concat(Sheet(B, 2, 4, 4))
            .Concat(Sheet(C, 1, 1, 1)).Concat(Sheet(C, 2, 5, 5)).ToList();

        var result = JuryScoring.Compute(Criteria, marks);

        var s = 2.0 / 3.0 * Math.Sqrt(5);
        Assert.Equal(10.0 / 3.0, result.Mean, 9);
        Assert.Equal(s, result.Spread, 9);
        var team1 = result.Teams.Single(t => t.TeamId == 1);
        var team2 = result.Teams.Single(t => t.TeamId == 2);
        Assert.Equal(3.0, team1.Raw, 9);
        Assert.Equal(11.0 / 3.0, team2.Raw, 9);
        Assert.Equal(3.830237, team1.Normalised, 6);
        Assert.Equal(2.836429, team2.Normalised, 6);
        Assert.Equal(10.0 / 3.0 + s / 3, team1.Normalised, 9);
        Assert.Equal(3, team1.Judges);
        Assert.Equal([2, 1], result.RawRanking.Select(t => t.TeamId));
        Assert.Equal([1, 2], result.NormalisedRanking.Select(t => t.TeamId));
        var aTeam1 = result.Totals.Single(t => t.JudgeId == A && t.TeamId == 1);
        Assert.Equal(3.0, aTeam1.Raw, 9);
        Assert.Equal(10.0 / 3.0 + s, aTeam1.Normalised, 9);
    }

    /// <summary>A judge who gives every team the same total (s_j = 0) places them all at the challenge's mean M.</summary>
    [Fact]
    public void Compute_JudgeWithoutSpread_GivesTheMean()
    {
        var marks = Sheet(A, 1, 3, 3).Concat(Sheet(A, 2, 3, 3)).Concat(Sheet(B, 1, 5, 5)).Concat(Sheet(B, 2, 1, 1)).ToList();

        var result = JuryScoring.Compute(Criteria, marks);

        // Totals 3, 3, 5, 1: M = 3; A's m = 3, s = 0 → both of A's totals become M + (3 − 3) = 3.
        Assert.Equal(3.0, result.Mean, 9);
        Assert.All(result.Totals.Where(t => t.JudgeId == A), t => Assert.Equal(3.0, t.Normalised, 9));
    }

    /// <summary>A score sheet missing a criterion does not count; no marks give an empty result.</summary>
    [Fact]
    public void Compute_IncompleteSheet_IsLeftOut()
    {
        var marks = Sheet(A, 1, 4, 4).Append(new Mark(A, 2, 1, 5)).ToList();

        var result = JuryScoring.Compute(Criteria, marks);

        Assert.Equal([1], result.Teams.Select(t => t.TeamId));
        Assert.Empty(JuryScoring.Compute(Criteria, []).Teams);
    }
}
