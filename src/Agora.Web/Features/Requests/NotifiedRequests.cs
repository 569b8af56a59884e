using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;

namespace Agora.Web.Features.Requests;

/// <summary>Tells Notifications the title of the requests its sentences name.</summary>
public sealed class NotifiedRequests(AgoraDbContext db) : INotifiedRequests
{
    public IQueryable<NotifiedRequest> All => db.Requests.Select(r => new NotifiedRequest { Id = r.Id, Title = r.Title });
}
