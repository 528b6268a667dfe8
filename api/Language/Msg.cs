namespace PetitionGraph.Api.Language;

/// <summary>The languages messages are written in: the office's (Chinese, the default) and English.</summary>
public enum Lang
{
    Zh,
    En,
}

/// <summary>
/// A message a person reads, in both languages, written together where it is raised so neither can be forgotten:
/// <c>UserError</c>, <c>QueryError</c> and the command line take a <see cref="Msg"/>, never a bare string. The error
/// code beside it stays the same in either language: programs read the code, people the message.
/// </summary>
public readonly record struct Msg(string Zh, string En)
{
    public string In(Lang lang) => lang == Lang.En ? En : Zh;

    public override string ToString() => Zh;
}
