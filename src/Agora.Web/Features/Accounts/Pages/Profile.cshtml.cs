using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class ProfileModel(UpdateProfile profiles, AgoraDbContext db, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ProfileForm Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public sealed class ProfileForm
    {
        public string? DisplayName { get; set; }
        public Guid? OrganisationId { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var p = await profiles.GetAsync(ct);
        if (p is null) return NotFound();
        Input = new ProfileForm { DisplayName = p.DisplayName, OrganisationId = p.OrganisationId, PreferredLanguage = p.PreferredLanguage };
        await LoadAsync(p.Email, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(null, ct);
            return Page();
        }
        var result = await profiles.UpdateAsync(new ProfileInput(Input.DisplayName, Input.OrganisationId, Input.PreferredLanguage), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Flash"] = t["Common.Saved"].Value;
            return RedirectToPage();
        }
        ModelState.AddErrors(result.Errors);
        await LoadAsync(null, ct);
        return Page();
    }

    private async Task LoadAsync(string? email, CancellationToken ct)
    {
        var id = current.RequiredId;
        Email = email ?? await db.Users.Where(u => u.Id == id).Select(u => u.Email ?? "").SingleAsync(ct);
        var orgs = await (from m in db.OrganisationMembers join o in db.Organisations on m.OrganisationId equals o.Id
                          where m.UserId == id orderby o.Name select new { o.Id, o.Name }).ToListAsync(ct);
        Organisations = orgs.Select(o => (o.Id, o.Name)).ToList();
    }
}
