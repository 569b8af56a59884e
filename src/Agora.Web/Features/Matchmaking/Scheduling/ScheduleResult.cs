namespace Agora.Web.Features.Matchmaking.Scheduling;

public sealed record MeetingAssignment(int MeetingId, int Slot, int TableId);

/// <summary>Why a meeting has no place in the schedule.</summary>
public enum UnplacedReason
{
    /// <summary>No slot (breaks aside) in which every participant is available.</summary>
    NoCommonSlot,
    /// <summary>In every common slot one of the participants has another meeting (the schedule places as many
    /// meetings as can be placed, so this one lost to others).</summary>
    ParticipantsBooked,
    /// <summary>Some common slot has every participant free, but its tables (of the kind the meeting needs) are full.</summary>
    NoTableLeft,
    /// <summary>The organiser's lock collides with an earlier lock: the same person or table in the same slot, or more
    /// locked meetings in the slot than tables (ConflictingMeetingId names the earlier lock when there is one).</summary>
    LockConflict,
    /// <summary>The lock cannot be kept on its own: a break, a slot outside a participant's availability, an unknown
    /// slot or table, or a table of another kind than the meeting needs.</summary>
    LockUnusable,
}

public sealed record UnplacedMeeting(int MeetingId, UnplacedReason Reason, int? ConflictingMeetingId = null);

/// <summary>
/// Optimal: the most meetings that can be placed are placed and the idle time is the least possible (both proven by
/// CP-SAT). Feasible: a valid schedule whose placement or idle time is not proven best within the time limit (compare
/// Placed with PlacementBound). Heuristic: the solver found nothing in time and the first-fit schedule is returned.
/// </summary>
public enum SolverStatus { Optimal, Feasible, Heuristic }

/// <summary>
/// The schedule's quality. Idle gaps: for each participant with a meeting, the slots between their first and last
/// meeting in which they have none (breaks excluded). PlacementBound is an upper bound on the meetings any schedule
/// can place (the solver's proven bound); Placed == PlacementBound proves that every meeting that can be placed is.
/// </summary>
public sealed record ScheduleQuality(
    int Placed,
    int Total,
    int PlacementBound,
    IReadOnlyDictionary<int, int> IdleGaps,
    int TotalIdle,
    int MaxIdle,
    double MeanIdle,
    int PreferredSlotsMet,
    SolverStatus Status,
    TimeSpan Elapsed)
{
    public bool PlacementProven => Placed == PlacementBound;
}

public sealed record ScheduleResult(
    IReadOnlyList<MeetingAssignment> Assignments,
    IReadOnlyList<UnplacedMeeting> Unplaced,
    ScheduleQuality Quality);
