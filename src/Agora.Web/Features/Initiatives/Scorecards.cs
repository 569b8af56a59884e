using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>A criterion of the hub's evaluation scorecard, scored 1–5 (5 is always the best: for cost and risk, the lowest).</summary>
public sealed class EvaluationCriterion : IPositioned
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public int Position { get; set; }
    public string NameEn { get; set; } = "";
    public string NamePt { get; set; } = "";
    public string NameNb { get; set; } = "";
    /// <summary>Relative weight, 1–10.</summary>
    public int Weight { get; set; }
}

/// <summary>
/// One evaluator's scorecard for an initiative at one stage, submitted once. A declared conflict of interest keeps the
/// evaluation on record but without scores: it is left out of the result.
/// </summary>
public sealed class Evaluation
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Guid StageId { get; set; }
    public Guid EvaluatorId { get; set; }
    public bool Conflict { get; set; }
    public string ConflictNote { get; set; } = "";
    public string Comment { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A score on one criterion, with the criterion's weight when it was given (later changes to weights do not rewrite history).</summary>
public sealed class EvaluationScore
{
    public int EvaluationId { get; set; }
    public Guid CriterionId { get; set; }
    public int Score { get; set; }
    public int Weight { get; set; }
}

public sealed class EvaluationCriterionConfiguration : IEntityTypeConfiguration<EvaluationCriterion>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterion> b)
    {
        b.ToTable("EvaluationCriteria");
        b.Property(c => c.NameEn).HasMaxLength(ScorecardRules.Name).IsRequired();
        b.Property(c => c.NamePt).HasMaxLength(ScorecardRules.Name).IsRequired();
        b.Property(c => c.NameNb).HasMaxLength(ScorecardRules.Name).IsRequired();
        b.HasIndex(c => new { c.HubId, c.Position }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("Evaluations");
        b.Property(e => e.ConflictNote).HasMaxLength(ScorecardRules.Note).IsRequired();
        b.Property(e => e.Comment).HasMaxLength(ScorecardRules.Note).IsRequired();
        b.HasIndex(e => new { e.InitiativeId, e.StageId, e.EvaluatorId }).IsUnique();
        b.HasIndex(e => e.EvaluatorId);
        b.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InnovationStage>().WithMany().HasForeignKey(e => e.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.ToTable("EvaluationScores");
        b.HasKey(s => new { s.EvaluationId, s.CriterionId });
        b.HasOne<Evaluation>().WithMany().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ScorecardRules
{
    public const int Name = 150;
    public const int Note = 2000;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MinWeight = 1;
    public const int MaxWeight = 10;
    public const int MaxCriteria = 20;
}
