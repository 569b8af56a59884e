using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// What the hub network holds about a person: their seats at hubs' front desks, the service requests they sent for a
/// customer, the steps they took on requests, referrals and deliveries, the feedback they gave, and the catalogue
/// versions they saved. Requests, referrals and deliveries belong to the customer organisation and the hubs (EDIH
/// reporting), so erasure keeps them and removes the person's name from them; their front-desk seats go.
/// </summary>
public sealed class NetworkPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "network";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // UserId: their front-desk seats (exported; deleted). ProposedById: cleared.
        typeof(FrontDeskContact),
        // RegisteredById: the customers they registered (exported; reference cleared).
        typeof(NetworkCustomer),
        // RequesterId: the requests they sent (exported; reference cleared, with DeleteContributions their texts too).
        typeof(ServiceRequest),
        // ActorId: the steps they took (counted; reference cleared).
        typeof(ServiceRequestStep),
        // SentById, AnsweredById: referrals they sent or answered (counted; references cleared).
        typeof(ServiceReferral),
        // RecordedById: deliveries they recorded (counted); FeedbackById: feedback they gave (exported; references cleared).
        typeof(ServiceDelivery),
        // ChangedById: catalogue versions they saved (counted; reference cleared).
        typeof(CatalogueServiceVersion),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var frontDesk = await db.FrontDeskContacts.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.ProposedAt)
            .Select(c => new { c.HubId, c.Role, c.Languages, c.Hours, Visibility = c.Visibility.ToString(), c.ProposedAt, c.ConfirmedAt })
            .ToListAsync(ct);
        var customersRegistered = await db.NetworkCustomers.AsNoTracking().Where(c => c.RegisteredById == userId)
            .Select(c => new { c.OrganisationId, c.RegisteredAt }).ToListAsync(ct);
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => r.RequesterId == userId).OrderBy(r => r.SubmittedAt)
            .Select(r => new { r.Id, r.CustomerId, r.ServiceId, r.Title, r.Description, State = r.State.ToString(), r.SubmittedAt, r.ClosedAt })
            .ToListAsync(ct);
        var feedback = await db.ServiceDeliveries.AsNoTracking().Where(d => d.FeedbackById == userId)
            .Select(d => new { d.RequestId, d.FeedbackRating, d.FeedbackComment, d.FeedbackAt }).ToListAsync(ct);
        var stepsTaken = await db.ServiceRequestSteps.CountAsync(s => s.ActorId == userId, ct);
        var referralsSent = await db.ServiceReferrals.CountAsync(r => r.SentById == userId, ct);
        var referralsAnswered = await db.ServiceReferrals.CountAsync(r => r.AnsweredById == userId, ct);
        var deliveriesRecorded = await db.ServiceDeliveries.CountAsync(d => d.RecordedById == userId, ct);
        var catalogueVersions = await db.CatalogueServiceVersions.CountAsync(v => v.ChangedById == userId, ct);
        return new
        {
            frontDesk, customersRegistered, requests, feedback,
            stepsTaken, referralsSent, referralsAnswered, deliveriesRecorded, catalogueVersions,
        };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        await db.FrontDeskContacts.Where(c => c.UserId == person).ExecuteDeleteAsync(ct);
        await db.FrontDeskContacts.Where(c => c.ProposedById == person).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposedById, (Guid?)null), ct);
        await db.NetworkCustomers.Where(c => c.RegisteredById == person).ExecuteUpdateAsync(s => s.SetProperty(c => c.RegisteredById, (Guid?)null), ct);
        if (e.DeleteContributions)
            await db.ServiceRequests.Where(r => r.RequesterId == person)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Description, ""), ct);
        await db.ServiceRequests.Where(r => r.RequesterId == person).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, (Guid?)null), ct);
        await db.ServiceRequestSteps.Where(x => x.ActorId == person).ExecuteUpdateAsync(s => s.SetProperty(x => x.ActorId, (Guid?)null), ct);
        await db.ServiceReferrals.Where(r => r.SentById == person).ExecuteUpdateAsync(s => s.SetProperty(r => r.SentById, (Guid?)null), ct);
        await db.ServiceReferrals.Where(r => r.AnsweredById == person).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnsweredById, (Guid?)null), ct);
        await db.ServiceDeliveries.Where(d => d.RecordedById == person).ExecuteUpdateAsync(s => s.SetProperty(d => d.RecordedById, (Guid?)null), ct);
        if (e.DeleteContributions)
            await db.ServiceDeliveries.Where(d => d.FeedbackById == person)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.FeedbackComment, (string?)null), ct);
        await db.ServiceDeliveries.Where(d => d.FeedbackById == person).ExecuteUpdateAsync(s => s.SetProperty(d => d.FeedbackById, (Guid?)null), ct);
        await db.CatalogueServiceVersions.Where(v => v.ChangedById == person).ExecuteUpdateAsync(s => s.SetProperty(v => v.ChangedById, (Guid?)null), ct);
    }
}
