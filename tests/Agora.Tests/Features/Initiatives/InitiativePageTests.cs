using System.Net;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>The pipeline board, the initiative page, the form that starts one, and the idea's link to it.</summary>
[Collection(AppsCollection.Name)]
public sealed class InitiativePageTests(AgoraApps apps)
{
    private const string Demo = "Video follow-up in rural municipalities";

    [Theory, BothDatabases]
    public async Task Board_ShowsStagesAsColumns_AndOnlyWhatTheReaderMaySee(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var secret = "Internal pilot " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/hubs/{Hub}/initiatives/new", new Dictionary<string, string>
        {
            ["Input.Title"] = secret, ["Input.Visibility"] = "HubInternal",
        })).StatusCode);

        var (response, board) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{Hub}/initiatives");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var columns = board.QuerySelectorAll(".board-column h2").Select(h => h.TextContent).ToList();
        Assert.Equal(5, columns.Count);
        Assert.StartsWith("1. Identify opportunity", columns[0], StringComparison.Ordinal);
        var second = board.QuerySelectorAll(".board-column")[1];
        Assert.Contains(Demo, second.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, board.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(board.QuerySelector($"a[href='/hubs/{Hub}/initiatives/new']"));

        var (_, managers) = await manager.GetAsync($"/hubs/{Hub}/initiatives");
        Assert.Contains(secret, managers.QuerySelectorAll(".board-column")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(managers.QuerySelector($"a[href='/hubs/{Hub}/initiatives/new']"));

        // Moving a card is a plain form: the next stage (chosen first) and the earlier ones; it opens the gate filled in.
        var id = await DbAsync(app, db => db.Initiatives.Where(i => i.Title == Demo).Select(i => i.Id).SingleAsync());
        var move = managers.QuerySelector($"form[action='/hubs/{Hub}/initiatives/{id}#gate'] select[name=move]")!;
        var options = move.QuerySelectorAll("option").ToList();
        Assert.Equal(["1. Identify opportunity", "3. Validate concept"], options.Select(o => o.TextContent).ToArray());
        Assert.True(options[1].HasAttribute("selected"));
        Assert.Null(board.QuerySelector("select[name=move]"));
        var (_, go) = await manager.GetAsync($"/hubs/{Hub}/initiatives/{id}?move={options[1].GetAttribute("value")}");
        Assert.NotNull(go.QuerySelector("#gate input[name='Gate.Outcome'][value=Go][checked]"));
        var (_, pivot) = await manager.GetAsync($"/hubs/{Hub}/initiatives/{id}?move={options[0].GetAttribute("value")}");
        Assert.NotNull(pivot.QuerySelector("#gate input[name='Gate.Outcome'][value=Pivot][checked]"));
        Assert.Equal(options[0].GetAttribute("value"), pivot.QuerySelector("#Gate_PivotTo option[selected]")!.GetAttribute("value"));
    }

    [Theory, BothDatabases]
    public async Task InitiativePage_PublicSummaryForOutsiders_DescriptionAndTeamForInsiders(string provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await DbAsync(app, db => db.Initiatives.Where(i => i.Title == Demo).Select(i => i.Id).SingleAsync());
        var url = $"/hubs/{Hub}/initiatives/{id}";

        var (response, outside) = await new PageClient(app.NewClient()).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Demo, outside.QuerySelector("h1")!.TextContent);
        Assert.Equal("2. Create concept", outside.QuerySelector(".steps li[aria-current=step]")!.TextContent.Trim());
        Assert.Contains("A pilot with two municipalities", outside.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("outpatient clinics", outside.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(outside.QuerySelector($"a[href^='/hubs/{Hub}/ideas/']"));

        var (_, inside) = await (await SignInAsync(app, DemoAccounts.Manager)).GetAsync(url);
        Assert.Equal("two municipalities", inside.QuerySelector("strong")!.TextContent);
        Assert.Contains("Owner", inside.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/hubs/{Hub}/initiatives/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/hubs/{DemoAccounts.IminHub}/initiatives/{id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task StartingFromAnIdea_TheIdeaLinksToTheInitiative_AndErrorsAreShownOnTheForm(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app);
        var idea = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.Title = "Bedside tablets"; });
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var (_, ideaPage) = await manager.GetAsync($"/hubs/{Hub}/ideas/{idea}");
        var start = ideaPage.QuerySelector($"a[href='/hubs/{Hub}/initiatives/new?idea={idea}']");
        Assert.NotNull(start);
        var (_, form) = await manager.GetAsync(start!.GetAttribute("href")!);
        Assert.True(form.QuerySelector($"input[name='Input.IdeaIds'][value='{idea}']")!.HasAttribute("checked"));

        var invalid = await manager.SubmitAsync($"/hubs/{Hub}/initiatives/new?idea={idea}", new Dictionary<string, string> { ["Input.Title"] = "" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        var created = await manager.SubmitAsync($"/hubs/{Hub}/initiatives/new", new[]
        {
            new KeyValuePair<string, string>("Input.Title", "Tablets for every bed"),
            new KeyValuePair<string, string>("Input.Visibility", "PublicSummary"),
            new KeyValuePair<string, string>("Input.IdeaIds", idea.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }, files: []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith($"/hubs/{Hub}/initiatives/", location, StringComparison.Ordinal);

        // The author (and anyone) reads on the idea that it goes on as this initiative, at its stage.
        var author = await SignInAsync(app, DemoAccounts.Member);
        var (_, seen) = await author.GetAsync($"/hubs/{Hub}/ideas/{idea}");
        var link = seen.QuerySelector($"#initiative-heading + p a[href='{location}']");
        Assert.NotNull(link);
        Assert.Equal("Tablets for every bed", link!.TextContent);
        Assert.Contains("Identify opportunity", seen.QuerySelector("#initiative-heading + p")!.TextContent, StringComparison.Ordinal);
        Assert.Null(seen.QuerySelector($"a[href='/hubs/{Hub}/initiatives/new?idea={idea}']"));

        // A member cannot open the form.
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/hubs/{Hub}/initiatives/new")).StatusCode);
    }
}
