using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Populus.Storage;
using Populus.Storage.Accounts;

namespace Populus.Web.Hosting;

/// <summary>On a store without accounts, makes the administrator and prints its generated password once.</summary>
/// <remarks>
/// The password goes to the console only (never to a logger, whose sinks may be files) and is stored hashed, so
/// it cannot be shown again: whoever starts the first run signs in with it and sets another.
/// </remarks>
internal static class FirstRun
{
    public const string AdministratorName = "admin";

    public static void EnsureAdministrator(IPopulusStore store, IPasswordHasher<Account> hasher, TextWriter console)
    {
        if (store.Accounts.AccountCount() > 0)
        {
            return;
        }

        var password = GeneratePassword();
        var placeholder = new Account(0, AdministratorName, "Administrator", AccountRole.Administrator, null, [], DateTime.UtcNow, false);
        store.Accounts.CreateAccount(new NewAccount(AdministratorName, "管理员 Administrator", AccountRole.Administrator), hasher.HashPassword(placeholder, password));
        console.WriteLine("Populus: first run. The administrator account was created:");
        console.WriteLine($"  user name: {AdministratorName}");
        console.WriteLine($"  password:  {password}");
        console.WriteLine("  This password is shown once and stored only as a hash; sign in and change it (Accounts page).");
        console.Flush();
    }

    /// <summary>20 characters from an alphabet without look-alikes (about 115 bits).</summary>
    internal static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
}
