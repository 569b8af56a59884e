using Agora.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Organisations;

public enum OrganisationType
{
    Hospital,
    Municipality,
    GovernmentAgency,
    Company,
    University,
    Cluster,
    PatientAssociation,
    Other,
}

/// <summary>A hospital, municipality, agency, company, university, cluster or association.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public OrganisationType Type { get; set; }
    public string Description { get; set; } = "";
    public string? Website { get; set; }
    public string Country { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A person belonging to an organisation; admins may edit its profile and members.</summary>
public sealed class OrganisationMember
{
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public bool IsAdmin { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>
/// An invitation to join an organisation, addressed to an email: the same for addresses with and without an account
/// (nobody learns who has one), and a person is a member only once they accept, signed in with that confirmed address.
/// Open until answered or expired; answering it is single use.
/// </summary>
public sealed class OrganisationInvitation
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public bool IsAdmin { get; set; }
    public Guid InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? Accepted { get; set; }
}

public sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> b)
    {
        b.ToTable("OrganisationInvitations");
        b.Property(i => i.Email).HasMaxLength(256).IsRequired();
        b.Property(i => i.NormalizedEmail).HasMaxLength(256).IsRequired();
        b.HasIndex(i => i.NormalizedEmail);
        b.HasIndex(i => new { i.OrganisationId, i.NormalizedEmail });
        b.HasIndex(i => i.InvitedById);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        // A person's own organisation (their profile); configured here so the account knows no organisations.
        b.HasMany<AgoraUser>().WithOne().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.Property(o => o.Slug).HasMaxLength(60).IsRequired();
        b.HasIndex(o => o.Slug).IsUnique();
        b.Property(o => o.Name).HasMaxLength(160).IsRequired();
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Description).HasMaxLength(4000).IsRequired();
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Country).HasMaxLength(80).IsRequired();
    }
}

public sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> b)
    {
        b.ToTable("OrganisationMembers");
        b.HasKey(m => new { m.OrganisationId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
