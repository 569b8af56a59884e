using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Ideas;

/// <summary>A campaign made for a test through the campaign use cases (<see cref="CampaignFixtures.MakeAsync"/>).</summary>
public sealed record TestCampaign(Guid Id, Guid HubId, string HubSlug, string Slug, IReadOnlyList<Guid> Questions)
{
    public string Page => $"/hubs/{HubSlug}/campaigns/{Slug}";
    public string Api => $"/api/v1/hubs/{HubSlug}/campaigns/{Slug}/ideas";
}

/// <summary>Campaigns, ideas and people for the idea tests.</summary>
public static class IdeaFixtures
{
    public const string Hub = DemoAccounts.HelseplattformenHub;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>
    /// An open campaign of helseplattformen. Submission runs unless <paramref name="submissionOpen"/> is false (then it ended
    /// yesterday); voting runs unless <paramref name="votingOpen"/> is false. Vote counts show unless <paramref name="showVoteCounts"/> is false. With questions: a required short text,
    /// a single choice, a multiple choice, a number and a long text.
    /// </summary>
    public static async Task<TestCampaign> CampaignAsync(AgoraFactory app, CampaignAudience audience = CampaignAudience.Public,
        int? ideasPerPerson = null, int? votesPerPerson = null, bool submissionOpen = true, bool votingOpen = true,
        bool showVoteCounts = true, bool withQuestions = false)
    {
        var input = new CampaignInput
        {
            Slug = "ideas-" + Guid.NewGuid().ToString("N")[..10], Title = "Shorter waits at discharge",
            Summary = "How could patients leave hospital sooner?", Description = "We want your ideas.",
            Driver = StrategicDriver.InnovateOrganisation, Audience = audience, IdeasPerPerson = ideasPerPerson, VotesPerPerson = votesPerPerson,
            Phases =
            [
                new PhaseInput
                {
                    Kind = PhaseKind.Submission, Enabled = true, ShowVoteCounts = showVoteCounts,
                    StartsOn = submissionOpen ? null : Today.AddDays(-10), EndsOn = submissionOpen ? null : Today.AddDays(-1),
                },
                new PhaseInput { Kind = PhaseKind.Voting, Enabled = votingOpen, ShowVoteCounts = showVoteCounts },
                new PhaseInput { Kind = PhaseKind.Review, Enabled = true },
            ],
            Questions = withQuestions
                ?
                [
                    new QuestionInput { Position = 1, Kind = QuestionKind.ShortText, Label = "Which ward are you in?", Required = true },
                    new QuestionInput { Position = 2, Kind = QuestionKind.SingleChoice, Label = "Which shift?", Options = ["Day", "Evening", "Night"] },
                    new QuestionInput { Position = 3, Kind = QuestionKind.MultipleChoice, Label = "Who is involved?", Options = ["Nurses", "Doctors", "Porters"] },
                    new QuestionInput { Position = 4, Kind = QuestionKind.Number, Label = "Patients a week", Help = "A rough number is fine." },
                    new QuestionInput { Position = 5, Kind = QuestionKind.LongText, Label = "Anything else?" },
                ]
                : null,
        };
        var c = await CampaignFixtures.MakeAsync(app, Hub, input, DemoAccounts.Manager, CampaignState.Open);
        return new TestCampaign(c.Id, c.HubId, c.HubSlug, c.Slug, c.Questions);
    }

    /// <summary>A complete idea body for the API; answers fill every question of a campaign made with questions.</summary>
    public static Dictionary<string, object?> Body(TestCampaign c, string title = "Discharge lounge with a pharmacist", bool publish = true)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title, ["language"] = "en",
            ["problem"] = "Patients wait **hours** for medicines before they can leave.",
            ["solution"] = "A discharge lounge where a pharmacist prepares medicines.",
            ["benefits"] = "Beds free up earlier.", ["beneficiaries"] = new[] { "Patients", "Staff" },
            ["origin"] = "SpecialistCareEmployee", ["careLevel"] = "Specialist", ["setting"] = "City", ["focusArea"] = "ehealth",
            ["tags"] = new[] { "Discharge", "pharmacy" }, ["anonymous"] = false, ["publish"] = publish,
        };
        if (c.Questions.Count > 0)
        {
            body["answers"] = new object[]
            {
                new { questionId = c.Questions[0], value = "Ward 7" },
                new { questionId = c.Questions[1], value = "Night" },
                new { questionId = c.Questions[2], values = new[] { "Doctors", "Nurses" } },
                new { questionId = c.Questions[3], value = "12.5" },
            };
        }
        return body;
    }

    /// <summary>Submits an idea through the API (published unless the body says otherwise) and answers its id.</summary>
    public static async Task<int> SubmitAsync(HttpClient client, TestCampaign c, Dictionary<string, object?>? body = null)
    {
        var response = await client.PostAsJsonAsync(c.Api, body ?? Body(c));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>A published idea written straight to the database (for lists that need many).</summary>
    public static Task<int> SeedIdeaAsync(AgoraFactory app, TestCampaign c, string authorEmail, Action<Idea>? configure = null,
        params string[] tags) => DbAsync(app, async db =>
    {
        var author = await db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var idea = new Idea
        {
            HubId = c.HubId, CampaignId = c.Id, AuthorId = author, Language = "en", Title = "Seeded idea", Problem = "A problem.",
            Solution = "A solution.", State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
            Tags = tags.Select(t => new IdeaTag { Tag = t }).ToList(),
        };
        configure?.Invoke(idea);
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    });

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// People made straight in the database, each a member of the hub with a personal access token (ideas:read and
    /// ideas:write), and a client of their own that sends it.
    /// </summary>
    public static async Task<List<HttpClient>> PeopleWithTokensAsync(AgoraFactory app, int count)
    {
        var tokens = await DbAsync(app, async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Slug == Hub);
            var now = DateTimeOffset.UtcNow;
            var list = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var email = $"voter-{Guid.NewGuid():N}@example.org";
                var user = new AgoraUser
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Voter {i}",
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
                };
                db.Users.Add(user);
                db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = HubRoles.Member, JoinedAt = now });
                var token = ApiTokenAuthenticationHandler.NewToken();
                db.ApiTokens.Add(new ApiToken
                {
                    Id = Guid.NewGuid(), UserId = user.Id, Name = "test", Prefix = token[..12], Hash = ApiTokenAuthenticationHandler.Hash(token),
                    Scopes = $"{ApiScopes.IdeasRead} {ApiScopes.IdeasWrite}", CreatedAt = now, ExpiresAt = now.AddDays(1),
                    LastUsedAt = now, // no "last used" write on the first request: the test is about votes
                });
                list.Add(token);
            }
            await db.SaveChangesAsync();
            return list;
        });
        return tokens.Select(token =>
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToList();
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
