using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Audit;

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string Action, string? ActorEmail, string? HubSlug,
    string? Subject, string? Details, string? IpAddress);

/// <summary>Filters of the audit trail; all optional.</summary>
public sealed record AuditFilter(string? Action, string? Actor, DateOnly? From, DateOnly? To);

public sealed class AuditQueries(AgoraDbContext db)
{
    /// <summary>Newest first; hubId null means every hub and platform events (platform admins only).</summary>
    public async Task<PagedList<AuditRow>> ListAsync(Guid? hubId, AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (hubId is { } id) events = events.Where(e => e.HubId == id);
        if (!string.IsNullOrEmpty(filter.Action)) events = events.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLower();
            events = events.Where(e => e.ActorEmail != null && e.ActorEmail.ToLower().Contains(actor)
                || e.Subject != null && e.Subject.ToLower().Contains(actor));
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < end);
        }
        var total = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.OccurredAt, e.Action, e.ActorEmail,
                db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).FirstOrDefault(), e.Subject, e.Details, e.IpAddress))
            .ToListAsync(ct);
        return new PagedList<AuditRow>(rows, page, pageSize, total);
    }

    public static bool IsKnownAction(string? action) => string.IsNullOrEmpty(action) || AuditActions.All.Contains(action);
}
