using Agora.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Hubs;

/// <summary>A person's membership of a hub and the roles they hold there.</summary>
public sealed class HubMembership
{
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    public HubRoles Roles { get; set; } = HubRoles.Member;
    public DateTimeOffset JoinedAt { get; set; }
}

public enum JoinRequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A request to join a hub whose join policy asks for approval.</summary>
public sealed class JoinRequest
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    public string Message { get; set; } = "";
    public JoinRequestStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
}

/// <summary>An invitation sent by email; only the hash of its token is kept.</summary>
public sealed class HubInvitation
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public string Email { get; set; } = "";
    public HubRoles Roles { get; set; } = HubRoles.Member;
    public string TokenHash { get; set; } = "";
    public Guid InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class HubMembershipConfiguration : IEntityTypeConfiguration<HubMembership>
{
    public void Configure(EntityTypeBuilder<HubMembership> b)
    {
        b.ToTable("HubMemberships");
        b.HasKey(m => new { m.HubId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> b)
    {
        b.ToTable("HubJoinRequests");
        b.Property(r => r.Message).HasMaxLength(1000).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.HubId, r.Status });
        // At most one pending request per person and hub, enforced by the database.
        b.HasIndex(r => new { r.HubId, r.UserId }).IsUnique().HasFilter("\"Status\" = 'Pending'");
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubInvitationConfiguration : IEntityTypeConfiguration<HubInvitation>
{
    public void Configure(EntityTypeBuilder<HubInvitation> b)
    {
        b.ToTable("HubInvitations");
        b.Property(i => i.Email).HasMaxLength(256).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.HubId);
        b.HasOne<Hub>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}
