using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>The hub's review queue: profiles in review, outside the reviewer's own organisations (its desk; 404 for everyone else).</summary>
public sealed class ReviewsModel(PartneringQueries queries, AgoraDbContext db) : PageModel
{
    public IReadOnlyList<ProfileCard> Queue { get; private set; } = [];
    public string HubName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var queue = await queries.ReviewQueueAsync(slug, ct);
        if (!queue.IsOk) return this.Hidden();
        Queue = queue.Value!;
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        HubName = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug).Select(h => h.Texts.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? h.Name)
            .SingleAsync(ct);
        return Page();
    }
}
