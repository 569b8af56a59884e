namespace Agora.Web.Features.Initiatives;

/// <summary>What a person's standing in a hub lets them do with the hub's innovation initiatives.</summary>
public static class InitiativeOperations
{
    /// <summary>Hub managers and gatekeepers take the gate decisions of the hub's initiatives (go, pivot, hold, stop).</summary>
    public static readonly HubOperation DecideGates = new(nameof(DecideGates), v => v.IsManager || v.IsGatekeeper);

    /// <summary>Evaluators score the hub's initiatives on its scorecard.</summary>
    public static readonly HubOperation Evaluate = new(nameof(Evaluate), v => v.IsEvaluator);

    /// <summary>Managers, gatekeepers and evaluators judge every initiative of the hub, so they may read them all.</summary>
    public static readonly HubOperation ReadAll = new(nameof(ReadAll), v => v.IsManager || v.IsGatekeeper || v.IsEvaluator);
}
