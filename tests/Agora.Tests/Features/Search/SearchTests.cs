using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Search;

/// <summary>Language-aware search and similar-idea suggestions, the same on SQLite (FTS5) and PostgreSQL (tsvector).</summary>
[Collection(AppsCollection.Name)]
public sealed class SearchTests(AgoraApps apps)
{
    private sealed record Setup(string Hub, int English, int Portuguese, int Norwegian, int Draft, int Hidden, int InDraftCampaign);

    [Theory, BothDatabases]
    public async Task Search_InflectedFormsInThreeLanguages_FindTheIdeas(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var client = app.NewClient();

        Assert.Equal([s.English], await FindAsync(client, s.Hub, "hospital nurses"));
        Assert.Equal([s.English], await FindAsync(client, s.Hub, "scheduled"));
        Assert.Equal([s.Portuguese], await FindAsync(client, s.Hub, "enfermeira hospital consulta"));
        Assert.Equal([s.Portuguese], await FindAsync(client, s.Hub, "saude"));
        Assert.Equal([s.Norwegian], await FindAsync(client, s.Hub, "sykehus pasient"));
        Assert.Equal([s.Norwegian], await FindAsync(client, s.Hub, "Pasientenes oppfølgingen"));
        // A word found only in a comment finds its idea.
        Assert.Equal([s.English], await FindAsync(client, s.Hub, "telemedicine"));
        // Every word must match; unknown words find nothing; drafts, hidden ideas and draft campaigns never show.
        Assert.Empty(await FindAsync(client, s.Hub, "hospital robotics"));
        Assert.Empty(await FindAsync(client, s.Hub, "secretdraft"));
        Assert.Empty(await FindAsync(client, s.Hub, "hiddenword"));
        Assert.Empty(await FindAsync(client, s.Hub, "draftcampaignword"));
    }

    [Theory, BothDatabases]
    public async Task IdeaLists_TextFilter_CombinesWithOtherFilters(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var client = app.NewClient();
        async Task<int[]> ListAsync(string query)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{s.Hub}/ideas?{query}");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToArray();
        }
        Assert.Equal([s.Norwegian], await ListAsync("q=sykehusene"));
        Assert.Equal([s.English], await ListAsync("q=telemedicine&sort=discussed"));
        Assert.Empty(await ListAsync("q=sykehusene&state=Accepted"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/hubs/{s.Hub}/ideas?q={new string('x', 201)}")).StatusCode);
        // The page's filter form searches the same way.
        var (_, doc) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{s.Hub}/ideas?q=enfermeiras");
        Assert.NotNull(doc.QuerySelector($"a[href='/hubs/{s.Hub}/ideas/{s.Portuguese}']"));
        Assert.Null(doc.QuerySelector($"a[href='/hubs/{s.Hub}/ideas/{s.English}']"));
    }

    [Theory, BothDatabases]
    public async Task Similar_TitleWithOtherForms_SuggestsTheIdea_UnrelatedNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var client = app.NewClient();

        Assert.Equal([s.English], await SimilarAsync(client, s.Hub, "Better schedules for the nurses of our hospital"));
        Assert.Equal([s.Portuguese], await SimilarAsync(client, s.Hub, "Consulta por vídeo para enfermeiras"));
        Assert.Equal([s.Norwegian], await SimilarAsync(client, s.Hub, "Oppfølging av pasienter etter sykehus"));
        Assert.Empty(await SimilarAsync(client, s.Hub, "A robot that waters the plants"));
        // The idea being edited is not similar to itself.
        Assert.Empty(await SimilarAsync(client, s.Hub, "Hospitals need better nurse scheduling", $"&exclude={s.English}"));
    }

    [Theory, BothDatabases]
    public async Task Search_HostileOrBadQueries_AnswerSafely(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var client = app.NewClient();
        foreach (var q in new[] { "\"", "OR", "NEAR(", "*", "a:b", "!&|", "'; DROP TABLE \"Ideas\"; --", "\u0000\u0007", "😀😀", "\u202Ehospital" })
        {
            var response = await client.GetAsync($"/api/v1/hubs/{s.Hub}/search?q={Uri.EscapeDataString(q)}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q} -> {(int)response.StatusCode}");
            var page = await client.GetAsync($"/hubs/{s.Hub}/search?q={Uri.EscapeDataString(q)}");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"page {q} -> {(int)page.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/hubs/{s.Hub}/search?q={new string('x', 201)}")).StatusCode);
        Assert.Empty(await FindAsync(client, s.Hub, ""));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/hubs/no-such-hub/search?q=x")).StatusCode);

        // The page shows the hit, encoded.
        var html = await client.GetStringAsync($"/hubs/{s.Hub}/search?q=sykehusene");
        Assert.Contains($"/hubs/{s.Hub}/ideas/{s.Norwegian}", html);
    }

    [Theory, BothDatabases]
    public async Task Search_ReadsOneHubsDocuments_NoTextOrQueryIsAScopeToken(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (hubA, _, a) = await HubWithIdeasAsync(app, ("Penguin colony counts", "Counting penguins by drone."));
        var hubAId = await HubIdAsync(app, hubA);
        var scopeOfA = Agora.Web.Features.Ideas.SearchEngine.ScopeToken("idea", hubAId);
        var (hubB, _, b) = await HubWithIdeasAsync(app, ("Quokka habitat survey", $"Mapping quokkas {scopeOfA} on the island."));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Written into another hub's idea, the token is indexed as two words, neither of them a scope.
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var body = await db.SearchDocuments.Where(d => d.IdeaId == b[0]).Select(d => d.Body).SingleAsync();
            Assert.Contains(hubAId.ToString("N"), body);
            Assert.DoesNotContain(scopeOfA, body);
        }
        var client = app.NewClient();
        Assert.Empty(await FindAsync(client, hubA, "quokka"));
        Assert.Empty(await FindAsync(client, hubA, scopeOfA));
        Assert.Equal([b[0]], await FindAsync(client, hubB, "quokka"));
        Assert.Equal([a[0]], await FindAsync(client, hubA, "penguins"));
        Assert.Empty(await SimilarAsync(client, hubA, "Quokka habitat mapping survey"));
    }

    [Theory, BothDatabases]
    public async Task Window_RanksOnlyTheNewestMatchingDocuments(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (hub, campaign, ids) = await HubWithIdeasAsync(app,
            ("Walrus tusk care", "Old walrus idea."), ("Walrus feeding plan", "Middle walrus idea."), ("Walrus pool cleaning", "New walrus idea."));
        var hubId = await HubIdAsync(app, hub);
        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<Agora.Web.Features.Ideas.ISearchEngine>();
        Agora.Web.Features.Ideas.SearchQuery Query(int? window) => new(hubId, [["walrus"]], MatchAll: false, [campaign], [IdeaState.Published],
            IncludeComments: false, "en", ExcludeIdeaId: null, Offset: 0, Limit: 10, CountTotal: false, Window: window);

        var all = await engine.SearchAsync(Query(null), CancellationToken.None);
        Assert.Equal(ids.Order(), all.Hits.Select(h => h.IdeaId).Order());
        var newest = await engine.SearchAsync(Query(2), CancellationToken.None);
        Assert.Equal(ids.Skip(1).Order(), newest.Hits.Select(h => h.IdeaId).Order());
    }

    [Theory, BothDatabases]
    public async Task SearchScopeMigration_DownAndUp_IndexesDocumentsWrittenBefore(string provider)
    {
        // An installation of its own: its schema goes back one migration and forward again.
        await using var app = new AgoraFactory(provider);
        var (hub, campaign, ids) = await HubWithIdeasAsync(app, ("Otter river cleanup", "Volunteers pick litter where otters live."));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("ListIndexes");
            // Written while the index has no scope: the old triggers index it.
            var idea = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == ids[0]);
            idea.Id = 0;
            idea.Title = "Otter den mapping";
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
            await migrator.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            ids = [ids[0], idea.Id];
            // Both documents carry their scope in the full-text index itself.
            var token = Agora.Web.Features.Ideas.SearchEngine.ScopeToken("idea", await HubIdAsync(app, hub));
            var indexed = db.Database.IsNpgsql()
                ? db.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM \"SearchDocuments\" WHERE \"Tsv\" @@ {token}::tsquery")
                : db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {"Scope : \"" + token + "\""}");
            Assert.Equal(2, await indexed.SingleAsync());
        }
        Assert.Equal(ids.Order(), await FindAsync(app.NewClient(), hub, "otters"));
        Assert.Equal([ids[1]], await FindAsync(app.NewClient(), hub, "den"));
    }

    private static async Task<Guid> HubIdAsync(AgoraFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync();
    }

    /// <summary>A hub of its own with an open public campaign and published English ideas, created in the order given.</summary>
    private static async Task<(string Hub, Guid Campaign, int[] Ideas)> HubWithIdeasAsync(AgoraFactory app, params (string Title, string Problem)[] ideas)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var author = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "scope-" + Guid.NewGuid().ToString("N")[..8], Name = "Scope hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        await db.SaveChangesAsync();
        // The hub has no manager of its own: the platform admin opens its campaign.
        var campaign = await CampaignFixtures.OpenAsync(app, hub.Slug, DemoAccounts.Admin);
        var ids = new List<int>();
        foreach (var (title, problem) in ideas)
        {
            var idea = new Idea
            {
                HubId = hub.Id, CampaignId = campaign.Id, AuthorId = author, Language = "en", Title = title, Problem = problem, Solution = "", Benefits = "",
                State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
            };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
            ids.Add(idea.Id);
        }
        return (hub.Slug, campaign.Id, ids.ToArray());
    }

    private static async Task<int[]> FindAsync(HttpClient client, string hub, string q)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{hub}/search?q={Uri.EscapeDataString(q)}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToArray();
    }

    private static async Task<int[]> SimilarAsync(HttpClient client, string hub, string title, string extra = "")
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{hub}/similar-ideas?title={Uri.EscapeDataString(title)}{extra}");
        return list.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToArray();
    }

    /// <summary>A hub of its own with a public campaign, ideas in three languages, a comment, and ideas nobody may find.</summary>
    private static async Task<Setup> SeedAsync(AgoraFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var author = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "search-" + Guid.NewGuid().ToString("N")[..8], Name = "Search hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        await db.SaveChangesAsync();
        // The hub has no manager of its own: the platform admin makes its campaigns, one left a draft.
        var open = await CampaignFixtures.OpenAsync(app, hub.Slug, DemoAccounts.Admin);
        var draftCampaign = await CampaignFixtures.MakeAsync(app, hub.Slug, CampaignFixtures.Minimal(), DemoAccounts.Admin);
        Idea NewIdea(MadeCampaign c, string lang, string title, string problem, IdeaState state = IdeaState.Published) => new()
        {
            HubId = hub.Id, CampaignId = c.Id, AuthorId = author, Language = lang, Title = title, Problem = problem, Solution = "", Benefits = "",
            State = state, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
        };
        var en = NewIdea(open, "en", "Hospitals need better nurse scheduling", "Nurses are **scheduling** shifts on paper in every hospital.");
        var pt = NewIdea(open, "pt-PT", "Consultas por vídeo com enfermeiras", "Os hospitais podem oferecer consultas de saúde por vídeo com as enfermeiras.");
        var nb = NewIdea(open, "nb-NO", "Bedre oppfølging av pasientene", "Sykehusene mister kontakten med pasientene etter utskrivning.");
        var draft = NewIdea(open, "en", "Secretdraft idea", "Not published yet.", IdeaState.Draft);
        var hidden = NewIdea(open, "en", "Hiddenword idea", "Hidden by a moderator.");
        hidden.HiddenAt = now;
        var inDraft = NewIdea(draftCampaign, "en", "Draftcampaignword idea", "In a campaign that is not open.");
        db.Ideas.AddRange(en, pt, nb, draft, hidden, inDraft);
        await db.SaveChangesAsync();
        db.Comments.Add(new Comment { IdeaId = en.Id, AuthorId = author, Body = "Telemedicine could help too.", BodyHtml = "<p>Telemedicine could help too.</p>", CreatedAt = now });
        await db.SaveChangesAsync();
        return new Setup(hub.Slug, en.Id, pt.Id, nb.Id, draft.Id, hidden.Id, inDraft.Id);
    }
}
