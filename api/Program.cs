using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Hosting;

var cli = new CliArguments(args);
var app = PetitionGraphApp.Build(cli.Verb is null ? args : []);
if (cli.Verb is not null)
{
    return await CliVerbs.RunAsync(app.Services, cli, Console.Out, CancellationToken.None);
}
await app.InitializeDatabaseAsync();
await app.PrintDemoTokensAsync();
await app.WarmUpAsync();
await app.RunAsync();
return 0;
