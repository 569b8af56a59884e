using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations.Pages;

/// <summary>
/// Anyone signed in sees who belongs; admins (and platform admins) add people by email, make or
/// unmake admins and remove members; a member may leave. The use cases decide, this page asks.
/// </summary>
public sealed class MembersModel(
    OrganisationQueries organisations, OrganisationMembership membership, OrganisationAccess access, CurrentUser current,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty] public AddForm Input { get; set; } = new();
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public OrganisationDetail? Organisation { get; private set; }
    public PagedList<OrganisationMemberRow> Result { get; private set; } = new([], 1, PageSize, 0);
    public bool CanManage { get; private set; }
    public bool ShowEmails { get; private set; }
    public bool? MyMembership { get; private set; }
    public Guid? MyId => current.Id;

    public sealed class AddForm
    {
        public string? Email { get; set; }
        public bool IsAdmin { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, PageSize, Sort, OrganisationQueries.MemberSorts, "name");
        if (query is null) return BadRequest();
        Sort = string.IsNullOrWhiteSpace(Sort) ? "name" : Sort.Trim();
        return await LoadAsync(slug, query, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        var result = await membership.InviteAsync(slug, Input.Email, Input.IsAdmin, ct);
        return await this.AnswerAsync(result, t["Organisations.InvitationSent"].Value, _ => $"/organisations/{slug}/members", () => RedisplayAsync(slug, ct),
            refused: _ => NotFound());
    }

    public async Task<IActionResult> OnPostSetAdminAsync(string slug, Guid userId, bool isAdmin, CancellationToken ct)
    {
        var result = await membership.SetAdminAsync(slug, userId, isAdmin, ct);
        return await RowAnswerAsync(result, (isAdmin ? t["Organisations.AdminGranted"] : t["Organisations.AdminRevoked"]).Value,
            $"/organisations/{slug}/members", slug, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, Guid userId, CancellationToken ct)
    {
        var self = userId == current.Id;
        var result = await membership.RemoveAsync(slug, userId, ct);
        return await RowAnswerAsync(result, (self ? t["Organisations.Left"] : t["Organisations.MemberRemoved"]).Value,
            self ? $"/organisations/{slug}" : $"/organisations/{slug}/members", slug, ct);
    }

    /// <summary>A row button's answer: row buttons have no field of their own, so their messages go to the summary.</summary>
    private Task<IActionResult> RowAnswerAsync<T>(Result<T> result, string flash, string redirect, string slug, CancellationToken ct) =>
        this.AnswerAsync(result, flash, _ => redirect, () =>
        {
            // Input is bound on every post; without its own fields it may have picked up the row's values.
            Input = new();
            return RedisplayAsync(slug, ct);
        }, errorKey: (_, _) => "", refused: _ => NotFound());

    private async Task<IActionResult> RedisplayAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, new ListQuery(1, PageSize, "name", false), ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string slug, ListQuery query, CancellationToken ct)
    {
        Organisation = await organisations.GetAsync(slug, ct);
        if (Organisation is null) return false;
        var list = await membership.ListAsync(slug, query, ct);
        if (!list.IsOk) return false;
        Result = list.Value!;
        CanManage = await access.CanManageAsync(Organisation.Id, ct);
        ShowEmails = await access.CanSeeEmailsAsync(Organisation.Id, ct);
        MyMembership = current.Id is { } me ? await organisations.MemberIsAdminAsync(Organisation.Id, me, ct) : null;
        return true;
    }
}
