using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Accounts;

/// <summary>/api/v1/me: the signed-in person's profile, memberships, tokens, data export and deletion; /admin/erasures.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Profile");
        me.MapGet("/", GetProfile).WithName("GetMyProfile").RequireScope(ApiScopes.ProfileRead).WithSummary("The signed-in person's profile")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPut("/", PutProfile).WithName("UpdateMyProfile").RequireScope(ApiScopes.ProfileWrite).WithSummary("Update name, organisation and preferred language");
        me.MapGet("/memberships", Memberships).WithName("ListMyMemberships")
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Hubs the signed-in person belongs to, with roles");
        me.MapGet("/tokens", Tokens).WithName("ListMyTokens")
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Personal access tokens (never their secret)");
        me.MapDelete("/tokens/{id:guid}", RevokeToken).WithName("RevokeMyToken")
            .RequireScope(ApiScopes.ProfileWrite).WithSummary("Revoke a personal access token");
        me.MapGet("/export", Export)
            .RequireScope(ApiScopes.ProfileRead).WithName("ExportMyData")
            .WithSummary("Everything Agora holds about the signed-in person, section by section (GDPR Art. 15 and 20; audited)");
        me.MapGet("/export/archive", ExportArchive)
            .RequireScope(ApiScopes.ProfileRead).WithName("ExportMyDataArchive")
            .WithSummary("The export as a zip archive: personal-data.json and the person's files (audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        me.MapPost("/delete", DeleteOwn)
            .RequireScope(ApiScopes.ProfileWrite).WithName("DeleteMyAccount")
            .WithSummary("Delete the signed-in person's account (GDPR Art. 17)")
            .WithDescription("Confirm with the password (or, for an account without one, confirmEmail) and the two-factor code when it is on. "
                + "Personal data is deleted; ideas and comments stay as by \"a former member\" unless deleteContributions is true.");
        api.MapPost("/admin/erasures", Erase)
            .RequireAuthorization(Policies.PlatformAdmin).RequireScope(ApiScopes.AdminWrite).WithTags("Administration").WithName("EraseAccount")
            .WithSummary("Erase a person's account on their request (platform admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>404 (problem details) when the account behind the session no longer exists.</summary>
    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetProfile(UpdateProfile profiles, CancellationToken ct) =>
        await profiles.GetAsync(ct) is { } p ? TypedResults.Ok(p) : ApiResults.NotFound();

    private static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> PutProfile(ProfileInput input, UpdateProfile profiles, CancellationToken ct) =>
        ApiResults.From(await profiles.UpdateAsync(input, ct));

    private static async Task<Ok<IReadOnlyList<MembershipRow>>> Memberships(HubQueries q, CurrentUser current, CancellationToken ct) =>
        TypedResults.Ok(await q.MembershipsOfAsync(current.RequiredId, ct));

    private static async Task<Ok<IReadOnlyList<TokenRow>>> Tokens(ApiTokens tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeToken(Guid id, ApiTokens tokens, CancellationToken ct) =>
        ApiResults.From(await tokens.RevokeAsync(id, ct), _ => TypedResults.NoContent());

    private static async Task<Ok<IReadOnlyDictionary<string, object?>>> Export(PersonalDataService data, CurrentUser current, CancellationToken ct) =>
        TypedResults.Ok(await data.ExportAsync(current.RequiredId, ct));

    private static PushStreamHttpResult ExportArchive(PersonalDataService data, CurrentUser current, CancellationToken ct)
    {
        var me = current.RequiredId;
        return TypedResults.Stream(body => data.WriteArchiveAsync(me, body, ct), "application/zip", "agora-personal-data.zip");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteOwn(DeleteAccountInput input, DeleteAccount delete, CancellationToken ct) =>
        ApiResults.From(await delete.DeleteOwnAsync(input, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(EraseAccountInput input, DeleteAccount delete, CancellationToken ct) =>
        ApiResults.From(await delete.EraseAsync(input, ct), _ => TypedResults.NoContent());
}
