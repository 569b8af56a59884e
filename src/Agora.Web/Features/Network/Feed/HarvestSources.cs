using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>A harvest source as sent by the form or the API.</summary>
public sealed record HarvestSourceInput
{
    public string? Name { get; init; }
    /// <summary>The other installation's plain JSON feed, e.g. https://agora.example.org/network/feed.json.</summary>
    public string? FeedUrl { get; init; }
    /// <summary>Minutes between harvests, 15 to 10080 (a week).</summary>
    public int? IntervalMinutes { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Let the harvest connect to private, loopback and link-local addresses (a source on the same network).</summary>
    public bool AllowPrivateAddress { get; init; }
}

/// <summary>A harvest source as the admin sees it, with the state of its last harvest.</summary>
public sealed record HarvestSourceView(int Id, string Name, string FeedUrl, int IntervalMinutes, bool Enabled, bool AllowPrivateAddress,
    DateTimeOffset CreatedAt, DateTimeOffset NextDueAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt,
    string? LastErrorCode, string? LastError, DateTimeOffset? LastErrorAt, int ServiceCount);

/// <summary>
/// Platform admins add, change and remove harvest sources and start a harvest at once; every change audited. Removing a
/// source removes what was harvested from it.
/// </summary>
public sealed class HarvestSources(AgoraDbContext db, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock, Harvester harvester)
{
    public const int MinInterval = 15;
    public const int MaxInterval = 7 * 24 * 60;

    private bool Allowed => current.IsAuthenticated && current.IsPlatformAdmin;

    public async Task<Result<PagedList<HarvestSourceView>>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        if (!Allowed) return Result<PagedList<HarvestSourceView>>.Forbidden();
        var total = await db.Set<HarvestSource>().CountAsync(ct);
        var items = await Views(db.Set<HarvestSource>().OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return Result<PagedList<HarvestSourceView>>.Ok(new PagedList<HarvestSourceView>(items, page, pageSize, total));
    }

    public async Task<Result<HarvestSourceView>> GetAsync(int id, CancellationToken ct)
    {
        if (!Allowed) return Result<HarvestSourceView>.Forbidden();
        var view = await Views(db.Set<HarvestSource>().Where(s => s.Id == id)).SingleOrDefaultAsync(ct);
        return view is null ? Result<HarvestSourceView>.NotFound() : Result<HarvestSourceView>.Ok(view);
    }

    private IQueryable<HarvestSourceView> Views(IQueryable<HarvestSource> sources) => sources.Select(s => new HarvestSourceView(
        s.Id, s.Name, s.FeedUrl, s.IntervalMinutes, s.Enabled, s.AllowPrivateAddress, s.CreatedAt, s.NextDueAt, s.LastAttemptAt, s.LastSuccessAt,
        s.LastErrorCode, s.LastError, s.LastErrorAt, db.Set<HarvestedService>().Count(h => h.SourceId == s.Id)));

    public async Task<Result<int>> AddAsync(HarvestSourceInput input, CancellationToken ct)
    {
        if (!Allowed) return Result<int>.Forbidden();
        var now = clock.GetUtcNow();
        var source = new HarvestSource { CreatedAt = now, UpdatedAt = now, NextDueAt = now };
        Apply(source, input);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        db.Add(source);
        audit.Add(AuditActions.HarvestSourceAdded, subject: source.Name, details: source.FeedUrl);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(source.Id);
    }

    public async Task<Result<int>> UpdateAsync(int id, HarvestSourceInput input, CancellationToken ct)
    {
        if (!Allowed) return Result<int>.Forbidden();
        var source = await db.Set<HarvestSource>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return Result<int>.NotFound();
        var url = source.FeedUrl;
        Apply(source, input);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        source.UpdatedAt = clock.GetUtcNow();
        // A new address is harvested at once.
        if (url != source.FeedUrl) source.NextDueAt = source.UpdatedAt;
        audit.Add(AuditActions.HarvestSourceChanged, subject: source.Id.ToString(), details: $"{source.Name} {source.FeedUrl} enabled={source.Enabled} private={source.AllowPrivateAddress}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(source.Id);
    }

    public async Task<Result<int>> RemoveAsync(int id, CancellationToken ct)
    {
        if (!Allowed) return Result<int>.Forbidden();
        var source = await db.Set<HarvestSource>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return Result<int>.NotFound();
        db.Remove(source);
        audit.Add(AuditActions.HarvestSourceRemoved, subject: source.Id.ToString(), details: $"{source.Name} {source.FeedUrl}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Harvests the source now (unless a harvest of it is running); the outcome is on the source.</summary>
    public async Task<Result<int>> HarvestNowAsync(int id, CancellationToken ct)
    {
        if (!Allowed) return Result<int>.Forbidden();
        if (!await db.Set<HarvestSource>().AnyAsync(s => s.Id == id, ct)) return Result<int>.NotFound();
        var outcome = await harvester.HarvestAsync(id, onlyIfDue: false, ct);
        if (outcome is null) return Result<int>.Conflict("", v.Message("Network.Feed.HarvestRunning"));
        return Result<int>.Ok(id);
    }

    private void Apply(HarvestSource source, HarvestSourceInput input)
    {
        source.Name = v.Text("name", input.Name, 120);
        var url = v.Text("feedUrl", input.FeedUrl, 500);
        if (url.Length > 0)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
                v.Add("feedUrl", "Network.Feed.UrlInvalid");
            else if (!input.AllowPrivateAddress && !HarvestAddresses.IsPublicHost(uri))
                v.Add("feedUrl", "Network.Feed.UrlPrivate");
        }
        source.FeedUrl = url;
        if (input.IntervalMinutes is not { } minutes) v.Add("intervalMinutes", "Validation.Required");
        else if (minutes is < MinInterval or > MaxInterval) v.Add("intervalMinutes", "Network.Feed.IntervalRange", MinInterval, MaxInterval);
        else source.IntervalMinutes = minutes;
        source.Enabled = input.Enabled;
        source.AllowPrivateAddress = input.AllowPrivateAddress;
    }
}
