using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RegisterAccount>();
        services.AddScoped<UpdateProfile>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserSessions>();
        services.AddScoped<AccountMail>();
        services.AddPersonalData<AccountsPersonalData>();
        services.AddScoped<DeleteAccount>();
    }

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Profile");
        me.MapGet("/", GetProfile).WithName("GetMyProfile").RequireScope(ApiScopes.ProfileRead).WithSummary("The signed-in person's profile");
        me.MapPut("/", PutProfile).WithName("UpdateMyProfile").RequireScope(ApiScopes.ProfileWrite).WithSummary("Update name, organisation and preferred language");
        me.MapGet("/memberships", async (HubQueries q, CurrentUser current, CancellationToken ct) => TypedResults.Ok(await q.MembershipsOfAsync(current.RequiredId, ct))).WithName("ListMyMemberships")
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Hubs the signed-in person belongs to, with roles");
        me.MapGet("/tokens", async (ApiTokens tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(ct))).WithName("ListMyTokens")
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Personal access tokens (never their secret)");
        me.MapDelete("/tokens/{id:guid}", async (Guid id, ApiTokens tokens, CancellationToken ct) => ApiResults.From(await tokens.RevokeAsync(id, ct), _ => TypedResults.NoContent())).WithName("RevokeMyToken")
            .RequireScope(ApiScopes.ProfileWrite).WithSummary("Revoke a personal access token");
        me.MapGet("/export", async (PersonalDataService data, CurrentUser current, CancellationToken ct) => TypedResults.Ok(await data.ExportAsync(current.RequiredId, ct)))
            .RequireScope(ApiScopes.ProfileRead).WithName("ExportMyData")
            .WithSummary("Everything Agora holds about the signed-in person, section by section (GDPR Art. 15 and 20; audited)");
        me.MapGet("/export/archive", async (PersonalDataService data, CurrentUser current, HttpContext http, CancellationToken ct) =>
            {
                var buffer = new MemoryStream();
                await data.WriteArchiveAsync(current.RequiredId, buffer, ct);
                buffer.Position = 0;
                return TypedResults.File(buffer, "application/zip", "agora-personal-data.zip");
            })
            .RequireScope(ApiScopes.ProfileRead).WithName("ExportMyDataArchive")
            .WithSummary("The export as a zip archive: personal-data.json and the person's files (audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        me.MapPost("/delete", async (DeleteAccountInput input, DeleteAccount delete, CancellationToken ct) =>
                ApiResults.From(await delete.DeleteOwnAsync(input, ct), _ => TypedResults.NoContent()))
            .RequireScope(ApiScopes.ProfileWrite).WithName("DeleteMyAccount")
            .WithSummary("Delete the signed-in person's account (GDPR Art. 17)")
            .WithDescription("Confirm with the password (or, for an account without one, confirmEmail) and the two-factor code when it is on. "
                + "Personal data is deleted; ideas and comments stay as by \"a former member\" unless deleteContributions is true.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        api.MapPost("/admin/erasures", async (EraseAccountInput input, DeleteAccount delete, CancellationToken ct) =>
                ApiResults.From(await delete.EraseAsync(input, ct), _ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.PlatformAdmin).RequireScope(ApiScopes.AdminWrite).WithTags("Administration").WithName("EraseAccount")
            .WithSummary("Erase a person's account on their request (platform admin)")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<ProfileDto>, NotFound>> GetProfile(UpdateProfile profiles, CancellationToken ct) =>
        await profiles.GetAsync(ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<IResult> PutProfile(ProfileInput input, UpdateProfile profiles, CancellationToken ct) =>
        ApiResults.From(await profiles.UpdateAsync(input, ct));
}
