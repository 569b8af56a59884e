using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>What another area may read of an event: its title, format, hub and dates.</summary>
public sealed record EventInfo(int Id, Guid HubId, string HubSlug, string Title, EventFormat Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    bool AllDay, EventState State);

/// <summary>Read side of events for pages and other areas.</summary>
public sealed class EventQueries(AgoraDbContext db)
{
    /// <summary>An event's public facts (no access check: callers decide what their own pages show).</summary>
    public Task<EventInfo?> InfoAsync(int id, CancellationToken ct) =>
        db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EventInfo(e.Id, e.HubId, db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single(), e.Title, e.Format,
                e.StartsAt, e.EndsAt, e.AllDay, e.State))
            .SingleOrDefaultAsync(ct);

    /// <summary>The event of this hub address, or null.</summary>
    public async Task<EventInfo?> InfoAsync(string hubSlug, int id, CancellationToken ct) =>
        await InfoAsync(id, ct) is { } info && info.HubSlug == hubSlug ? info : null;
}
