using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Audit;

/// <summary>/api/v1/audit and /api/v1/hubs/{slug}/audit: the audit trails.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var scope = ApiScopes.AuditRead;
        api.MapGet("/audit", All).WithName("ListAuditEvents").RequireAuthorization(Policies.PlatformAdmin).RequireScope(scope).WithTags("Audit")
            .WithSummary("The whole audit trail (platform admin)").WithDescription("Filters: action, actor (email contains), from, to (yyyy-MM-dd); newest first.");
        api.MapGet("/hubs/{slug}/audit", ForHub).WithName("ListHubAuditEvents").RequireScope(scope).WithTags("Audit")
            .WithSummary("A hub's audit trail (hub manager)");
        return api;
    }

    private static async Task<Results<Ok<PagedList<AuditRow>>, ValidationProblem>> All(AuditQueries q, IStringLocalizer<SharedResource> t, string? action, string? actor,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = ListQuery.Parse(page, pageSize ?? 50, null, ["occurredAt"], "occurredAt");
        if (paging is null || !AuditQueries.IsKnownAction(action) || actor?.Length > 256) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(null, new AuditFilter(action, actor, from, to), paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<Ok<PagedList<AuditRow>>, ValidationProblem, ProblemHttpResult>> ForHub(string slug, AuditQueries q, HubQueries hubs,
        CurrentUser current, IAuthorizationService authz, IStringLocalizer<SharedResource> t, string? action, string? actor, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (await hubs.FindIdAsync(slug, ct) is not { } hubId
            || !(await authz.AuthorizeAsync(current.Principal, new HubResource(hubId), HubOperations.ViewAudit)).Succeeded)
            return ApiResults.NotFound();
        var paging = ListQuery.Parse(page, pageSize ?? 50, null, ["occurredAt"], "occurredAt");
        if (paging is null || !AuditQueries.IsKnownAction(action) || actor?.Length > 256) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(hubId, new AuditFilter(action, actor, from, to), paging.Page, paging.PageSize, ct));
    }
}
