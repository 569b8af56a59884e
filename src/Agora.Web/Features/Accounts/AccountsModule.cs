using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;

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

    /// <summary>Maps the accounts endpoints under /api/v1 (AccountsApi).</summary>
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api) => AccountsApi.Map(api);
}
