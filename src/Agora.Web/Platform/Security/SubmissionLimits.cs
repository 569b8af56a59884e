using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Security;

/// <summary>The kinds of things a person submits, each limited on its own (configuration names under RateLimits:Submissions).</summary>
public static class SubmissionKinds
{
    public const string Ideas = "Ideas";
    public const string Comments = "Comments";
    public const string Reports = "Reports";
    public const string Requests = "Requests";
    public const string JoinRequests = "JoinRequests";
    public const string Invitations = "Invitations";
}

/// <summary>
/// Per-person limits on submissions, counted in the database (Agora runs as several instances on one database, so no
/// process keeps state another needs). A real person never meets them; a script does, and is answered
/// <see cref="Outcome.TooMany"/> (429 with Retry-After on the API, a message on the page). Configuration:
/// <c>RateLimits:Submissions:PerMinute</c> and <c>PerHour</c> for every kind, <c>RateLimits:Submissions:{Kind}:PerMinute</c>
/// and <c>...:PerHour</c> for one kind.
/// </summary>
public sealed class SubmissionLimits(IConfiguration config, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int DefaultPerMinute = 10;
    public const int DefaultPerHour = 100;

    public (int PerMinute, int PerHour) LimitsOf(string kind)
    {
        var section = config.GetSection("RateLimits:Submissions");
        var perMinute = section.GetValue<int?>($"{kind}:PerMinute") ?? section.GetValue<int?>("PerMinute") ?? DefaultPerMinute;
        var perHour = section.GetValue<int?>($"{kind}:PerHour") ?? section.GetValue<int?>("PerHour") ?? DefaultPerHour;
        return (Math.Max(1, perMinute), Math.Max(1, perHour));
    }

    /// <summary>
    /// A refusal when the person already made too many of <paramref name="kind"/> lately; null when they may go on.
    /// <paramref name="createdAt"/> is when each of the person's earlier submissions of this kind was made.
    /// </summary>
    public async Task<Result<T>?> RefuseAsync<T>(string kind, IQueryable<DateTimeOffset> createdAt, CancellationToken ct)
    {
        var (perMinute, perHour) = LimitsOf(kind);
        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var minuteAgo = now.AddMinutes(-1);
        var recent = await createdAt.Where(c => c > hourAgo).OrderByDescending(c => c).Take(perHour).ToListAsync(ct);
        var lastMinute = recent.Where(c => c > minuteAgo).ToList();
        if (lastMinute.Count >= perMinute)
            return Result<T>.TooMany(Wait(lastMinute[perMinute - 1].AddMinutes(1) - now), t["Limits.TooManyPerMinute"].Value);
        if (recent.Count >= perHour)
            return Result<T>.TooMany(Wait(recent[perHour - 1].AddHours(1) - now), t["Limits.TooManyPerHour"].Value);
        return null;
    }

    private static TimeSpan Wait(TimeSpan span) => span < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : span;
}
