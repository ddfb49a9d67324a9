using PeakMonitor.Influx;
using PeakMonitor.Ingestion;
using PeakMonitor.Reports;
using PeakMonitor.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AnchorDataPaths();
builder.AddInflux();
builder.AddIngestion();
builder.AddReports();
builder.AddWebApp();

var app = builder.Build();

app.UseWebApp();

app.Run();

/// <summary>Entry point; public so that tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
