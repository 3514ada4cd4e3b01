using Governance.Silo.Hosting;

if (args is [TokenCommand.Verb, .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, Console.Out, Console.Error);
}

var app = await GovernanceApp.BuildAsync(args);
await app.RunAsync();
return 0;
