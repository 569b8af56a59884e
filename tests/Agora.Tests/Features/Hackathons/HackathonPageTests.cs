using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hackathons;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hackathons;

/// <summary>The hackathon pages over the demo hackathon: who sees what, and a challenge defined through the page.</summary>
[Collection(AppsCollection.Name)]
public sealed class HackathonPageTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task DemoHackathon_Pages_ShowEachVisitorTheirPart_AndAnOrganiserDefinesAChallenge(string provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await DbAsync(app, async db =>
        {
            var challenge = await db.HackathonChallenges.SingleAsync(c => c.Title == "Safe discharge from hospital");
            var team = await db.HackathonTeams.SingleAsync(t => t.ChallengeId == challenge.Id && t.Name == "Home Safe");
            var slug = await db.Hubs.Where(h => h.Id == challenge.HubId).Select(h => h.Slug).SingleAsync();
            var organiser = await db.Events.Where(e => e.Id == challenge.EventId).Join(db.Users, e => e.CreatedById, u => u.Id, (e, u) => u.Email!).SingleAsync();
            return new { challenge.EventId, ChallengeId = challenge.Id, TeamId = team.Id, team.InitiativeId, Slug = slug, Organiser = organiser };
        });
        var root = $"/hubs/{demo.Slug}/events/{demo.EventId}/hackathon";

        var anonymous = new PageClient(app.NewClient());
        var (overview, overviewDoc) = await anonymous.GetAsync(root);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Home Safe", overviewDoc.Body!.TextContent);
        var (_, publicTeam) = await anonymous.GetAsync($"{root}/teams/{demo.TeamId}");
        Assert.DoesNotContain("saved to the patient's phone", publicTeam.Body!.TextContent); // the submission is the team's, the jury's and the organisers'
        var (_, publicChallenge) = await anonymous.GetAsync($"{root}/challenges/{demo.ChallengeId}");
        Assert.NotNull(publicChallenge.QuerySelector("#results")); // published

        var lead = await SignInAsync(app, DemoAccounts.Member);
        var (_, teamDoc) = await lead.GetAsync($"{root}/teams/{demo.TeamId}");
        Assert.Contains("saved to the patient's phone", teamDoc.Body!.TextContent);
        Assert.NotNull(teamDoc.QuerySelector($"a[href='/hubs/{demo.Slug}/initiatives/{demo.InitiativeId}']"));
        Assert.NotNull(teamDoc.QuerySelector("#accelerator"));

        var organiser = await SignInAsync(app, demo.Organiser);
        var (challengePage, challengeDoc) = await organiser.GetAsync($"{root}/challenges/{demo.ChallengeId}");
        Assert.Equal(HttpStatusCode.OK, challengePage.StatusCode);
        Assert.Equal(2, challengeDoc.QuerySelectorAll("#results table").Length);
        var created = await organiser.SubmitAsync(root, new Dictionary<string, string>
        {
            ["Challenge.Title"] = "Fewer falls at night", ["Challenge.Description"] = "Help people find the bathroom safely at night.",
            ["Challenge.MinTeamSize"] = "1", ["Challenge.MaxTeamSize"] = "3", ["Challenge.SubmissionDeadline"] = "2030-01-01T12:00",
            ["Challenge.Criteria[0].Name"] = "Impact", ["Challenge.Criteria[0].Weight"] = "2",
        }, "main form[action$='handler=Challenge']");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, after) = await organiser.GetAsync(root);
        Assert.Contains("Fewer falls at night", after.Body!.TextContent);

        // A participant cannot define challenges: the form is not there, and a forged post is refused.
        var (_, participantView) = await lead.GetAsync(root);
        Assert.Null(participantView.QuerySelector("main form[action$='handler=Challenge']"));
        var forged = await lead.PostWithTokenAsync(root, root + "?handler=Challenge", [new("Challenge.Title", "x"), new("Challenge.Description", "y"),
            new("Challenge.SubmissionDeadline", "2030-01-01T12:00"), new("Challenge.Criteria[0].Name", "z")]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
