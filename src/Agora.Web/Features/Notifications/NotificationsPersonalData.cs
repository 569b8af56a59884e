using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

/// <summary>
/// The notifications addressed to the person and their choices of how to hear of things. Both are only theirs and go on
/// erasure. A notification about something the person did, addressed to someone else, is that person's: it stays and
/// its actor shows as "a former member".
/// </summary>
public sealed class NotificationsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "notifications";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // UserId: deleted. ActorId: a notification addressed to others keeps the erased actor as an anonymised reference.
        typeof(Notification),
        typeof(NotificationPreference),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        // Who caused each notification is the other person's data: left out.
        notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id)
            .Select(n => new { n.Kind, n.HubId, n.CampaignId, n.IdeaId, n.CommentId, n.RequestId, n.Detail, n.CreatedAt, n.ReadAt, n.MailedAt, n.Delivery })
            .ToListAsync(ct),
        preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Kind, p.Delivery }).ToListAsync(ct),
    };

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
    }
}
