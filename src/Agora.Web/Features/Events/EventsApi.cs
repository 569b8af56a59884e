using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

/// <summary>/api/v1/hubs/{slug}/events: the same rules as the pages; and the calendar files (/calendar/{token}.ics and friends).</summary>
public static class EventsApi
{
    public sealed record EventLink(int Id, string Page);
    public sealed record RegistrationAnswer(RegistrationState State);
    public sealed record ItemRef(int Id);
    public sealed record PersonRef(Guid UserId);
    public sealed record CheckInBody(string? Code, int? RegistrationId, bool? Attended);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Events");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;
        const string eventPath = "/events/{id:int}";

        hub.MapGet("/events", List).WithName("ListEvents").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's events you may see, soonest first (20 a page)")
            .WithDescription("Filters: format (Workshop, ShareCon, Hackathon, Hackaccelerator, RoundTable, CrossLearning, BusinessScreen, Matchmaking, Webinar, Other), "
                + "from and to (yyyy-MM-dd, in the hub's time zone), when (upcoming, past, cancelled), page.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/events", Create).WithName("CreateEvent").RequireScope(write)
            .WithSummary("Create a draft event (hub managers). Times are wall-clock times in the hub's time zone.")
            .WithDescription("Body: {\"format\", \"title\", \"summary\", \"description\", \"startsAt\", \"endsAt\" (yyyy-MM-ddTHH:mm), \"allDay\" (then the first and last day), "
                + "\"mode\": OnSite | Online | Hybrid, \"address\", \"room\", \"accessibility\", \"onlineLink\", \"languages\" (comma-separated: en, pt-PT, nb-NO), "
                + "\"audience\": HubMembers | SignedIn | Public, \"requiresApproval\", \"registrationDeadline\", \"cancellationCutoff\", \"offerHours\" (default 48)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet(eventPath, Get).WithName("GetEvent").AllowAnonymous().RequireScope(read)
            .WithSummary("One event: details, agenda, ticket types with seats taken and waiting, your registration (the online link only once you are confirmed)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut(eventPath, Update).WithName("ChangeEvent").RequireScope(write)
            .WithSummary("Change an event (hub managers and its organisers; same body as creating). People registered are told; calendars see a higher SEQUENCE.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/publish", Publish).WithName("PublishEvent").RequireScope(write)
            .WithSummary("Publish a draft event (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/cancel", Cancel).WithName("CancelEvent").RequireScope(write)
            .WithSummary("Cancel an event (organisers); people registered and waiting are told")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        hub.MapPost(eventPath + "/registration", Register).WithName("RegisterForEvent").RequireScope(write)
            .WithSummary("Register: {\"ticketTypeId\", \"answers\": {question id: text}}. A free seat gives Confirmed (Pending when the event needs approval); a full ticket type puts you on its waiting list (Waiting).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapDelete(eventPath + "/registration", CancelRegistration).WithName("CancelEventRegistration").RequireScope(write)
            .WithSummary("Cancel your registration, leave the waiting list or decline an offered seat (until the cut-off); a seat you held goes to the next person waiting")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/registration/confirm", ConfirmOffer).WithName("ConfirmEventSeatOffer").RequireScope(write)
            .WithSummary("Take the seat you were offered from the waiting list, before the offer lapses")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet(eventPath + "/registrations", Registrations).WithName("ListEventRegistrations").RequireScope(read)
            .WithSummary("Everyone registered or waiting, in order, with their answers and attendance (organisers)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost(eventPath + "/registrations/{registrationId:int}/approve", Approve).WithName("ApproveEventRegistration").RequireScope(write)
            .WithSummary("Approve a pending registration (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/registrations/{registrationId:int}/decline", Decline).WithName("DeclineEventRegistration").RequireScope(write)
            .WithSummary("Decline a registration (organisers); a seat it held goes to the next person waiting")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/registrations/{registrationId:int}/promote", Promote).WithName("PromoteFromWaitingList").RequireScope(write)
            .WithSummary("Give a person on the waiting list a seat at once (organisers); a full ticket type grows by one")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/check-in", CheckIn).WithName("CheckInAtEvent").RequireScope(write)
            .WithSummary("Mark a confirmed person present (organisers): {\"code\"} (their check-in code) or {\"registrationId\", \"attended\": true|false}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        hub.MapPost(eventPath + "/tickets", AddTicket).WithName("AddTicketType").RequireScope(write)
            .WithSummary("Add a ticket type (organisers): {\"name\", \"capacity\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut(eventPath + "/tickets/{ticketId:int}", ChangeTicket).WithName("ChangeTicketType").RequireScope(write)
            .WithSummary("Rename a ticket type or change its capacity (organisers); raised seats are offered to the people waiting at once")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete(eventPath + "/tickets/{ticketId:int}", RemoveTicket).WithName("RemoveTicketType").RequireScope(write)
            .WithSummary("Remove a ticket type nobody registered for (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost(eventPath + "/questions", AddQuestion).WithName("AddRegistrationQuestion").RequireScope(write)
            .WithSummary("Add a registration question (organisers): {\"text\", \"required\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete(eventPath + "/questions/{questionId:int}", RemoveQuestion).WithName("RemoveRegistrationQuestion").RequireScope(write)
            .WithSummary("Remove a registration question (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost(eventPath + "/sessions", AddSession).WithName("AddAgendaSession").RequireScope(write)
            .WithSummary("Add a session to the agenda (organisers): {\"title\", \"startsAt\", \"endsAt\" (hub's time zone), \"speaker\", \"room\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete(eventPath + "/sessions/{sessionId:int}", RemoveSession).WithName("RemoveAgendaSession").RequireScope(write)
            .WithSummary("Remove a session from the agenda (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost(eventPath + "/organisers", AddOrganiser).WithName("AddEventOrganiser").RequireScope(write)
            .WithSummary("Make a member of the hub an organiser of the event (hub managers): {\"email\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete(eventPath + "/organisers/{userId:guid}", RemoveOrganiser).WithName("RemoveEventOrganiser").RequireScope(write)
            .WithSummary("Take an organiser off the event (hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut(eventPath + "/outcomes", SaveOutcomes).WithName("SaveEventOutcomes").RequireScope(write)
            .WithSummary("Record what came of the event (organisers): {\"campaignSlug\" (the idea campaign it opened), \"teamsFormed\", \"report\", \"participantsEmployees\", \"participantsCitizens\", \"participantsCompanies\", \"participantsResearchers\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet(eventPath + "/materials", Materials).WithName("ListEventMaterials").AllowAnonymous().RequireScope(read)
            .WithSummary("The event's materials (people who may see the event): links, and files with their name, type, size and download address")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost(eventPath + "/materials", AddMaterial).WithName("AddEventMaterial").RequireScope(write)
            .WithSummary("Add a material of the event as a link (organisers): {\"title\", \"url\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        // Multipart from API clients (tokens or the session); the session cookie is SameSite=Lax, so other sites cannot post it.
        hub.MapPost(eventPath + "/materials/files", UploadMaterial).WithName("UploadEventMaterial").RequireScope(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Upload a file as a material of the event (organisers), multipart fields \"file\" and \"title\" (the file's name when empty): "
                + "PNG, JPEG, WebP, PDF, docx, xlsx, pptx, odt, ods, odp; at most 10 MB")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        hub.MapGet(eventPath + "/materials/{materialId:int}", DownloadMaterial).WithName("DownloadEventMaterial").AllowAnonymous().RequireScope(read)
            .WithSummary("Download a file material (people who may see the event)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete(eventPath + "/materials/{materialId:int}", RemoveMaterial).WithName("RemoveEventMaterial").RequireScope(write)
            .WithSummary("Remove a material (organisers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/events/figures", Figures).WithName("GetEventFigures").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's events in its community figures: events by format with registrations and attendance, ideas born at events")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/me/calendar-feed", RenewFeed).WithName("RenewCalendarFeed").RequireScope(write).WithTags("Events")
            .WithSummary("Make (or replace) your personal calendar feed: its secret address, shown only now, lists the events you registered for");
        api.MapDelete("/me/calendar-feed", RevokeFeed).WithName("RevokeCalendarFeed").RequireScope(write).WithTags("Events")
            .WithSummary("Revoke your personal calendar feed: its address stops working");
        return api;
    }

    public sealed record FeedAnswer(string Url);

    private static async Task<Ok<FeedAnswer>> RenewFeed(Calendars calendars, CancellationToken ct) =>
        TypedResults.Ok(new FeedAnswer(calendars.FeedAddress(await calendars.RenewFeedAsync(ct))));

    private static async Task<NoContent> RevokeFeed(Calendars calendars, CancellationToken ct)
    {
        await calendars.RevokeFeedAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The calendar files, outside /api/v1 so calendar programs can subscribe to them: one event, a hub's public events, a person's feed.</summary>
    public static void MapCalendars(IEndpointRouteBuilder app)
    {
        app.MapGet("/hubs/{slug}/events/{id:int}/calendar.ics", EventCalendar).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/hubs/{slug}/events/calendar.ics", HubCalendar).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/calendar/{token}.ics", PersonalCalendar).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> EventCalendar(string slug, int id, Calendars calendars, CancellationToken ct) =>
        await calendars.EventAsync(slug, id, ct) is { } ics ? TypedResults.Content(ics, Calendars.ContentType) : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> HubCalendar(string slug, Calendars calendars, CancellationToken ct) =>
        await calendars.HubAsync(slug, ct) is { } ics ? TypedResults.Content(ics, Calendars.ContentType) : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> PersonalCalendar(string token, Calendars calendars, CancellationToken ct) =>
        await calendars.PersonalAsync(token, ct) is { } ics ? TypedResults.Content(ics, Calendars.ContentType) : TypedResults.NotFound();

    private static async Task<Results<Ok<PagedList<EventListItem>>, ValidationProblem, ProblemHttpResult>> List(string slug, string? format, DateOnly? from, DateOnly? to,
        string? when, int? page, EventQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        EventFormat? f = null;
        if (!string.IsNullOrEmpty(format))
        {
            if (!Enum.TryParse<EventFormat>(format, ignoreCase: true, out var parsed)) return ApiResults.BadQuery(t);
            f = parsed;
        }
        if (when is not null && !EventFilter.WhenChoices.Contains(when)) return ApiResults.BadQuery(t);
        if (page is < 1 or > 10_000) return ApiResults.BadQuery(t);
        return await q.ListAsync(slug, new EventFilter(f, from, to, when, page ?? 1), ct) is { } list ? TypedResults.Ok(list.Events) : ApiResults.NotFound();
    }

    private static async Task<Results<Created<EventLink>, ValidationProblem, ProblemHttpResult>> Create(string slug, EventInput input, EventEditing editing, CancellationToken ct) =>
        ApiResults.From(await editing.CreateAsync(slug, input, ct),
            id => TypedResults.Created($"/api/v1/hubs/{slug}/events/{id}", new EventLink(id, $"/hubs/{slug}/events/{id}")));

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> Get(string slug, int id, EventQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> Update(string slug, int id, EventInput input, EventEditing editing, CancellationToken ct) =>
        ApiResults.From(await editing.UpdateAsync(slug, id, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> Publish(string slug, int id, EventEditing editing, CancellationToken ct) =>
        ApiResults.From(await editing.PublishAsync(slug, id, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> Cancel(string slug, int id, EventEditing editing, CancellationToken ct) =>
        ApiResults.From(await editing.CancelAsync(slug, id, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> Register(string slug, int id, RegisterInput input, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.RegisterAsync(slug, id, input, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> CancelRegistration(string slug, int id, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.CancelAsync(slug, id, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> ConfirmOffer(string slug, int id, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.ConfirmOfferAsync(slug, id, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<IReadOnlyList<RegistrationRow>>, ProblemHttpResult>> Registrations(string slug, int id, EventQueries q, CancellationToken ct) =>
        await q.RegistrationsAsync(slug, id, ct) is { } x ? TypedResults.Ok(x.Rows) : ApiResults.NotFound();

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> Approve(string slug, int id, int registrationId, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.DecideAsync(slug, id, registrationId, approve: true, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> Decline(string slug, int id, int registrationId, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.DecideAsync(slug, id, registrationId, approve: false, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> Promote(string slug, int id, int registrationId, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.PromoteAsync(slug, id, registrationId, ct), s => TypedResults.Ok(new RegistrationAnswer(s)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> CheckIn(string slug, int id, CheckInBody body, Registrations registrations, CancellationToken ct) =>
        ApiResults.From(await registrations.CheckInAsync(slug, id, body.RegistrationId, body.Code, body.Attended ?? true, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> AddTicket(string slug, int id, TicketInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.SaveTicketAsync(slug, id, null, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> ChangeTicket(string slug, int id, int ticketId, TicketInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.SaveTicketAsync(slug, id, ticketId, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> RemoveTicket(string slug, int id, int ticketId, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.RemoveTicketAsync(slug, id, ticketId, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> AddQuestion(string slug, int id, QuestionInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.AddQuestionAsync(slug, id, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> RemoveQuestion(string slug, int id, int questionId, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.RemoveQuestionAsync(slug, id, questionId, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> AddSession(string slug, int id, SessionInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.AddSessionAsync(slug, id, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> RemoveSession(string slug, int id, int sessionId, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.RemoveSessionAsync(slug, id, sessionId, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<PersonRef>, ValidationProblem, ProblemHttpResult>> AddOrganiser(string slug, int id, OrganiserInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.AddOrganiserAsync(slug, id, input, ct), x => TypedResults.Ok(new PersonRef(x)));

    private static async Task<Results<Ok<PersonRef>, ValidationProblem, ProblemHttpResult>> RemoveOrganiser(string slug, int id, Guid userId, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.RemoveOrganiserAsync(slug, id, userId, ct), x => TypedResults.Ok(new PersonRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> SaveOutcomes(string slug, int id, OutcomesInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.SaveOutcomesAsync(slug, id, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> AddMaterial(string slug, int id, MaterialInput input, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.AddMaterialAsync(slug, id, input, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<IReadOnlyList<MaterialView>>, ProblemHttpResult>> Materials(string slug, int id, EventQueries q, CancellationToken ct) =>
        await q.MaterialsAsync(slug, id, ct) is { } x ? TypedResults.Ok(x) : ApiResults.NotFound();

    private static async Task<Results<Created<ItemRef>, ValidationProblem, ProblemHttpResult>> UploadMaterial(string slug, int id, HttpRequest request, Organising organising, CancellationToken ct)
    {
        var (form, problem) = await ApiResults.ReadFormAsync(request, ct);
        if (form is null) return problem!;
        var upload = await Platform.Files.Uploads.ReadAsync(form.Files.GetFile("file"), Platform.Files.Uploads.MaxBytes, ct);
        return ApiResults.From(await organising.AddMaterialFileAsync(slug, id, form["title"].ToString(), upload, ct),
            x => TypedResults.Created(EventQueries.MaterialPath(slug, id, x), new ItemRef(x)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadMaterial(string slug, int id, int materialId, Organising organising, HttpContext http, CancellationToken ct)
    {
        var file = await organising.DownloadMaterialAsync(slug, id, materialId, ct);
        if (file is null) return ApiResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        // With a download name the answer is "attachment; filename=...; filename*=UTF-8''..." (RFC 6266).
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<ItemRef>, ValidationProblem, ProblemHttpResult>> RemoveMaterial(string slug, int id, int materialId, Organising organising, CancellationToken ct) =>
        ApiResults.From(await organising.RemoveMaterialAsync(slug, id, materialId, ct), x => TypedResults.Ok(new ItemRef(x)));

    private static async Task<Results<Ok<EventFigures>, ProblemHttpResult>> Figures(string slug, EventQueries q, Platform.Data.AgoraDbContext db, CancellationToken ct) =>
        await Hubs.HubLookup.HubIdAsync(db, slug, ct) is { } hubId ? TypedResults.Ok(await q.FiguresAsync(hubId, ct)) : ApiResults.NotFound();
}
