using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Community;

/// <summary>The hub's community figures gather every community area; the hub page and the API show the same numbers.</summary>
[Collection(AppsCollection.Name)]
public sealed class CommunityFiguresTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task HubFigures_FromEveryArea_SameOnPageAndApi(string provider)
    {
        var app = await apps.GetAsync(provider);
        var visitor = new PageClient(app.NewClient());
        var slug = DemoAccounts.HelseplattformenHub;
        var hubId = await DbAsync(app, db => db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync());

        var f = await visitor.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/community/figures");
        // Counted here from the tables, independently of the areas' queries.
        var mentors = await DbAsync(app, db => db.HubMemberships.CountAsync(m => m.HubId == hubId && (m.Roles & Agora.Web.Platform.Auth.HubRoles.Mentor) != 0));
        var teams = await DbAsync(app, db => db.HackathonTeams.CountAsync(t => db.Events.Any(e => e.Id == t.EventId && e.HubId == hubId)));
        var fromHackathons = await DbAsync(app, db => db.Initiatives.CountAsync(i => i.HubId == hubId && i.OriginPath != null && i.OriginPath.Contains("/hackathon")));
        Assert.Equal(mentors, f.GetProperty("calls").GetProperty("peoplePerRole").EnumerateArray().Single(r => r.GetProperty("role").GetString() == "Mentor").GetProperty("people").GetInt32());
        Assert.Equal(teams, f.GetProperty("hackathons").GetProperty("teams").GetInt32());
        Assert.True(teams > 0);
        Assert.Equal(fromHackathons, f.GetProperty("hackathons").GetProperty("initiatives").GetInt32());
        Assert.Equal(1, fromHackathons); // the demo's accelerated team that became an initiative
        var hackathon = f.GetProperty("events").GetProperty("formats").EnumerateArray().Single(x => x.GetProperty("format").GetString() == "Hackathon");
        Assert.True(hackathon.GetProperty("registrations").GetInt32() >= 2); // the demo hackathon is full
        Assert.True(f.GetProperty("mentoring").GetProperty("activePairs").GetInt32() >= 1);

        // The hub page shows the same figures to a visitor.
        var (response, doc) = await visitor.GetAsync($"/hubs/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = doc.QuerySelector("section.community-figures")!;
        Assert.NotNull(section);
        var row = section.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Hackathon");
        Assert.Equal(hackathon.GetProperty("registrations").GetInt32().ToString(), row.QuerySelectorAll("td")[1].TextContent.Trim());
        var dts = section.QuerySelectorAll("dt").ToList();
        var initiativesDd = dts.Single(d => d.TextContent.Trim() == "Initiatives born at hackathons").NextElementSibling!;
        Assert.Equal(fromHackathons.ToString(), initiativesDd.TextContent.Trim());

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync("/api/v1/hubs/no-such-hub/community/figures")).StatusCode);
    }
}
