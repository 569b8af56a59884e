using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Mentoring;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hackathons;

/// <summary>One capacity for a mentor: a hackaccelerator team counts as one mentee, for the accelerator and for mentoring alike.</summary>
[Collection(AppsCollection.Name)]
public sealed class AcceleratorMentoringTests(AgoraApps apps)
{
    /// <summary>A mentor profile made straight in the database (no focus areas needed).</summary>
    internal static Task<int> ProfileAsync(AgoraFactory app, Guid hubId, Guid mentor, int capacity) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var profile = new MentorProfile { HubId = hubId, UserId = mentor, Expertise = "", Languages = "en", Capacity = capacity, Availability = "", CreatedAt = now, UpdatedAt = now };
        db.MentorProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private static Task<T> As<T, TService>(AgoraFactory app, string email, Func<TService, Task<T>> work) where TService : notnull =>
        TestActor.AsAsync(app, email, sp => work(sp.GetRequiredService<TService>()));

    private static async Task<T> OkAsync<T>(Task<Result<T>> call)
    {
        var result = await call;
        Assert.True(result.IsOk, $"{result.Outcome}: {string.Join("; ", result.Errors.Select(e => e.Key + "=" + string.Join(",", e.Value)))}");
        return result.Value!;
    }

    /// <summary>A hub with a hackathon whose two teams (Ana's and Bea's) were chosen for the accelerator, and a mentor of the given capacity.</summary>
    private static async Task<(HackathonTests.Setup S, int TeamA, int TeamB, Guid Mentor)> AcceleratorAsync(AgoraFactory app, int capacity)
    {
        var s = await HackathonTests.SetupAsync(app, ("Manager", HubRoles.HubManager), ("Mentor", HubRoles.Mentor), ("Ana", HubRoles.None), ("Bea", HubRoles.None),
            ("Mia", HubRoles.None), ("Max", HubRoles.None), ("Noor", HubRoles.None));
        var (slug, ev) = (s.Slug, s.EventId);
        var challenge = await OkAsync(As<Result<int>, HackathonChallenges>(app, s["Manager"], c => c.CreateAsync(slug, ev, HackathonTests.Challenge(), default)));
        var teamA = await OkAsync(As<Result<int>, HackathonTeams>(app, s["Ana"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Home Safe", "", null), default)));
        var teamB = await OkAsync(As<Result<int>, HackathonTeams>(app, s["Bea"], t => t.CreateAsync(slug, ev, new NewTeam(challenge, "Pill Pal", "", null), default)));
        foreach (var team in new[] { teamA, teamB })
            await OkAsync(As<Result<int>, HackathonAccelerator>(app, s["Manager"], a => a.ChooseAsync(slug, ev, team, default)));
        var mentor = await UserIdAsync(app, s["Mentor"]);
        await ProfileAsync(app, s.HubId, mentor, capacity);
        return (s, teamA, teamB, mentor);
    }

    private static Task<int> SeatsAsync(AgoraFactory app, Guid hubId, Guid mentor) =>
        DbAsync(app, db => db.MentorProfiles.Where(p => p.HubId == hubId && p.UserId == mentor).Select(p => p.ActiveCount).SingleAsync());

    [Theory, BothDatabases]
    public async Task ATeamTakesAMentoringPlace_FullMentorRefusedForTheAccelerator_AndFullForMentoring_UntilTheTeamLetsGo(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (s, teamA, teamB, mentor) = await AcceleratorAsync(app, capacity: 1);
        var (slug, ev) = (s.Slug, s.EventId);

        // The accelerator offers mentors with a free place only.
        var before = await TestActor.AsAsync(app, s["Manager"], sp => sp.GetRequiredService<HackathonQueries>().TeamAsync(slug, ev, teamA, default));
        Assert.Equal([mentor], before!.MentorChoices!.Select(m => m.Id));
        await OkAsync(As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamA, mentor, default)));
        Assert.Equal(1, await SeatsAsync(app, s.HubId, mentor));

        // Full: a second team is refused, and its page offers nobody (and says so).
        var second = await As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamB, mentor, default));
        Assert.Equal(Outcome.Conflict, second.Outcome);
        var teamBView = await TestActor.AsAsync(app, s["Manager"], sp => sp.GetRequiredService<HackathonQueries>().TeamAsync(slug, ev, teamB, default));
        Assert.Empty(teamBView!.MentorChoices!);

        // Full for mentoring too: Mia's request waits, a pairing by hand is refused.
        var asked = await OkAsync(As<Result<AskForMentor.Asked>, AskForMentor>(app, s["Mia"], a => a.AskAsync(slug, new AskInput("Learn to pitch", null, null, null), default)));
        Assert.Null(asked.PairId);
        var max = await UserIdAsync(app, s["Max"]);
        var byHand = await As<Result<int>, PairByHand>(app, s["Manager"], p => p.PairAsync(slug, new PairInput(max, mentor, "By hand"), default));
        Assert.Equal(Outcome.Conflict, byHand.Outcome);

        // The programme shows the load with both parts.
        var programme = await OkAsync(As<Result<Programme>, MentoringQueries>(app, s["Manager"], q => q.ProgrammeAsync(slug, new Agora.Web.Platform.Http.ListQuery(1, 20, "startedAt", false), null, default)));
        var load = Assert.Single(programme.Load);
        Assert.Equal((0, 1, 1, 1), (load.ActiveMentees, load.OtherCommitments, load.SeatsTaken, load.Capacity));

        // The team lets its mentor go: the place is free and the waiting request is paired at once, and told.
        await OkAsync(As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.RemoveMentorAsync(slug, ev, teamA, mentor, default)));
        var mia = await UserIdAsync(app, s["Mia"]);
        Assert.Equal(PairState.Active, await DbAsync(app, db => db.MentoringPairs.Where(p => p.HubId == s.HubId && p.MenteeId == mia).Select(p => p.State).SingleAsync()));
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == mia && n.Kind == NotificationKind.Mentoring && n.Detail == "Paired")));
        Assert.Equal(1, await SeatsAsync(app, s.HubId, mentor));
        // Now the pair fills the mentor: the accelerator is refused again.
        Assert.Equal(Outcome.Conflict, (await As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamB, mentor, default))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.RemoveMentorAsync(slug, ev, teamA, mentor, default))).Outcome);
    }

    [Theory, BothDatabases]
    public async Task TwoTeamsAndAPairingRaceForTheLastPlace_OnlyOneGetsIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (s, teamA, teamB, mentor) = await AcceleratorAsync(app, capacity: 1);
        var (slug, ev) = (s.Slug, s.EventId);
        var noor = await UserIdAsync(app, s["Noor"]);

        var results = await Task.WhenAll(
            As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamA, mentor, default)).ContinueWith(t => t.Result.Outcome),
            As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamB, mentor, default)).ContinueWith(t => t.Result.Outcome),
            As<Result<int>, PairByHand>(app, s["Manager"], p => p.PairAsync(slug, new PairInput(noor, mentor, "Race"), default)).ContinueWith(t => t.Result.Outcome));

        Assert.Single(results, o => o == Outcome.Ok);
        Assert.All(results.Where(o => o != Outcome.Ok), o => Assert.Equal(Outcome.Conflict, o));
        Assert.Equal(1, await SeatsAsync(app, s.HubId, mentor));
        var taken = await DbAsync(app, async db =>
            await db.HackathonTeamMentors.CountAsync(m => m.UserId == mentor)
            + await db.MentoringPairs.CountAsync(p => p.HubId == s.HubId && p.MentorId == mentor && p.State == PairState.Active));
        Assert.Equal(1, taken);
    }

    [Theory, BothDatabases]
    public async Task MentorLosesTheRole_TeamAssignmentsEnd_AndTheirPlacesAreGivenBack(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (s, teamA, _, mentor) = await AcceleratorAsync(app, capacity: 2);
        var (slug, ev) = (s.Slug, s.EventId);
        await OkAsync(As<Result<Guid>, HackathonAccelerator>(app, s["Manager"], a => a.AddMentorAsync(slug, ev, teamA, mentor, default)));

        await OkAsync(As<Result<HubRoles>, Agora.Web.Features.Hubs.Membership>(app, s["Manager"], m => m.SetRolesAsync(slug, mentor, HubRoles.Member, default)));

        Assert.False(await DbAsync(app, db => db.HackathonTeamMentors.AnyAsync(m => m.UserId == mentor)));
        Assert.Equal(0, await SeatsAsync(app, s.HubId, mentor));
        var team = await TestActor.AsAsync(app, s["Mentor"], sp => sp.GetRequiredService<HackathonQueries>().TeamAsync(slug, ev, teamA, default));
        Assert.False(team!.WorksInAccelerator);
    }
}
