using Agora.Web.Platform.Http;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>
/// An event as its organisers write it. Times are in the hub's time zone (wall-clock values); an all-day event gives
/// its first and last day (<see cref="StartsAt"/>, <see cref="EndsAt"/> at any time of those days).
/// </summary>
public sealed record EventInput(
    EventFormat? Format, string? Title, string? Summary, string? Description, DateTime? StartsAt, DateTime? EndsAt, bool AllDay,
    EventMode? Mode, string? Address, string? Room, string? Accessibility, string? OnlineLink, string? Languages, EventAudience? Audience,
    bool RequiresApproval = false, DateTime? RegistrationDeadline = null, DateTime? CancellationCutoff = null, int? OfferHours = null);

/// <summary>Creating and changing events: hub managers create them; managers and the event's organisers change them.</summary>
public sealed class EventEditing(AgoraDbContext db, EventAccess access, Viewers viewers, CurrentUser current, Validator v, AuditLog audit,
    TimeProvider clock, EventNotices notices)
{
    public static readonly string[] LanguageChoices = ["en", "pt-PT", "nb-NO"];

    /// <summary>CreateEvent: a hub manager adds a draft event to the hub.</summary>
    public async Task<Result<int>> CreateAsync(string hubSlug, EventInput input, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hubId) return Result<int>.NotFound();
        var viewer = await viewers.ForHubAsync(hubId, ct);
        if (!viewer.May(EventOperations.Create) || viewer.IsBlocked) return Result<int>.Forbidden();
        var zone = await db.HubTimeZoneAsync(hubId, ct);
        var now = clock.GetUtcNow();
        var ev = new Event { HubId = hubId, State = EventState.Draft, CreatedById = current.RequiredId, CreatedAt = now, UpdatedAt = now };
        if (!Apply(ev, input, zone)) return Result<int>.Invalid(v.Errors);
        var id = await db.InTransactionAsync(async token =>
        {
            db.Events.Add(ev);
            await db.SaveChangesAsync(token);
            audit.Add(AuditActions.EventCreated, hubId, Subject(ev), ev.Format.ToString());
            await db.SaveChangesAsync(token);
            return ev.Id;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>An organiser changes the event; people registered are told when it is published, and calendars see a higher SEQUENCE.</summary>
    public async Task<Result<int>> UpdateAsync(string hubSlug, int id, EventInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<int>();
        if (scope.Event.State == EventState.Cancelled) return Result<int>.Conflict("", v.Message("Events.IsCancelled"));
        var zone = await db.HubTimeZoneAsync(scope.Event.HubId, ct);
        var changed = scope.Event;
        if (!Apply(changed, input, zone)) return Result<int>.Invalid(v.Errors);
        await db.InTransactionAsync(async token =>
        {
            var ev = await db.Events.SingleAsync(e => e.Id == id, token);
            Apply(ev, input, zone);
            ev.Sequence++;
            ev.UpdatedAt = clock.GetUtcNow();
            audit.Add(AuditActions.EventChanged, ev.HubId, Subject(ev));
            if (ev.State == EventState.Published) await notices.TellRegisteredAsync(ev, hubSlug, "Changed", token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Publishes a draft: its audience can see it and register.</summary>
    public async Task<Result<int>> PublishAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<int>();
        if (scope.Event.State != EventState.Draft) return Result<int>.Conflict("", v.Message("Events.NotDraft"));
        var now = clock.GetUtcNow();
        var rows = await db.InTransactionAsync(async token =>
        {
            var n = await db.Events.Where(e => e.Id == id && e.State == EventState.Draft).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EventState.Published).SetProperty(e => e.Sequence, e => e.Sequence + 1).SetProperty(e => e.UpdatedAt, now), token);
            if (n == 1)
            {
                audit.Add(AuditActions.EventPublished, scope.Event.HubId, Subject(scope.Event));
                await db.SaveChangesAsync(token);
            }
            return n;
        }, ct);
        return rows == 1 ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Events.NotDraft"));
    }

    /// <summary>Cancels the event: calendars get STATUS:CANCELLED, people registered or waiting are told.</summary>
    public async Task<Result<int>> CancelAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<int>();
        if (scope.Event.State == EventState.Cancelled) return Result<int>.Conflict("", v.Message("Events.IsCancelled"));
        var now = clock.GetUtcNow();
        var rows = await db.InTransactionAsync(async token =>
        {
            var n = await db.Events.Where(e => e.Id == id && e.State != EventState.Cancelled).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EventState.Cancelled).SetProperty(e => e.Sequence, e => e.Sequence + 1).SetProperty(e => e.UpdatedAt, now), token);
            if (n == 1)
            {
                audit.Add(AuditActions.EventCancelled, scope.Event.HubId, Subject(scope.Event));
                if (scope.Event.State == EventState.Published) await notices.TellRegisteredAsync(scope.Event, hubSlug, "Cancelled", token, waitingToo: true);
                await db.SaveChangesAsync(token);
            }
            return n;
        }, ct);
        return rows == 1 ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Events.IsCancelled"));
    }

    public static string Subject(Event ev) => $"#{ev.Id} {ev.Title}";

    /// <summary>Validates the input and writes it onto the event; false with the field errors in the validator.</summary>
    private bool Apply(Event ev, EventInput input, TimeZoneInfo zone)
    {
        if (input.Format is not { } format || !Enum.IsDefined(format)) v.Add("format", "Validation.Required");
        var title = v.Text("title", input.Title, EventLimits.Title);
        var summary = v.Text("summary", input.Summary, EventLimits.Summary, required: false);
        var description = v.Text("description", input.Description, EventLimits.Description, required: false, multiline: true);
        if (input.Mode is not { } mode || !Enum.IsDefined(mode)) { v.Add("mode", "Validation.Required"); mode = EventMode.OnSite; }
        if (input.Audience is not { } audience || !Enum.IsDefined(audience)) { v.Add("audience", "Validation.Required"); audience = EventAudience.HubMembers; }
        var address = v.Text("address", input.Address, EventLimits.Address, required: false);
        var room = v.Text("room", input.Room, EventLimits.Room, required: false);
        var accessibility = v.Text("accessibility", input.Accessibility, EventLimits.Accessibility, required: false, multiline: true);
        var link = v.Url("onlineLink", input.OnlineLink);
        if (mode != EventMode.Online && address.Length == 0) v.Add("address", "Events.AddressNeeded");
        if (mode != EventMode.OnSite && link is null) v.Add("onlineLink", "Events.LinkNeeded");
        var languages = (input.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (languages.Count == 0) languages = ["en"];
        if (languages.Any(l => !LanguageChoices.Contains(l))) v.Add("languages", "Validation.Invalid");
        DateTimeOffset starts = default, ends = default;
        if (input.StartsAt is not { } s) v.Add("startsAt", "Validation.Required");
        if (input.EndsAt is not { } e) v.Add("endsAt", "Validation.Required");
        if (input.StartsAt is { } start && input.EndsAt is { } end)
        {
            if (input.AllDay) { start = start.Date; end = end.Date.AddDays(1); }
            if (ZonedTime.ToUtc(start, zone) is not { } a) v.Add("startsAt", "Events.NoSuchTime");
            else if (ZonedTime.ToUtc(end, zone) is not { } b) v.Add("endsAt", "Events.NoSuchTime");
            else if (b <= a) v.Add("endsAt", "Events.EndsBeforeStart");
            else { starts = a; ends = b; }
        }
        DateTimeOffset? deadline = null, cutoff = null;
        if (input.RegistrationDeadline is { } rd && (deadline = ZonedTime.ToUtc(rd, zone)) is null) v.Add("registrationDeadline", "Events.NoSuchTime");
        if (input.CancellationCutoff is { } cc && (cutoff = ZonedTime.ToUtc(cc, zone)) is null) v.Add("cancellationCutoff", "Events.NoSuchTime");
        var offerHours = input.OfferHours ?? 48;
        if (offerHours is < 1 or > 24 * 14) v.Add("offerHours", "Validation.Range", 1, 24 * 14);
        if (!v.IsValid) return false;
        ev.Format = input.Format!.Value;
        ev.Title = title;
        ev.Summary = summary;
        ev.Description = description;
        ev.StartsAt = starts;
        ev.EndsAt = ends;
        ev.AllDay = input.AllDay;
        ev.Mode = mode;
        ev.Address = mode == EventMode.Online ? null : address;
        ev.Room = mode == EventMode.Online || room.Length == 0 ? null : room;
        ev.Accessibility = accessibility.Length == 0 ? null : accessibility;
        ev.OnlineLink = mode == EventMode.OnSite ? null : link;
        ev.Languages = string.Join(',', languages);
        ev.Audience = audience;
        ev.RequiresApproval = input.RequiresApproval;
        ev.RegistrationDeadline = deadline;
        ev.CancellationCutoff = cutoff;
        ev.OfferHours = offerHours;
        return true;
    }
}
