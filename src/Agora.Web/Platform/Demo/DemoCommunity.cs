using Agora.Web.Features.Accounts;
using Agora.Web.Features.Community;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// imIN-hub's calls: an open call for fellows run as its three-part hearing (workshop, a week of strategy sessions with
/// assessments, an external round) with three applicants, two reviewers' scores and one declared conflict of interest;
/// and a decided call for agents of change, with one person selected (who holds the role) and one on the reserve list.
/// Helseplattformen has an open call for mentors among its members, with one application and its review.
/// </summary>
internal static class DemoCommunity
{
    public const string FellowsCall = "Fellows 2027: health innovation in the Centro region";
    public const string AgentsCall = "Agents of change 2026";
    public const string MentorsCall = "Mentors for the innovation lab";

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var hub = hubs[DemoAccounts.IminHub];
        var manager = people[DemoAccounts.OtherManager].Id;
        var member = people[DemoAccounts.Member].Id;
        var citizen = people[DemoAccounts.Citizen].Id;
        var fellow = people[DemoAccounts.Fellow].Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var fellows = new CommunityCall
        {
            HubId = hub.Id, Role = HubRoles.Fellow, Title = FellowsCall, Audience = CallAudience.SignedIn, Seats = 2, State = CallState.Open,
            Description = "imIN-hub takes two fellows for a year of work on digital health in the Centro region: you join the hub's projects, "
                + "learn from its partners and bring what you learn back to your organisation.\n\nThe selection is a three-part hearing.",
            Deadline = new DateTimeOffset(today.AddDays(21).ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero),
            CreatedById = manager, CreatedAt = now.AddDays(-10), OpenedAt = now.AddDays(-9),
        };
        var agents = new CommunityCall
        {
            HubId = hub.Id, Role = HubRoles.AgentOfChange, Title = AgentsCall, Audience = CallAudience.SignedIn, Seats = 1, State = CallState.Decided,
            Description = "An agent of change carries new ways of working into their own ward, office or company, with the hub's support.",
            Deadline = now.AddDays(-60), CreatedById = manager, CreatedAt = now.AddDays(-90), OpenedAt = now.AddDays(-89),
            ClosedAt = now.AddDays(-60), DecidedAt = now.AddDays(-45),
        };
        db.CommunityCalls.AddRange(fellows, agents);
        await db.SaveChangesAsync(ct);

        var criteria = new[] { ("Motivation and commitment", 3), ("Experience in health or technology", 2), ("Fit with the hub's focus areas", 2) }
            .Select((c, i) => new CallCriterion { CallId = fellows.Id, Position = i + 1, Name = c.Item1, Weight = c.Item2 }).ToList();
        var agentCriteria = new CallCriterion { CallId = agents.Id, Position = 1, Name = "Support of their organisation", Weight = 1 };
        var question = new CallQuestion { CallId = fellows.Id, Position = 1, Text = "Which challenge in the Centro region would you work on?", Required = true };
        db.CallCriteria.AddRange(criteria);
        db.CallCriteria.Add(agentCriteria);
        db.CallQuestions.Add(question);
        db.CallStages.AddRange(
            new CallStage
            {
                CallId = fellows.Id, Position = 1, Name = "Workshop", StartsOn = today.AddDays(28), EndsOn = today.AddDays(28),
                Description = "A day at the hub: meet the partners and present your idea.",
            },
            new CallStage
            {
                CallId = fellows.Id, Position = 2, Name = "Week of strategy sessions", StartsOn = today.AddDays(35), EndsOn = today.AddDays(39),
                Description = "Sessions with assessments: stakeholder mapping, SWOT and PEST analyses.",
            },
            new CallStage
            {
                CallId = fellows.Id, Position = 3, Name = "External round", StartsOn = today.AddDays(46), EndsOn = today.AddDays(46),
                Description = "Conversations with external stakeholders from the region.",
            });
        db.CallReviewers.AddRange(
            new CallReviewer { CallId = fellows.Id, UserId = manager, AssignedAt = now.AddDays(-9) },
            new CallReviewer { CallId = fellows.Id, UserId = member, AssignedAt = now.AddDays(-9) },
            new CallReviewer { CallId = agents.Id, UserId = manager, AssignedAt = now.AddDays(-89) });
        await db.SaveChangesAsync(ct);

        CallApplication Apply(CommunityCall call, Guid who, string motivation, int daysAgo, ApplicationStatus status = ApplicationStatus.Submitted) => new()
        {
            CallId = call.Id, ApplicantId = who, Motivation = motivation, Status = status, SubmittedAt = now.AddDays(-daysAgo),
        };
        var byMember = Apply(fellows, member, "I build health software at a small company and want to learn how hospitals in Portugal adopt it.", 6);
        var byCitizen = Apply(fellows, citizen, "As a patient representative I want to help make digital services that people actually use.", 5);
        var byFellow = Apply(fellows, fellow, "I coordinate projects at Health Cluster Portugal and want to work closer with the region's hospitals.", 4);
        var selected = Apply(agents, member, "My company wants to change how we test our products with clinicians.", 70, ApplicationStatus.Selected);
        selected.DecidedAt = now.AddDays(-50);
        selected.RoleGranted = true;
        var reserve = Apply(agents, citizen, "I would bring the patients' view into the hub's projects.", 65, ApplicationStatus.Reserve);
        reserve.ReservePosition = 1;
        reserve.DecidedAt = now.AddDays(-50);
        db.CallApplications.AddRange(byMember, byCitizen, byFellow, selected, reserve);
        await db.SaveChangesAsync(ct);
        db.CallAnswers.AddRange(
            new CallAnswer { ApplicationId = byMember.Id, QuestionId = question.Id, Text = "Home monitoring after heart surgery." },
            new CallAnswer { ApplicationId = byCitizen.Id, QuestionId = question.Id, Text = "Booking and reminders for people with chronic illness." },
            new CallAnswer { ApplicationId = byFellow.Id, QuestionId = question.Id, Text = "Shared data between health centres and hospitals." });
        // Selected people hold the role: the demo membership carries it as the real decision would have given it.
        (await db.HubMemberships.SingleAsync(m => m.HubId == hub.Id && m.UserId == member, ct)).Roles |= HubRoles.AgentOfChange;

        async Task ReviewAsync(CallApplication a, Guid reviewer, int[] scores, string comment)
        {
            var review = new CallReview { ApplicationId = a.Id, ReviewerId = reviewer, Comment = comment, SubmittedAt = now.AddDays(-2) };
            db.CallReviews.Add(review);
            await db.SaveChangesAsync(ct);
            db.CallScores.AddRange(criteria.Select((c, i) => new CallScore { ReviewId = review.Id, CriterionId = c.Id, Score = scores[i], Weight = c.Weight }));
        }
        await ReviewAsync(byCitizen, manager, [5, 3, 4], "A strong patient voice; little technical experience.");
        await ReviewAsync(byFellow, manager, [4, 5, 4], "Knows the region's hospitals well.");
        await ReviewAsync(byCitizen, member, [4, 3, 4], "Clear about what patients need.");
        db.CallReviews.Add(new CallReview
        {
            ApplicationId = byFellow.Id, ReviewerId = member, Conflict = true, SubmittedAt = now.AddDays(-2),
            ConflictReason = "We work together on a project between our two organisations.",
        });
        await db.SaveChangesAsync(ct);

        var helse = hubs[DemoAccounts.HelseplattformenHub];
        var mentors = new CommunityCall
        {
            HubId = helse.Id, Role = HubRoles.Mentor, Title = MentorsCall, Audience = CallAudience.HubMembers, Seats = 2, State = CallState.Open,
            Description = "Mentors guide the teams that test new ideas in the innovation lab, a few hours a month.",
            Deadline = new DateTimeOffset(today.AddDays(14).ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero),
            CreatedById = people[DemoAccounts.Manager].Id, CreatedAt = now.AddDays(-5), OpenedAt = now.AddDays(-5),
        };
        db.CommunityCalls.Add(mentors);
        await db.SaveChangesAsync(ct);
        var guidance = new CallCriterion { CallId = mentors.Id, Position = 1, Name = "Experience guiding others", Weight = 2 };
        var time = new CallCriterion { CallId = mentors.Id, Position = 2, Name = "Time available", Weight = 1 };
        db.CallCriteria.AddRange(guidance, time);
        db.CallQuestions.Add(new CallQuestion { CallId = mentors.Id, Position = 1, Text = "How many hours a month can you give?", Required = false });
        db.CallReviewers.Add(new CallReviewer { CallId = mentors.Id, UserId = people[DemoAccounts.Evaluator].Id, AssignedAt = now.AddDays(-5) });
        var mentorApplication = Apply(mentors, member, "I have guided three start-ups through their first hospital trial.", 2);
        db.CallApplications.Add(mentorApplication);
        await db.SaveChangesAsync(ct);
        var mentorReview = new CallReview { ApplicationId = mentorApplication.Id, ReviewerId = people[DemoAccounts.Evaluator].Id, Comment = "Strong.", SubmittedAt = now.AddDays(-1) };
        db.CallReviews.Add(mentorReview);
        await db.SaveChangesAsync(ct);
        db.CallScores.AddRange(
            new CallScore { ReviewId = mentorReview.Id, CriterionId = guidance.Id, Score = 5, Weight = 2 },
            new CallScore { ReviewId = mentorReview.Id, CriterionId = time.Id, Score = 3, Weight = 1 });
        await db.SaveChangesAsync(ct);
    }
}
