using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs;

/// <summary>/api/v1/hubs: hubs, members, roles, join requests, invitations, logos; and /api/v1/focus-areas.</summary>
public static class HubsApi
{
    public sealed record JoinBody(string? Message);
    public sealed record RolesBody(List<string>? Roles);
    public sealed record InviteBody(string? Email, List<string>? Roles);
    public sealed record HubRef(string Slug);
    public sealed record JoinAnswer(JoinOutcome Outcome);
    public sealed record RolesAnswer(IEnumerable<string> Roles);
    public sealed record JoinRequestAnswer(JoinRequestStatus Status);
    public sealed record HubInvitationRef(Guid Id);
    public sealed record DefinedRolesBody(List<int>? RoleIds);
    public sealed record DefinedRoleRef(int Id);
    public sealed record HubInvitationView(Guid Id, string Email, IEnumerable<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hubs = api.MapGroup("/hubs").WithTags("Hubs");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;

        hubs.MapGet("/", ListHubs).WithName("ListHubs").AllowAnonymous().RequireScope(read).WithSummary("List hubs").WithDescription("Sort by name, createdAt or members (prefix - for descending).");
        hubs.MapGet("/{slug}", GetHub).WithName("GetHub").AllowAnonymous().RequireScope(read).WithSummary("One hub");
        hubs.MapPost("/", CreateHub).WithName("CreateHub").RequireAuthorization(Policies.PlatformAdmin).RequireScope(write).WithSummary("Create a hub (platform admin)");
        hubs.MapPut("/{slug}", UpdateHub).WithName("UpdateHub").RequireScope(write).WithSummary("Update a hub (hub manager)");
        hubs.MapPost("/{slug}/join", Join).WithName("JoinHub").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write).WithSummary("Join an open hub or ask to join an approval hub");
        hubs.MapGet("/{slug}/members", Members).WithName("ListHubMembers").RequireScope(read).WithSummary("Members and their roles (hub members; email addresses for hub managers only)");
        hubs.MapPut("/{slug}/members/{userId:guid}/roles", SetRoles).WithName("SetHubMemberRoles").RequireScope(write).WithSummary("Set a member's roles (hub manager)");
        hubs.MapDelete("/{slug}/members/{userId:guid}", RemoveMember).WithName("RemoveHubMember").RequireScope(write).WithSummary("Remove a member (hub manager) or leave");
        hubs.MapGet("/{slug}/join-requests", JoinRequests).WithName("ListJoinRequests").RequireScope(read).WithSummary("Pending join requests (hub manager)");
        hubs.MapPost("/{slug}/join-requests/{id:guid}/approve", Approve)
            .RequireScope(write).WithName("ApproveJoinRequest").WithSummary("Approve a join request (hub manager)");
        hubs.MapPost("/{slug}/join-requests/{id:guid}/decline", Decline)
            .RequireScope(write).WithName("DeclineJoinRequest").WithSummary("Decline a join request (hub manager)");
        hubs.MapPost("/{slug}/invitations", Invite).WithName("InviteToHub").RequireScope(write).WithSummary("Invite a person by email (hub manager)");
        hubs.MapGet("/{slug}/invitations", Invitations).WithName("ListHubInvitations").RequireScope(read).WithSummary("Open invitations (hub manager)");
        hubs.MapDelete("/{slug}/invitations/{id:guid}", RevokeInvitation).WithName("RevokeHubInvitation").RequireScope(write).WithSummary("Revoke an invitation (hub manager)");
        hubs.MapGet("/{slug}/roles", DefinedRolesList).WithName("ListHubDefinedRoles").RequireScope(read)
            .WithSummary("The hub's own community roles, active and retired, with how many people hold each (hub managers)");
        hubs.MapPost("/{slug}/roles", CreateDefinedRole).WithName("CreateHubDefinedRole").RequireScope(write)
            .WithSummary("Define a community role (hub managers): {\"key\", \"nameEn\", \"namePt\", \"nameNb\", \"description\"}; a title people hold, no permission; at most 30 active");
        hubs.MapPut("/{slug}/roles/{id:int}", UpdateDefinedRole).WithName("UpdateHubDefinedRole").RequireScope(write)
            .WithSummary("Rename a defined role or change its description (hub managers); the key stays");
        hubs.MapPost("/{slug}/roles/{id:int}/retire", RetireDefinedRole).WithName("RetireHubDefinedRole").RequireScope(write)
            .WithSummary("Retire a defined role (hub managers): no longer offered for calls or new holders; refused (409) while an undecided call is for it");
        hubs.MapPut("/{slug}/members/{userId:guid}/defined-roles", SetDefinedRoles).WithName("SetHubMemberDefinedRoles").RequireScope(write)
            .WithSummary("Set the defined roles a member holds (hub managers): {\"roleIds\": [..]}; only active roles may be newly given");
        hubs.MapGet("/{slug}/logo", Logo).WithName("GetHubLogo").AllowAnonymous().RequireScope(read).WithSummary("The hub's logo image");
        api.MapGet("/focus-areas", FocusAreas).WithName("ListFocusAreas")
            .AllowAnonymous().RequireScope(read).WithTags("Hubs").WithSummary("Focus area keys");
        return api;
    }

    private static async Task<Results<Ok<PagedList<HubSummary>>, ValidationProblem>> ListHubs(
        HubQueries q, IStringLocalizer<SharedResource> t, int? page, int? pageSize, string? sort, string? focusArea, string? search, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, HubQueries.Sorts, "name");
        if (query is null || search?.Length > 200) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(query, focusArea, search, ct));
    }

    private static async Task<Results<Ok<HubDetail>, ProblemHttpResult>> GetHub(string slug, HubQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, ct) is { } hub ? TypedResults.Ok(hub) : ApiResults.NotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Logo(string slug, Platform.Data.AgoraDbContext db, HttpContext http, CancellationToken ct)
    {
        var logo = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Hubs.Where(h => h.Slug == slug && h.Logo != null).Select(h => new { h.Logo, h.LogoContentType }), ct);
        if (logo is null) return ApiResults.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.File(logo.Logo!, logo.LogoContentType ?? "application/octet-stream");
    }

    private static async Task<Ok<IReadOnlyList<string>>> FocusAreas(HubQueries q, CancellationToken ct) => TypedResults.Ok(await q.FocusAreaKeysAsync(ct));

    private static async Task<Results<Created<HubRef>, ValidationProblem, ProblemHttpResult>> CreateHub(HubInput input, SaveHub save, CancellationToken ct) =>
        ApiResults.From(await save.CreateAsync(input, null, ct), slug => TypedResults.Created($"/api/v1/hubs/{slug}", new HubRef(slug)));

    private static async Task<Results<Ok<HubRef>, ValidationProblem, ProblemHttpResult>> UpdateHub(string slug, HubInput input, SaveHub save, CancellationToken ct) =>
        ApiResults.From(await save.UpdateAsync(slug, input, null, false, ct), s => TypedResults.Ok(new HubRef(s)));

    private static async Task<Results<Ok<JoinAnswer>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> Join(string slug, JoinBody? body,
        Membership m, CancellationToken ct) =>
        ApiResults.FromLimited(await m.JoinAsync(slug, body?.Message, ct), outcome => TypedResults.Ok(new JoinAnswer(outcome)));

    private static async Task<Results<Ok<PagedList<MemberRow>>, ValidationProblem, ProblemHttpResult>> Members(string slug, int? page, int? pageSize,
        string? sort, string? role, HubQueries q, CurrentUser current, IAuthorizationService authz, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await q.FindIdAsync(slug, ct) is not { } hubId
            || !(await authz.AuthorizeAsync(current.Principal, new HubResource(hubId), HubOperations.ViewMembers)).Succeeded)
            return ApiResults.NotFound();
        var query = ListQuery.Parse(page, pageSize, sort, HubQueries.MemberSorts, "name");
        HubRoles? roleFilter = role is null ? null : HubRoleList.Parse([role]);
        if (query is null || (role is not null && roleFilter is null)) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.MembersForAsync(current, hubId, query, roleFilter, ct));
    }

    private static async Task<Results<Ok<RolesAnswer>, ValidationProblem, ProblemHttpResult>> SetRoles(string slug, Guid userId, RolesBody body, Membership m,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var roles = HubRoleList.Parse(body.Roles ?? []);
        if (roles is null) return ApiResults.Invalid("roles", t["Validation.Invalid"]);
        return ApiResults.From(await m.SetRolesAsync(slug, userId, roles.Value, ct),
            r => TypedResults.Ok(new RolesAnswer(HubRoleList.Split(r).Select(x => x.ToString()))));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(string slug, Guid userId, Membership m, CancellationToken ct) =>
        ApiResults.From(await m.RemoveAsync(slug, userId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<IReadOnlyList<JoinRequestRow>>, ProblemHttpResult>> JoinRequests(string slug, HubQueries q, CurrentUser current,
        IAuthorizationService authz, CancellationToken ct)
    {
        if (await q.FindIdAsync(slug, ct) is not { } hubId
            || !(await authz.AuthorizeAsync(current.Principal, new HubResource(hubId), HubOperations.Manage)).Succeeded)
            return ApiResults.NotFound();
        return TypedResults.Ok(await q.PendingRequestsAsync(hubId, ct));
    }

    private static Task<Results<Ok<JoinRequestAnswer>, ValidationProblem, ProblemHttpResult>> Approve(string slug, Guid id, Membership m, CancellationToken ct) =>
        Decide(slug, id, true, m, ct);

    private static Task<Results<Ok<JoinRequestAnswer>, ValidationProblem, ProblemHttpResult>> Decline(string slug, Guid id, Membership m, CancellationToken ct) =>
        Decide(slug, id, false, m, ct);

    private static async Task<Results<Ok<JoinRequestAnswer>, ValidationProblem, ProblemHttpResult>> Decide(string slug, Guid id, bool approve, Membership m,
        CancellationToken ct) =>
        ApiResults.From(await m.DecideAsync(slug, id, approve, ct), s => TypedResults.Ok(new JoinRequestAnswer(s)));

    private static async Task<Results<Created<HubInvitationRef>, ValidationProblem, ProblemHttpResult>> Invite(string slug, InviteBody body, Membership m,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var roles = HubRoleList.Parse(body.Roles ?? []);
        if (roles is null) return ApiResults.Invalid("roles", t["Validation.Invalid"]);
        return ApiResults.From(await m.InviteAsync(slug, body.Email, roles.Value, ct),
            id => TypedResults.Created($"/api/v1/hubs/{slug}/invitations/{id}", new HubInvitationRef(id)));
    }

    private static async Task<Results<Ok<IEnumerable<HubInvitationView>>, ProblemHttpResult>> Invitations(string slug, HubQueries q, CurrentUser current,
        IAuthorizationService authz, TimeProvider clock, CancellationToken ct)
    {
        if (await q.FindIdAsync(slug, ct) is not { } hubId
            || !(await authz.AuthorizeAsync(current.Principal, new HubResource(hubId), HubOperations.Manage)).Succeeded)
            return ApiResults.NotFound();
        var rows = await q.OpenInvitationsAsync(hubId, clock.GetUtcNow(), ct);
        return TypedResults.Ok(rows.Select(i => new HubInvitationView(i.Id, i.Email, HubRoleList.Split(i.Roles).Select(r => r.ToString()), i.CreatedAt, i.ExpiresAt)));
    }

    private static async Task<Results<Ok<IReadOnlyList<DefinedRoleView>>, ValidationProblem, ProblemHttpResult>> DefinedRolesList(string slug, DefinedRoles roles,
        CancellationToken ct) =>
        ApiResults.From(await roles.ListAsync(slug, ct), list => TypedResults.Ok(list));

    private static async Task<Results<Created<DefinedRoleRef>, ValidationProblem, ProblemHttpResult>> CreateDefinedRole(string slug, DefinedRoleInput input,
        DefinedRoles roles, CancellationToken ct) =>
        ApiResults.From(await roles.CreateAsync(slug, input, ct), id => TypedResults.Created($"/api/v1/hubs/{slug}/roles/{id}", new DefinedRoleRef(id)));

    private static async Task<Results<Ok<DefinedRoleRef>, ValidationProblem, ProblemHttpResult>> UpdateDefinedRole(string slug, int id, DefinedRoleInput input,
        DefinedRoles roles, CancellationToken ct) =>
        ApiResults.From(await roles.UpdateAsync(slug, id, input, ct), x => TypedResults.Ok(new DefinedRoleRef(x)));

    private static async Task<Results<Ok<DefinedRoleRef>, ValidationProblem, ProblemHttpResult>> RetireDefinedRole(string slug, int id, DefinedRoles roles,
        CancellationToken ct) =>
        ApiResults.From(await roles.RetireAsync(slug, id, ct), x => TypedResults.Ok(new DefinedRoleRef(x)));

    private static async Task<Results<Ok<IReadOnlyList<HeldRole>>, ValidationProblem, ProblemHttpResult>> SetDefinedRoles(string slug, Guid userId,
        DefinedRolesBody body, DefinedRoles roles, CancellationToken ct) =>
        ApiResults.From(await roles.SetHeldAsync(slug, userId, body.RoleIds, ct), held => TypedResults.Ok(held));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeInvitation(string slug, Guid id, Membership m, CancellationToken ct) =>
        ApiResults.From(await m.RevokeInvitationAsync(slug, id, ct), _ => TypedResults.NoContent());
}
