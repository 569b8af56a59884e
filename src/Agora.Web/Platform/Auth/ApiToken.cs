using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Auth;

/// <summary>A personal access token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>First characters of the token, shown so the owner can recognise it.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Space-separated scopes, see <see cref="ApiScopes"/>.</summary>
    public string Scopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

public static class ApiScopes
{
    public const string ProfileRead = "profile:read";
    public const string ProfileWrite = "profile:write";
    public const string HubsRead = "hubs:read";
    public const string HubsWrite = "hubs:write";
    public const string OrganisationsRead = "organisations:read";
    public const string OrganisationsWrite = "organisations:write";
    public const string AuditRead = "audit:read";
    public const string IdeasRead = "ideas:read";
    public const string IdeasWrite = "ideas:write";
    public const string AdminWrite = "admin:write";

    public static readonly string[] All =
        [ProfileRead, ProfileWrite, HubsRead, HubsWrite, OrganisationsRead, OrganisationsWrite, AuditRead, IdeasRead, IdeasWrite, AdminWrite];
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(80).IsRequired();
        b.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        b.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        b.Property(t => t.Scopes).HasMaxLength(300).IsRequired();
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
