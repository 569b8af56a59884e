namespace Agora.Web.Features.Events;

/// <summary>An entry another area adds to a person's calendar feed: absolute URL, stable UID (with the host), UTC times.</summary>
public sealed record CalendarEntry(string Uid, string Summary, string? Description, string? Location, string Url, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, DateTimeOffset Stamp);

/// <summary>
/// A port Events declares so that a person's secret calendar feed can carry what other areas schedule for them (the
/// meetings of a matchmaking session) without Events naming those areas; each answerer decides what the person may see.
/// </summary>
public interface IPersonalCalendarEntries
{
    Task<IReadOnlyList<CalendarEntry>> ForAsync(Guid userId, DateTimeOffset since, CancellationToken ct);
}
