using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

public sealed record PreferenceRow(NotificationKind Kind, Delivery Delivery);

/// <summary>Each person's choice per kind of event; no row means the default.</summary>
public sealed class NotificationPreferences(AgoraDbContext db)
{
    public async Task<IReadOnlyList<PreferenceRow>> GetAsync(Guid userId, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return Enum.GetValues<NotificationKind>()
            .Select(k => new PreferenceRow(k, chosen.TryGetValue(k, out var d) ? d : Notifier.DefaultFor(k))).ToList();
    }

    public async Task SetAsync(Guid userId, IReadOnlyDictionary<NotificationKind, Delivery> choices, CancellationToken ct)
    {
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var (kind, delivery) in choices)
        {
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(delivery)) continue;
            var row = existing.FirstOrDefault(p => p.Kind == kind);
            if (row is null) db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
            else row.Delivery = delivery;
        }
        // A person who turns a kind off stops getting its pending email too.
        var off = choices.Where(c => c.Value == Delivery.Off).Select(c => c.Key).ToList();
        await db.SaveChangesAsync(ct);
        if (off.Count > 0)
            await db.Notifications.Where(n => n.UserId == userId && n.MailedAt == null && off.Contains(n.Kind))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Delivery, Delivery.Off).SetProperty(n => n.MailedAt, DateTimeOffset.UtcNow), ct);
    }
}
