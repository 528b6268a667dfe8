namespace PetitionGraph.Reporting.Layout;

internal sealed record TableColumn(string Header, ColumnKind Kind);
