using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>A hub manager configures stages, effect goals, criteria and currency; each test puts the hub back as it found it.</summary>
[Collection(AppsCollection.Name)]
public sealed class SettingsTests(AgoraApps apps)
{
    private const string Url = $"/api/v1/hubs/{Hub}/portfolio-settings";

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Theory, BothDatabases]
    public async Task AManager_AddsMovesRenamesAndRemovesStages_AndKeepsThoseInUse(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var before = await GetJsonAsync(manager.Client, Url);
        Assert.Equal("NOK", before.GetProperty("currency").GetString());
        var stages = before.GetProperty("stages");
        Assert.Equal(5, stages.GetArrayLength());
        Assert.Equal(["ConceptDescription"], stages[1].GetProperty("required").EnumerateArray().Select(k => k.GetString()!).ToArray());

        var id = await CreatedIdAsync(await manager.Client.PostAsJsonAsync(Url + "/stages", new
        {
            nameEn = "Scale up", namePt = "Escalar", nameNb = "Skalere opp", step = "DeploySolution", required = new[] { "DeploymentPlan" },
        }));
        var invalid = await manager.Client.PostAsJsonAsync(Url + "/stages", new { nameEn = "", step = "Nope" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(Url + $"/stages/{id}/move", new { up = true })).StatusCode);
        var process = await GetJsonAsync(app.NewClient(), $"/api/v1/hubs/{Hub}/innovation-process");
        Assert.Equal(["Identify opportunity", "Create concept", "Validate concept", "Develop solution", "Scale up", "Deploy solution"],
            process.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6], process.EnumerateArray().Select(s => s.GetProperty("position").GetInt32()).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Url + $"/stages/{id}", new
        {
            nameEn = "Scale up in the region", namePt = "Escalar na região", nameNb = "Skalere opp i regionen", step = "DeploySolution", required = Array.Empty<string>(),
        })).StatusCode);

        // A stage holding an initiative stays (the demo initiative is in the second).
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.DeleteAsync(Url + $"/stages/{stages[1].GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync(Url + $"/stages/{id}")).StatusCode);
        process = await GetJsonAsync(app.NewClient(), $"/api/v1/hubs/{Hub}/innovation-process");
        Assert.Equal([1, 2, 3, 4, 5], process.EnumerateArray().Select(s => s.GetProperty("position").GetInt32()).ToArray());
        Assert.Equal("Deploy solution", process[4].GetProperty("name").GetString());

        // Only the hub's managers: a member is refused, a visitor asked to sign in.
        var member = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(Url + "/stages", new { nameEn = "x", namePt = "x", nameNb = "x", step = "CreateConcept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/hubs/{Hub}/initiatives/settings")).Response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AManager_SetsCurrencyGoalsAndWeightedCriteria_OnThePageAndThroughTheApi(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync(Url + "/currency", new { currency = "EURO" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Url + "/currency", new { currency = "eur" })).StatusCode);
        Assert.Equal("EUR", (await GetJsonAsync(manager.Client, Url)).GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Url + "/currency", new { currency = "NOK" })).StatusCode);

        // Criteria: weights 1–10; a new one is last; moving and removing keep the order contiguous.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(Url + "/criteria", new { nameEn = "Equity", namePt = "Equidade", nameNb = "Likeverd", weight = 11 })).StatusCode);
        var equity = await CreatedIdAsync(await manager.Client.PostAsJsonAsync(Url + "/criteria", new { nameEn = "Equity", namePt = "Equidade", nameNb = "Likeverd", weight = 3 }));
        var criteria = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/evaluation-criteria")).EnumerateArray().ToList();
        Assert.Equal(8, criteria.Count);
        Assert.Equal(equity, criteria[^1].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync(Url + $"/criteria/{equity}")).StatusCode);
        Assert.Equal(7, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/evaluation-criteria")).GetArrayLength());

        // The page: a new effect goal in three languages, then moved up by a plain form.
        var page = $"/hubs/{Hub}/initiatives/settings";
        var empty = await manager.SubmitAsync(page, new Dictionary<string, string> { ["Goal.NameEn"] = "Shorter waits" }, "form[action*='handler=Goal']:not([action*='goal='])");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull(PageClient.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector(".error-summary a[href='#Goal_NamePt']"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Goal.NameEn"] = "Shorter waits", ["Goal.NamePt"] = "Esperas mais curtas", ["Goal.NameNb"] = "Kortere ventetid",
        }, "form[action*='handler=Goal']:not([action*='goal='])")).StatusCode);
        var goals = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/effect-goals")).EnumerateArray().ToList();
        var added = goals.Single(g => g.GetProperty("name").GetString() == "Shorter waits");
        Assert.Equal(goals.Count, added.GetProperty("position").GetInt32());
        var addedId = added.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>(),
            $"form[action*='handler=Move'][action*='item={addedId}'][action*='up=true']")).StatusCode);
        goals = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/effect-goals")).EnumerateArray().ToList();
        Assert.Equal("Shorter waits", goals[^2].GetProperty("name").GetString());
        var (_, nb) = await manager.GetAsync(page);
        Assert.Contains("Shorter waits", nb.QuerySelector("#goals")!.TextContent);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync(Url + $"/effect-goals/{addedId}")).StatusCode);
        Assert.Equal(goals.Count - 1, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/effect-goals")).GetArrayLength());
    }
}
