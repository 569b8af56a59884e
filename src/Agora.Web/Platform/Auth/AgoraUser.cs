using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Auth;

/// <summary>A person with an account.</summary>
public sealed class AgoraUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? OrganisationId { get; set; }
    /// <summary>Culture name (en, pt-PT, nb-NO) or null to follow the browser.</summary>
    public string? PreferredLanguage { get; set; }
    public bool IsPlatformAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AgoraUserConfiguration : IEntityTypeConfiguration<AgoraUser>
{
    public void Configure(EntityTypeBuilder<AgoraUser> b)
    {
        // An erased account keeps an empty name, read everywhere as "a former member" in the reader's language.
        b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired()
            .HasConversion(v => Platform.Privacy.FormerMember.ToStored(v), v => Platform.Privacy.FormerMember.FromStored(v));
        b.Property(u => u.PreferredLanguage).HasMaxLength(10);
        // The organisation a person names (OrganisationId) is tied to its table by Organisations' configuration.
    }
}
