using System.Security.Cryptography;
using System.Text;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// The demo hackathon (the first event of format Hackathon that DemoEvents seeded; one of imIN-hub's own when there is
/// none): two challenges with weighted criteria and three judges each, four teams with submissions; the first
/// challenge scored by all three judges (one declared a conflict with a team) and published; its winner chosen for the
/// hackaccelerator with a mentor, milestones and a check-in, and turned into an initiative at the hub's first stage.
/// </summary>
internal static class DemoHackathons
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var ev = await db.Events.Where(e => e.Format == EventFormat.Hackathon).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            var imin = hubs[DemoAccounts.IminHub];
            ev = new Event
            {
                HubId = imin.Id, Format = EventFormat.Hackathon, Title = "Hackathon: envelhecer bem em casa",
                Summary = "Dois dias para criar soluções que ajudem as pessoas mais velhas a viver em casa com segurança.",
                Description = "Equipas de profissionais de saúde, programadores e cidadãos trabalham em desafios da região.",
                StartsAt = now.AddDays(-20), EndsAt = now.AddDays(-19), Mode = EventMode.OnSite, Address = "Rua Larga, Coimbra", Languages = "pt-PT,en",
                Audience = EventAudience.Public, State = EventState.Published, Sequence = 1, CreatedById = people[DemoAccounts.OtherManager].Id,
                CreatedAt = now.AddDays(-40), UpdatedAt = now.AddDays(-40),
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync(ct);
        }
        var hub = ev.HubId;
        var creator = ev.CreatedById;
        var deadline = ev.EndsAt;
        Guid P(string email) => people[email].Id;

        var discharge = new HackathonChallenge
        {
            EventId = ev.Id, HubId = hub, Title = "Safe discharge from hospital", FocusAreas = "patient-safety",
            Description = "Patients go home with many new medicines and little time to learn them. Help them and their carers get it right.",
            MinTeamSize = 2, MaxTeamSize = 4, SubmissionDeadline = deadline, ResultsPublishedAt = now.AddDays(-1), CreatedById = creator, CreatedAt = now.AddDays(-30),
        };
        var ageing = new HackathonChallenge
        {
            EventId = ev.Id, HubId = hub, Title = "Staying active at home", FocusAreas = "healthy-ageing",
            Description = "Older people who move more stay independent longer. Make moving every day easy and social.",
            MinTeamSize = 1, MaxTeamSize = 4, SubmissionDeadline = deadline, CreatedById = creator, CreatedAt = now.AddDays(-30),
        };
        db.HackathonChallenges.AddRange(discharge, ageing);
        await db.SaveChangesAsync(ct);
        HackathonCriterion[] Criteria(HackathonChallenge c) =>
        [
            new() { ChallengeId = c.Id, Name = "Impact for patients", Weight = 3, Position = 1 },
            new() { ChallengeId = c.Id, Name = "Feasibility", Weight = 2, Position = 2 },
            new() { ChallengeId = c.Id, Name = "Quality of the pitch", Weight = 1, Position = 3 },
        ];
        var dc = Criteria(discharge);
        var ac = Criteria(ageing);
        db.HackathonCriteria.AddRange([.. dc, .. ac]);
        string[] judges = [DemoAccounts.Evaluator, DemoAccounts.Reviewer, DemoAccounts.Facilitator];
        foreach (var c in new[] { discharge, ageing })
            db.HackathonJudges.AddRange(judges.Select(j => new HackathonJudge { ChallengeId = c.Id, UserId = P(j), AssignedAt = now.AddDays(-25) }));

        HackathonTeam Team(HackathonChallenge c, string name, string pitch, int members) => new()
        {
            ChallengeId = c.Id, EventId = ev.Id, HubId = hub, Name = name, Pitch = pitch, MemberCount = members, CreatedAt = now.AddDays(-20),
        };
        var homeSafe = Team(discharge, "Home Safe", "A discharge checklist that patients and carers go through with the nurse, and keep on their phone.", 2);
        var pillPal = Team(discharge, "Pill Pal", "Reminders and pictures of each new pill, in the patient's own language.", 2);
        var walk = Team(ageing, "Walk Together", "Neighbourhood walking groups matched by pace.", 1);
        var dance = Team(ageing, "Kitchen Dance", "Five-minute dance breaks on the kitchen radio.", 1);
        homeSafe.CreatedById = P(DemoAccounts.Member);
        pillPal.CreatedById = P(DemoAccounts.Agent);
        walk.CreatedById = P(DemoAccounts.Fellow);
        dance.CreatedById = P(DemoAccounts.Citizen);
        homeSafe.AcceleratedAt = now.AddHours(-20);
        db.HackathonTeams.AddRange(homeSafe, pillPal, walk, dance);
        await db.SaveChangesAsync(ct);

        HackathonTeamMember Member(HackathonTeam t, string email, TeamMemberRole role, string roleText) => new()
        {
            TeamId = t.Id, UserId = P(email), Role = role, RoleText = roleText, Status = TeamMemberStatus.Active, ActiveChallengeId = t.ChallengeId,
            CreatedAt = now.AddDays(-20), JoinedAt = now.AddDays(-20),
        };
        db.HackathonTeamMembers.AddRange(
            Member(homeSafe, DemoAccounts.Member, TeamMemberRole.Lead, "Nurse"),
            Member(homeSafe, DemoAccounts.Fellow, TeamMemberRole.Member, "Developer"),
            Member(pillPal, DemoAccounts.Agent, TeamMemberRole.Lead, "Pharmacist"),
            Member(pillPal, DemoAccounts.Citizen, TeamMemberRole.Member, "Patient voice"),
            Member(walk, DemoAccounts.Fellow, TeamMemberRole.Lead, "Physiotherapist"),
            Member(dance, DemoAccounts.Citizen, TeamMemberRole.Lead, ""),
            // An invitation still open, to show that nobody joins without saying yes.
            new HackathonTeamMember { TeamId = dance.Id, UserId = P(DemoAccounts.Agent), Role = TeamMemberRole.Member, Status = TeamMemberStatus.Invited, InvitedById = P(DemoAccounts.Citizen), CreatedAt = now.AddDays(-19) });

        HackathonSubmission Submission(HackathonTeam t, string lead, string text, string? code) => new()
        {
            TeamId = t.Id, Description = text, CodeUrl = code, VideoUrl = code is null ? null : "https://video.example.org/" + t.Id,
            SubmittedById = P(lead), SubmittedAt = deadline.AddHours(-3), UpdatedAt = deadline.AddHours(-2),
        };
        db.HackathonSubmissions.AddRange(
            Submission(homeSafe, DemoAccounts.Member, "A checklist the nurse and the patient go through on the day of discharge, saved to the patient's phone with the new medicines, warning signs and whom to call.", "https://code.example.org/home-safe"),
            Submission(pillPal, DemoAccounts.Agent, "Photos and reminders for each new medicine, read aloud in the patient's language.", "https://code.example.org/pill-pal"),
            Submission(walk, DemoAccounts.Fellow, "Walking groups near home, matched by pace, with a weekly route.", null),
            Submission(dance, DemoAccounts.Citizen, "Five-minute dance breaks announced on local radio.", null));

        // Scores for the first challenge: weighted totals (3·impact + 2·feasibility + pitch)/6.
        void Score(HackathonChallenge c, HackathonCriterion[] k, HackathonTeam t, string judge, params int[] marks) =>
            db.HackathonScores.AddRange(k.Select((criterion, i) => new HackathonScore
            {
                TeamId = t.Id, JudgeId = P(judge), CriterionId = criterion.Id, ChallengeId = c.Id, Value = marks[i], ScoredAt = deadline.AddHours(2),
            }));
        await db.SaveChangesAsync(ct);
        Score(discharge, dc, homeSafe, DemoAccounts.Evaluator, 4, 3, 4);
        Score(discharge, dc, pillPal, DemoAccounts.Evaluator, 3, 3, 2);
        Score(discharge, dc, homeSafe, DemoAccounts.Reviewer, 5, 5, 5);
        Score(discharge, dc, pillPal, DemoAccounts.Reviewer, 5, 4, 5);
        Score(discharge, dc, pillPal, DemoAccounts.Facilitator, 2, 3, 3);
        db.HackathonConflicts.Add(new HackathonConflict { TeamId = homeSafe.Id, JudgeId = P(DemoAccounts.Facilitator), Reason = "I supervise the team's nurse.", DeclaredAt = deadline.AddHours(1) });
        Score(ageing, ac, walk, DemoAccounts.Evaluator, 4, 4, 3);
        Score(ageing, ac, dance, DemoAccounts.Evaluator, 3, 5, 4);

        // The hackaccelerator: Home Safe with a mentor, milestones and a check-in.
        // The team takes one of Magnus's mentoring places (one capacity with his mentoring pairs: he is now full).
        db.HackathonTeamMentors.Add(new HackathonTeamMentor { TeamId = homeSafe.Id, UserId = P(DemoAccounts.Mentor), AssignedAt = now.AddHours(-19) });
        var magnus = P(DemoAccounts.Mentor);
        await db.MentorProfiles.Where(p => p.HubId == hub && p.UserId == magnus && p.ActiveCount < p.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveCount, p => p.ActiveCount + 1), ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.HackathonMilestones.AddRange(
            new HackathonMilestone { TeamId = homeSafe.Id, Title = "Checklist tested with five patients", DueOn = today.AddDays(14), CreatedAt = now.AddHours(-18) },
            new HackathonMilestone { TeamId = homeSafe.Id, Title = "Pilot agreed with ward 3", DueOn = today.AddDays(-1), DoneOn = today.AddDays(-1), CreatedAt = now.AddHours(-18) });
        db.HackathonCheckIns.Add(new HackathonCheckIn { TeamId = homeSafe.Id, HeldOn = today.AddDays(-1), Notes = "Ward 3 agreed to a four-week pilot. Next: patient information in Portuguese and Norwegian.", AuthorId = P(DemoAccounts.Mentor), CreatedAt = now.AddHours(-17) });
        await db.SaveChangesAsync(ct);

        // Home Safe became an initiative at the hub's first stage, its submission the concept document.
        var stages = await db.InnovationStages.Where(s => s.HubId == hub).OrderBy(s => s.Position).ToListAsync(ct);
        if (stages.Count == 0)
        {
            stages = InnovationProcess.DefaultStages(hub);
            db.InnovationStages.AddRange(stages);
            await db.SaveChangesAsync(ct);
        }
        var slug = await db.Hubs.Where(h => h.Id == hub).Select(h => h.Slug).SingleAsync(ct);
        var lead = P(DemoAccounts.Member);
        var initiative = new Initiative
        {
            HubId = hub, Title = homeSafe.Name, Summary = homeSafe.Pitch,
            Description = "# Home Safe\n\nA submission to the challenge \"Safe discharge from hospital\".\n\n## The jury's scores\nRanked first (raw and normalised) by the jury.",
            Visibility = InitiativeVisibility.PublicSummary, StageId = stages[0].Id, Status = InitiativeStatus.Active, OwnerId = lead, CreatedById = creator,
            CreatedAt = now.AddHours(-16), UpdatedAt = now.AddHours(-16), StageEnteredAt = now.AddHours(-16),
            OriginTitle = $"Team {homeSafe.Name} of the hackathon {ev.Title}", OriginPath = $"/hubs/{slug}/events/{ev.Id}/hackathon/teams/{homeSafe.Id}",
        };
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        db.InitiativeMembers.AddRange(
            new InitiativeMember { InitiativeId = initiative.Id, UserId = lead, Role = TeamRole.Owner, AddedAt = now.AddHours(-16) },
            new InitiativeMember { InitiativeId = initiative.Id, UserId = P(DemoAccounts.Fellow), Role = TeamRole.Member, AddedAt = now.AddHours(-16) });
        var concept = Encoding.UTF8.GetBytes(initiative.Description);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "concept.md", ContentType = "text/markdown; charset=utf-8", Size = concept.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(concept)), Content = concept, UploadedById = creator, UploadedAt = now.AddHours(-16),
        };
        db.Files.Add(file);
        db.InitiativeDocuments.Add(new InitiativeDocument { InitiativeId = initiative.Id, FileId = file.Id, Kind = ArtefactKind.ConceptDescription, StageId = stages[0].Id, UploadedById = creator, UploadedAt = now.AddHours(-16) });
        await db.SaveChangesAsync(ct);
        await db.HackathonTeams.Where(t => t.Id == homeSafe.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.InitiativeId, initiative.Id), ct);
    }
}
