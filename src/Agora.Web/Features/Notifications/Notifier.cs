using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

/// <summary>What happened, to whom; the text is rendered later in each reader's language.</summary>
public sealed record NotificationEvent(
    NotificationKind Kind, Guid? HubId, int? IdeaId = null, long? CommentId = null, Guid? CampaignId = null,
    Guid? ActorId = null, string? Detail = null, int? RequestId = null, string? Title = null, string? Path = null)
{
    /// <summary>A path is the application's own ("/hubs/…"); an address elsewhere ("//host", "https:") is refused.</summary>
    public static bool IsLocalPath(string? path) =>
        path is null || (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) && !path.Contains(':'));
}

/// <summary>
/// Records notifications for people, honouring each person's choice per kind (immediately, daily
/// digest, or off: nothing is recorded). Nobody is notified of their own action. Email is sent later by <see cref="NotificationMailJob"/>.
/// </summary>
public sealed class Notifier(AgoraDbContext db, TimeProvider clock)
{
    /// <summary>When a person has not chosen: what concerns them directly comes at once, the rest in the daily digest.</summary>
    public static Delivery DefaultFor(NotificationKind kind) => kind switch
    {
        NotificationKind.Commented or NotificationKind.IdeaPublished => Delivery.DailyDigest,
        _ => Delivery.Immediately,
    };

    /// <summary>Adds the notifications to the context; the caller saves them with its own change.</summary>
    public async Task AddAsync(NotificationEvent e, IEnumerable<Guid> recipients, CancellationToken ct)
    {
        if (!NotificationEvent.IsLocalPath(e.Path)) throw new ArgumentException("A notification leads to a path of Agora's own.", nameof(e));
        var title = e.Title is { Length: > 200 } tooLong ? tooLong[..199] + "…" : e.Title;
        var people = recipients.Where(r => r != e.ActorId).Distinct().ToList();
        if (people.Count == 0) return;
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == e.Kind && people.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        var now = clock.GetUtcNow();
        foreach (var person in people)
        {
            var delivery = chosen.TryGetValue(person, out var d) ? d : DefaultFor(e.Kind);
            if (delivery == Delivery.Off) continue;
            db.Notifications.Add(new Notification
            {
                UserId = person, Kind = e.Kind, HubId = e.HubId, IdeaId = e.IdeaId, CommentId = e.CommentId, CampaignId = e.CampaignId, RequestId = e.RequestId,
                ActorId = e.ActorId, Detail = e.Detail, Title = title, Path = e.Path, CreatedAt = now, Delivery = delivery,
            });
        }
    }

    /// <summary>Followers of a campaign (for new ideas).</summary>
    public Task<List<Guid>> CampaignFollowersAsync(Guid campaignId, CancellationToken ct) =>
        db.CampaignFollowers.Where(f => f.CampaignId == campaignId).Select(f => f.UserId).ToListAsync(ct);
}
