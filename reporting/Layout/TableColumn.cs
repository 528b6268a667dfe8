namespace PetitionGraph.Reporting.Layout;

/// <summary>A column; columns side by side with the same Group share a header cell above theirs (包案领导 over 镇 and 村).</summary>
internal sealed record TableColumn(string Header, ColumnKind Kind, string? Group = null);
