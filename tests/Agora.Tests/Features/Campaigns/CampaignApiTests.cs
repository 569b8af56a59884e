using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Campaigns.CampaignFixtures;

namespace Agora.Tests.Features.Campaigns;

/// <summary>The campaigns API: the same handlers and rules as the pages, problems for everything refused.</summary>
[Collection(AppsCollection.Name)]
public sealed class CampaignApiTests(AgoraApps apps)
{
    private static string Url(string slug, string rest = "") => $"/api/v1/hubs/{Hub}/campaigns/{slug}{rest}";

    [Theory, BothDatabases]
    public async Task Api_ManagerCreatesUpdatesMovesState_OthersRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("api");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        var otherManager = await SignInAsync(app, DemoAccounts.OtherManager);
        var anonymous = app.NewClient();

        // Only the hub's managers create; the hub is public, so others get 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsJsonAsync("/api/v1/hubs/no-such-hub/campaigns", Body(slug))).StatusCode);

        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", Body(slug));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Url(slug), created.Headers.Location!.OriginalString);
        var duplicate = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", Body(slug));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slug", out _));

        var draft = await manager.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal("nb-NO", draft.GetProperty("language").GetString()); // the hub's first language
        Assert.Equal(["ai", "ehealth"], Strings(draft.GetProperty("focusAreas")));
        Assert.Equal(["Submission", "Voting", "Review"], draft.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(["Which ward are you in?", "Which shift?", "Patients a week affected"],
            draft.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("label").GetString()!).ToArray());
        Assert.Equal(["Closed", "Open"], Strings(draft.GetProperty("actions").GetProperty("nextStates")).Order());

        // A draft is not there for anyone else, whatever they try.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(Url(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PutAsJsonAsync(Url(slug), Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Open" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync(Url(slug, "/follow"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.Client.PutAsJsonAsync(Url(slug), Body(slug))).StatusCode);
        Assert.DoesNotContain(slug, await member.Client.GetStringAsync($"/api/v1/hubs/{Hub}/campaigns?pageSize=100"));

        // One step at a time.
        var jump = await manager.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Voting" });
        Assert.Equal(HttpStatusCode.BadRequest, jump.StatusCode);
        Assert.Equal("application/problem+json", jump.Content.Headers.ContentType?.MediaType);
        Assert.True((await jump.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _));
        var opened = await manager.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Open" });
        Assert.Equal("Open", (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        // Open for hub members: members read it and may take part; they may not change it (403, they can see it).
        var seen = await member.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        var actions = seen.GetProperty("actions");
        Assert.True(actions.GetProperty("canSubmit").GetBoolean());
        Assert.True(actions.GetProperty("canVote").GetBoolean());
        Assert.True(actions.GetProperty("canFollow").GetBoolean());
        Assert.False(actions.GetProperty("canManage").GetBoolean());
        Assert.Empty(actions.GetProperty("nextStates").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync(Url(slug), Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Voting" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync(Url(slug, "/featured"), new { featured = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.DeleteAsync(Url(slug, "/cover"))).StatusCode);
        // Outside the hub it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(Url(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PutAsJsonAsync(Url(slug), Body(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Voting" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(slug))).StatusCode);

        // Update: new title, the Number question left out (no answers), the other two swapped; featured.
        var ids = seen.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToList();
        var body = Body(slug, title: "Shorter waits at discharge, together");
        body["questions"] = new object[]
        {
            new { id = ids[0], position = 2, kind = "ShortText", label = "Which ward or unit?", required = true },
            new { id = ids[1], position = 1, kind = "SingleChoice", label = "Which shift?", options = new[] { "Day", "Night" } },
        };
        body["featured"] = true;
        var updated = await manager.Client.PutAsJsonAsync(Url(slug), body);
        Assert.True(updated.IsSuccessStatusCode, $"{(int)updated.StatusCode}: {await updated.Content.ReadAsStringAsync()}");
        var after = await member.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        Assert.Equal("Shorter waits at discharge, together", after.GetProperty("title").GetString());
        Assert.True(after.GetProperty("featured").GetBoolean());
        Assert.Equal([ids[1], ids[0]], after.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToArray());
        Assert.Equal([1, 2], after.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("position").GetInt32()).ToArray());

        // Forward, back, close, and reopened for review.
        await MoveAsync(manager.Client, slug, "Voting");
        await MoveAsync(manager.Client, slug, "Open");
        await MoveAsync(manager.Client, slug, "Closed");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(Url(slug, "/state"), new { state = "Open" })).StatusCode);
        await MoveAsync(manager.Client, slug, "InReview");
        var list = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns?state=InReview&pageSize=100");
        var row = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == slug);
        Assert.True(row.GetProperty("featured").GetBoolean());
        Assert.Equal("InReview", row.GetProperty("state").GetString());
    }

    [Theory, BothDatabases]
    public async Task Api_InvalidCampaign_ValidationProblemsNothingCreated(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var today = Today;

        async Task ExpectAsync(Dictionary<string, object?> body, params string[] fields)
        {
            var response = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/campaigns", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            foreach (var field in fields) Assert.True(errors.TryGetProperty(field, out _), $"no error on {field}: {text}");
            Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync(Url((string)body["slug"]!))).StatusCode);
        }

        var b = Body(NewSlug("bad"));
        b["phases"] = new object[]
        {
            new { kind = "Submission", enabled = true, startsOn = Iso(today), endsOn = Iso(today.AddDays(-1)) },
            new { kind = "Submission", enabled = true },
        };
        await ExpectAsync(b, "phases[0].endsOn", "phases[1].kind");

        b = Body(NewSlug("bad"));
        b["questions"] = new object[]
        {
            new { kind = "ShortText", label = "Fine" },
            new { kind = "MultipleChoice", label = "Too few", options = new[] { "Only", " ", "" } },
            new { kind = "SingleChoice", label = "Twice", options = new[] { "Yes", "yes" } },
            new { kind = "ShortText", label = "" , help = "No label" },
        };
        await ExpectAsync(b, "questions[1].options", "questions[2].options", "questions[3].label");

        b = Body(NewSlug("bad"));
        b["questions"] = Enumerable.Range(1, 21).Select(i => (object)new { kind = "Number", label = "Q" + i }).ToArray();
        await ExpectAsync(b, "questions");

        b = Body(NewSlug("bad"));
        b["focusAreas"] = new[] { "ai", "astrology" };
        b["ideasPerPerson"] = 0;
        b["votesPerPerson"] = 1001;
        b["language"] = "fr";
        await ExpectAsync(b, "focusAreas", "ideasPerPerson", "votesPerPerson", "language");

        b = Body(NewSlug("bad"));
        b["title"] = "";
        b["summary"] = "tab\u0007bell";
        b["driver"] = null;
        await ExpectAsync(b, "title", "summary", "driver");

        b = Body("new");
        await ExpectAsync(b, "slug");
    }

    [Theory, BothDatabases]
    public async Task Api_FollowAndUnfollowTwice_FollowerCountExact(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("follow");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        await CreateAsync(manager.Client, Body(slug, "Public"));

        // Not open yet: there is nothing to follow.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync(Url(slug, "/follow"), null)).StatusCode);
        // The manager sees the draft but cannot take part in it.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsync(Url(slug, "/follow"), null)).StatusCode);
        await MoveAsync(manager.Client, slug, "Open");

        async Task<(bool Following, int Count)> CallAsync(HttpClient client, HttpMethod method)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, Url(slug, "/follow")));
            Assert.True(response.IsSuccessStatusCode, $"{method} follow answered {(int)response.StatusCode}");
            var state = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (state.GetProperty("following").GetBoolean(), state.GetProperty("followerCount").GetInt32());
        }

        Assert.Equal((true, 1), await CallAsync(member.Client, HttpMethod.Post));
        Assert.Equal((true, 1), await CallAsync(member.Client, HttpMethod.Post));
        Assert.Equal((true, 2), await CallAsync(citizen.Client, HttpMethod.Post)); // public: anyone signed in takes part
        Assert.True((await member.Client.GetFromJsonAsync<JsonElement>(Url(slug))).GetProperty("actions").GetProperty("isFollowing").GetBoolean());
        Assert.Equal((false, 1), await CallAsync(member.Client, HttpMethod.Delete));
        Assert.Equal((false, 1), await CallAsync(member.Client, HttpMethod.Delete));
        Assert.Equal((false, 0), await CallAsync(citizen.Client, HttpMethod.Delete));
        Assert.Equal((false, 0), await CallAsync(citizen.Client, HttpMethod.Delete));
        Assert.Equal(0, (await app.NewClient().GetFromJsonAsync<JsonElement>(Url(slug))).GetProperty("followerCount").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsync(Url(slug, "/follow"), null)).StatusCode);

        // Followers of a members-only campaign are members: someone outside the hub cannot find it to follow.
        var members = NewSlug("follow-members");
        await CreateAsync(manager.Client, Body(members), "Open");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PostAsync(Url(members, "/follow"), null)).StatusCode);
        Assert.Equal((true, 1), await CallFollowAsync(member.Client, members));
    }

    [Theory, BothDatabases]
    public async Task Api_BlockedMember_ReadsButCannotFollow_MayStillUnfollow(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("blocked");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        await CreateAsync(manager.Client, Body(slug), "Open");
        Assert.Equal((true, 1), await CallFollowAsync(evaluator.Client, slug));

        // Blocked in the hub (the moderation feature does this; here straight into the database).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var hubId = await db.Hubs.Where(h => h.Slug == Hub).Select(h => h.Id).SingleAsync();
            var userId = await db.Users.Where(u => u.Email == DemoAccounts.Evaluator).Select(u => u.Id).SingleAsync();
            var managerId = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync();
            db.HubBlocks.Add(new Agora.Web.Features.Moderation.HubBlock { HubId = hubId, UserId = userId, Reason = "Test", BlockedById = managerId, BlockedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        try
        {
            var seen = await evaluator.Client.GetFromJsonAsync<JsonElement>(Url(slug));
            Assert.False(seen.GetProperty("actions").GetProperty("canFollow").GetBoolean());
            Assert.False(seen.GetProperty("actions").GetProperty("canSubmit").GetBoolean());
            Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.Client.PostAsync(Url(slug, "/follow"), null)).StatusCode);
            var left = await (await evaluator.Client.DeleteAsync(Url(slug, "/follow"))).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, left.GetProperty("followerCount").GetInt32());
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var userId = await db.Users.Where(u => u.Email == DemoAccounts.Evaluator).Select(u => u.Id).SingleAsync();
            await db.HubBlocks.Where(b => b.UserId == userId).ExecuteDeleteAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task Api_Token_ReadsNeedHubsReadScope_WritesHubsWrite(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("token");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        await CreateAsync(manager.Client, Body(slug), "Open");
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);

        async Task<HttpClient> TokenAsync(string scope)
        {
            var created = await mentor.SubmitAsync("/account/tokens", new Dictionary<string, string>
            {
                ["Input.Name"] = "campaigns " + scope, ["Input.Scopes"] = scope, ["Input.ExpiresInDays"] = "30",
            });
            var token = PageClient.Parse(await created.Content.ReadAsStringAsync()).QuerySelector("#new-token")!.TextContent.Trim();
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        // A token without hubs:read cannot see what its owner sees in the hub.
        var profileOnly = await TokenAsync("profile:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await profileOnly.GetAsync(Url(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await profileOnly.GetAsync($"/api/v1/hubs/{Hub}/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await profileOnly.PostAsync(Url(slug, "/follow"), null)).StatusCode);
        var reader = await TokenAsync("hubs:read");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Url(slug))).StatusCode);
        Assert.Contains(slug, await reader.GetStringAsync($"/api/v1/hubs/{Hub}/campaigns?pageSize=100"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Url(slug, "/follow"), null)).StatusCode);
        var writer = await TokenAsync("hubs:write");
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync(Url(slug, "/follow"), null)).StatusCode);
    }

    private static async Task<(bool, int)> CallFollowAsync(HttpClient client, string slug)
    {
        var state = await (await client.PostAsync(Url(slug, "/follow"), null)).Content.ReadFromJsonAsync<JsonElement>();
        return (state.GetProperty("following").GetBoolean(), state.GetProperty("followerCount").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Api_QuestionWithAnswers_KeepsKindAndCannotBeDeleted(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("answered");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        await CreateAsync(manager.Client, Body(slug), "Open");
        var campaign = await manager.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        var ids = campaign.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList();

        // An idea answered the first question (the Ideas feature writes these; here straight into the database).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var author = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var idea = new Idea
            {
                HubId = campaign.GetProperty("hubId").GetGuid(), CampaignId = campaign.GetProperty("id").GetGuid(), AuthorId = author,
                Title = "Discharge lounge", Problem = "Beds wait.", Solution = "A lounge.", Benefits = "Beds free sooner.",
                State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
                Answers = [new IdeaAnswer { QuestionId = ids[0], Value = "Ward 7" }],
            };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }
        var reread = await manager.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        Assert.True(reread.GetProperty("questions")[0].GetProperty("hasAnswers").GetBoolean());
        Assert.False(reread.GetProperty("questions")[1].GetProperty("hasAnswers").GetBoolean());

        async Task<JsonElement> PutAsync(object[] questions, HttpStatusCode expected)
        {
            var body = Body(slug);
            body["questions"] = questions;
            var response = await manager.Client.PutAsJsonAsync(Url(slug), body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement;
        }

        // Left out: refused, with the question named.
        var removed = await PutAsync([new { id = ids[1], kind = "SingleChoice", label = "Which shift?", options = new[] { "Day", "Night" } }], HttpStatusCode.BadRequest);
        Assert.Contains("Which ward are you in?", removed.GetProperty("errors").GetProperty("questions")[0].GetString());
        // Another kind: refused.
        var rekinded = await PutAsync([new { id = ids[0], kind = "LongText", label = "Which ward are you in?" }], HttpStatusCode.BadRequest);
        Assert.True(rekinded.GetProperty("errors").TryGetProperty("questions[0].kind", out _));
        // Someone else's question id: refused.
        var foreign = await PutAsync([new { id = ids[0], kind = "ShortText", label = "A" }, new { id = Guid.NewGuid(), kind = "ShortText", label = "B" }], HttpStatusCode.BadRequest);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("questions[1].id", out _));
        // Relabelled and moved last, the unanswered ones deleted: fine, and the answer is still there.
        await PutAsync([new { kind = "LongText", label = "Anything else?" }, new { id = ids[0], kind = "ShortText", label = "Your ward or unit" }], HttpStatusCode.OK);
        var final = await manager.Client.GetFromJsonAsync<JsonElement>(Url(slug));
        var questions = final.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, questions.Count);
        Assert.Equal(ids[0], questions[1].GetProperty("id").GetGuid());
        Assert.Equal("Your ward or unit", questions[1].GetProperty("label").GetString());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            Assert.True(await db.IdeaAnswers.AnyAsync(a => a.QuestionId == ids[0] && a.Value == "Ward 7"));
        }
    }

    [Theory, BothDatabases]
    public async Task Api_Cover_UploadServeRemove_OnlyToReaders(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("cover");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        await CreateAsync(manager.Client, Body(slug));

        static MultipartFormDataContent Form(byte[] content, string type)
        {
            var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(part, "cover", "cover.png");
            return form;
        }

        var fake = await manager.Client.PutAsync(Url(slug, "/cover"), Form("<svg onload=alert(1)>"u8.ToArray(), "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.True((await fake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cover", out _));
        var huge = new byte[1024 * 1024 + 1];
        Png.CopyTo(huge, 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsync(Url(slug, "/cover"), Form(huge, "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync(Url(slug, "/cover"), new { cover = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync(Url(slug, "/cover"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PutAsync(Url(slug, "/cover"), Form(Png, "application/octet-stream"))).StatusCode);
        var first = await CoverFileIdAsync(app, slug);
        // A new cover replaces the old one, whose bytes go.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PutAsync(Url(slug, "/cover"), Form(Png, "image/png"))).StatusCode);
        var second = await CoverFileIdAsync(app, slug);
        Assert.NotEqual(first, second);
        Assert.False(await FileExistsAsync(app, first!.Value));
        var cover = await manager.Client.GetAsync(Url(slug, "/cover"));
        Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType); // by content, not by what the client said
        Assert.Equal(Png, await cover.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(Url(slug, "/cover"))).StatusCode); // a draft

        await MoveAsync(manager.Client, slug, "Open");
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(Url(slug, "/cover"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(Url(slug, "/cover"))).StatusCode); // members only
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(Url(slug, "/cover"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync(Url(slug, "/cover"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync(Url(slug, "/cover"))).StatusCode);
        Assert.False((await manager.Client.GetFromJsonAsync<JsonElement>(Url(slug))).GetProperty("hasCover").GetBoolean());
        Assert.False(await FileExistsAsync(app, second!.Value));
    }

    private static async Task<Guid?> CoverFileIdAsync(AgoraFactory app, string slug)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        return await db.Campaigns.Where(c => c.Slug == slug).Select(c => c.CoverFileId).SingleAsync();
    }

    private static async Task<bool> FileExistsAsync(AgoraFactory app, Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Files.AnyAsync(f => f.Id == id);
    }

    [Theory, BothDatabases]
    public async Task Api_List_FiltersSortsAndRefusesBadQueries(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var token = Guid.NewGuid().ToString("N")[..6];
        var alpha = NewSlug("alpha");
        var beta = NewSlug("beta");
        await CreateAsync(manager.Client, Body(beta, "Public", $"Beta {token}"), "Open");
        await CreateAsync(manager.Client, Body(alpha, "Public", $"Alpha {token}"), "Open");

        async Task<List<string>> SlugsAsync(HttpClient client, string query)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns?pageSize=100&{query}");
            return page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()!).Where(s => s == alpha || s == beta).ToList();
        }

        var anonymous = app.NewClient();
        Assert.Equal([alpha, beta], await SlugsAsync(anonymous, "sort=title"));
        Assert.Equal([beta, alpha], await SlugsAsync(anonymous, "sort=-title"));
        Assert.Equal([alpha, beta], await SlugsAsync(anonymous, "sort=-createdAt"));
        // Both close on the same day: the address decides, in either direction.
        Assert.Equal([alpha, beta], await SlugsAsync(anonymous, "sort=closesOn"));
        Assert.Equal([alpha, beta], await SlugsAsync(anonymous, "sort=-closesOn"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/hubs/{Hub}/campaigns?sort=closesOn&state=Open")).StatusCode);
        Assert.Equal([alpha, beta], await SlugsAsync(anonymous, "state=open&sort=title"));
        Assert.Empty(await SlugsAsync(anonymous, "state=Closed"));
        var paged = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns?pageSize=1&page=2");
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        Assert.True(paged.GetProperty("total").GetInt32() >= 2);

        foreach (var query in new[] { "sort=password", "sort=-", "state=7", "state=Bogus", "pageSize=0", "pageSize=101", "page=0" })
        {
            var response = await anonymous.GetAsync($"/api/v1/hubs/{Hub}/campaigns?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/hubs/no-such-hub/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/hubs/{Hub}/campaigns/no-such-campaign")).StatusCode);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
