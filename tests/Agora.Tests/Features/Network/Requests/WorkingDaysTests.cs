using Agora.Web.Features.Network;

namespace Agora.Tests.Features.Network.Requests;

/// <summary>The front desk's working-day calendar: weekends and the national public holidays of the hub's country.</summary>
public sealed class WorkingDaysTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("PT", 2025, 4, 25)] // Dia da Liberdade (a Friday)
    [InlineData("PT", 2025, 6, 10)] // Dia de Portugal (a Tuesday)
    [InlineData("PT", 2026, 4, 3)] // Good Friday
    [InlineData("PT", 2026, 12, 8)] // Imaculada Conceição
    [InlineData("PT", 2026, 12, 25)]
    [InlineData("NO", 2027, 5, 17)] // Grunnlovsdag (a Monday)
    [InlineData("NO", 2026, 4, 2)] // Skjærtorsdag
    [InlineData("NO", 2026, 4, 6)] // Easter Monday
    [InlineData("NO", 2026, 12, 25)]
    [InlineData("NO", 2026, 12, 26)]
    public void IsWorkingDay_PublicHoliday_False(string country, int y, int m, int d) =>
        Assert.False(WorkingDays.IsWorkingDay(country, D(y, m, d)));

    [Theory]
    [InlineData("PT", 2026, 4, 6)] // Easter Monday is no holiday in Portugal
    [InlineData("PT", 2027, 5, 17)]
    [InlineData("NO", 2025, 4, 25)]
    [InlineData("NO", 2025, 6, 10)]
    [InlineData("XX", 2026, 12, 25)] // a country without a calendar: weekdays work
    public void IsWorkingDay_OrdinaryWeekday_True(string country, int y, int m, int d) =>
        Assert.True(WorkingDays.IsWorkingDay(country, D(y, m, d)));

    [Fact]
    public void IsWorkingDay_Weekend_False()
    {
        Assert.False(WorkingDays.IsWorkingDay("PT", D(2026, 12, 5)));
        Assert.False(WorkingDays.IsWorkingDay("NO", D(2026, 12, 6)));
        Assert.False(WorkingDays.IsWorkingDay(null, D(2026, 12, 6)));
    }

    [Fact]
    public void Add_SubmittedOnAFriday_CountsFromMondaySkippingHolidays()
    {
        // Friday 4 December 2026, five working days: Portugal keeps 8 December, Norway does not.
        Assert.Equal(D(2026, 12, 14), WorkingDays.Add("PT", D(2026, 12, 4), 5));
        Assert.Equal(D(2026, 12, 11), WorkingDays.Add("NO", D(2026, 12, 4), 5));
        Assert.Equal(D(2026, 12, 7), WorkingDays.Add("PT", D(2026, 12, 4), 1));
    }

    [Fact]
    public void Add_OverEaster_EachCountrysEaster()
    {
        // Maundy Thursday 2 April 2026 plus one working day: Portugal skips Good Friday; Norway also Easter Monday.
        Assert.Equal(D(2026, 4, 6), WorkingDays.Add("PT", D(2026, 4, 2), 1));
        Assert.Equal(D(2026, 4, 7), WorkingDays.Add("NO", D(2026, 4, 2), 1));
    }

    [Fact]
    public void Add_OverChristmas_SkipsTheHolidays()
    {
        Assert.Equal(D(2026, 12, 29), WorkingDays.Add("NO", D(2026, 12, 24), 2)); // 25, 26 (Sat), 27 (Sun) off: 28, 29
        Assert.Equal(D(2026, 12, 29), WorkingDays.Add("PT", D(2026, 12, 24), 2));
    }

    [Fact]
    public void AnswerDue_EndOfTheDueDayInTheHubsZone()
    {
        // 23:30 UTC on a Friday is still Friday in Lisbon but already Saturday in Oslo.
        var friday = new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 23, 59, 59, TimeSpan.Zero), WorkingDays.AnswerDue(friday, "PT", 1, "Europe/Lisbon"));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 22, 59, 59, TimeSpan.Zero), WorkingDays.AnswerDue(friday, "NO", 1, "Europe/Oslo"));
        Assert.Equal(TimeSpan.Zero, WorkingDays.AnswerDue(friday, "PT", 5, "Europe/Lisbon").Offset);
    }
}
