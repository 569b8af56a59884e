using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations.Pages;

/// <summary>The signed-in person's open invitations to organisations: they accept or decline each here.</summary>
public sealed class InvitationsModel(OrganisationMembership membership, IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public IReadOnlyList<OrganisationInvitationRow> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Invitations = await membership.MyInvitationsAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid invitationId, CancellationToken ct)
    {
        var result = await membership.AnswerAsync(invitationId, true, ct);
        return await AnswerAsync(result.Select(_ => 0), "Input", "Organisations.InvitationAccepted",
            result.IsOk ? $"/organisations/{result.Value}" : "/organisations/invitations", ReloadAsync(ct));
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid invitationId, CancellationToken ct) =>
        await AnswerAsync((await membership.AnswerAsync(invitationId, false, ct)).Select(_ => 0), "Input", "Organisations.InvitationDeclined",
            "/organisations/invitations", ReloadAsync(ct));

    private Func<Task<bool>> ReloadAsync(CancellationToken ct) => async () =>
    {
        Invitations = await membership.MyInvitationsAsync(ct);
        return true;
    };
}
