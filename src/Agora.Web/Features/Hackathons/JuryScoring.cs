namespace Agora.Web.Features.Hackathons;

/// <summary>One criterion of a challenge as the scoring needs it: its id and its weight.</summary>
public sealed record CriterionWeight(int CriterionId, int Weight);

/// <summary>One judge's mark (1–5) for one team on one criterion.</summary>
public sealed record Mark(Guid JudgeId, int TeamId, int CriterionId, int Value);

/// <summary>One judge's weighted total for one team, raw and normalised.</summary>
public sealed record JudgeTotal(Guid JudgeId, int TeamId, double Raw, double Normalised);

/// <summary>A team's place: the mean of its raw totals and of its normalised totals, and how many judges scored it.</summary>
public sealed record TeamScore(int TeamId, double Raw, double Normalised, int Judges);

/// <summary>What the jury's marks come to for one challenge.</summary>
public sealed record JuryResult(IReadOnlyList<JudgeTotal> Totals, IReadOnlyList<TeamScore> Teams, double Mean, double Spread)
{
    public IReadOnlyList<TeamScore> RawRanking => [.. Teams.OrderByDescending(t => t.Raw).ThenBy(t => t.TeamId)];
    public IReadOnlyList<TeamScore> NormalisedRanking => [.. Teams.OrderByDescending(t => t.Normalised).ThenBy(t => t.TeamId)];
}

/// <summary>
/// The jury's arithmetic, kept apart from the database so it is tested by hand-computed numbers. A judge's weighted
/// total for a team is Σ(weight·mark)/Σweight over the criteria (so it stays on the 1–5 scale); only complete score
/// sheets (every criterion marked) count. Normalisation per judge rescales each judge's totals to the mean and spread
/// of all totals in the challenge, so a harsh and a lenient judge weigh the same:
/// normalised = M + S·(x − m_j)/s_j, where m_j and s_j are the judge's mean and population standard deviation and M and
/// S those of every total given in the challenge; a judge whose totals are all equal (s_j = 0) gives M + (x − m_j) = M.
/// </summary>
public static class JuryScoring
{
    public static JuryResult Compute(IReadOnlyList<CriterionWeight> criteria, IEnumerable<Mark> marks)
    {
        var weights = criteria.ToDictionary(c => c.CriterionId, c => c.Weight);
        var weightSum = criteria.Sum(c => c.Weight);
        var raw = new List<(Guid Judge, int Team, double Total)>();
        if (weightSum > 0)
        {
            foreach (var sheet in marks.Where(m => weights.ContainsKey(m.CriterionId)).GroupBy(m => (m.JudgeId, m.TeamId)))
            {
                var byCriterion = sheet.GroupBy(m => m.CriterionId).ToDictionary(g => g.Key, g => g.Last().Value);
                if (byCriterion.Count != weights.Count) continue;
                var total = byCriterion.Sum(kv => (double)weights[kv.Key] * kv.Value) / weightSum;
                raw.Add((sheet.Key.JudgeId, sheet.Key.TeamId, total));
            }
        }
        if (raw.Count == 0) return new JuryResult([], [], 0, 0);

        var (mean, spread) = MeanAndDeviation(raw.Select(r => r.Total));
        var perJudge = raw.GroupBy(r => r.Judge).ToDictionary(g => g.Key, g => MeanAndDeviation(g.Select(r => r.Total)));
        var totals = raw.Select(r =>
        {
            var (m, s) = perJudge[r.Judge];
            var normalised = s == 0 ? mean + (r.Total - m) : mean + spread * (r.Total - m) / s;
            return new JudgeTotal(r.Judge, r.Team, r.Total, normalised);
        }).OrderBy(t => t.TeamId).ThenBy(t => t.JudgeId).ToList();
        var teams = totals.GroupBy(t => t.TeamId)
            .Select(g => new TeamScore(g.Key, g.Average(t => t.Raw), g.Average(t => t.Normalised), g.Count()))
            .OrderBy(t => t.TeamId).ToList();
        return new JuryResult(totals, teams, mean, spread);
    }

    /// <summary>Mean and population standard deviation.</summary>
    public static (double Mean, double Deviation) MeanAndDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return (0, 0);
        var mean = list.Average();
        var variance = list.Sum(x => (x - mean) * (x - mean)) / list.Count;
        // Totals are sums of small integers over a weight sum: round away floating dust so equal totals give exactly 0.
        var deviation = Math.Sqrt(variance);
        return (mean, deviation < 1e-12 ? 0 : deviation);
    }
}
