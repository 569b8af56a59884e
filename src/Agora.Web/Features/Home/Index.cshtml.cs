using Agora.Web.Features.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(HubQueries hubs) : PageModel
{
    public IReadOnlyList<HubSummary> Hubs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await hubs.ListAsync(new Platform.Http.ListQuery(1, 6, "name", false), null, null, ct);
        Hubs = page.Items;
    }
}
