using Agora.Tests.Infrastructure;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>Gives a demo account of helseplattformen a role for one test, and takes it back when disposed.</summary>
public static class HubRoleGrant
{
    public static async Task<IAsyncDisposable> GrantAsync(AgoraFactory app, string email, HubRoles role)
    {
        var had = await SetAsync(app, email, role, add: true);
        return new Revert(had ? () => Task.CompletedTask : () => SetAsync(app, email, role, add: false));
    }

    /// <summary>Adds or removes the role; answers whether the person held it before.</summary>
    private static Task<bool> SetAsync(AgoraFactory app, string email, HubRoles role, bool add) => DbAsync(app, async db =>
    {
        var membership = await db.HubMemberships.SingleAsync(m => m.UserId == db.Users.Single(u => u.Email == email).Id
            && db.Hubs.Any(h => h.Id == m.HubId && h.Slug == Hub));
        var had = membership.Roles.HasFlag(role);
        membership.Roles = add ? membership.Roles | role : membership.Roles & ~role;
        await db.SaveChangesAsync();
        return had;
    });

    private sealed class Revert(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
