using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Features.Matchmaking.Sessions;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>The session pages on the demo's matchmaking day: the event links them, a participant asks and answers, reads a printable agenda and its .ics, the organiser sees the scheduler's report.</summary>
[Collection(AppsCollection.Name)]
public sealed class SessionPagesTests(AgoraApps apps)
{
    private static Task<int> DemoEventAsync(AgoraFactory app) =>
        DbAsync(app, db => db.Events.Where(e => e.Format == EventFormat.Matchmaking && e.Title == "Health innovation matchmaking day").Select(e => e.Id).FirstAsync());

    [Theory, BothDatabases]
    public async Task Pages_ParticipantAndOrganiser_OnTheDemoSession(string provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await DemoEventAsync(app);
        var hub = DemoAccounts.HelseplattformenHub;
        var path = SessionPaths.Session(hub, id);

        // The demo's schedule was made by the scheduler and checked: every accepted meeting placed, nobody twice in a slot.
        var meetings = await DbAsync(app, db => db.MatchmakingMeetings.Where(m => m.EventId == id).ToListAsync());
        Assert.Equal(7, meetings.Count);
        Assert.All(meetings, m => Assert.NotNull(m.SlotId));

        var member = await SignInAsync(app, DemoAccounts.Member);
        var (eventPage, eventDoc) = await member.GetAsync($"/hubs/{hub}/events/{id}");
        Assert.Equal(HttpStatusCode.OK, eventPage.StatusCode);
        Assert.NotNull(eventDoc.QuerySelector($"a[href='{path}']"));

        var (ok, page) = await member.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(8, page.QuerySelectorAll("#participants-heading ~ table tbody tr").Length);
        Assert.NotNull(page.QuerySelector($"a[href='{SessionPaths.Agenda(hub, id)}']"));

        // The member asks the evaluator for a meeting through the page.
        var evaluator = await DbAsync(app, db => db.MatchmakingParticipants.Where(p => p.EventId == id
            && db.Users.Any(u => u.Id == p.UserId && u.Email == DemoAccounts.Evaluator)).Select(p => p.Id).SingleAsync());
        var asked = await member.SubmitAsync(path, new Dictionary<string, string> { ["to"] = evaluator.ToString(), ["message"] = "Outcome measures?" },
            "main form[action*='handler=Request']");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.True(await DbAsync(app, db => db.MeetingRequests.AnyAsync(r => r.EventId == id && r.ToId == evaluator && r.Message == "Outcome measures?"
            && r.State == MeetingRequestState.Pending)));

        // The agenda: the member's meetings, printable, and as a calendar file.
        var (agendaAnswer, agenda) = await member.GetAsync(SessionPaths.Agenda(hub, id));
        Assert.Equal(HttpStatusCode.OK, agendaAnswer.StatusCode);
        Assert.Equal(2, agenda.QuerySelectorAll("table.agenda tbody tr").Length);
        var ics = await member.Client.GetStringAsync(SessionPaths.Agenda(hub, id) + "?handler=Ics");
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);

        // Someone who is not taking part learns nothing of the agenda or the participants.
        var other = await SignInAsync(app, DemoAccounts.OtherManager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(SessionPaths.Agenda(hub, id))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(SessionPaths.Organise(hub, id))).Response.StatusCode);
        var (_, otherView) = await other.GetAsync(path);
        Assert.Null(otherView.QuerySelector("#participants-heading"));

        // The organiser's page shows the scheduler's report and every meeting.
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (organised, organise) = await manager.GetAsync(SessionPaths.Organise(hub, id));
        Assert.Equal(HttpStatusCode.OK, organised.StatusCode);
        Assert.NotNull(organise.QuerySelector("#schedule-heading"));
        Assert.Equal(7, organise.QuerySelectorAll("#meetings-heading ~ table tbody tr").Length);
        Assert.Contains("7", organise.QuerySelector("#schedule-heading ~ dl")!.TextContent);
    }
}
