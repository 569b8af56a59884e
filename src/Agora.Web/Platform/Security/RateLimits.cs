using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Agora.Web.Platform.Security;

/// <summary>Section "RateLimits": attempts per client address and minute.</summary>
public sealed class RateLimitSettings
{
    public int SignInPerMinute { get; set; } = 10;
    public int RegisterPerMinute { get; set; } = 5;
    public int PasswordResetPerMinute { get; set; } = 5;
}

public static class RateLimits
{
    /// <summary>POSTs to these paths are limited per client address; the value names the limit.</summary>
    private static readonly (string Path, string Limit)[] Limited =
    [
        ("/account/signin", "signin"),
        ("/account/register", "register"),
        ("/account/forgot-password", "reset"),
        ("/account/reset-password", "reset"),
        ("/account/resend-confirmation", "reset"),
    ];

    public static void AddAgoraRateLimits(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new();
        // Submissions are limited per person inside the use cases, counted in the database (see SubmissionLimits).
        builder.Services.AddScoped<SubmissionLimits>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var path = ctx.Request.Path;
                var limit = Limited.FirstOrDefault(l => path.StartsWithSegments(l.Path)).Limit;
                if (limit is null) return RateLimitPartition.GetNoLimiter("");
                var permits = limit switch
                {
                    "signin" => settings.SignInPerMinute,
                    "register" => settings.RegisterPerMinute,
                    _ => settings.PasswordResetPerMinute,
                };
                var key = limit + ":" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
