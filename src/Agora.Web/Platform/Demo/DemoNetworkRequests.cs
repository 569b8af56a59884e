using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// The network's customers and their service requests: two new demo companies (a Centro SME whose admin is the demo
/// fellow, an Alentejo SME whose admin is the demo member), Nordlys Helseteknologi (Trøndelag) and Health Cluster
/// Portugal registered as customers, and requests in every state, with the story of the issue: the Centro SME asked
/// DIH Centro for AI testing, DIH Centro referred it to imIN-hub, which accepted. Hubs without a network profile yet
/// (when the profiles' demo has not run) get a minimal one; an imIN-hub published AI testing service is used when the
/// catalogue's demo made one.
/// </summary>
internal static class DemoNetworkRequests
{
    public const string CentroSme = "coimbra-digital-health";
    public const string AlentejoSme = "evora-agrotech-saude";

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var imin = hubs[DemoAccounts.IminHub];
        var centro = hubs[DemoAccounts.DihCentroHub];
        var helse = hubs[DemoAccounts.HelseplattformenHub];
        await ProfileAsync(db, imin, HubKind.Other, "PT", ["PT1A", "PT1B"], now, ct);
        await ProfileAsync(db, centro, HubKind.Edih, "PT", ["PT19"], now, ct);
        await ProfileAsync(db, helse, HubKind.Other, "NO", ["NO06"], now, ct);

        var coimbra = new Organisation
        {
            Id = Guid.NewGuid(), Slug = CentroSme, Name = "Coimbra Digital Health, Lda.", Type = OrganisationType.Company, Country = "Portugal", CreatedAt = now.AddDays(-90),
            Description = "A Coimbra start-up making an AI triage assistant for primary care.",
        };
        var evora = new Organisation
        {
            Id = Guid.NewGuid(), Slug = AlentejoSme, Name = "Évora AgroTech Saúde, Lda.", Type = OrganisationType.Company, Country = "Portugal", CreatedAt = now.AddDays(-80),
            Description = "Sensors and data for rural home care in the Alentejo.",
        };
        db.Organisations.AddRange(coimbra, evora);
        var fellow = people[DemoAccounts.Fellow].Id;
        var member = people[DemoAccounts.Member].Id;
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = coimbra.Id, UserId = fellow, IsAdmin = true, JoinedAt = now.AddDays(-90) });
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = evora.Id, UserId = member, IsAdmin = true, JoinedAt = now.AddDays(-80) });
        await db.SaveChangesAsync(ct);
        var nordlys = await db.Organisations.Where(o => o.Slug == "nordlys-helseteknologi").Select(o => o.Id).SingleAsync(ct);
        var cluster = await db.Organisations.Where(o => o.Slug == "health-cluster-portugal").Select(o => o.Id).SingleAsync(ct);
        void Customer(Guid org, CustomerType type, CompanySize size, string country, string region, Guid? by) => db.NetworkCustomers.Add(new NetworkCustomer
        {
            OrganisationId = org, Type = type, Size = size, Sector = "health", Country = country, RegionCode = region,
            RegisteredAt = now.AddDays(-60), RegisteredById = by, UpdatedAt = now.AddDays(-60),
        });
        Customer(coimbra.Id, CustomerType.Sme, CompanySize.Micro, "PT", "PT19", fellow);
        Customer(evora.Id, CustomerType.Sme, CompanySize.Small, "PT", "PT1C", member);
        Customer(nordlys, CustomerType.Sme, CompanySize.Small, "NO", "NO06", member);
        Customer(cluster, CustomerType.Other, CompanySize.Micro, "PT", "PT11", fellow);
        await db.SaveChangesAsync(ct);

        var iminDesk = people[DemoAccounts.OtherManager].Id;
        var helseDesk = people[DemoAccounts.Manager].Id;
        var aiTesting = await db.CatalogueServices.Where(s => s.HubId == imin.Id && s.Status == ServiceStatus.Published && s.SubType == "testing"
            && s.Technologies.Contains(Tags.Token("ai"))).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

        async Task<ServiceRequest> AskAsync(Guid customer, Guid requester, Hub hub, string region, string title, string description, int daysAgo,
            ServiceCategory? category, string? technology, string language, int? service = null)
        {
            var at = now.AddDays(-daysAgo);
            var profile = await db.HubNetworkProfiles.AsNoTracking().Where(p => p.HubId == hub.Id).Select(p => new { p.Country, p.FirstAnswerDays }).SingleAsync(ct);
            var r = new ServiceRequest
            {
                CustomerId = customer, RequesterId = requester, ServiceId = service, HubId = hub.Id, FirstHubId = hub.Id, Title = title, Description = description,
                Category = category, Technology = technology, Sector = "health", RegionCode = region, Language = language, State = ServiceRequestState.Submitted,
                SubmittedAt = at, AnswerDueAt = WorkingDays.AnswerDue(at, profile.Country, profile.FirstAnswerDays, hub.TimeZone),
            };
            r.FirstAnswerDueAt = r.AnswerDueAt;
            db.ServiceRequests.Add(r);
            await db.SaveChangesAsync(ct);
            Step(r, RequestStepKind.Submitted, at, requester, hub.Id);
            return r;
        }
        void Step(ServiceRequest r, RequestStepKind kind, DateTimeOffset at, Guid actor, Guid hub, Guid? to = null, string note = "") =>
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = kind, At = at, ActorId = actor, HubId = hub, ToHubId = to, Note = note });
        ServiceDelivery Delivery(ServiceRequest r, Guid hub, DateTimeOffset at)
        {
            var d = new ServiceDelivery { RequestId = r.Id, HubId = hub, ServiceId = r.ServiceId, Status = DeliveryStatus.Planned, CreatedAt = at, UpdatedAt = at };
            db.ServiceDeliveries.Add(d);
            return d;
        }

        // The story: asked at the nearest hub, referred to the hub that tests AI, accepted there.
        var story = await AskAsync(coimbra.Id, fellow, centro, "PT19", "AI testing of our triage assistant",
            "Our AI triage assistant for primary care needs independent testing (accuracy, bias, robustness) before a pilot in two health centres.",
            9, ServiceCategory.TestBeforeInvest, "ai", "pt-PT");
        var referredAt = story.SubmittedAt.AddDays(1);
        const string referralNote = "They offer AI testing: imIN-hub runs a test-before-invest service for AI in health.";
        db.ServiceReferrals.Add(new ServiceReferral
        {
            RequestId = story.Id, FromHubId = centro.Id, ToHubId = imin.Id, Note = referralNote, SentById = iminDesk, SentAt = referredAt,
            Accepted = true, AnsweredById = iminDesk, AnsweredAt = referredAt.AddDays(1),
        });
        Step(story, RequestStepKind.Referred, referredAt, iminDesk, centro.Id, imin.Id, referralNote);
        Step(story, RequestStepKind.ReferralAccepted, referredAt.AddDays(1), iminDesk, imin.Id, centro.Id);
        story.ServiceId = aiTesting;
        story.HubId = imin.Id;
        story.State = ServiceRequestState.Accepted;
        story.FirstAnsweredAt = referredAt;
        Delivery(story, imin.Id, referredAt.AddDays(1));

        // Waiting at DIH Centro: one fresh, one past its first-answer time.
        await AskAsync(coimbra.Id, fellow, centro, "PT19", "Usability testing of our patient app",
            "We would like older patients to try the app's self-triage questions and tell us what confuses them.", 1, ServiceCategory.TestBeforeInvest, null, "pt-PT");
        await AskAsync(evora.Id, member, centro, "PT1C", "Training our nurses in remote monitoring data",
            "Six home-care nurses need to read and act on the data from our sensors.", 14, ServiceCategory.SkillsAndTraining, "data", "en");

        // Declined with a reason.
        var declined = await AskAsync(evora.Id, member, centro, "PT1C", "Co-funding for a new sensor line",
            "We look for investors for a new line of fall sensors.", 30, ServiceCategory.SupportToFindInvestment, "iot", "en");
        declined.State = ServiceRequestState.Declined;
        declined.DeclineReason = "DIH Centro does not broker investment yet; the Portugal 2030 Alentejo programme's next call opens in March.";
        declined.FirstAnsweredAt = declined.ClosedAt = declined.SubmittedAt.AddDays(2);
        Step(declined, RequestStepKind.Declined, declined.FirstAnsweredAt.Value, iminDesk, centro.Id, note: declined.DeclineReason);

        // At Helseplattformen: accepted with the delivery under way, and one withdrawn.
        var underWay = await AskAsync(nordlys, member, helse, "NO06", "Integration test against the regional EHR",
            "Our medication-reminder service must be tested against the regional EHR's test environment.", 40, ServiceCategory.TestBeforeInvest, "data", "nb-NO");
        underWay.State = ServiceRequestState.Accepted;
        underWay.FirstAnsweredAt = underWay.SubmittedAt.AddDays(2);
        Step(underWay, RequestStepKind.Accepted, underWay.FirstAnsweredAt.Value, helseDesk, helse.Id);
        var running = Delivery(underWay, helse.Id, underWay.FirstAnsweredAt.Value);
        running.Status = DeliveryStatus.UnderWay;
        running.StartedOn = DateOnly.FromDateTime(underWay.SubmittedAt.AddDays(10).UtcDateTime);
        running.RecordedById = helseDesk;
        Step(underWay, RequestStepKind.DeliveryStarted, underWay.SubmittedAt.AddDays(10), helseDesk, helse.Id);
        var withdrawn = await AskAsync(nordlys, member, helse, "NO06", "Cybersecurity review of our app",
            "A review of our app's security before launch.", 20, ServiceCategory.TestBeforeInvest, "cybersecurity", "nb-NO");
        withdrawn.State = ServiceRequestState.Withdrawn;
        withdrawn.ClosedAt = withdrawn.SubmittedAt.AddDays(1);
        Step(withdrawn, RequestStepKind.Withdrawn, withdrawn.ClosedAt.Value, member, helse.Id);

        // Delivered at imIN-hub, with the customer's feedback.
        var delivered = await AskAsync(cluster, fellow, imin, "PT11", "Workshop on the EHDS for cluster members",
            "A half-day workshop for our members on what the European Health Data Space changes for them.", 70, ServiceCategory.SkillsAndTraining, "data", "pt-PT");
        delivered.State = ServiceRequestState.Delivered;
        delivered.FirstAnsweredAt = delivered.SubmittedAt.AddDays(3);
        Step(delivered, RequestStepKind.Accepted, delivered.FirstAnsweredAt.Value, iminDesk, imin.Id);
        var done = Delivery(delivered, imin.Id, delivered.FirstAnsweredAt.Value);
        done.Status = DeliveryStatus.Completed;
        done.StartedOn = DateOnly.FromDateTime(delivered.SubmittedAt.AddDays(20).UtcDateTime);
        done.CompletedOn = DateOnly.FromDateTime(delivered.SubmittedAt.AddDays(20).UtcDateTime);
        done.Outcome = "Workshop held in Porto for 34 people from 21 member organisations; slides and a checklist shared.";
        done.RecordedById = iminDesk;
        done.FeedbackRating = 5;
        done.FeedbackComment = "Clear and practical; our members asked for a follow-up on secondary use.";
        done.FeedbackById = fellow;
        done.FeedbackAt = delivered.SubmittedAt.AddDays(25);
        delivered.ClosedAt = delivered.SubmittedAt.AddDays(20);
        Step(delivered, RequestStepKind.DeliveryStarted, delivered.SubmittedAt.AddDays(20), iminDesk, imin.Id);
        Step(delivered, RequestStepKind.DeliveryCompleted, delivered.SubmittedAt.AddDays(20), iminDesk, imin.Id, note: done.Outcome);
        Step(delivered, RequestStepKind.FeedbackGiven, done.FeedbackAt.Value, fellow, imin.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A minimal network profile when the hub has none yet.</summary>
    private static async Task ProfileAsync(AgoraDbContext db, Hub hub, HubKind kind, string country, string[] regions, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.HubNetworkProfiles.AnyAsync(p => p.HubId == hub.Id, ct)) return;
        db.HubNetworkProfiles.Add(new HubNetworkProfile
        {
            HubId = hub.Id, LegalName = hub.Name, Kind = kind, Country = country, Languages = Tags.Join(hub.Languages.Split(',')), CreatedAt = now, UpdatedAt = now,
            Regions = regions.Select(r => new HubServedRegion { HubId = hub.Id, RegionCode = r }).ToList(),
        });
        await db.SaveChangesAsync(ct);
    }
}
