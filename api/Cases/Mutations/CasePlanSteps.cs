using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.Cases.CaseStatus;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>一案一策: set a case's plan (superseding the previous one) and mark its steps done.</summary>
public static class CasePlanSteps
{
    private const int MaxSteps = 50;

    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new CaseStep<PlanInput>("setCasePlan",
            "一案一策: set the case's plan — steps with owner and due date. The previous plan is kept as superseded.", SetPlanAsync),
        new CaseStep<MarkStepInput>("markPlanStepDone", "Mark a step of the current plan done.", MarkDoneAsync),
    ];

    private static async Task<UserError?> SetPlanAsync(CaseCommand c, PlanInput i)
    {
        var steps = i.Steps;
        if (c.Require([Registered, .. CaseSteps.Open]) is { } state)
        {
            return state;
        }
        if (steps.Count is 0 or > MaxSteps)
        {
            return UserError.Validation("steps", new Msg($"一案一策须有 1 至 {MaxSteps} 个步骤。", $"A plan has 1 to {MaxSteps} steps."));
        }
        foreach (var step in steps)
        {
            if ((Validate.Text("steps.description", step.Description, 1000) ?? Validate.Text("steps.owner", step.Owner, 64)) is { } invalid)
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
            Description = s.Description.Trim(),
            Owner = s.Owner.Trim(),
            DueAt = s.DueAt,
            CreatedAt = c.Now,
        }));
        return c.Append(CaseEventKind.PlanSet, $"{steps.Count} steps");
    }

    private static async Task<UserError?> MarkDoneAsync(CaseCommand c, MarkStepInput i)
    {
        if (!GlobalId.TryDecode(i.StepId, out var type, out var id) || type != "CasePlanStep"
            || await c.Db.CasePlanSteps.AsTracking().FirstOrDefaultAsync(s => s.Id == id && s.CaseId == c.Case.Id && s.SupersededAt == null) is not { } step)
        {
            return UserError.NotFound("stepId", new Msg($"案件 {c.Case.Number} 的现行方案中没有步骤 {i.StepId}。", $"The current plan of case {c.Case.Number} has no step {i.StepId}."));
        }
        if (step.DoneAt is not null)
        {
            return UserError.InvalidState(new Msg($"第 {step.Position} 步已完成。", $"Step {step.Position} is already done."));
        }
        step.DoneAt = c.Now;
        return c.Append(CaseEventKind.PlanStepDone, $"{step.Position}. {step.Description}");
    }
}
