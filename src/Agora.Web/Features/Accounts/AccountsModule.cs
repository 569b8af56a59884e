namespace Agora.Web.Features.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this IServiceCollection services)
    {
    }

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
    }
}
