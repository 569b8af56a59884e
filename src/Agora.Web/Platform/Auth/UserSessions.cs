using System.Security.Claims;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Auth;

public sealed record SessionRow(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? IpAddress, string? UserAgent, bool IsCurrent);

/// <summary>The person's signed-in browsers, and ending them.</summary>
public sealed class UserSessions(AgoraDbContext db, CurrentUser current, AuditLog audit, TimeProvider clock)
{
    private Guid? CurrentSessionId => Guid.TryParse(current.Principal.FindFirstValue(AgoraClaims.SessionId), out var id) ? id : null;

    public async Task<IReadOnlyList<SessionRow>> ListAsync(CancellationToken ct)
    {
        var userId = current.RequiredId;
        var sid = CurrentSessionId;
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
        return rows.Select(s => new SessionRow(s.Id, s.CreatedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.Id == sid)).ToList();
    }

    /// <summary>Ends every session but this one; returns how many ended.</summary>
    public async Task<int> RevokeOthersAsync(CancellationToken ct)
    {
        var userId = current.RequiredId;
        var sid = CurrentSessionId;
        var now = clock.GetUtcNow();
        var count = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != sid)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        await audit.RecordAsync(AuditActions.SessionsRevoked, details: count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return count;
    }

    /// <summary>
    /// After a password change or reset or a two-factor change: every other session and every personal access token
    /// of the person ends (the browser making the change, if it is theirs, stays signed in). Audited.
    /// </summary>
    public async Task EndOtherAccessAsync(Guid userId, CancellationToken ct)
    {
        var sid = current.Id == userId ? CurrentSessionId : null;
        var now = clock.GetUtcNow();
        var sessions = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != sid)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActions.AccessEndedAfterCredentialChange, actorId: userId, actorEmail: email,
            details: $"sessions={sessions}, tokens={tokens}");
    }

    public async Task<Result<bool>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var userId = current.RequiredId;
        var now = clock.GetUtcNow();
        var count = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        if (count == 0) return Result<bool>.NotFound();
        await audit.RecordAsync(AuditActions.SessionsRevoked, details: "1");
        return Result<bool>.Ok(true);
    }
}
