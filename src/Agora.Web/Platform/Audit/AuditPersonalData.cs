using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Audit;

/// <summary>
/// Audit entries about the person's own account (what they did) are exported. On erasure every entry keeps its
/// pseudonymous actor id, while the person's address, name, IP addresses and browsers are replaced or removed,
/// in their own entries and wherever another entry named them.
/// </summary>
public sealed class AuditPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "auditTrail";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(AuditEvent)];

    public int EraseOrder => 900;

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.Action, e.HubId, e.Subject, e.IpAddress, e.UserAgent }).ToListAsync(ct);

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        var pseudonym = erasure.Pseudonym;
        await db.AuditEvents.Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorEmail, pseudonym).SetProperty(e => e.IpAddress, (string?)null)
                .SetProperty(e => e.UserAgent, (string?)null), ct);
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        foreach (var text in new[] { erasure.Email, FormerMember.Is(name) ? null : name }.Where(t => t is { Length: >= 3 }).Distinct())
        {
            var value = text!;
            await db.AuditEvents.Where(e => e.ActorEmail == value).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorEmail, pseudonym), ct);
            await db.AuditEvents.Where(e => e.Subject != null && e.Subject.Contains(value))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, e => e.Subject!.Replace(value, pseudonym)), ct);
            await db.AuditEvents.Where(e => e.Details != null && e.Details.Contains(value))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, e => e.Details!.Replace(value, pseudonym)), ct);
        }
    }
}
