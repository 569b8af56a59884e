using Agora.Web.Platform.Http;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

public sealed record TicketInput(string? Name, int? Capacity);

public sealed record QuestionInput(string? Text, bool Required);

public sealed record SessionInput(string? Title, DateTime? StartsAt, DateTime? EndsAt, string? Speaker, string? Room);

public sealed record OrganiserInput(string? Email);

public sealed record OutcomesInput(string? CampaignSlug, int? TeamsFormed, string? Report, int? ParticipantsEmployees, int? ParticipantsCitizens,
    int? ParticipantsCompanies, int? ParticipantsResearchers);

public sealed record MaterialInput(string? Title, string? Url);

/// <summary>
/// What organisers set up around an event: ticket types (raising a capacity offers the new seats to people waiting at
/// once), registration questions, the agenda, the organisers themselves (picked by a hub manager among the hub's
/// members), and the outcomes once it took place. Every change is audited.
/// </summary>
public sealed class Organising(AgoraDbContext db, EventAccess access, Registrations registrations, Validator v, AuditLog audit, TimeProvider clock)
{
    private async Task<(EventAccess.Standing? Scope, Result<T>? Refusal)> OrganiserAsync<T>(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return (null, Result<T>.NotFound());
        return scope.CanOrganise ? (scope, null) : (null, scope.Refuse<T>());
    }

    /// <summary>Adds a ticket type (<paramref name="ticketId"/> null) or changes one; a capacity may not go below the seats taken.</summary>
    public async Task<Result<int>> SaveTicketAsync(string hubSlug, int id, int? ticketId, TicketInput input, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var name = v.Text("name", input.Name, EventLimits.Name);
        if (input.Capacity is not { } capacity) { v.Add("capacity", "Validation.Required"); capacity = 0; }
        else if (capacity is < 1 or > EventLimits.MaxCapacity) v.Add("capacity", "Validation.Range", 1, EventLimits.MaxCapacity);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (ticketId is null)
        {
            var ticket = new TicketType { EventId = id, Name = name, Capacity = capacity, Position = await db.TicketTypes.CountAsync(t => t.EventId == id, ct) };
            db.TicketTypes.Add(ticket);
            audit.Add(AuditActions.EventTicketsChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"+ {name} ({capacity})");
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(ticket.Id);
        }
        var tid = ticketId.Value;
        if (!await db.TicketTypes.AnyAsync(t => t.Id == tid && t.EventId == id, ct)) return Result<int>.NotFound();
        var changed = await db.InTransactionAsync(async token =>
        {
            // Guarded: a capacity below the seats already taken is refused, even if seats were taken meanwhile.
            var rows = await db.TicketTypes.Where(t => t.Id == tid && t.Taken <= capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name).SetProperty(t => t.Capacity, capacity), token);
            if (rows == 0) return false;
            await registrations.FillFreeSeatsAsync(scope.Event, hubSlug, tid, token);
            audit.Add(AuditActions.EventTicketsChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"{tid}: {name} ({capacity})");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(tid) : Result<int>.Invalid("capacity", v.Message("Events.CapacityBelowTaken"));
    }

    public async Task<Result<int>> RemoveTicketAsync(string hubSlug, int id, int ticketId, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        if (await db.Registrations.AnyAsync(r => r.TicketTypeId == ticketId, ct)) return Result<int>.Conflict("", v.Message("Events.TicketInUse"));
        var rows = await db.TicketTypes.Where(t => t.Id == ticketId && t.EventId == id).ExecuteDeleteAsync(ct);
        if (rows == 0) return Result<int>.NotFound();
        audit.Add(AuditActions.EventTicketsChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"- {ticketId}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(ticketId);
    }

    public async Task<Result<int>> AddQuestionAsync(string hubSlug, int id, QuestionInput input, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var text = v.Text("text", input.Text, EventLimits.Summary);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var q = new RegistrationQuestion { EventId = id, Text = text, Required = input.Required, Position = await db.RegistrationQuestions.CountAsync(x => x.EventId == id, ct) };
        db.RegistrationQuestions.Add(q);
        audit.Add(AuditActions.EventTicketsChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"? {text}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(q.Id);
    }

    public async Task<Result<int>> RemoveQuestionAsync(string hubSlug, int id, int questionId, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var rows = await db.RegistrationQuestions.Where(q => q.Id == questionId && q.EventId == id).ExecuteDeleteAsync(ct);
        if (rows == 0) return Result<int>.NotFound();
        audit.Add(AuditActions.EventTicketsChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"- ? {questionId}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(questionId);
    }

    /// <summary>Adds a session to the agenda; its times are in the hub's time zone.</summary>
    public async Task<Result<int>> AddSessionAsync(string hubSlug, int id, SessionInput input, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var zone = await db.HubTimeZoneAsync(scope.Event.HubId, ct);
        var title = v.Text("title", input.Title, EventLimits.Title);
        var speaker = v.Text("speaker", input.Speaker, EventLimits.Name, required: false);
        var room = v.Text("room", input.Room, EventLimits.Room, required: false);
        DateTimeOffset? starts = null, ends = null;
        if (input.StartsAt is not { } s) v.Add("startsAt", "Validation.Required");
        else if ((starts = ZonedTime.ToUtc(s, zone)) is null) v.Add("startsAt", "Events.NoSuchTime");
        if (input.EndsAt is not { } e) v.Add("endsAt", "Validation.Required");
        else if ((ends = ZonedTime.ToUtc(e, zone)) is null) v.Add("endsAt", "Events.NoSuchTime");
        if (starts is { } a && ends is { } b && b <= a) v.Add("endsAt", "Events.EndsBeforeStart");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var session = new EventSession { EventId = id, Title = title, StartsAt = starts!.Value, EndsAt = ends!.Value, Speaker = speaker.Length == 0 ? null : speaker, Room = room.Length == 0 ? null : room };
        db.EventSessions.Add(session);
        audit.Add(AuditActions.EventAgendaChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"+ {title}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(session.Id);
    }

    public async Task<Result<int>> RemoveSessionAsync(string hubSlug, int id, int sessionId, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var rows = await db.EventSessions.Where(x => x.Id == sessionId && x.EventId == id).ExecuteDeleteAsync(ct);
        if (rows == 0) return Result<int>.NotFound();
        audit.Add(AuditActions.EventAgendaChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"- {sessionId}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(sessionId);
    }

    /// <summary>A hub manager makes a member of the hub (by email) an organiser of the event.</summary>
    public async Task<Result<Guid>> AddOrganiserAsync(string hubSlug, int id, OrganiserInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.CanPickOrganisers) return scope.Refuse<Guid>();
        var email = v.Email("email", input.Email);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized && db.HubMemberships.Any(m => m.HubId == scope.Event.HubId && m.UserId == u.Id))
            .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        if (user is not { } uid) return Result<Guid>.Invalid("email", v.Message("Events.NotAMember"));
        if (!await db.TryInsertAsync(new EventOrganiser { EventId = id, UserId = uid }, ct)) return Result<Guid>.Ok(uid);
        audit.Add(AuditActions.EventOrganisersChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"+ {email}");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(uid);
    }

    public async Task<Result<Guid>> RemoveOrganiserAsync(string hubSlug, int id, Guid userId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.CanPickOrganisers) return scope.Refuse<Guid>();
        var rows = await db.EventOrganisers.Where(o => o.EventId == id && o.UserId == userId).ExecuteDeleteAsync(ct);
        if (rows == 0) return Result<Guid>.NotFound();
        audit.Add(AuditActions.EventOrganisersChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"- {userId}");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(userId);
    }

    /// <summary>Records what came of the event: the idea campaign it opened (one of the hub's), teams formed, a report, participants by kind.</summary>
    public async Task<Result<int>> SaveOutcomesAsync(string hubSlug, int id, OutcomesInput input, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        Guid? campaign = null;
        if (!string.IsNullOrWhiteSpace(input.CampaignSlug))
        {
            campaign = await db.Campaigns.Where(c => c.HubId == scope.Event.HubId && c.Slug == input.CampaignSlug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (campaign is null) v.Add("campaignSlug", "Validation.Invalid");
        }
        var report = v.Text("report", input.Report, EventLimits.Report, required: false, multiline: true);
        int? Count(string field, int? value)
        {
            if (value is < 0 or > 1_000_000) v.Add(field, "Validation.Range", 0, 1_000_000);
            return value;
        }
        var teams = Count("teamsFormed", input.TeamsFormed);
        var employees = Count("participantsEmployees", input.ParticipantsEmployees);
        var citizens = Count("participantsCitizens", input.ParticipantsCitizens);
        var companies = Count("participantsCompanies", input.ParticipantsCompanies);
        var researchers = Count("participantsResearchers", input.ParticipantsResearchers);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CampaignId, campaign).SetProperty(e => e.TeamsFormed, teams)
            .SetProperty(e => e.Report, report.Length == 0 ? null : report).SetProperty(e => e.ParticipantsEmployees, employees)
            .SetProperty(e => e.ParticipantsCitizens, citizens).SetProperty(e => e.ParticipantsCompanies, companies)
            .SetProperty(e => e.ParticipantsResearchers, researchers).SetProperty(e => e.UpdatedAt, clock.GetUtcNow()), ct);
        audit.Add(AuditActions.EventOutcomesChanged, scope.Event.HubId, EventEditing.Subject(scope.Event));
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Adds a link as a material of the event.</summary>
    public async Task<Result<int>> AddMaterialAsync(string hubSlug, int id, MaterialInput input, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var title = v.Text("title", input.Title, EventLimits.Title);
        var url = v.Url("url", input.Url);
        if (url is null) v.Add("url", "Validation.Required");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await AddMaterialAsync(scope, new EventMaterial { EventId = id, Title = title, Url = url! }, null, url!, ct);
    }

    /// <summary>
    /// Uploads a file as a material (slides, PDFs, images, office documents), its type recognised from its content and at
    /// most <see cref="Uploads.MaxBytes"/>; without a title the file's name is its title.
    /// </summary>
    public async Task<Result<int>> AddMaterialFileAsync(string hubSlug, int id, string? title, UploadInput? upload, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var given = v.Text("title", title, EventLimits.Title, required: false);
        if (upload is null || upload.Size == 0) v.Add("file", "Validation.Required");
        else if (upload.Size > Uploads.MaxBytes) v.Add("file", "Ideas.AttachmentTooLarge", Uploads.MaxBytes / 1024 / 1024);
        var type = upload is { Size: > 0 and <= Uploads.MaxBytes } ? AttachmentTypes.Detect(upload.Content) : null;
        if (upload is { Size: > 0 and <= Uploads.MaxBytes } && type is null) v.Add("file", "Ideas.AttachmentType");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var name = AttachmentTypes.SafeFileName(upload!.FileName, type!);
        var now = clock.GetUtcNow();
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = name, ContentType = type!.ContentType, Size = upload.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedById = scope.UserId, UploadedAt = now,
        };
        var material = new EventMaterial { EventId = id, Title = given.Length == 0 ? name : given, FileId = file.Id };
        return await AddMaterialAsync(scope, material, file, name, ct);
    }

    private Task<Result<int>> AddMaterialAsync(EventAccess.Standing scope, EventMaterial material, StoredFile? file, string what, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            if (await db.EventMaterials.CountAsync(m => m.EventId == material.EventId, ct) >= EventLimits.MaxMaterials)
                return (false, Result<int>.Invalid(file is null ? "url" : "file", v.Message("Events.TooManyMaterials", EventLimits.MaxMaterials)));
            if (file is not null) db.Files.Add(file);
            material.AddedAt = clock.GetUtcNow();
            db.EventMaterials.Add(material);
            audit.Add(AuditActions.EventOutcomesChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"+ {what}");
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(material.Id));
        }, ct);

    /// <summary>Removes a material; an uploaded file goes with it.</summary>
    public async Task<Result<int>> RemoveMaterialAsync(string hubSlug, int id, int materialId, CancellationToken ct)
    {
        var (scope, refusal) = await OrganiserAsync<int>(hubSlug, id, ct);
        if (scope is null) return refusal!;
        var material = await db.EventMaterials.AsNoTracking().Where(m => m.Id == materialId && m.EventId == id)
            .Select(m => new { m.Title, m.FileId }).SingleOrDefaultAsync(ct);
        if (material is null) return Result<int>.NotFound();
        await db.InTransactionAsync(async token =>
        {
            await db.EventMaterials.Where(m => m.Id == materialId).ExecuteDeleteAsync(token);
            if (material.FileId is { } fileId) await db.Files.Where(f => f.Id == fileId).ExecuteDeleteAsync(token);
            audit.Add(AuditActions.EventOutcomesChanged, scope.Event.HubId, EventEditing.Subject(scope.Event), $"- {materialId} ({material.Title})");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(materialId);
    }

    /// <summary>A file material of the event for those who may see the event (<see cref="EventAccess.Standing.SeesMaterials"/>); null otherwise and for links.</summary>
    public async Task<MaterialDownload?> DownloadMaterialAsync(string hubSlug, int id, int materialId, CancellationToken ct)
    {
        if (await access.LoadAsync(hubSlug, id, ct) is not { SeesMaterials: true }) return null;
        return await (from m in db.EventMaterials.AsNoTracking()
                      join f in db.Files on m.FileId equals (Guid?)f.Id
                      where m.Id == materialId && m.EventId == id
                      select new MaterialDownload(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>A file material as it is downloaded.</summary>
public sealed record MaterialDownload(string FileName, string ContentType, byte[] Content);
