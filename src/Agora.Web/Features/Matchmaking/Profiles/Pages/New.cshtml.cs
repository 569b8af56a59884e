using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>A member of an organisation writes a draft profile for it (then submits it from the profile's page).</summary>
public sealed class NewModel(IStringLocalizer<SharedResource> t, AgoraDbContext db, PartneringProfiles profiles, PartneringAccess access) : ProfileFormPage(t, db)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(string? organisation, CancellationToken ct)
    {
        await LoadChoicesAsync(access.Me, ct);
        var chosen = Organisations.FirstOrDefault(o => o.Slug == organisation) ?? Organisations.FirstOrDefault();
        Input = new ProfileFormInput { Organisation = chosen?.Slug, Language = System.Globalization.CultureInfo.CurrentUICulture.Name };
        if (chosen is not null)
        {
            var id = await Db.Organisations.AsNoTracking().Where(o => o.Slug == chosen.Slug).Select(o => o.Id).SingleAsync(ct);
            Input.Hub = await profiles.ProposedHubAsync(id, ct);
        }
        if (!PartneringProfiles.Languages.Contains(Input.Language)) Input.Language = "en";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await profiles.CreateAsync(Input.ToInput() with { Version = null }, ct);
        return await this.AnswerAsync(result, Text["Matchmaking.Profiles.Created"].Value, PartneringProfiles.PathOf,
            async () => { await LoadChoicesAsync(access.Me, ct); return Page(); });
    }
}
