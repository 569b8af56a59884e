using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Agora.Browser.Tests.PageActions;

namespace Agora.Browser.Tests;

/// <summary>
/// The network figures and the gap analysis with content in them, scanned with axe: a customer in Centro (PT19) whose
/// request for AI testing went to imIN-hub (Lisboa, which offers it) and was delivered with feedback; the gap matrix
/// shows Centro's gap in colour, words and numbers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkFiguresPagesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly JourneySupport journey = new(fixture, output, "network-figures", "en");

    [Fact]
    public async Task Figures_and_gaps_with_content_are_accessible() => await journey.RunAsync(async () =>
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync();
        var admin = await journey.SignInAsAsync(context, DemoAccounts.Admin, "admin", DemoAccounts.TotpKey);
        await GotoOkAsync(admin, "/network/figures", "the network figures");
        await journey.Visit(admin, "figures");
        await GotoOkAsync(admin, $"/network/gaps?technology=ai&country=PT&hub={DemoAccounts.DihCentroHub}", "the gap analysis");
        await admin.Locator("details summary").ClickAsync();
        await journey.Visit(admin, "gaps");
        await GotoOkAsync(admin, "/network/gaps?country=PT&allRegions=true", "the gap analysis of every region");
        await journey.Visit(admin, "gaps-all-regions");
    });

    private async Task SeedAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var now = DateTimeOffset.UtcNow;
        var imin = await db.Hubs.Where(h => h.Slug == DemoAccounts.IminHub).Select(h => h.Id).SingleAsync();
        var centro = await db.Hubs.Where(h => h.Slug == DemoAccounts.DihCentroHub).Select(h => h.Id).SingleAsync();
        foreach (var (hub, region) in new[] { (imin, "PT1A"), (centro, "PT19") })
        {
            if (await db.HubNetworkProfiles.AnyAsync(p => p.HubId == hub)) continue;
            db.HubNetworkProfiles.Add(new HubNetworkProfile
            {
                HubId = hub, LegalName = "Hub", Kind = HubKind.Edih, Country = "PT", CreatedAt = now, UpdatedAt = now,
                Regions = [new HubServedRegion { HubId = hub, RegionCode = region }],
            });
        }
        var service = new CatalogueService
        {
            HubId = imin, Status = ServiceStatus.Published, Category = ServiceCategory.TestBeforeInvest, SubType = "testing", Audiences = ServiceAudience.Sme,
            Technologies = ",ai,", Sectors = ",health,", Languages = ",en,", Delivery = DeliveryModes.Remote, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            Texts = [new CatalogueServiceText { Culture = "en", Title = "AI testing", Summary = "AI testing", Description = "AI testing" }],
        };
        db.CatalogueServices.Add(service);
        var org = new Organisation { Id = Guid.NewGuid(), Slug = "figures-scan-" + Guid.NewGuid().ToString("N")[..6], Name = "Centro clinic", Type = OrganisationType.Company, Country = "PT", CreatedAt = now };
        db.Organisations.Add(org);
        db.NetworkCustomers.Add(new NetworkCustomer { OrganisationId = org.Id, Type = CustomerType.Sme, Size = CompanySize.Small, Sector = "health", Country = "PT", RegionCode = "PT19", RegisteredAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        var request = new ServiceRequest
        {
            CustomerId = org.Id, HubId = imin, FirstHubId = centro, ServiceId = service.Id, Title = "AI testing", Description = "Testing our triage model.",
            Category = ServiceCategory.TestBeforeInvest, Technology = "ai", Sector = "health", RegionCode = "PT19", State = ServiceRequestState.Delivered,
            SubmittedAt = now.AddDays(-3), AnswerDueAt = now.AddDays(4), FirstAnsweredAt = now.AddDays(-3).AddHours(6),
        };
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
        db.ServiceReferrals.Add(new ServiceReferral { RequestId = request.Id, FromHubId = centro, ToHubId = imin, Note = "They test AI.", SentAt = now.AddDays(-3).AddHours(6), Accepted = true, AnsweredAt = now.AddDays(-2) });
        db.ServiceDeliveries.Add(new ServiceDelivery
        {
            RequestId = request.Id, HubId = imin, ServiceId = service.Id, Status = DeliveryStatus.Completed, StartedOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
            CompletedOn = DateOnly.FromDateTime(now.UtcDateTime), Outcome = "Tested.", FeedbackRating = 5, FeedbackAt = now, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
