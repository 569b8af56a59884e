using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Network.Figures;

/// <summary>
/// Rows for the figures and gap tests, written straight through <see cref="AgoraDbContext"/> (the pages that make them
/// belong to other parts of the network). Every hub and customer is new, with a unique slug, so tests share the app.
/// </summary>
public sealed class FiguresData(AgoraFactory app)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public Task<(Guid Id, string Slug)> HubAsync(string country, string[] regions, bool listed = true, int firstAnswerDays = 5) =>
        DbAsync(app, async db =>
        {
            var hub = new Hub
            {
                Id = Guid.NewGuid(), Slug = Unique("fig-hub"), Name = "Figures hub " + Guid.NewGuid().ToString("N")[..6], Description = "A hub of the figures tests.",
                Languages = "en", Region = country, TimeZone = "Europe/Lisbon", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Hubs.Add(hub);
            db.HubNetworkProfiles.Add(new HubNetworkProfile
            {
                HubId = hub.Id, LegalName = hub.Name, Kind = HubKind.Edih, Country = country, Listed = listed, FirstAnswerDays = firstAnswerDays,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Regions = regions.Select(r => new HubServedRegion { HubId = hub.Id, RegionCode = r }).ToList(),
            });
            await db.SaveChangesAsync();
            return (hub.Id, hub.Slug);
        });

    public Task<int> ServiceAsync(Guid hubId, ServiceCategory category, string subType, string[] technologies, string[] sectors,
        ServiceStatus status = ServiceStatus.Published) =>
        DbAsync(app, async db =>
        {
            var s = new CatalogueService
            {
                HubId = hubId, Status = status, Category = category, SubType = subType, Audiences = ServiceAudience.Sme,
                Technologies = Tags.Join(technologies), Sectors = Tags.Join(sectors), Languages = ",en,", Delivery = DeliveryModes.OnSite,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
                Texts = [new CatalogueServiceText { Culture = "en", Title = "A service", Summary = "A service", Description = "A service" }],
            };
            db.CatalogueServices.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    public Task<Guid> CustomerAsync(CustomerType type, string region) =>
        DbAsync(app, async db =>
        {
            var org = new Organisation
            {
                Id = Guid.NewGuid(), Slug = Unique("fig-org"), Name = "Figures customer " + Guid.NewGuid().ToString("N")[..6],
                Type = OrganisationType.Company, Country = region[..2], CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Organisations.Add(org);
            db.NetworkCustomers.Add(new NetworkCustomer
            {
                OrganisationId = org.Id, Type = type, Size = CompanySize.Small, Sector = "health", Country = region[..2], RegionCode = region,
                RegisteredAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return org.Id;
        });

    /// <summary>A request as the front desk would leave it; <paramref name="answeredAfter"/> null: not answered yet.</summary>
    public Task<int> RequestAsync(Guid customer, Guid hub, string region, ServiceCategory? category, string? technology, string? sector,
        ServiceRequestState state, DateTimeOffset submitted, TimeSpan? answeredAfter, TimeSpan? dueAfter = null, int? serviceId = null, Guid? holdingHub = null) =>
        DbAsync(app, async db =>
        {
            var r = new ServiceRequest
            {
                CustomerId = customer, HubId = holdingHub ?? hub, FirstHubId = hub, ServiceId = serviceId, Title = "A need", Description = "What we need.",
                Category = category, Technology = technology, Sector = sector, RegionCode = region, State = state, SubmittedAt = submitted,
                AnswerDueAt = submitted + (dueAfter ?? TimeSpan.FromDays(7)), FirstAnswerDueAt = submitted + (dueAfter ?? TimeSpan.FromDays(7)), FirstAnsweredAt = answeredAfter is { } a ? submitted + a : null,
                ClosedAt = state is ServiceRequestState.Declined or ServiceRequestState.Delivered ? submitted + TimeSpan.FromDays(30) : null,
            };
            db.ServiceRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    public Task ReferralAsync(int request, Guid from, Guid to, DateTimeOffset sent, bool? accepted) =>
        DbAsync(app, async db =>
        {
            db.ServiceReferrals.Add(new ServiceReferral
            {
                RequestId = request, FromHubId = from, ToHubId = to, Note = "They offer it.", SentAt = sent, Accepted = accepted,
                AnsweredAt = accepted is null ? null : sent + TimeSpan.FromDays(1),
            });
            await db.SaveChangesAsync();
            return 0;
        });

    public Task DeliveryAsync(int request, Guid hub, DeliveryStatus status, DateOnly? started, DateOnly? completed, int? rating = null,
        DateTimeOffset? feedbackAt = null, int? serviceId = null) =>
        DbAsync(app, async db =>
        {
            db.ServiceDeliveries.Add(new ServiceDelivery
            {
                RequestId = request, HubId = hub, ServiceId = serviceId, Status = status, StartedOn = started, CompletedOn = completed,
                Outcome = "Done.", FeedbackRating = rating, FeedbackAt = rating is null ? null : feedbackAt, FeedbackComment = rating is null ? null : "Useful.",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
}
