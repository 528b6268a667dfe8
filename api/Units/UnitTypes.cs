using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Units;

public sealed class UnitType : ObjectGraphType<ResponsibleUnit>
{
    public UnitType()
    {
        this.NodeId("ResponsibleUnit");
        Description = "责任单位: a department, station or company that cases are referred to.";
        Field(u => u.Code).Description("Stable code, used in inputs and in a UNIT account's token.");
        Field(u => u.Name).Description("Its name, e.g. 镇农业农村办.");
        Field(u => u.Kind, type: typeof(NonNullGraphType<EnumType<UnitKind>>)).Description("Department, station, company or other.");
        Field(u => u.Active).Description("false once deactivated: kept for history, no new referrals.");
    }
}

public sealed class ReferralType : ObjectGraphType<Referral>
{
    public ReferralType()
    {
        this.NodeId("Referral");
        Description = "交办: a part of a case referred to a responsible unit, and how the unit answered.";
        Field<NonNullGraphType<UnitType>>("unit").Description("The unit it was referred to.").Reads(nameof(Referral.UnitId))
            .Resolve(c => c.LoadById<ResponsibleUnit>(c.Source.UnitId));
        Field(r => r.Part, nullable: true).Description("Which demand it answers for; null: the whole case.");
        Field(r => r.Instructions).Description("交办意见.");
        Field(r => r.DueAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("反馈时限: by when the unit is to reply.");
        Field(r => r.Status, type: typeof(NonNullGraphType<EnumType<ReferralStatus>>)).Description("Referred, accepted, replied or returned.");
        Field(r => r.ReferredAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was referred.");
        Field(r => r.ReferredBy).Description("Who referred it.");
        Field(r => r.AcceptedAt, type: typeof(DateTimeScalar)).Description("签收: when the unit took it.");
        Field(r => r.RepliedAt, type: typeof(DateTimeScalar)).Description("反馈: when the unit replied.");
        Field(r => r.Measures, nullable: true).Description("办理措施: what the unit did.");
        Field(r => r.Result, nullable: true).Description("办理结果.");
        Field(r => r.ReturnedAt, type: typeof(DateTimeScalar)).Description("退回: when the unit returned it.");
        Field(r => r.ReturnReason, nullable: true).Description("Why it was returned.");
        Field(r => r.Urges).Description("催办: how many times the office urged the unit.");
        Field(r => r.LastUrgedAt, type: typeof(DateTimeScalar)).Description("When it was last urged.");
        Field<BooleanGraphType>("onTime").Description("按期反馈: replied by the due instant; null while not replied (or returned).")
            .Reads(nameof(Referral.RepliedAt), nameof(Referral.DueAt))
            .Resolve(c => c.Source.RepliedAt is { } replied ? replied <= c.Source.DueAt : null);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Not answered and past its due instant.")
            .Reads(nameof(Referral.Status), nameof(Referral.DueAt))
            .Resolve(c => c.Source.Status is ReferralStatus.Referred or ReferralStatus.Accepted && c.Source.DueAt < c.QueryContext().Now);
    }
}

public static class ReferralFields
{
    /// <summary>
    /// A case's referrals, oldest first. A UNIT account sees only its own unit's (another unit's instructions are not
    /// its business); everyone who sees the case sees all of them.
    /// </summary>
    public static void AddReferralField(this ObjectGraphType<Case> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralType>>>>("referrals")
            .Description("交办: the parts of the case referred to responsible units, oldest first (a UNIT sees its own unit's only).")
            .Resolve(c =>
            {
                var unit = c.Scope().Caller is { Role: Role.Unit } caller ? caller.Unit ?? "" : null;
                return c.LoadMany<Referral>("Case.referrals", c.Source.Id, (db, ids) => db.Referrals
                    .Where(r => ids.Contains(r.CaseId) && (unit == null || r.Unit!.Code == unit))
                    .OrderBy(r => r.ReferredAt).ThenBy(r => r.Id)
                    .Select(r => new Linked<Referral> { ParentId = r.CaseId, Item = r }));
            });
}
