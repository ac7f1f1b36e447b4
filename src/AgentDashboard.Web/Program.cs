using AgentDashboard.Web;

var app = DashboardWebApplication.Create(args);
await app.RunAsync();
