using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>Where an initiative's money comes from.</summary>
public enum FundingSource
{
    Internal,
    EuStructuralFunds,
    NationalGrant,
    PartnerContribution,
}

/// <summary>Budget of an initiative for one quarter and funding source: planned and spent, in the hub's currency.</summary>
public sealed class BudgetLine
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public int Year { get; set; }
    /// <summary>1–4.</summary>
    public int Quarter { get; set; }
    public FundingSource Source { get; set; }
    public decimal Planned { get; set; }
    public decimal Spent { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A risk to an initiative: likelihood and impact 1–5 (their product is its score), and how it is mitigated.</summary>
public sealed class InitiativeRisk
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public string Description { get; set; } = "";
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public string Mitigation { get; set; } = "";
    public bool Closed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("BudgetLines");
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Planned).HasPrecision(18, 2);
        b.Property(x => x.Spent).HasPrecision(18, 2);
        b.HasIndex(x => new { x.InitiativeId, x.Year, x.Quarter, x.Source }).IsUnique();
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InitiativeRiskConfiguration : IEntityTypeConfiguration<InitiativeRisk>
{
    public void Configure(EntityTypeBuilder<InitiativeRisk> b)
    {
        b.ToTable("InitiativeRisks");
        b.Property(x => x.Description).HasMaxLength(BudgetAndRiskLimits.Text).IsRequired();
        b.Property(x => x.Mitigation).HasMaxLength(BudgetAndRiskLimits.Text).IsRequired();
        b.HasIndex(x => x.InitiativeId);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Limits on an initiative's budget lines and risks (text length, counts, years, amounts).</summary>
public static class BudgetAndRiskLimits
{
    public const int Text = 2000;
    public const int MaxRisks = 50;
    public const int MaxBudgetLines = 200;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const decimal MaxAmount = 1_000_000_000_000m;
}
