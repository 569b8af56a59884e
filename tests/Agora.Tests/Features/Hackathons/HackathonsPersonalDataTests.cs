using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hackathons;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hackathons;

/// <summary>What hackathons hold about a person goes into their export and out on erasure.</summary>
[Collection(AppsCollection.Name)]
public sealed class HackathonsPersonalDataTests(AgoraApps apps)
{
    private static IPersonalData Source(IServiceScope scope) => scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "hackathons");

    private static Task<Result<T>> As<T, TService>(AgoraFactory app, string email, Func<TService, Task<Result<T>>> work) where TService : notnull =>
        TestActor.AsAsync(app, email, sp => work(sp.GetRequiredService<TService>()));

    [Theory, BothDatabases]
    public async Task ExportAndErasure_CoverTeamsSubmissionsMarksAndConflicts(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await HackathonTests.SetupAsync(app, ("Manager", HubRoles.HubManager), ("Judge1", HubRoles.None), ("Judge2", HubRoles.None), ("Ana", HubRoles.None), ("Aldo", HubRoles.None));
        var (slug, ev) = (s.Slug, s.EventId);
        var challenge = (await As<int, HackathonChallenges>(app, s["Manager"], c => c.CreateAsync(slug, ev, HackathonTests.Challenge(), default))).Value;
        await As<Guid, HackathonChallenges>(app, s["Manager"], c => c.AssignJudgeAsync(slug, ev, challenge, s["Judge1"], default));
        await As<Guid, HackathonChallenges>(app, s["Manager"], c => c.AssignJudgeAsync(slug, ev, challenge, s["Judge2"], default));
        var team = (await As<int, HackathonTeams>(app, s["Ana"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Night Light", "", "Lead designer"), default))).Value;
        await As<Guid, HackathonTeams>(app, s["Ana"], t => t.InviteAsync(slug, ev, team, s["Aldo"], default));
        await As<int, HackathonTeams>(app, s["Aldo"], t => t.AnswerInvitationAsync(slug, ev, team, true, default));
        await As<int, HackathonSubmissions>(app, s["Ana"], x => x.SaveAsync(slug, ev, team, new SubmissionInput("Motion-sensing night lights.", null, null), default));
        var criteria = await DbAsync(app, db => db.HackathonCriteria.Where(k => k.ChallengeId == challenge).Select(k => k.Id).ToListAsync());
        Assert.True((await As<int, HackathonJury>(app, s["Judge1"], j => j.ScoreAsync(slug, ev, team, criteria.ToDictionary(k => k, _ => 4), default))).IsOk);
        Assert.True((await As<int, HackathonJury>(app, s["Judge2"], j => j.DeclareConflictAsync(slug, ev, team, "A former colleague.", default))).IsOk);
        var ids = new Dictionary<string, Guid>();
        foreach (var name in new[] { "Ana", "Aldo", "Judge1", "Judge2" }) ids[name] = await UserIdAsync(app, s[name]);

        string json;
        using (var scope = app.Services.CreateScope())
        {
            json = JsonSerializer.Serialize(await Source(scope).ExportAsync(ids["Ana"], default), JsonSerializerOptions.Web)
                + JsonSerializer.Serialize(await Source(scope).ExportAsync(ids["Judge1"], default), JsonSerializerOptions.Web)
                + JsonSerializer.Serialize(await Source(scope).ExportAsync(ids["Judge2"], default), JsonSerializerOptions.Web);
        }
        Assert.Contains("Night Light", json);
        Assert.Contains("Lead designer", json);
        Assert.Contains("Motion-sensing night lights.", json);
        Assert.Contains("\"value\":4", json);
        Assert.Contains("A former colleague.", json);

        // Erasing (twice: a retried erasure changes nothing more) frees Aldo's seat and withdraws the unpublished judging.
        foreach (var name in new[] { "Aldo", "Judge1", "Judge2" })
            for (var run = 0; run < 2; run++)
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
                await db.InTransactionAsync(async token =>
                {
                    await Source(scope).EraseAsync(new Erasure(ids[name], s[name], "erased-test", true, DateTimeOffset.UtcNow), token);
                    await db.SaveChangesAsync(token);
                    return 0;
                }, default);
            }
        var left = await DbAsync(app, async db => new
        {
            Count = await db.HackathonTeams.Where(t => t.Id == team).Select(t => t.MemberCount).SingleAsync(),
            Members = await db.HackathonTeamMembers.CountAsync(m => m.TeamId == team),
            Scores = await db.HackathonScores.CountAsync(x => x.TeamId == team),
            Conflicts = await db.HackathonConflicts.CountAsync(x => x.TeamId == team),
            Judges = await db.HackathonJudges.CountAsync(j => j.ChallengeId == challenge),
            Submission = await db.HackathonSubmissions.CountAsync(x => x.TeamId == team),
        });
        Assert.Equal(1, left.Count);
        Assert.Equal(1, left.Members);
        Assert.Equal(0, left.Scores);
        Assert.Equal(0, left.Conflicts);
        Assert.Equal(0, left.Judges);
        Assert.Equal(1, left.Submission); // the team's, by Ana
    }
}
