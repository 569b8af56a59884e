using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Hubs;

/// <summary>
/// A community role a hub defines for itself ("Patient ambassador"), next to the built-in ones. It is a title the hub
/// counts and shows, never a permission: authorization stays on <see cref="HubRoles"/>. Renamed freely; retired rather
/// than deleted, so the people who hold it and the calls made for it keep their meaning.
/// </summary>
public sealed class HubDefinedRole
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    /// <summary>Stable key within the hub (lowercase letters, digits, hyphens); names may change, the key does not.</summary>
    public string Key { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NamePt { get; set; } = "";
    public string NameNb { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when retired: no longer offered for new calls or new holders; those who hold it keep it.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public string Name(string culture) => ThreeLanguages.Pick(culture, NameEn, NamePt, NameNb);
}

/// <summary>A person holds a hub's defined role through their membership: it ends with the membership.</summary>
public sealed class HubRoleHolder
{
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    public int RoleId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}

public static class DefinedRoleLimits
{
    public const int Key = 60;
    public const int Name = 80;
    public const int Description = 500;
    /// <summary>Active roles a hub may define.</summary>
    public const int MaxActive = 30;
}

public sealed class HubDefinedRoleConfiguration : IEntityTypeConfiguration<HubDefinedRole>
{
    public void Configure(EntityTypeBuilder<HubDefinedRole> b)
    {
        b.ToTable("HubDefinedRoles");
        b.Property(r => r.Key).HasMaxLength(DefinedRoleLimits.Key).IsRequired();
        b.Property(r => r.NameEn).HasMaxLength(DefinedRoleLimits.Name * 2).IsRequired();
        b.Property(r => r.NamePt).HasMaxLength(DefinedRoleLimits.Name * 2).IsRequired();
        b.Property(r => r.NameNb).HasMaxLength(DefinedRoleLimits.Name * 2).IsRequired();
        b.Property(r => r.Description).HasMaxLength(DefinedRoleLimits.Description * 2).IsRequired();
        b.HasIndex(r => new { r.HubId, r.Key }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubRoleHolderConfiguration : IEntityTypeConfiguration<HubRoleHolder>
{
    public void Configure(EntityTypeBuilder<HubRoleHolder> b)
    {
        b.ToTable("HubRoleHolders");
        b.HasKey(h => new { h.RoleId, h.UserId });
        b.HasIndex(h => new { h.HubId, h.UserId });
        b.HasIndex(h => h.UserId);
        b.HasOne<HubDefinedRole>().WithMany().HasForeignKey(h => h.RoleId).OnDelete(DeleteBehavior.Cascade);
        // Held through the membership: when it goes, the role goes (the use cases remove it first, audited).
        b.HasOne<HubMembership>().WithMany().HasForeignKey(h => new { h.HubId, h.UserId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
