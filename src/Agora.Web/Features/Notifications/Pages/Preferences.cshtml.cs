using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Notifications.Pages;

public sealed class PreferencesModel(NotificationPreferences preferences, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<PreferenceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await preferences.GetAsync(current.RequiredId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var choices = new Dictionary<NotificationKind, Delivery>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var value = Request.Form[kind.ToString()].ToString();
            if (value.Length == 0) continue;
            if (!Enum.TryParse<Delivery>(value, out var delivery) || !Enum.IsDefined(delivery)) return BadRequest();
            choices[kind] = delivery;
        }
        await preferences.SetAsync(current.RequiredId, choices, ct);
        TempData["Flash"] = t["Common.Saved"].Value;
        return RedirectToPage();
    }
}
