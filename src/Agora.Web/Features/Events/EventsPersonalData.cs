using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>
/// What events hold about a person: their registrations (ticket, state, answers, check-in code, attendance), the events
/// they organise, the materials they uploaded (the files' uploader is Platform/Files' to erase: the files stay with the
/// event, without their uploader) and whether they have a calendar feed (never the token). On erasure their registrations for events to
/// come go (their seats are freed), those of past events stay without their answers so attendance still counts, their
/// organiser rights and feed go; events they created stay, shown as by "a former member".
/// </summary>
public sealed class EventsPersonalData(AgoraDbContext db, TimeProvider clock) : IPersonalData
{
    public string Section => "events";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // CreatedById: kept as an anonymised reference.
        typeof(Event),
        // UserId: their organiser rights (exported, deleted).
        typeof(EventOrganiser),
        // UserId: their registrations (exported; deleted for events to come, kept without answers for past ones).
        typeof(Registration),
        // UserId: their feed (exported as its date only, deleted).
        typeof(CalendarFeed),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id)
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new
            {
                r.EventId, Event = e.Title, e.StartsAt, Ticket = db.TicketTypes.Where(t => t.Id == r.TicketTypeId).Select(t => t.Name).Single(),
                r.State, r.AnswersJson, r.CheckInCode, r.AttendedAt, r.CreatedAt, r.UpdatedAt,
            }).ToListAsync(ct);
        var organises = await db.EventOrganisers.AsNoTracking().Where(o => o.UserId == userId)
            .Join(db.Events, o => o.EventId, e => e.Id, (o, e) => new { e.Id, e.Title }).ToListAsync(ct);
        var created = await db.Events.AsNoTracking().Where(e => e.CreatedById == userId).Select(e => new { e.Id, e.Title, e.CreatedAt }).ToListAsync(ct);
        var materials = await (from m in db.EventMaterials.AsNoTracking()
                               join f in db.Files on m.FileId equals (Guid?)f.Id
                               join e in db.Events on m.EventId equals e.Id
                               where f.UploadedById == userId
                               orderby m.Id
                               select new { m.EventId, Event = e.Title, m.Title, f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToListAsync(ct);
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(ct);
        if (registrations.Count == 0 && organises.Count == 0 && created.Count == 0 && materials.Count == 0 && feed is null) return null;
        return new { registrations, organises, created, materials, calendarFeedCreatedAt = feed };
    }

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        var now = clock.GetUtcNow();
        var coming = db.Registrations.Where(r => r.UserId == id && db.Events.Any(e => e.Id == r.EventId && e.EndsAt > now));
        // Seats they held for events to come are freed (not offered on: the erasure is not the place to notify others).
        var seats = await coming.Where(r => r.State == RegistrationState.Pending || r.State == RegistrationState.Confirmed || r.State == RegistrationState.Offered)
            .Select(r => r.TicketTypeId).ToListAsync(ct);
        foreach (var ticket in seats)
            await db.TicketTypes.Where(t => t.Id == ticket && t.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken - 1), ct);
        await coming.ExecuteDeleteAsync(ct);
        await db.Registrations.Where(r => r.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, "{}"), ct);
        await db.EventOrganisers.Where(o => o.UserId == id).ExecuteDeleteAsync(ct);
        await db.CalendarFeeds.Where(f => f.UserId == id).ExecuteDeleteAsync(ct);
    }
}
