using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// The demo's three hubs as a small network: imIN-hub (SPMS, the Portuguese national hub, Grande Lisboa and Setúbal; AI,
/// data, cybersecurity, cloud), Helseplattformen (Trøndelag; data, AI, IoT) and DIH Centro (an EDIH in Centro; robotics,
/// IoT, data; no AI testing, so a request for AI testing from Centro is referred to imIN-hub). Partners are the demo
/// organisations where they exist; each hub has confirmed front-desk contacts with different visibilities.
/// </summary>
internal static class DemoNetworkProfiles
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        Guid? Org(string slug) => organisations.TryGetValue(slug, out var id) ? id : null;

        Profile(db, hubs[DemoAccounts.IminHub], "SPMS – Serviços Partilhados do Ministério da Saúde, EPE", HubKind.Other, "PT", ["PT1A", "PT1B"],
            ["ai", "data", "cybersecurity", "cloud"], ["health", "care", "public-administration"], ["pt-PT", "en"], "https://www.spms.min-saude.pt", 5, now);
        Profile(db, hubs[DemoAccounts.HelseplattformenHub], "Helseplattformen AS", HubKind.Other, "NO", ["NO06"],
            ["data", "ai", "iot"], ["health", "care"], ["nb-NO", "en"], "https://www.helseplattformen.no", 5, now);
        Profile(db, hubs[DemoAccounts.DihCentroHub], "DIH Centro – Polo de Inovação Digital do Centro", HubKind.Edih, "PT", ["PT19"],
            ["robotics", "iot", "data"], ["health", "manufacturing", "agrifood"], ["pt-PT", "en"], null, 7, now);

        db.HubPartners.AddRange(
            new HubPartner { HubId = hubs[DemoAccounts.IminHub].Id, Name = "Health Cluster Portugal", OrganisationId = Org("health-cluster-portugal"),
                Role = "Brings the health companies of the cluster to the hub's test beds and events." },
            new HubPartner { HubId = hubs[DemoAccounts.IminHub].Id, Name = "SPMS – Serviços Partilhados do Ministério da Saúde", OrganisationId = Org("spms"),
                Role = "Runs the national health data and interoperability services the hub tests on." },
            new HubPartner { HubId = hubs[DemoAccounts.HelseplattformenHub].Id, Name = "NTNU – Norwegian University of Science and Technology", OrganisationId = Org("ntnu"),
                Website = "https://www.ntnu.no", Role = "Research partner for AI in clinical workflows and for evaluation." },
            new HubPartner { HubId = hubs[DemoAccounts.HelseplattformenHub].Id, Name = "St. Olavs hospital", OrganisationId = Org("st-olavs-hospital"),
                Role = "Clinical test environment: wards and outpatient clinics that try solutions before purchase." },
            new HubPartner { HubId = hubs[DemoAccounts.HelseplattformenHub].Id, Name = "Trondheim kommune", OrganisationId = Org("trondheim-kommune"),
                Role = "Home care and welfare technology in the municipality." },
            new HubPartner { HubId = hubs[DemoAccounts.DihCentroHub].Id, Name = "Health Cluster Portugal", OrganisationId = Org("health-cluster-portugal"),
                Role = "Connects the region's manufacturers with health-sector buyers." });

        // Confirmed contacts, with different visibilities; the managers proposed them.
        Contact(db, hubs[DemoAccounts.IminHub], people[DemoAccounts.OtherManager], people[DemoAccounts.OtherManager], "Head of the front desk, digital health",
            ["pt-PT", "en"], "Mon–Fri 9:00–17:00", ContactVisibility.Public, now);
        Contact(db, hubs[DemoAccounts.HelseplattformenHub], people[DemoAccounts.Manager], people[DemoAccounts.Manager], "Hub manager, first contact for companies",
            ["nb-NO", "en"], "Mon–Thu 9:00–15:00", ContactVisibility.Public, now);
        Contact(db, hubs[DemoAccounts.HelseplattformenHub], people[DemoAccounts.Facilitator], people[DemoAccounts.Manager], "Business developer, care technology",
            ["nb-NO", "en"], "Tue and Thu 10:00–14:00", ContactVisibility.SignedIn, now);
        Contact(db, hubs[DemoAccounts.DihCentroHub], people[DemoAccounts.OtherManager], people[DemoAccounts.OtherManager], "Front desk, Coimbra office",
            ["pt-PT", "en"], "Mon–Fri 10:00–16:00", ContactVisibility.Public, now);
        await db.SaveChangesAsync(ct);
    }

    private static void Profile(AgoraDbContext db, Hub hub, string legalName, HubKind kind, string country, string[] regions, string[] technologies,
        string[] sectors, string[] languages, string? website, int firstAnswerDays, DateTimeOffset now) =>
        db.HubNetworkProfiles.Add(new HubNetworkProfile
        {
            HubId = hub.Id, LegalName = legalName, Kind = kind, Country = country, Technologies = Tags.Join(technologies), Sectors = Tags.Join(sectors),
            Languages = Tags.Join(languages), Website = website, FirstAnswerDays = firstAnswerDays, Listed = true, CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-10),
            Regions = regions.Select(r => new HubServedRegion { HubId = hub.Id, RegionCode = r }).ToList(),
        });

    private static void Contact(AgoraDbContext db, Hub hub, AgoraUser person, AgoraUser proposedBy, string role, string[] languages, string hours,
        ContactVisibility visibility, DateTimeOffset now) =>
        db.FrontDeskContacts.Add(new FrontDeskContact
        {
            HubId = hub.Id, UserId = person.Id, Role = role, Languages = Tags.Join(languages), Hours = hours, Visibility = visibility,
            ProposedById = proposedBy.Id, ProposedAt = now.AddDays(-30), ConfirmedAt = now.AddDays(-29),
        });
}
