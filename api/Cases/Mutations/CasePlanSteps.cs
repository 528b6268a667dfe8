using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using static PetitionGraph.Api.Cases.CaseStatus;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>一案一策: set a case's plan (superseding the previous one) and mark its steps done.</summary>
public static class CasePlanSteps
{
    private const int MaxSteps = 50;

    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new("setCasePlan", "一案一策: set the case's plan — steps with owner and due date. The previous plan is kept as superseded.",
            [new("steps", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CasePlanStepInputType>>>), "The steps, in order.")],
            SetPlanAsync),
        new("markPlanStepDone", "Mark a step of the current plan done.",
            [new("stepId", typeof(NonNullGraphType<IdGraphType>), "The plan step (global id).")],
            MarkDoneAsync),
    ];

    private static async Task<UserError?> SetPlanAsync(CaseCommand c, StepInput i)
    {
        var steps = i.Items("steps");
        if (c.Require([Registered, .. CaseSteps.Open]) is { } state)
        {
            return state;
        }
        if (steps.Count is 0 or > MaxSteps)
        {
            return UserError.Validation("steps", $"A plan has 1 to {MaxSteps} steps.");
        }
        foreach (var step in steps)
        {
            if ((Validate.Text("steps.description", step.Text("description"), 1000) ?? Validate.Text("steps.owner", step.Text("owner"), 64)) is { } invalid)
            {
                return invalid;
            }
        }
        var current = await c.Db.CasePlanSteps.AsTracking().Where(s => s.CaseId == c.Case.Id && s.SupersededAt == null).ToListAsync();
        current.ForEach(s => s.SupersededAt = c.Now);
        c.Db.CasePlanSteps.AddRange(steps.Select((s, index) => new CasePlanStep
        {
            CaseId = c.Case.Id,
            Position = index + 1,
            Description = s.Text("description")!.Trim(),
            Owner = s.Text("owner")!.Trim(),
            DueAt = s.Instant("dueAt")!.Value,
            CreatedAt = c.Now,
        }));
        return c.Append(CaseEventKind.PlanSet, $"{steps.Count} steps");
    }

    private static async Task<UserError?> MarkDoneAsync(CaseCommand c, StepInput i)
    {
        if (!GlobalId.TryDecode(i.Text("stepId")!, out var type, out var id) || type != "CasePlanStep"
            || await c.Db.CasePlanSteps.AsTracking().FirstOrDefaultAsync(s => s.Id == id && s.CaseId == c.Case.Id && s.SupersededAt == null) is not { } step)
        {
            return UserError.NotFound("stepId", $"The current plan of case {c.Case.Number} has no step {i.Text("stepId")}.");
        }
        if (step.DoneAt is not null)
        {
            return UserError.InvalidState($"Step {step.Position} is already done.");
        }
        step.DoneAt = c.Now;
        return c.Append(CaseEventKind.PlanStepDone, $"{step.Position}. {step.Description}");
    }
}
