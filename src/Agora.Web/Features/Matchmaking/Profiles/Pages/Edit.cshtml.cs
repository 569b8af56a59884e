using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>A member of the profile's organisation changes it; a published profile goes back to review.</summary>
public sealed class EditModel(IStringLocalizer<SharedResource> t, AgoraDbContext db, PartneringProfiles profiles, PartneringQueries queries, PartneringAccess access)
    : ProfileFormPage(t, db)
{
    public override bool IsNew => false;
    public int Id { get; private set; }

    private async Task<ProfileView?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (!found.IsOk || !found.Value!.Can.Edit) return null;
        Id = id;
        WasPublished = found.Value.Status == ProfileStatus.Published;
        EditedTitle = found.Value.Title;
        await LoadChoicesAsync(access.Me, ct);
        return found.Value;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } p) return this.Hidden();
        Input = ProfileFormInput.From(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await profiles.UpdateAsync(id, Input.ToInput(), ct);
        return await this.AnswerAsync(result, Text["Matchmaking.Profiles.Saved"].Value, _ => PartneringProfiles.PathOf(id),
            async () => await LoadAsync(id, ct) is null ? this.Hidden() : Page());
    }
}
