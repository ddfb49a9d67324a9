using System.Security.Cryptography;

namespace PeakMonitor.Accounts;

/// <summary>
/// One-time passwords for new and reset accounts: 20 characters in groups of five from an alphabet
/// without look-alikes (0/O, 1/l/I), about 110 bits, with upper and lower case and digits so that
/// Identity's password rules accept it.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Upper + Lower + Digits;

    /// <param name="userName">The account's name: a password containing it is drawn again (the password policy refuses those).</param>
    public static string Generate(string? userName = null)
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
            var password = string.Join('-', chars.Chunk(5).Select(c => new string(c)));
            if (chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains)
                && !(userName is { Length: >= 3 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase)))
            {
                return password;
            }
        }
    }
}
