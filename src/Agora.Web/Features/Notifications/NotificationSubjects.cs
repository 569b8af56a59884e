namespace Agora.Web.Features.Notifications;

/// <summary>
/// What a notification's sentence needs of an idea; Ideas tells it (<see cref="INotifiedIdeas"/>). Nullable because
/// notifications read it through a left join, where a notification about no idea finds nulls.
/// </summary>
public sealed class NotifiedIdea
{
    public int Id { get; init; }
    public string? Title { get; init; }
    public bool? Anonymous { get; init; }
    public Guid? AuthorId { get; init; }
}

/// <summary>What a notification's sentence needs of a request; Requests tells it (<see cref="INotifiedRequests"/>). Nullable as <see cref="NotifiedIdea"/>.</summary>
public sealed class NotifiedRequest
{
    public int Id { get; init; }
    public string? Title { get; init; }
}

/// <summary>
/// Ideas as notifications name them, implemented by Ideas so that Notifications does not read Ideas' tables. A query,
/// not a list, so the notification list still reads everything in one round trip.
/// </summary>
public interface INotifiedIdeas
{
    IQueryable<NotifiedIdea> All { get; }
}

/// <summary>Requests as notifications name them, implemented by Requests (see <see cref="INotifiedIdeas"/>).</summary>
public interface INotifiedRequests
{
    IQueryable<NotifiedRequest> All { get; }
}
