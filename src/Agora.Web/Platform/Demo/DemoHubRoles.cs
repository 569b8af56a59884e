using Agora.Web.Features.Accounts;
using Agora.Web.Features.Community;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// imIN-hub defines a community role of its own, "Patient ambassador", held by the demo member, and has an open call
/// for two more ambassadors, so the roles page, the members page, the call pages and the figures show one.
/// </summary>
internal static class DemoHubRoles
{
    public const string AmbassadorKey = "patient-ambassador";
    public const string AmbassadorsCall = "Patient ambassadors 2027";

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var hub = hubs[DemoAccounts.IminHub];
        var manager = people[DemoAccounts.OtherManager].Id;
        var role = new HubDefinedRole
        {
            HubId = hub.Id, Key = AmbassadorKey, NameEn = "Patient ambassador", NamePt = "Embaixador dos doentes", NameNb = "Pasientambassadør",
            Description = "Brings the patients' view into the hub's projects and speaks for the hub at patient associations.", CreatedAt = now.AddDays(-30),
        };
        db.HubDefinedRoles.Add(role);
        await db.SaveChangesAsync(ct);
        db.HubRoleHolders.Add(new HubRoleHolder { HubId = hub.Id, UserId = people[DemoAccounts.Member].Id, RoleId = role.Id, GrantedAt = now.AddDays(-20) });
        var call = new CommunityCall
        {
            HubId = hub.Id, Role = HubRoles.None, DefinedRoleId = role.Id, Title = AmbassadorsCall, Audience = CallAudience.SignedIn, Seats = 2,
            State = CallState.Open, Description = "Two more patient ambassadors for imIN-hub: you have lived with a long-term condition, or cared for someone who has.",
            Deadline = now.AddDays(30), CreatedById = manager, CreatedAt = now.AddDays(-5), OpenedAt = now.AddDays(-4),
        };
        db.CommunityCalls.Add(call);
        await db.SaveChangesAsync(ct);
        db.CallCriteria.Add(new CallCriterion { CallId = call.Id, Position = 1, Name = "Experience as a patient or carer", Weight = 2 });
        await db.SaveChangesAsync(ct);
    }
}
