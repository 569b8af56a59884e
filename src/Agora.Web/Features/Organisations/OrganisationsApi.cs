using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations;

/// <summary>/api/v1/organisations: organisations, their members and invitations.</summary>
public static class OrganisationsApi
{
    public sealed record AddMemberBody(string? Email, bool? IsAdmin);
    public sealed record AnswerResult(string Organisation, bool Accepted);
    public sealed record SetAdminBody(bool? IsAdmin);
    public sealed record OrganisationRefAnswer(string Slug);
    public sealed record InvitationSent(string Message);
    public sealed record AdminAnswer(Guid UserId, bool IsAdmin);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");
        var read = ApiScopes.OrganisationsRead;
        var write = ApiScopes.OrganisationsWrite;

        organisations.MapGet("/", ListOrganisations).WithName("ListOrganisations").AllowAnonymous().RequireScope(read).WithSummary("List organisations")
            .WithDescription("Filter by type (Hospital, Municipality, GovernmentAgency, Company, University, Cluster, PatientAssociation, Other) "
                + "and search text; sort by name, createdAt or members (prefix - for descending).");
        organisations.MapGet("/{slug}", GetOrganisation).WithName("GetOrganisation").AllowAnonymous().RequireScope(read).WithSummary("One organisation").ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPost("/", CreateOrganisation).WithName("CreateOrganisation").RequireScope(write)
            .WithSummary("Create an organisation (anyone signed in; the creator becomes its admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapPut("/{slug}", UpdateOrganisation).WithName("UpdateOrganisation").RequireScope(write)
            .WithSummary("Update an organisation (organisation admin or platform admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapGet("/{slug}/members", Members).WithName("ListOrganisationMembers").RequireScope(read)
            .WithSummary("Members of an organisation (anyone signed in; email addresses for its admins and platform admins)")
            .WithDescription("Sort by name or joinedAt (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPost("/{slug}/members", AddMember).WithName("InviteToOrganisation").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Invite a person by email (organisation admin or platform admin); they become a member when they accept")
            .WithDescription("Answers 202 the same way whether or not the address has an account.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        organisations.MapGet("/invitations", MyInvitations).WithName("ListMyOrganisationInvitations").RequireScope(read)
            .WithSummary("Your open invitations to join organisations");
        organisations.MapPost("/invitations/{id:guid}/accept", Accept)
            .RequireScope(write).WithName("AcceptOrganisationInvitation").WithSummary("Accept your invitation: you become a member")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPost("/invitations/{id:guid}/decline", Decline)
            .RequireScope(write).WithName("DeclineOrganisationInvitation").WithSummary("Decline your invitation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPut("/{slug}/members/{userId:guid}", SetAdmin).WithName("SetOrganisationAdmin").RequireScope(write)
            .WithSummary("Make a member an admin or not (organisation admin or platform admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapDelete("/{slug}/members/{userId:guid}", RemoveMember).WithName("RemoveOrganisationMember").RequireScope(write)
            .WithSummary("Remove a member (organisation admin or platform admin) or leave")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<OrganisationSummary>>, ValidationProblem>> ListOrganisations(
        OrganisationQueries q, IStringLocalizer<SharedResource> t, int? page, int? pageSize, string? sort, string? type, string? search,
        CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, OrganisationQueries.Sorts, "name");
        var typeFilter = OrganisationTypes.Parse(type);
        if (query is null || search?.Length > 200 || (!string.IsNullOrWhiteSpace(type) && typeFilter is null)) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(query, typeFilter, search, ct));
    }

    private static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> GetOrganisation(string slug, OrganisationQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, ct) is { } organisation ? TypedResults.Ok(organisation) : ApiResults.NotFound();

    private static async Task<Results<Created<OrganisationRefAnswer>, ValidationProblem, ProblemHttpResult>> CreateOrganisation(OrganisationInput input,
        SaveOrganisation save, CancellationToken ct) =>
        ApiResults.From(await save.CreateAsync(input, ct), slug => TypedResults.Created($"/api/v1/organisations/{slug}", new OrganisationRefAnswer(slug)));

    private static async Task<Results<Ok<OrganisationRefAnswer>, ValidationProblem, ProblemHttpResult>> UpdateOrganisation(string slug, OrganisationInput input,
        SaveOrganisation save, CancellationToken ct) =>
        ApiResults.From(await save.UpdateAsync(slug, input, ct), s => TypedResults.Ok(new OrganisationRefAnswer(s)));

    private static async Task<Results<Ok<PagedList<OrganisationMemberRow>>, ValidationProblem, ProblemHttpResult>> Members(string slug, int? page,
        int? pageSize, string? sort, OrganisationMembership members, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, OrganisationQueries.MemberSorts, "name");
        if (query is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await members.ListAsync(slug, query, ct));
    }

    private static async Task<Results<Accepted<InvitationSent>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> AddMember(string slug,
        AddMemberBody body, OrganisationMembership members, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ApiResults.FromLimited(await members.InviteAsync(slug, body.Email, body.IsAdmin ?? false, ct),
            _ => TypedResults.Accepted((string?)null, new InvitationSent(t["Organisations.InvitationSent"].Value)));

    private static async Task<Ok<IReadOnlyList<OrganisationInvitationRow>>> MyInvitations(OrganisationMembership members, CancellationToken ct) =>
        TypedResults.Ok(await members.MyInvitationsAsync(ct));

    private static Task<Results<Ok<AnswerResult>, ValidationProblem, ProblemHttpResult>> Accept(Guid id, OrganisationMembership members, CancellationToken ct) =>
        Answer(id, true, members, ct);

    private static Task<Results<Ok<AnswerResult>, ValidationProblem, ProblemHttpResult>> Decline(Guid id, OrganisationMembership members, CancellationToken ct) =>
        Answer(id, false, members, ct);

    private static async Task<Results<Ok<AnswerResult>, ValidationProblem, ProblemHttpResult>> Answer(Guid id, bool accept, OrganisationMembership members,
        CancellationToken ct) =>
        ApiResults.From(await members.AnswerAsync(id, accept, ct), slug => TypedResults.Ok(new AnswerResult(slug, accept)));

    private static async Task<Results<Ok<AdminAnswer>, ValidationProblem, ProblemHttpResult>> SetAdmin(string slug, Guid userId, SetAdminBody body,
        OrganisationMembership members, CancellationToken ct) =>
        ApiResults.From(await members.SetAdminAsync(slug, userId, body.IsAdmin, ct), a => TypedResults.Ok(new AdminAnswer(userId, a)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(string slug, Guid userId, OrganisationMembership members,
        CancellationToken ct) =>
        ApiResults.From(await members.RemoveAsync(slug, userId, ct), _ => TypedResults.NoContent());
}
