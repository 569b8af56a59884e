using System.Security.Cryptography;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>How the campaign use cases find a campaign and decide who may change it.</summary>
internal static class CampaignAccess
{
    public static IQueryable<Campaign> Find(AgoraDbContext db, string hubSlug, string campaignSlug) =>
        db.Campaigns.Where(c => c.Slug == campaignSlug && db.Hubs.Any(h => h.Id == c.HubId && h.Slug == hubSlug));

    /// <summary>
    /// Null when the person manages the campaign's hub. Otherwise Forbidden when they can see the campaign,
    /// NotFound when they cannot (drafts and campaigns for others do not exist for them).
    /// </summary>
    public static Outcome? RefuseUnlessManager(CampaignState state, CampaignAudience audience, Viewer viewer) =>
        viewer.CanManage ? null
        : CampaignRules.CanRead(new CampaignPolicy(state, audience, [], null, null), viewer) ? Outcome.Forbidden
        : Outcome.NotFound;

    public static Result<T> Refused<T>(Outcome outcome) =>
        outcome == Outcome.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();
}

/// <summary>Checks and stores campaign covers (PNG, JPEG or WebP recognised by content, at most 1 MB) in the files table.</summary>
internal static class CoverImages
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The file to store, or null with an error on "cover".</summary>
    public static StoredFile? Check(Validator v, UploadInput cover, Guid uploadedBy, DateTimeOffset now)
    {
        if (cover.Size > MaxBytes)
        {
            v.Add("cover", "Campaigns.CoverTooLarge", MaxBytes / 1024);
            return null;
        }
        var type = ImageTypes.Detect(cover.Content);
        if (type is null)
        {
            v.Add("cover", "Campaigns.CoverType");
            return null;
        }
        return new StoredFile
        {
            Id = Guid.NewGuid(),
            // Never the name the browser sent: it is not needed and may carry paths or control characters.
            FileName = "cover." + type["image/".Length..],
            ContentType = type,
            Size = cover.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(cover.Content)),
            Content = cover.Content,
            UploadedById = uploadedBy,
            UploadedAt = now,
        };
    }

    /// <summary>Points the campaign at <paramref name="file"/> (none removes the cover) and deletes the old file's bytes.</summary>
    public static void Replace(AgoraDbContext db, Campaign campaign, StoredFile? file)
    {
        var old = campaign.CoverFileId;
        if (file is not null) db.Files.Add(file);
        campaign.CoverFileId = file?.Id;
        if (old is { } id && id != file?.Id) db.Files.Remove(new StoredFile { Id = id });
    }
}
