using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Campaigns;

/// <summary>A campaign a fixture made, with its questions' ids in order of position.</summary>
public sealed record MadeCampaign(Guid Id, Guid HubId, string HubSlug, string Slug, IReadOnlyList<Guid> Questions);

/// <summary>Campaigns made through the API or the use cases, as a hub manager would.</summary>
public static class CampaignFixtures
{
    public const string Hub = DemoAccounts.HelseplattformenHub;

    /// <summary>The public, open campaign of helseplattformen the authorization matrix asks about.</summary>
    public const string MatrixCampaign = "matrix-campaign";

    /// <summary>The smallest PNG: a 1×1 transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewSlug(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A valid API body: submission running since last week, voting after it, review on, one question of each kind.</summary>
    public static Dictionary<string, object?> Body(string slug, string audience = "HubMembers", string title = "Shorter waits at discharge")
    {
        var today = Today;
        return new Dictionary<string, object?>
        {
            ["slug"] = slug,
            ["title"] = title,
            ["summary"] = "How could patients leave hospital sooner, and safely?",
            ["description"] = "We want **your** ideas.\n\n- fewer forms\n- better handovers",
            ["driver"] = "InnovateOrganisation",
            ["audience"] = audience,
            ["focusAreas"] = new[] { "ehealth", "ai" },
            ["ideasPerPerson"] = 3,
            ["votesPerPerson"] = 10,
            ["phases"] = new object[]
            {
                new { kind = "Submission", enabled = true, startsOn = Iso(today.AddDays(-7)), endsOn = Iso(today.AddDays(30)), commentsEnabled = true, showVoteCounts = true },
                new { kind = "Voting", enabled = true, startsOn = Iso(today.AddDays(-7)), endsOn = Iso(today.AddDays(45)), commentsEnabled = true, showVoteCounts = false },
                new { kind = "Review", enabled = true, commentsEnabled = false, showVoteCounts = true },
            },
            ["questions"] = new object[]
            {
                new { position = 1, kind = "ShortText", label = "Which ward are you in?", required = true },
                new { position = 2, kind = "SingleChoice", label = "Which shift?", options = new[] { "Day", "Evening", "Night" } },
                new { position = 3, kind = "Number", label = "Patients a week affected", help = "A rough number is fine." },
            },
        };
    }

    public static async Task CreateAsync(HttpClient manager, Dictionary<string, object?> body, params string[] states)
    {
        var created = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        foreach (var state in states) await MoveAsync(manager, (string)body["slug"]!, state);
    }

    public static async Task MoveAsync(HttpClient manager, string slug, string state)
    {
        var moved = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns/{slug}/state", new { state });
        Assert.True(moved.IsSuccessStatusCode, $"state {state} answered {(int)moved.StatusCode}: {await moved.Content.ReadAsStringAsync()}");
    }

    /// <summary>Makes sure <see cref="MatrixCampaign"/> exists, public and open, in both databases' apps.</summary>
    public static async Task EnsureMatrixCampaignAsync(AgoraFactory app)
    {
        if ((await app.NewClient().GetAsync($"/api/v1/hubs/{Hub}/campaigns/{MatrixCampaign}")).IsSuccessStatusCode) return;
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        await CreateAsync(manager.Client, Body(MatrixCampaign, "Public", "Matrix campaign"), "Open");
    }

    /// <summary>
    /// A campaign made by the real use cases, <see cref="SaveCampaign"/> then <see cref="ChangeCampaignState"/> through
    /// <paramref name="states"/> in order, acting as <paramref name="actor"/> (who must be allowed to manage the hub), so a
    /// fixture cannot build a campaign the product could not. Fails the test on any refusal or invalid input.
    /// </summary>
    public static Task<MadeCampaign> MakeAsync(AgoraFactory app, string hubSlug, CampaignInput input, string actor = DemoAccounts.Manager,
        params CampaignState[] states) => TestActor.AsAsync(app, actor, async services =>
    {
        var slug = Succeeded(await services.GetRequiredService<SaveCampaign>().CreateAsync(hubSlug, input, null, CancellationToken.None), "create");
        // Each change in a scope of its own (a fresh validator), as each would be its own request.
        foreach (var state in states)
        {
            await using var step = services.CreateAsyncScope();
            Succeeded(await step.ServiceProvider.GetRequiredService<ChangeCampaignState>().ChangeAsync(hubSlug, slug, state, CancellationToken.None),
                $"move to {state}");
        }
        var db = services.GetRequiredService<AgoraDbContext>();
        var hubId = await db.Hubs.Where(h => h.Slug == hubSlug).Select(h => h.Id).SingleAsync();
        var id = await db.Campaigns.Where(c => c.HubId == hubId && c.Slug == slug).Select(c => c.Id).SingleAsync();
        var questions = await db.CampaignQuestions.Where(q => q.CampaignId == id).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync();
        return new MadeCampaign(id, hubId, hubSlug, slug, questions);
    });

    /// <summary>A public campaign with submission and voting running and no questions, opened (the smallest a list of ideas needs).</summary>
    public static Task<MadeCampaign> OpenAsync(AgoraFactory app, string hubSlug, string actor = DemoAccounts.Manager, string title = "Campaign",
        bool featured = false) =>
        MakeAsync(app, hubSlug, Minimal(title, featured), actor, CampaignState.Open);

    /// <summary>The least a valid campaign needs: public, submission and voting on without dates.</summary>
    public static CampaignInput Minimal(string title = "Campaign", bool featured = false) => new()
    {
        Slug = NewSlug("c"), Title = title, Summary = "A campaign made by a test.", Driver = StrategicDriver.InnovateOrganisation,
        Audience = CampaignAudience.Public, Featured = featured,
        Phases =
        [
            new PhaseInput { Kind = PhaseKind.Submission, Enabled = true },
            new PhaseInput { Kind = PhaseKind.Voting, Enabled = true },
        ],
    };

    private static T Succeeded<T>(Result<T> result, string what)
    {
        Assert.True(result.IsOk, $"{what} answered {result.Outcome}: "
            + string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))));
        return result.Value!;
    }
}
