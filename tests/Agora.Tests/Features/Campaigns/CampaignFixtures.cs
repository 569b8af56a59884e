using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Campaigns;

/// <summary>Campaigns made through the API, as a hub manager would.</summary>
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
}
