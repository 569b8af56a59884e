using Agora.Web.Features.Network;

namespace Agora.Tests.Features.Network.Figures;

/// <summary>The gap rule, the percentile and the period, without a database.</summary>
public sealed class FiguresRulesTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, GapState.Quiet)]
    [InlineData(0, 3, 0, 0, GapState.Gap)]
    [InlineData(0, 0, 1, 0, GapState.Gap)]
    [InlineData(0, 0, 0, 1, GapState.Gap)]
    [InlineData(2, 0, 0, 0, GapState.Offered)]
    [InlineData(1, 4, 1, 1, GapState.Covered)]
    public void StateOf_SupplyAndDemand_GapOnlyWhenAskedAndNotOffered(int supply, int demand, int declined, int referred, GapState expected) =>
        Assert.Equal(expected, GapRules.StateOf(supply, demand, declined, referred));

    [Fact]
    public void Percentile_InterpolatesBetweenClosestRanks()
    {
        Assert.Null(FiguresMath.Percentile([], 50));
        Assert.Equal(7.0, FiguresMath.Percentile([7.0], 90));
        Assert.Equal(20.0, FiguresMath.Percentile([30.0, 10.0], 50));
        Assert.Equal(28.0, FiguresMath.Percentile([10.0, 30.0], 90)!.Value, 9);
        Assert.Equal(3.0, FiguresMath.Percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50));
        Assert.Equal(4.6, FiguresMath.Percentile([1.0, 2.0, 3.0, 4.0, 5.0], 90)!.Value, 9);
        Assert.Equal(5.0, FiguresMath.Percentile([5.0, 1.0, 3.0], 100));
    }

    [Fact]
    public void Parse_PresetsAndDates_WholeUtcDays()
    {
        var today = new DateOnly(2026, 12, 7);
        Assert.Equal(new FiguresPeriod(new(2026, 1, 1), new(2026, 12, 31), "this-year"), FiguresPeriod.Parse(null, null, null, today));
        Assert.Equal(new FiguresPeriod(new(2025, 1, 1), new(2025, 12, 31), "last-year"), FiguresPeriod.Parse("last-year", null, null, today));
        Assert.Equal(new FiguresPeriod(new(2026, 4, 1), new(2026, 6, 30), "2026-q2"), FiguresPeriod.Parse("2026-Q2", null, null, today));
        Assert.Equal(new FiguresPeriod(new(2026, 10, 1), new(2026, 12, 31), "2026-q4"), FiguresPeriod.Parse("2026-q4", null, null, today));
        var dates = FiguresPeriod.Parse(null, "2026-02-01", "2026-02-28", today)!;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), dates.End);
        Assert.Equal("from=2026-02-01&to=2026-02-28", dates.Query);
        Assert.Null(FiguresPeriod.Parse("2026-q5", null, null, today));
        Assert.Null(FiguresPeriod.Parse("someday", null, null, today));
        Assert.Null(FiguresPeriod.Parse(null, "2026-03-01", "2026-02-01", today));
        Assert.Null(FiguresPeriod.Parse(null, "1 March", null, today));
        Assert.Null(FiguresPeriod.Parse(null, "2000-01-01", "2026-01-01", today));
        Assert.Equal(4 + 2, FiguresPeriod.Presets(today).Count);
    }
}
