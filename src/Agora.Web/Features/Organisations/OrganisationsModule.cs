using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations;

public static class OrganisationsModule
{
    public static void AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<OrganisationAccess>();
        services.AddScoped<SaveOrganisation>();
        services.AddScoped<OrganisationMembership>();
        services.AddPersonalData<OrganisationsPersonalData>();
    }

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
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
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapPut("/{slug}", UpdateOrganisation).WithName("UpdateOrganisation").RequireScope(write)
            .WithSummary("Update an organisation (organisation admin or platform admin)")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapGet("/{slug}/members", Members).WithName("ListOrganisationMembers").RequireScope(read)
            .WithSummary("Members of an organisation (anyone signed in; email addresses for its admins and platform admins)")
            .WithDescription("Sort by name or joinedAt (prefix - for descending).")
            .Produces<PagedList<OrganisationMemberRow>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPost("/{slug}/members", AddMember).WithName("InviteToOrganisation").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Invite a person by email (organisation admin or platform admin); they become a member when they accept")
            .WithDescription("Answers 202 the same way whether or not the address has an account.")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        organisations.MapGet("/invitations", MyInvitations).WithName("ListMyOrganisationInvitations").RequireScope(read)
            .WithSummary("Your open invitations to join organisations").Produces<IReadOnlyList<OrganisationInvitationRow>>();
        organisations.MapPost("/invitations/{id:guid}/accept", (Guid id, OrganisationMembership m, CancellationToken ct) => Answer(id, true, m, ct))
            .RequireScope(write).WithName("AcceptOrganisationInvitation").Produces<AnswerResult>().WithSummary("Accept your invitation: you become a member")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPost("/invitations/{id:guid}/decline", (Guid id, OrganisationMembership m, CancellationToken ct) => Answer(id, false, m, ct))
            .RequireScope(write).WithName("DeclineOrganisationInvitation").Produces<AnswerResult>().WithSummary("Decline your invitation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapPut("/{slug}/members/{userId:guid}", SetAdmin).WithName("SetOrganisationAdmin").RequireScope(write)
            .WithSummary("Make a member an admin or not (organisation admin or platform admin)")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapDelete("/{slug}/members/{userId:guid}", RemoveMember).WithName("RemoveOrganisationMember").RequireScope(write)
            .WithSummary("Remove a member (organisation admin or platform admin) or leave")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
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
        await q.GetAsync(slug, ct) is { } organisation ? TypedResults.Ok(organisation) : TypedResults.Problem(statusCode: 404);

    private static async Task<IResult> CreateOrganisation(OrganisationInput input, SaveOrganisation save, CancellationToken ct) =>
        ApiResults.From(await save.CreateAsync(input, ct), slug => TypedResults.Created($"/api/v1/organisations/{slug}", new { slug }));

    private static async Task<IResult> UpdateOrganisation(string slug, OrganisationInput input, SaveOrganisation save, CancellationToken ct) =>
        ApiResults.From(await save.UpdateAsync(slug, input, ct), s => TypedResults.Ok(new { slug = s }));

    private static async Task<IResult> Members(string slug, int? page, int? pageSize, string? sort,
        OrganisationMembership members, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, OrganisationQueries.MemberSorts, "name");
        if (query is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await members.ListAsync(slug, query, ct));
    }

    public sealed record AddMemberBody(string? Email, bool? IsAdmin);

    private static async Task<IResult> AddMember(string slug, AddMemberBody body, OrganisationMembership members, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ApiResults.From(await members.InviteAsync(slug, body.Email, body.IsAdmin ?? false, ct),
            _ => TypedResults.Accepted((string?)null, new { message = t["Organisations.InvitationSent"].Value }));

    private static async Task<IResult> MyInvitations(OrganisationMembership members, CancellationToken ct) =>
        TypedResults.Ok(await members.MyInvitationsAsync(ct));

    public sealed record AnswerResult(string Organisation, bool Accepted);

    private static async Task<IResult> Answer(Guid id, bool accept, OrganisationMembership members, CancellationToken ct) =>
        ApiResults.From(await members.AnswerAsync(id, accept, ct), slug => TypedResults.Ok(new AnswerResult(slug, accept)));

    public sealed record SetAdminBody(bool? IsAdmin);

    private static async Task<IResult> SetAdmin(string slug, Guid userId, SetAdminBody body, OrganisationMembership members, CancellationToken ct) =>
        ApiResults.From(await members.SetAdminAsync(slug, userId, body.IsAdmin, ct), a => TypedResults.Ok(new { userId, isAdmin = a }));

    private static async Task<IResult> RemoveMember(string slug, Guid userId, OrganisationMembership members, CancellationToken ct) =>
        ApiResults.From(await members.RemoveAsync(slug, userId, ct), _ => TypedResults.NoContent());
}
