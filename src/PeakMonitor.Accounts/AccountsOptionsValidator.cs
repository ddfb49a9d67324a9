using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Accounts;

/// <summary>What data annotations cannot check: <c>ConnectionStrings:Accounts</c>, reported at start beside the other errors.</summary>
internal sealed class AccountsOptionsValidator(IConfiguration configuration) : IValidateOptions<AccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountsOptions options) =>
        AccountsConnection.Problem(configuration.GetConnectionString(AccountsConnection.Name)) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
