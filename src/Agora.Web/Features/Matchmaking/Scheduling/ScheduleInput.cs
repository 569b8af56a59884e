namespace Agora.Web.Features.Matchmaking.Scheduling;

// The scheduler's input: plain values, so a matchmaking session (its slots, tables, registrations and accepted requests)
// maps onto it in one query and the engine stays free of EF and ASP.NET. Slots are referred to by their index in
// ScheduleInput.Slots, which is their order in time; tables, participants and meetings by their own ids.

/// <summary>Where a table stands: a table in the room, or an online room (which is its own "table").</summary>
public enum RoomKind { OnSite, Online }

/// <summary>Which kind of table a meeting needs.</summary>
public enum MeetingMode { Any, OnSite, Online }

/// <summary>A time slot of the session; a break takes no meetings and does not count as idle time.</summary>
public sealed record ScheduleSlot(bool IsBreak = false);

public sealed record ScheduleTable(int Id, RoomKind Kind = RoomKind.OnSite);

/// <summary>A registered participant: the slots (indexes) they are available in, and those they prefer, if any.</summary>
public sealed record ScheduleParticipant(int Id, IReadOnlySet<int> AvailableSlots, IReadOnlySet<int>? PreferredSlots = null);

/// <summary>The organiser's lock: the meeting takes this slot, and this table when one is named.</summary>
public sealed record MeetingLock(int Slot, int? TableId = null);

/// <summary>An accepted meeting of two or more participants (a participant may bring a colleague).</summary>
public sealed record ScheduleMeeting(int Id, IReadOnlyList<int> ParticipantIds, MeetingMode Mode = MeetingMode.Any, MeetingLock? Lock = null);

public sealed record ScheduleInput(
    IReadOnlyList<ScheduleSlot> Slots,
    IReadOnlyList<ScheduleTable> Tables,
    IReadOnlyList<ScheduleParticipant> Participants,
    IReadOnlyList<ScheduleMeeting> Meetings);

/// <summary>
/// The solver's limits. The deterministic limit (CP-SAT's own work units, close to seconds) decides when the search
/// stops, so the same input gives the same schedule on any machine; the wall-clock limit is only a safety net (when it
/// is what stops the search, the result may differ from run to run).
/// </summary>
public sealed record ScheduleOptions
{
    public double DeterministicTimeLimit { get; init; } = 8;
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Threads for CP-SAT. The search is interleaved (deterministic), so the same input and the same number of
    /// threads give the same schedule; OR-Tools says the number does not matter either, but measured it does.</summary>
    public int Workers { get; init; } = 2;
}
