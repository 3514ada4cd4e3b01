using Governance.Silo.Hosting;

var app = await GovernanceApp.BuildAsync(args);
await app.RunAsync();
