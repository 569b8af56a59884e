using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Fills an empty installation with the demo hubs, organisations and accounts (first start
/// only: nothing happens once any hub exists). Everything is written in one transaction.
/// </summary>
public sealed class DemoSeeder(
    AgoraDbContext db,
    UserManager<AgoraUser> userManager,
    IUserStore<AgoraUser> userStore,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : IStartupSeeder
{
    public const int RecoveryCodeCount = 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Hubs.AnyAsync(ct)) return;
        var emails = DemoAccounts.All.Select(e => userManager.NormalizeEmail(e)).ToList();
        if (await db.Users.AnyAsync(u => emails.Contains(u.NormalizedEmail!), ct))
        {
            logger.LogWarning("The demo installation is not seeded: there are no hubs, but some demo accounts already exist.");
            return;
        }

        await db.InTransactionAsync(async token =>
        {
            await SeedAllAsync(token);
            return true;
        }, ct);
        logger.LogWarning(
            "Demo installation seeded: {Hubs} hubs, {Organisations} organisations, {Accounts} accounts with published passwords. Never use it for real data.",
            DemoContent.Hubs.Length, DemoContent.Organisations.Length, DemoContent.People.Length);
    }

    private async Task SeedAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // Organisations first: people point at their organisation.
        var organisations = DemoContent.Organisations.ToDictionary(o => o.Slug, o => new Organisation
        {
            Id = Guid.NewGuid(),
            Slug = o.Slug,
            Name = o.Name,
            Type = o.Type,
            Country = o.Country,
            Website = o.Website,
            Description = o.Description,
            CreatedAt = now,
        });
        db.Organisations.AddRange(organisations.Values);
        await db.SaveChangesAsync(ct);

        var people = new Dictionary<string, AgoraUser>();
        foreach (var p in DemoContent.People)
        {
            var user = await CreateUserAsync(p, p.Organisation is null ? null : organisations[p.Organisation].Id, now, ct);
            people[p.Email] = user;
            if (p.Organisation is not null)
            {
                db.OrganisationMembers.Add(new OrganisationMember
                {
                    OrganisationId = organisations[p.Organisation].Id,
                    UserId = user.Id,
                    IsAdmin = p.OrganisationAdmin,
                    JoinedAt = now,
                });
            }
        }

        var focusAreas = await db.FocusAreas.ToDictionaryAsync(f => f.Key, f => f.Id, ct);
        var hubs = new Dictionary<string, Hub>();
        foreach (var h in DemoContent.Hubs)
        {
            var hub = new Hub
            {
                Id = Guid.NewGuid(),
                Slug = h.Slug,
                Languages = h.Languages,
                Region = h.Region,
                Currency = h.Currency,
                JoinPolicy = h.JoinPolicy,
                CreatedAt = now,
            };
            var primary = h.Texts[hub.LanguageList[0]];
            hub.Name = primary.Name;
            hub.Description = primary.Description;
            hub.Texts = h.Texts.Select(t => new HubText { HubId = hub.Id, Culture = t.Key, Name = t.Value.Name, Description = t.Value.Description }).ToList();
            hub.FocusAreas = h.FocusAreas.Select(k => new HubFocusArea { HubId = hub.Id, FocusAreaId = focusAreas[k] }).ToList();
            db.Hubs.Add(hub);
            hubs[h.Slug] = hub;
            foreach (var p in DemoContent.People.Where(p => p.Hubs.ContainsKey(h.Slug)))
            {
                db.HubMemberships.Add(new HubMembership
                {
                    HubId = hub.Id,
                    UserId = people[p.Email].Id,
                    Roles = p.Hubs[h.Slug] | HubRoles.Member,
                    JoinedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await DemoIdeas.SeedAsync(db, hubs, people, focusAreas, now, ct);
        await DemoInitiatives.SeedAsync(db, hubs, people, now, ct);
        await DemoRequests.SeedAsync(db, hubs, people, now, ct);
        await DemoMentoring.SeedAsync(db, hubs, people, now, ct);
        await DemoEvents.SeedAsync(db, hubs, people, now, ct);
        await DemoMatchmaking.SeedAsync(db, hubs, people, now, ct);
        await DemoHackathons.SeedAsync(db, hubs, people, now, ct);
        await DemoCommunity.SeedAsync(db, hubs, people, now, ct);
        await DemoHubRoles.SeedAsync(db, hubs, people, now, ct);
        await DemoNetworkProfiles.SeedAsync(db, hubs, people, now, ct);
        await DemoNetworkCatalogue.SeedAsync(db, hubs, people, now, ct);
        await DemoNetworkRequests.SeedAsync(db, hubs, people, now, ct);
        await DemoMaturity.SeedAsync(db, hubs, people, now, ct);
        await DemoPartnering.SeedAsync(db, hubs, people, now, ct);
    }

    private async Task<AgoraUser> CreateUserAsync(DemoContent.DemoPerson p, Guid? organisationId, DateTimeOffset now, CancellationToken ct)
    {
        var user = new AgoraUser
        {
            Id = Guid.NewGuid(),
            UserName = p.Email,
            Email = p.Email,
            EmailConfirmed = true,
            DisplayName = p.DisplayName,
            OrganisationId = organisationId,
            IsPlatformAdmin = p.PlatformAdmin,
            LockoutEnabled = true,
            CreatedAt = now,
        };
        // Through UserManager: the password is hashed and validated, the security stamp set.
        Check(await userManager.CreateAsync(user, DemoAccounts.Password), p.Email);
        if (p.TwoFactor)
        {
            if (userStore is not IUserAuthenticatorKeyStore<AgoraUser> keys)
                throw new InvalidOperationException("The user store cannot keep authenticator keys.");
            await keys.SetAuthenticatorKeyAsync(user, DemoAccounts.TotpKey, ct);
            Check(await userManager.UpdateAsync(user), p.Email);
            Check(await userManager.SetTwoFactorEnabledAsync(user, true), p.Email);
            // Recovery codes exist as for any two-factor account; they are not published.
            _ = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        }
        return user;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating the demo account {email} failed: "
                + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
    }
}
