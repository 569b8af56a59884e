using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Agora.Web.Platform.Demo;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Requests;

/// <summary>A hub manager defines a kind of request of the hub's own, builds its form, and applicants use it.</summary>
[Collection(AppsCollection.Name)]
public sealed class RequestTypeTests(AgoraApps apps)
{
    private static object Text(string en) => new { en, pt = en + " (pt)", nb = en + " (nb)" };

    [Theory, BothDatabases]
    public async Task AManager_DefinesAKindWithItsForm_CheckedWhole_AndApplicantsUseIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Agent);
        var key = "clinical-support-" + Guid.NewGuid().ToString("N")[..6];
        var types = $"/api/v1/hubs/{Hub}/request-types";

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(types, new { key, nameEn = "x", namePt = "x", nameNb = "x", decisionMonths = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(types, new { key = "Not A Key", nameEn = "x", namePt = "x", nameNb = "x", decisionMonths = 13 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(types, new
        {
            key, nameEn = "Clinical trial support", namePt = "Apoio a ensaios clínicos", nameNb = "Støtte til kliniske studier", decisionMonths = 1, signOffs = new[] { "Clinical" },
        })).StatusCode);
        // A new kind's form starts with one section, titled in all three languages from Agora's texts.
        var firstForm = await DbAsync(app, db => db.RequestTypes.Where(t => t.Key == key).Select(t => t.FormJson).SingleAsync());
        Assert.All(new[] { "\"Request\"", "\"Pedido\"", "\"Forespørsel\"" }, title => Assert.Contains(title, System.Text.RegularExpressions.Regex.Unescape(firstForm)));

        // A broken form is refused whole: a repeated key, a choice with one option, a document inside a group, a condition on nothing.
        var broken = await manager.Client.PutAsJsonAsync($"{types}/{key}/form", new
        {
            sections = new[]
            {
                new
                {
                    key = "main", title = Text("Trial"), fields = new object[]
                    {
                        new { key = "phase", kind = "Choice", label = Text("Phase"), options = new[] { new { key = "one", label = Text("I") } } },
                        new { key = "phase", kind = "Text", label = Text("Again") },
                        new { key = "sites", kind = "Group", label = Text("Sites"), fields = new[] { new { key = "protocol", kind = "File", label = Text("Protocol") } } },
                        new { key = "why", kind = "LongText", label = Text("Why"), requiredIf = new { field = "nothing", values = new[] { "x" } } },
                    },
                },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var errors = (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var name in new[] { "sections.0.fields.0.options", "sections.0.fields.1.key", "sections.0.fields.2.fields.0.kind", "requiredIf.why" })
            Assert.True(errors.TryGetProperty(name, out _), name);

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"{types}/{key}/form", new
        {
            sections = new[]
            {
                new
                {
                    key = "main", title = Text("Trial"), fields = new object[]
                    {
                        new { key = "phase", kind = "Choice", label = Text("Phase"), required = true, options = new[] { new { key = "one", label = Text("I") }, new { key = "two", label = Text("II") } } },
                        new { key = "why", kind = "LongText", label = Text("Why phase II"), requiredIf = new { field = "phase", values = new[] { "two" } } },
                        new { key = "sites", kind = "Group", label = Text("Sites"), required = true, fields = new[] { new { key = "siteName", kind = "Text", label = Text("Site"), required = true } } },
                    },
                },
            },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PutAsJsonAsync($"{types}/health-data-access/form", new { sections = Array.Empty<object>() })).StatusCode);

        // An applicant uses it: the conditional field is required only for phase II.
        var created = await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/requests", new { typeKey = key, title = "Trial at St. Olav" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = $"/api/v1/hubs/{Hub}/requests/{(await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}";
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync(url, new { title = "Trial at St. Olav", answers = new { phase = "two", sites = new[] { new { siteName = "St. Olav" } } } })).StatusCode);
        var missing = await member.Client.PostAsync(url + "/submit", null);
        Assert.Equal(["answers.why"], (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync(url, new { title = "Trial at St. Olav", answers = new { phase = "one", sites = new[] { new { siteName = "St. Olav" } } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync(url + "/submit", null)).StatusCode);
        var detail = await GetJsonAsync(member.Client, url);
        Assert.Equal("Clinical trial support", detail.GetProperty("type").GetProperty("name").GetString());
        Assert.Equal(["Clinical"], detail.GetProperty("requiredSignOffs").EnumerateArray().Select(x => x.GetString()!).ToArray());

        // Switched off, it is no longer offered; the request made stays.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"{types}/{key}", new
        {
            nameEn = "Clinical trial support", namePt = "Apoio a ensaios clínicos", nameNb = "Støtte til kliniske studier", decisionMonths = 1, signOffs = new[] { "Clinical" }, active = false,
        })).StatusCode);
        Assert.DoesNotContain((await GetJsonAsync(member.Client, types)).EnumerateArray(), t => t.GetProperty("key").GetString() == key);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/requests", new { typeKey = key, title = "Another" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(url)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task TheFormIsBuiltFieldByFieldOnThePage(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var key = "equipment-loan-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/hubs/{Hub}/requests/types", new Dictionary<string, string>
        {
            ["Input.Key"] = key, ["Input.NameEn"] = "Equipment loan", ["Input.NamePt"] = "Empréstimo de equipamento", ["Input.NameNb"] = "Utlån av utstyr", ["Input.DecisionMonths"] = "1",
        }, "main form:not([action*='handler'])")).StatusCode);
        var page = $"/hubs/{Hub}/requests/types/{key}";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Field.Section"] = "main", ["Field.Key"] = "device", ["Field.Kind"] = "Choice", ["Field.LabelEn"] = "Device", ["Field.LabelPt"] = "Dispositivo", ["Field.LabelNb"] = "Utstyr",
            ["Field.Required"] = "true", ["Field.Options"] = "vr; VR headset; Óculos de RV; VR-briller\nscanner; Scanner; Digitalizador; Skanner",
        }, "form[action*='handler=Field']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Field.Section"] = "main", ["Field.Key"] = "weeks", ["Field.Kind"] = "Number", ["Field.LabelEn"] = "Weeks", ["Field.LabelPt"] = "Semanas", ["Field.LabelNb"] = "Uker",
        }, "form[action*='handler=Field']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Field.Section"] = "main", ["Field.Key"] = "why", ["Field.Kind"] = "LongText", ["Field.LabelEn"] = "Why VR", ["Field.LabelPt"] = "Porquê RV", ["Field.LabelNb"] = "Hvorfor VR",
            ["Field.RequiredIfField"] = "device", ["Field.RequiredValues"] = "vr",
        }, "form[action*='handler=Field']")).StatusCode);
        // A field without its Portuguese text is refused, with the reason shown.
        var refused = await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Field.Section"] = "main", ["Field.Key"] = "notes", ["Field.Kind"] = "Text", ["Field.LabelEn"] = "Notes", ["Field.LabelNb"] = "Notater",
        }, "form[action*='handler=Field']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(PageClient.ErrorsOf(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, new Dictionary<string, string>(),
            "form[action*='handler=Change'][action*='field=weeks'][action*='change=up']")).StatusCode);

        var form = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/request-types/{key}/form");
        var fields = form.GetProperty("sections")[0].GetProperty("fields");
        Assert.Equal(["weeks", "device", "why"], fields.EnumerateArray().Select(f => f.GetProperty("key").GetString()!).ToArray());
        Assert.Equal("device", fields[2].GetProperty("requiredIf").GetProperty("field").GetString());
        Assert.Equal("Óculos de RV", fields[1].GetProperty("options")[0].GetProperty("label").GetProperty("pt").GetString());
        var (_, doc) = await manager.GetAsync(page);
        Assert.Contains("Weeks", doc.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignInAsync(app, DemoAccounts.Agent)).GetAsync(page)).Response.StatusCode);
    }
}
