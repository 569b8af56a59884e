using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Ideas;

/// <summary>
/// A list of XSS and injection payloads goes through every user-controlled text that is shown again — idea titles,
/// bodies, custom answers, comments, people's names, campaign titles, file names — and every page showing them
/// must render it inert: no script but the site's own, no event handler, no javascript: link, no embedded content.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class XssPayloadTests(AgoraApps apps)
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "![x](https://evil.example/x.png\" onerror=\"alert(1))",
        "{{constructor.constructor('alert(1)')()}}",
        "'; DROP TABLE \"Ideas\"; --",
        "%3Cscript%3Ealert(1)%3C/script%3E",
    ];

    [Theory, BothDatabases]
    public async Task Payloads_ThroughEveryShownText_RenderInert(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app, withQuestions: true);
        await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "Campaign " + Payloads[0])));
        var people = await PeopleWithTokensAsync(app, Payloads.Length);
        var reader = await SignInAsync(app, DemoAccounts.Member);
        var ideas = new List<int>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var p = Payloads[i];
            var person = people[i];
            var body = Body(c, "Payload idea " + p);
            body["problem"] = "Problem " + p + " **bold**";
            body["solution"] = "Solution " + p;
            body["benefits"] = "Benefits " + p;
            body["answers"] = new object[]
            {
                new { questionId = c.Questions[0], value = p },
                new { questionId = c.Questions[4], value = p + "\n\n" + p },
            };
            var response = await person.PostAsJsonAsync(c.Api, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{p}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
            ideas.Add(id);
            // The person's own name is the payload too (names are free text).
            await DbAsync(app, db => db.Users.Where(u => db.Ideas.Any(x => x.Id == id && x.AuthorId == u.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Name " + p)));

            var upload = new MultipartFormDataContent();
            var part = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF"));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            // filename* (RFC 5987) carries any characters, quotes included, as a browser may send them.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = p + ".pdf" };
            upload.Add(part);
            Assert.Equal(HttpStatusCode.Created, (await person.PostAsync($"/api/v1/ideas/{id}/attachments", upload)).StatusCode);

            // The reader follows, so their notifications name the commenter and the idea.
            Assert.True((await reader.Client.PutAsync($"/api/v1/ideas/{id}/follow", null)).IsSuccessStatusCode);
            var comment = await person.PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "Comment " + p });
            Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        }

        var pages = new List<string>
        {
            c.Page, c.Page + "/ideas", $"/hubs/{c.HubSlug}/ideas?campaign={c.Slug}", "/notifications",
            $"/hubs/{c.HubSlug}/search?q=payload",
        };
        foreach (var id in ideas)
        {
            pages.Add($"/hubs/{c.HubSlug}/ideas/{id}");
            pages.Add($"/hubs/{c.HubSlug}/ideas/{id}/comments");
        }
        var failures = new List<string>();
        foreach (var url in pages)
        {
            var (response, doc) = await reader.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{url} answered {(int)response.StatusCode}");
            else failures.AddRange(Inert(doc).Select(f => $"{url}: {f}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // And the payloads are there as text, not lost: e.g. the first idea's title and its author's name.
        var (_, first) = await reader.GetAsync($"/hubs/{c.HubSlug}/ideas/{ideas[0]}");
        Assert.Contains("Payload idea " + Payloads[0], first.QuerySelector("h1")!.TextContent);
        Assert.Contains("Name " + Payloads[0], first.QuerySelector("main")!.TextContent);
    }

    /// <summary>What would make a page run or embed someone's input.</summary>
    internal static IEnumerable<string> Inert(IHtmlDocument doc)
    {
        foreach (var s in doc.QuerySelectorAll("script"))
            if (s.GetAttribute("src")?.Split('?')[0] != "/js/site.js") yield return "script element: " + s.OuterHtml;
        foreach (var e in doc.All)
        {
            foreach (var a in e.Attributes)
            {
                if (a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) yield return $"event handler {a.Name} on <{e.LocalName}>";
                if (a.Name is "href" or "src" or "action" or "formaction" && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    yield return $"javascript: URL on <{e.LocalName}>";
            }
        }
        var main = doc.QuerySelector("main");
        if (main is null) yield break;
        foreach (var e in main.QuerySelectorAll("iframe, object, embed, style, svg, math, form[action^='http'], base, meta, link"))
            yield return "embedded element <" + e.LocalName + ">";
        foreach (var img in main.QuerySelectorAll("img"))
            if (!(img.GetAttribute("src") ?? "").StartsWith("/api/v1/hubs/", StringComparison.Ordinal)) yield return "foreign image " + img.OuterHtml;
    }
}
