using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;

namespace Agora.Web.Features.Ideas;

/// <summary>Tells Notifications the title and authorship of the ideas its sentences name.</summary>
public sealed class NotifiedIdeas(AgoraDbContext db) : INotifiedIdeas
{
    public IQueryable<NotifiedIdea> All =>
        db.Ideas.Select(i => new NotifiedIdea { Id = i.Id, Title = i.Title, Anonymous = (bool?)i.Anonymous, AuthorId = (Guid?)i.AuthorId });
}
