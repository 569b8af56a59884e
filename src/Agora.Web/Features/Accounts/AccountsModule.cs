using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
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
        services.AddScoped<PersonalDataExport>();
    }

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Profile");
        me.MapGet("/", GetProfile).RequireScope(ApiScopes.ProfileRead).WithSummary("The signed-in person's profile");
        me.MapPut("/", PutProfile).RequireScope(ApiScopes.ProfileWrite).WithSummary("Update name, organisation and preferred language");
        me.MapGet("/memberships", async (HubQueries q, CurrentUser current, CancellationToken ct) => TypedResults.Ok(await q.MembershipsOfAsync(current.RequiredId, ct)))
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Hubs the signed-in person belongs to, with roles");
        me.MapGet("/tokens", async (ApiTokens tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(ct)))
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Personal access tokens (never their secret)");
        me.MapDelete("/tokens/{id:guid}", async (Guid id, ApiTokens tokens, CancellationToken ct) => ApiResults.From(await tokens.RevokeAsync(id, ct), _ => TypedResults.NoContent()))
            .RequireScope(ApiScopes.ProfileWrite).WithSummary("Revoke a personal access token");
        me.MapGet("/export", async (PersonalDataExport export, CancellationToken ct) => TypedResults.Ok(await export.ExportAsync(ct)))
            .RequireScope(ApiScopes.ProfileRead).WithSummary("Everything Agora holds about the signed-in person (audited)");
    }

    private static async Task<Results<Ok<ProfileDto>, NotFound>> GetProfile(UpdateProfile profiles, CancellationToken ct) =>
        await profiles.GetAsync(ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<IResult> PutProfile(ProfileInput input, UpdateProfile profiles, CancellationToken ct) =>
        ApiResults.From(await profiles.UpdateAsync(input, ct));
}
