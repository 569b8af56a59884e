using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>A defined role is in use while a call for it is not yet decided: its selections would grant it.</summary>
public sealed class CallsForDefinedRoles(AgoraDbContext db) : IDefinedRoleUse
{
    public Task<bool> InUseAsync(int roleId, CancellationToken ct) =>
        db.CommunityCalls.AnyAsync(c => c.DefinedRoleId == roleId && c.State != CallState.Decided, ct);
}
