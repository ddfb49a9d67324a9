namespace PeakMonitor.Accounts.Tests;

public sealed class AuditLogTests
{
    [Fact]
    public async Task ListAsync_FilterAndPage_NewestFirst()
    {
        await using var store = await AccountsStore.OpenAsync();
        var log = store.Get<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await log.WriteAsync("li", AuditActions.Upload, $"f{i}.csv", "ok", "127.0.0.1", CancellationToken.None);
            await log.WriteAsync("wang", AuditActions.JobStart, "inbox", "ok", null, CancellationToken.None);
            store.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var uploads = await log.ListAsync(AuditActions.Upload, null, null, 3, CancellationToken.None);
        var older = await log.ListAsync(AuditActions.Upload, null, uploads[^1].Id, 3, CancellationToken.None);
        var wang = await log.ListAsync(null, "wang", null, 100, CancellationToken.None);

        Assert.Equal(["f4.csv", "f3.csv", "f2.csv"], uploads.Select(e => e.Target));
        Assert.Equal(["f1.csv", "f0.csv"], older.Select(e => e.Target));
        Assert.Equal(5, wang.Count);
        Assert.All(wang, e => Assert.Equal(AuditActions.JobStart, e.Action));
    }

    [Fact]
    public async Task WriteAsync_Reopened_EntriesKept()
    {
        string path;
        await using (var store = await AccountsStore.OpenAsync())
        {
            path = store.DatabasePath + ".copy";
            await store.Get<AuditLog>().WriteAsync("li", AuditActions.ReportGenerate, "2024 CN zh", "succeeded: job 1, 3 files", null, CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // The file as it is on disk after the writer is gone (WAL checkpointed on close).
            File.Copy(store.DatabasePath, path);
            await using var reopened = await AccountsStore.OpenAsync(path);

            var entry = Assert.Single(await reopened.Get<AuditLog>().ListAsync(null, null, null, 10, CancellationToken.None));

            Assert.Equal(("li", AuditActions.ReportGenerate, "succeeded: job 1, 3 files"), (entry.Actor, entry.Action, entry.Result));
        }
    }

    [Fact]
    public async Task WriteAsync_HugeTarget_Truncated()
    {
        await using var store = await AccountsStore.OpenAsync();

        await store.Get<AuditLog>().WriteAsync(new string('a', 500), AuditActions.SignIn, new string('b', 5000), new string('c', 5000), null, CancellationToken.None);

        var entry = Assert.Single(await store.Get<AuditLog>().ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(100, entry.Actor.Length);
        Assert.Equal(400, entry.Target.Length);
        Assert.Equal(1000, entry.Result.Length);
    }
}
