using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hackathons;

/// <summary>A hackathon end to end on both databases: challenge, teams by consent, submissions, jury, results, accelerator, initiative.</summary>
[Collection(AppsCollection.Name)]
public sealed class HackathonTests(AgoraApps apps)
{
    /// <summary>A hub of its own with a published hackathon event and people (emails by name) in the given roles.</summary>
    internal sealed record Setup(string Slug, Guid HubId, int EventId, IReadOnlyDictionary<string, string> Emails)
    {
        public string this[string name] => Emails[name];
    }

    internal static Task<Setup> SetupAsync(AgoraFactory app, params (string Name, HubRoles Roles)[] people) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "hk-" + Guid.NewGuid().ToString("N")[..8], Name = "Hackathon hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        var emails = new Dictionary<string, string>();
        Guid? creator = null;
        foreach (var (name, roles) in people)
        {
            var email = $"{name}-{Guid.NewGuid():N}@example.org";
            var user = new AgoraUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
            };
            db.Users.Add(user);
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = roles | HubRoles.Member, JoinedAt = now });
            emails[name] = email;
            creator ??= user.Id;
        }
        await db.SaveChangesAsync();
        var ev = new Event
        {
            HubId = hub.Id, Format = EventFormat.Hackathon, Title = "Health Hack", Summary = "", Description = "", StartsAt = now.AddDays(1), EndsAt = now.AddDays(2),
            Mode = EventMode.OnSite, Audience = EventAudience.HubMembers, State = EventState.Published, CreatedById = creator!.Value, CreatedAt = now, UpdatedAt = now,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return new Setup(hub.Slug, hub.Id, ev.Id, emails);
    });

    private static Task<T> As<T, TService>(AgoraFactory app, string email, Func<TService, Task<T>> work) where TService : notnull =>
        TestActor.AsAsync(app, email, sp => work(sp.GetRequiredService<TService>()));

    private static async Task<T> OkAsync<T>(Task<Result<T>> call)
    {
        var result = await call;
        Assert.True(result.IsOk, $"{result.Outcome}: {string.Join("; ", result.Errors.Select(e => e.Key + "=" + string.Join(",", e.Value)))}");
        return result.Value!;
    }

    internal static ChallengeInput Challenge(int maxTeam = 2) => new("Fewer readmissions", "Help patients home safely.", null, "", 1, maxTeam, DateTimeOffset.UtcNow.AddDays(1),
        [new JuryCriterionInput("Impact", 2), new JuryCriterionInput("Feasibility", 1)]);

    [Theory, BothDatabases]
    public async Task AHackathon_TeamsFormByConsent_JuryScoresNormalise_ResultsPublish_AndTheWinnerBecomesAnInitiative(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SetupAsync(app, ("Manager", HubRoles.HubManager), ("Judge1", HubRoles.None), ("Judge2", HubRoles.None), ("Judge3", HubRoles.None),
            ("Judge4", HubRoles.None), ("Ana", HubRoles.None), ("Aldo", HubRoles.None), ("Bea", HubRoles.None), ("Bruno", HubRoles.None), ("Carla", HubRoles.None),
            ("Mentor", HubRoles.Mentor));
        var (slug, ev) = (s.Slug, s.EventId);

        // Only organisers define challenges.
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonChallenges>(app, s["Ana"], c => c.CreateAsync(slug, ev, Challenge(), default))).Outcome);
        var challenge = await OkAsync(As<Result<int>, HackathonChallenges>(app, s["Manager"], c => c.CreateAsync(slug, ev, Challenge(), default)));
        foreach (var judge in new[] { "Judge1", "Judge2", "Judge3", "Judge4" })
            await OkAsync(As<Result<Guid>, HackathonChallenges>(app, s["Manager"], c => c.AssignJudgeAsync(slug, ev, challenge, s[judge], default)));

        // Team A by invitation (Aldo accepts); team B by request (the lead accepts Bruno).
        var teamA = await OkAsync(As<Result<int>, HackathonTeams>(app, s["Ana"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Home Safe", "Discharge checklists.", "Designer"), default)));
        await OkAsync(As<Result<Guid>, HackathonTeams>(app, s["Ana"], t => t.InviteAsync(slug, ev, teamA, s["Aldo"], default)));
        var pending = await TestActor.AsAsync(app, s["Manager"], sp => sp.GetRequiredService<HackathonQueries>().TeamAsync(slug, ev, teamA, default));
        Assert.Equal(1, pending!.Members.Count(m => m.Status == TeamMemberStatus.Active)); // nobody is in a team before saying yes
        await OkAsync(As<Result<int>, HackathonTeams>(app, s["Aldo"], t => t.AnswerInvitationAsync(slug, ev, teamA, true, default)));
        var teamB = await OkAsync(As<Result<int>, HackathonTeams>(app, s["Bea"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Pill Pal", "", null), default)));
        await OkAsync(As<Result<int>, HackathonTeams>(app, s["Bruno"], t => t.RequestToJoinAsync(slug, ev, teamB, default)));
        var brunoId = await UserIdAsync(app, s["Bruno"]);
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonTeams>(app, s["Ana"], t => t.AnswerRequestAsync(slug, ev, teamB, brunoId, true, default))).Outcome);
        await OkAsync(As<Result<int>, HackathonTeams>(app, s["Bea"], t => t.AnswerRequestAsync(slug, ev, teamB, brunoId, true, default)));
        // Full at two: Carla's accepted request is refused; Aldo cannot be in a second team of the challenge.
        await OkAsync(As<Result<int>, HackathonTeams>(app, s["Carla"], t => t.RequestToJoinAsync(slug, ev, teamA, default)));
        var carlaId = await UserIdAsync(app, s["Carla"]);
        Assert.Equal(Outcome.Conflict, (await As<Result<int>, HackathonTeams>(app, s["Ana"], t => t.AnswerRequestAsync(slug, ev, teamA, carlaId, true, default))).Outcome);
        Assert.Equal(Outcome.Conflict, (await As<Result<int>, HackathonTeams>(app, s["Aldo"], t => t.RequestToJoinAsync(slug, ev, teamB, default))).Outcome);

        // Submissions: links are http(s) only.
        var bad = await As<Result<int>, HackathonSubmissions>(app, s["Ana"], x => x.SaveAsync(slug, ev, teamA, new SubmissionInput("A checklist app.", "javascript:alert(1)", null), default));
        Assert.Equal(Outcome.Invalid, bad.Outcome);
        Assert.Contains("codeUrl", bad.Errors.Keys);
        await OkAsync(As<Result<int>, HackathonSubmissions>(app, s["Ana"], x => x.SaveAsync(slug, ev, teamA, new SubmissionInput("A checklist app.", "https://example.org/code", "https://example.org/video"), default)));
        await OkAsync(As<Result<int>, HackathonSubmissions>(app, s["Bruno"], x => x.SaveAsync(slug, ev, teamB, new SubmissionInput("A pill reminder.", null, null), default)));
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonSubmissions>(app, s["Carla"], x => x.SaveAsync(slug, ev, teamB, new SubmissionInput("x", null, null), default))).Outcome);

        // The jury: the same marks as JuryScoringTests (criteria weights 2 and 1).
        var criteria = await DbAsync(app, db => db.HackathonCriteria.Where(k => k.ChallengeId == challenge).OrderBy(k => k.Position).Select(k => k.Id).ToListAsync());
        Dictionary<int, int> Marks(int first, int second) => new() { [criteria[0]] = first, [criteria[1]] = second };
        async Task ScoreAsync(string judge, int team, int first, int second) =>
            await OkAsync(As<Result<int>, HackathonJury>(app, s[judge], j => j.ScoreAsync(slug, ev, team, Marks(first, second), default)));
        await ScoreAsync("Judge1", teamA, 4, 1);
        await ScoreAsync("Judge1", teamB, 2, 2);
        await ScoreAsync("Judge2", teamA, 5, 5);
        await ScoreAsync("Judge2", teamB, 4, 4);
        await ScoreAsync("Judge3", teamA, 1, 1);
        await ScoreAsync("Judge3", teamB, 5, 5);
        Assert.Equal(Outcome.Invalid, (await As<Result<int>, HackathonJury>(app, s["Judge1"], j => j.ScoreAsync(slug, ev, teamA, Marks(6, 1), default))).Outcome);
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonJury>(app, s["Ana"], j => j.ScoreAsync(slug, ev, teamB, Marks(5, 5), default))).Outcome);
        // Judge 4 declares a conflict with team A and may not score it; a conflict needs a reason.
        Assert.Equal(Outcome.Invalid, (await As<Result<int>, HackathonJury>(app, s["Judge4"], j => j.DeclareConflictAsync(slug, ev, teamA, " ", default))).Outcome);
        await OkAsync(As<Result<int>, HackathonJury>(app, s["Judge4"], j => j.DeclareConflictAsync(slug, ev, teamA, "My sister is in the team.", default)));
        Assert.Equal(Outcome.Conflict, (await As<Result<int>, HackathonJury>(app, s["Judge4"], j => j.ScoreAsync(slug, ev, teamA, Marks(5, 5), default))).Outcome);

        // Before publishing only the organisers see the rankings; judges see their own marks.
        var early = await TestActor.AsAsync(app, s["Ana"], sp => sp.GetRequiredService<HackathonQueries>().ChallengeAsync(slug, ev, challenge, default));
        Assert.False(early!.SeesRankings);
        Assert.Null(early.NormalisedRanking);
        var judgeView = await TestActor.AsAsync(app, s["Judge1"], sp => sp.GetRequiredService<HackathonQueries>().ChallengeAsync(slug, ev, challenge, default));
        Assert.Equal(4, judgeView!.MySheets!.Single(x => x.TeamId == teamA).Marks[criteria[0]]);
        Assert.Null(judgeView.RawRanking);
        var organiser = await TestActor.AsAsync(app, s["Manager"], sp => sp.GetRequiredService<HackathonQueries>().ChallengeAsync(slug, ev, challenge, default));
        // Hand computation in JuryScoringTests: raw A = 3, B = 11/3; normalised A = 10/3 + (2/9)√5 ≈ 3.830237, B ≈ 2.836429.
        Assert.Equal([teamB, teamA], organiser!.RawRanking!.Select(r => r.TeamId));
        Assert.Equal([teamA, teamB], organiser.NormalisedRanking!.Select(r => r.TeamId));
        Assert.Equal(3.830237, organiser.NormalisedRanking![0].Normalised, 6);
        Assert.Equal(2.836429, organiser.NormalisedRanking![1].Normalised, 6);
        Assert.Equal(3.0, organiser.NormalisedRanking![0].Raw, 9);

        await OkAsync(As<Result<int>, HackathonChallenges>(app, s["Manager"], c => c.PublishAsync(slug, ev, challenge, default)));
        var published = await TestActor.AsAsync(app, s["Carla"], sp => sp.GetRequiredService<HackathonQueries>().ChallengeAsync(slug, ev, challenge, default));
        Assert.Equal("Home Safe", published!.NormalisedRanking![0].Name);
        Assert.Equal(Outcome.Conflict, (await As<Result<int>, HackathonJury>(app, s["Judge2"], j => j.ScoreAsync(slug, ev, teamA, Marks(1, 1), default))).Outcome);

        // The hackaccelerator: chosen, a mentor (only a person with the Mentor role), a milestone and a check-in.
        await OkAsync(As<Result<int>, HackathonAccelerator>(app, s["Manager"], a => a.ChooseAsync(slug, ev, teamA, default)));
        var carla = carlaId;
        Assert.Equal(Outcome.Invalid, (await As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamA, carla, default))).Outcome);
        var mentor = await UserIdAsync(app, s["Mentor"]);
        await AcceleratorMentoringTests.ProfileAsync(app, s.HubId, mentor, capacity: 1);
        await OkAsync(As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamA, mentor, default)));
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        await OkAsync(As<Result<int>, HackathonAccelerator>(app, s["Mentor"], a => a.AddMilestoneAsync(slug, ev, teamA, new TeamMilestoneInput("A pilot ward", due), default)));
        await OkAsync(As<Result<int>, HackathonAccelerator>(app, s["Aldo"], a => a.AddCheckInAsync(slug, ev, teamA, new CheckInInput(DateOnly.FromDateTime(DateTime.UtcNow), "Ward 3 agreed."), default)));
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonAccelerator>(app, s["Carla"], a => a.AddCheckInAsync(slug, ev, teamA, new CheckInInput(DateOnly.FromDateTime(DateTime.UtcNow), "x"), default))).Outcome);

        // The winning team becomes an initiative at the first stage: its members the team, the submission the concept, the scores on record.
        Assert.Equal(Outcome.Forbidden, (await As<Result<int>, HackathonAccelerator>(app, s["Ana"], a => a.MakeInitiativeAsync(slug, ev, teamA, default))).Outcome);
        var initiative = await OkAsync(As<Result<int>, HackathonAccelerator>(app, s["Manager"], a => a.MakeInitiativeAsync(slug, ev, teamA, default)));
        Assert.Equal(Outcome.Conflict, (await As<Result<int>, HackathonAccelerator>(app, s["Manager"], a => a.MakeInitiativeAsync(slug, ev, teamA, default))).Outcome);
        var record = await DbAsync(app, async db => new
        {
            Initiative = await db.Initiatives.SingleAsync(i => i.Id == initiative),
            First = await db.InnovationStages.Where(x => x.HubId == s.HubId).OrderBy(x => x.Position).Select(x => x.Id).FirstAsync(),
            Members = await db.InitiativeMembers.Where(m => m.InitiativeId == initiative).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, m.Role }).ToListAsync(),
            Documents = await db.InitiativeDocuments.Where(d => d.InitiativeId == initiative).Join(db.Files, d => d.FileId, f => f.Id, (d, f) => new { d.Kind, f.FileName, f.Content }).ToListAsync(),
            Team = await db.HackathonTeams.SingleAsync(t => t.Id == teamA),
        });
        Assert.Equal(record.First, record.Initiative.StageId);
        Assert.Equal("Home Safe", record.Initiative.Title);
        Assert.Equal($"/hubs/{slug}/events/{ev}/hackathon/teams/{teamA}", record.Initiative.OriginPath);
        Assert.Contains("Health Hack", record.Initiative.OriginTitle);
        Assert.Equal(["Aldo:Member", "Ana:Owner"], record.Members.Select(m => $"{m.DisplayName}:{m.Role}").Order());
        var concept = Assert.Single(record.Documents);
        Assert.Equal(ArtefactKind.ConceptDescription, concept.Kind);
        var text = System.Text.Encoding.UTF8.GetString(concept.Content);
        Assert.Contains("A checklist app.", text);
        Assert.Contains("3.83", text);
        Assert.Equal(initiative, record.Team.InitiativeId);
        var detail = await TestActor.AsAsync(app, s["Ana"], sp => sp.GetRequiredService<InitiativeQueries>().GetAsync(slug, initiative, default));
        Assert.Equal(record.Initiative.OriginPath, detail!.Origin!.Path);

        var figures = await DbAsync(app, db => new HackathonQueries(db, null!, null!, TimeProvider.System).FiguresAsync(s.HubId, default));
        Assert.Equal(new HackathonFigures(1, 2, 2, 1), figures);
    }

    /// <summary>Twelve people accept invitations to a team with three seats left at once: exactly three get in.</summary>
    [Theory, BothDatabases]
    public async Task ConcurrentAcceptances_NeverPassTheTeamSize(string provider)
    {
        var app = await apps.GetAsync(provider);
        var names = Enumerable.Range(1, 12).Select(i => $"P{i}").ToArray();
        var s = await SetupAsync(app, [("Manager", HubRoles.HubManager), ("Lead", HubRoles.None), .. names.Select(n => (n, HubRoles.None))]);
        var (slug, ev) = (s.Slug, s.EventId);
        var challenge = await OkAsync(As<Result<int>, HackathonChallenges>(app, s["Manager"], c => c.CreateAsync(slug, ev, Challenge(maxTeam: 4), default)));
        var team = await OkAsync(As<Result<int>, HackathonTeams>(app, s["Lead"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Crowd", "", null), default)));
        foreach (var n in names) await OkAsync(As<Result<Guid>, HackathonTeams>(app, s["Lead"], t => t.InviteAsync(slug, ev, team, s[n], default)));

        var results = await Task.WhenAll(names.Select(n => Task.Run(() =>
            As<Result<int>, HackathonTeams>(app, s[n], t => t.AnswerInvitationAsync(slug, ev, team, true, default)))));

        Assert.Equal(3, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(Outcome.Conflict, r.Outcome));
        var (count, active) = await DbAsync(app, async db => (
            await db.HackathonTeams.Where(t => t.Id == team).Select(t => t.MemberCount).SingleAsync(),
            await db.HackathonTeamMembers.CountAsync(m => m.TeamId == team && m.Status == TeamMemberStatus.Active)));
        Assert.Equal(4, count);
        Assert.Equal(4, active);
    }
}
