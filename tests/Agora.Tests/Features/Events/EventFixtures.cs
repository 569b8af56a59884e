using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Events;

/// <summary>A person made for a test: their id and a client sending their personal access token (hubs:read, hubs:write).</summary>
public sealed record EventPerson(Guid Id, HttpClient Client);

public static class EventFixtures
{
    public const string Hub = DemoAccounts.HelseplattformenHub;

    /// <summary>People made straight in the database, members of the hub, each with a token and a client of their own.</summary>
    public static async Task<List<EventPerson>> PeopleAsync(AgoraFactory app, int count, bool members = true)
    {
        var made = await DbAsync(app, async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Slug == Hub);
            var now = DateTimeOffset.UtcNow;
            var list = new List<(Guid, string)>();
            for (var i = 0; i < count; i++)
            {
                var email = $"attendee-{Guid.NewGuid():N}@example.org";
                var user = new AgoraUser
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Attendee {i}",
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
                };
                db.Users.Add(user);
                if (members) db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = HubRoles.Member, JoinedAt = now });
                var token = ApiTokenAuthenticationHandler.NewToken();
                db.ApiTokens.Add(new ApiToken
                {
                    Id = Guid.NewGuid(), UserId = user.Id, Name = "test", Prefix = token[..12], Hash = ApiTokenAuthenticationHandler.Hash(token),
                    Scopes = $"{ApiScopes.HubsRead} {ApiScopes.HubsWrite}", CreatedAt = now, ExpiresAt = now.AddDays(1), LastUsedAt = now,
                });
                list.Add((user.Id, token));
            }
            await db.SaveChangesAsync();
            return list;
        });
        return made.Select(m =>
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", m.Item2);
            return new EventPerson(m.Item1, client);
        }).ToList();
    }

    public static object Body(string title = "Hackathon on discharge planning", string format = "Hackathon", string audience = "HubMembers",
        string start = "2030-03-01T09:00", string end = "2030-03-02T17:00", bool allDay = false, string mode = "Hybrid") => new
    {
        format, title, summary = "Two days of building", description = "Teams build and a jury scores.", startsAt = start, endsAt = end, allDay, mode,
        address = "Prinsens gate 1, Trondheim", room = "Auditorium", accessibility = "Step-free entrance", onlineLink = "https://meet.example.org/hack",
        languages = "en,nb-NO", audience,
    };

    /// <summary>A published event of the hub with one ticket type of <paramref name="capacity"/> seats; answers (event id, ticket id).</summary>
    public static async Task<(int Id, int Ticket)> PublishedAsync(HttpClient manager, int capacity, object? body = null)
    {
        var created = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events", body ?? Body());
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var ticket = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events/{id}/tickets", new { name = "Participant", capacity });
        Assert.True(ticket.IsSuccessStatusCode, await ticket.Content.ReadAsStringAsync());
        var ticketId = (await ticket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var published = await manager.PostAsync($"/api/v1/hubs/{Hub}/events/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return (id, ticketId);
    }

    public static string Api(int id) => $"/api/v1/hubs/{Hub}/events/{id}";

    public static async Task<string> RegisterAsync(HttpClient client, int id, int ticket)
    {
        var r = await client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket });
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("state").GetString()!;
    }
}
