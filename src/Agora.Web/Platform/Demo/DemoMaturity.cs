using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Maturity;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Digital maturity assessments of the story's customer: the Centro SME (<see cref="DemoNetworkRequests.CentroSme"/>)
/// assessed with imIN-hub at T0 (when its AI testing began) and at T1 (after), with higher scores at T1. Filled by the
/// SME's admin (the demo fellow) with the help of imIN-hub's manager.
/// </summary>
internal static class DemoMaturity
{
    /// <summary>T0: a young company with its basics in place and little automation yet.</summary>
    private static readonly MaturityAnswers T0 = new()
    {
        ["Q15"] = [1, 1, 0, 0, 2, 0, 0, 0, 1], ["Q16"] = [1, 3, 5],
        ["Q17"] = [1, 2, 6, 8], ["Q18"] = [0, 0, 0, 0, 1, 0, 0],
        ["Q19"] = [3], ["Q20"] = [1, 2],
        ["Q21"] = [3, 5], ["Q22"] = [1, 5],
        ["Q23"] = [2, 0, 0, 0, 1],
        ["Q24"] = [10], ["Q25"] = [0, 0, 0, 1, 1],
    };

    /// <summary>T1: after AI testing and training at imIN-hub.</summary>
    private static readonly MaturityAnswers T1 = new()
    {
        ["Q15"] = [2, 2, 1, 1, 2, 0, 1, 0, 2], ["Q16"] = [1, 2, 3, 4, 5, 6],
        ["Q17"] = [1, 2, 3, 6, 8, 10], ["Q18"] = [2, 0, 0, 0, 2, 0, 0],
        ["Q19"] = [1, 2, 3, 4], ["Q20"] = [1, 2, 3, 4],
        ["Q21"] = [1, 3, 4, 5, 6], ["Q22"] = [1, 3, 4, 5],
        ["Q23"] = [5, 1, 0, 0, 3],
        ["Q24"] = [9, 10], ["Q25"] = [1, 0, 1, 1, 2],
    };

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var coimbra = await db.Organisations.Where(o => o.Slug == DemoNetworkRequests.CentroSme).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        if (coimbra is null || !await db.NetworkCustomers.AnyAsync(c => c.OrganisationId == coimbra, ct)) return;
        var imin = hubs[DemoAccounts.IminHub].Id;
        var fellow = people[DemoAccounts.Fellow].Id;
        var iminManager = people[DemoAccounts.OtherManager].Id;
        MaturityAssessment Assessment(AssessmentWave wave, MaturityAnswers answers, int startedDaysAgo, int submittedDaysAgo)
        {
            var scores = MaturityScoring.Score(Questionnaire.Sme, answers);
            var d = scores.Dimensions;
            return new MaturityAssessment
            {
                OrganisationId = coimbra.Value, HubId = imin, Set = QuestionSet.Sme, Wave = wave, Status = AssessmentStatus.Submitted,
                Answers = MaturityAssessment.WriteAnswers(answers),
                Score1 = d[0], Score2 = d[1], Score3 = d[2], Score4 = d[3], Score5 = d[4], Score6 = d[5], Overall = scores.Overall, Band = scores.Band,
                StartedById = fellow, StartedAt = now.AddDays(-startedDaysAgo), UpdatedById = iminManager, UpdatedAt = now.AddDays(-submittedDaysAgo),
                SubmittedById = fellow, SubmittedAt = now.AddDays(-submittedDaysAgo), Version = 7,
            };
        }
        // T0 before the AI testing delivery began (a week ago), T1 after.
        db.MaturityAssessments.Add(Assessment(AssessmentWave.T0, T0, 9, 8));
        db.MaturityAssessments.Add(Assessment(AssessmentWave.T1, T1, 2, 1));
        await db.SaveChangesAsync(ct);
    }
}
