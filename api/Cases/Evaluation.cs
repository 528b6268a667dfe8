using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

[Description("满意度: the petitioner's verdict on a reply.")]
public enum EvaluationResult
{
    [Description("满意")]
    Satisfied,
    [Description("基本满意")]
    BasicallySatisfied,
    [Description("不满意")]
    Dissatisfied,
}

/// <summary>The petitioner's evaluation of a reply.</summary>
public sealed class Evaluation : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime At { get; set; }
    public EvaluationResult Result { get; set; }
}
