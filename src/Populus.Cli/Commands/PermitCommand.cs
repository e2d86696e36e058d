using System.CommandLine;
using Populus.Planning.Catalogue;
using Populus.Services.Identity;
using Populus.Services.Permits;
using Populus.Storage;
using Populus.Storage.PlanData;
using Populus.Storage.Registry;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus permit …`: the residence-permit desk (apply, issue, renew, reject, revoke, expire, show, qr) and the
/// electronic permit's keys (rotate-key, publish-keys, revocations) and offline verification (verify).
/// </summary>
internal static class PermitCommand
{
    public static Command Create()
    {
        var root = new Command("permit", "Residence permits (居住证): state machine with audit trail; signed electronic permits verified offline");
        root.Subcommands.Add(Desk("apply", "Record an application", (o, p, id, arg) => o.Apply(id!, arg!, p), needsId: true, argName: "region", argHelp: "Region code where the applicant lives (e.g. 330302)"));
        root.Subcommands.Add(Desk("issue", "Issue an applied permit (the applicant's identity number again)", (o, p, id, permit) => o.Issue(permit!, id!, p), needsId: true));
        root.Subcommands.Add(Desk("renew", "Renew a permit (from 30 days before its end, or after expiry)", (o, p, id, permit) => o.Renew(permit!, id!, p), needsId: true));
        root.Subcommands.Add(Desk("reject", "Reject an application (--reason)", (o, p, reason, permit) => o.Reject(permit!, reason!, p), needsReason: true));
        root.Subcommands.Add(Desk("revoke", "Revoke a permit (--reason)", (o, p, reason, permit) => o.Revoke(permit!, reason!, p), needsReason: true));
        root.Subcommands.Add(ExpireDue());
        root.Subcommands.Add(Show());
        root.Subcommands.Add(Qr());
        root.Subcommands.Add(Keys("rotate-key", "Create a new signing key and retire the active one (publish the keys again afterwards)"));
        root.Subcommands.Add(Keys("publish-keys", "Write the public key document (JWKS-like) for verifiers in other cities"));
        root.Subcommands.Add(Revocations());
        root.Subcommands.Add(Verify());
        return root;
    }

    private static Option<string?> CityOption() =>
        new("--city") { Description = "Issuing city code (default: the plan's city, the one whose county-level units the store holds)" };

    private static Option<string?> CityNameOption() =>
        new("--city-name") { Description = "Issuing city name (default: the store's name of the city)" };

    private static PermitOffice Office(ParseResult parse, IPopulusStore store, CommonOptions o, Option<string?> cityOption, Option<string?> nameOption)
    {
        var keys = KeyFolder.Open(parse.GetValue(o.Keys));
        var regions = PlanningRegions.From(store);
        var (city, name) = Issuer(parse, store, regions, cityOption, nameOption);
        return new PermitOffice(store.Services, IssuerKeyRing.Open(keys, city, name), IdentityKey.Open(keys), regions);
    }

    /// <summary>The issuing city: --city, else the plan's city of the store; its name: --city-name, else the store's name of it.</summary>
    private static (string City, string Name) Issuer(ParseResult parse, IPopulusStore store, RegionRegistry regions, Option<string?> cityOption, Option<string?> nameOption)
    {
        var city = parse.GetValue(cityOption) ?? PlanningRegions.PlanRegion(store);
        if (parse.GetValue(nameOption) is { } given)
        {
            return (city, given);
        }

        return (city, regions.Contains(city) ? regions.NameOf(city)
            : throw new ArgumentException($"--city {city} is not a region of the store; give its name with --city-name."));
    }

    /// <summary>As <see cref="Issuer(ParseResult, IPopulusStore, RegionRegistry, Option{string?}, Option{string?})"/> for the key commands, which
    /// open the store only when --city or --city-name is left to it.</summary>
    private static (string City, string Name) Issuer(ParseResult parse, Option<string?> db, Option<string?> cityOption, Option<string?> nameOption)
    {
        if (parse.GetValue(cityOption) is { } city && parse.GetValue(nameOption) is { } name)
        {
            return (city, name);
        }

        using var store = PopulusStore.Open(parse.GetValue(db));
        return Issuer(parse, store, PlanningRegions.From(store), cityOption, nameOption);
    }

    private static Command Desk(string name, string help, Func<PermitOffice, string, string?, string?, ResidencePermit> act,
        bool needsId = false, bool needsReason = false, string argName = "permit", string argHelp = "Permit id")
    {
        var argument = new Argument<string>(argName) { Description = argHelp };
        var idNumber = new Option<string>("--id-number") { Description = "The holder's identity number (hashed with the identity key; never stored)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit trail", Required = true };
        var city = CityOption();
        var cityName = CityNameOption();
        var command = new Command(name, help) { argument, city, cityName };
        var o = ServiceOptions.Common(command, db: true, keys: true, actor: true);
        if (needsId)
        {
            command.Options.Add(idNumber);
        }

        if (needsReason)
        {
            command.Options.Add(reason);
        }

        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(o.Db));
            var office = Office(parse, store, o, city, cityName);
            var second = needsId ? parse.GetValue(idNumber) : needsReason ? parse.GetValue(reason) : null;
            var permit = act(office, ServiceOptions.ActorOf(parse, o.Actor), second, parse.GetRequiredValue(argument));
            Print(output, permit);
            return CommandExit.Done;
        }));
        return command;
    }

    private static Command ExpireDue()
    {
        var city = CityOption();
        var cityName = CityNameOption();
        var command = new Command("expire", "Mark every issued permit past its validity as expired (today; a change is recorded on the day it is made)") { city, cityName };
        var o = ServiceOptions.Common(command, db: true, keys: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(o.Db));
            output.WriteLine($"{Office(parse, store, o, city, cityName).ExpireDue(ServiceOptions.ActorOf(parse, o.Actor))} permits expired.");
            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Show()
    {
        var permit = new Argument<string>("permit") { Description = "Permit id" };
        var on = new Option<string?>("--on") { Description = "The day whose state is shown (default: today, China Standard Time): an issued permit past its validity is expired" };
        var token = new Option<bool>("--token") { Description = "Also print the electronic permit (the token); the read is audited as permit-token, as the API's" };
        var purpose = Purpose();
        var command = new Command("show", "A permit, its state on a day and its audit trail") { permit, on, token, purpose };
        var o = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var day = ServiceOptions.DayOf(parse, on);
            using var store = PopulusStore.Open(parse.GetValue(o.Db));
            var record = Stored(store, parse.GetRequiredValue(permit));
            var state = PermitLifecycle.StateOn(record.State, record.ValidTo, day);
            output.WriteLine($"{record.PermitId} on {day:yyyy-MM-dd}: {state}{(state == record.State ? "" : $" (recorded {record.State}; `permit expire` records it)")}, " +
                             $"holder {record.MaskedId}, region {record.RegionCode}, valid {record.ValidFrom:yyyy-MM-dd} to {record.ValidTo:yyyy-MM-dd}, revision {record.Revision}");
            foreach (var a in store.Services.Audit("permit", record.PermitId))
            {
                output.WriteLine($"  {a.RecordedAt:yyyy-MM-dd HH:mm:ss}Z {a.Actor}: {a.Action} {a.FromState}→{a.ToState} — {a.Detail}");
            }

            if (parse.GetValue(token))
            {
                output.WriteLine(ElectronicPermitRead.Token(store, record, ServiceOptions.ActorOf(parse, o.Actor), ElectronicPermitRead.CommandLineRole, parse.GetValue(purpose), "token"));
            }
            else if (record.Token is not null)
            {
                output.WriteLine("  electronic permit: issued (--token prints it, `permit qr` draws it; either read is audited)");
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Qr()
    {
        var permit = new Argument<string>("permit") { Description = "Permit id" };
        var output = new Option<string>("--out") { Description = "Output file: .png or .svg", Required = true };
        var purpose = Purpose();
        var command = new Command("qr", "The electronic permit as a QR code (PNG or SVG); the read is audited as permit-token, as the API's") { permit, output, purpose };
        var o = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (writer, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(o.Db));
            var path = parse.GetRequiredValue(output);
            var svg = path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
            var record = Stored(store, parse.GetRequiredValue(permit));
            var token = ElectronicPermitRead.Token(store, record, ServiceOptions.ActorOf(parse, o.Actor), ElectronicPermitRead.CommandLineRole, parse.GetValue(purpose),
                svg ? "qr.svg" : "qr.png");
            if (svg)
            {
                File.WriteAllText(path, PermitQr.Svg(token));
            }
            else
            {
                File.WriteAllBytes(path, PermitQr.Png(token));
            }

            writer.WriteLine($"{path}: QR version {PermitQr.Version(token)} of permit {record.PermitId}.");
            return CommandExit.Done;
        }));
        return command;
    }

    private static Option<string?> Purpose() => new("--purpose") { Description = "Why the electronic permit is read, for the audit log (as the API's ?purpose=)" };

    private static Storage.Services.PermitRecord Stored(IPopulusStore store, string id) =>
        store.Services.Permit(id) ?? throw new Storage.Services.ServiceRefusedException(PermitWords.NoPermit(id));

    private static Command Keys(string name, string help)
    {
        var city = CityOption();
        var cityName = CityNameOption();
        var output = new Option<string?>("--out") { Description = "Write the public key document here (default: standard output)" };
        var command = new Command(name, help) { city, cityName, output };
        var (db, keys, _) = ServiceOptions.Common(command, db: true, keys: true);
        command.SetAction(parse => CommandExit.Run(parse, (writer, _) =>
        {
            var (issuer, issuerName) = Issuer(parse, db, city, cityName);
            var ring = IssuerKeyRing.Open(KeyFolder.Open(parse.GetValue(keys)), issuer, issuerName);
            if (name == "rotate-key")
            {
                writer.WriteLine($"New signing key {ring.Rotate()}; publish the keys before issuing with it.");
                return CommandExit.Done;
            }

            var json = ring.Publish().ToJson();
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, json);
                writer.WriteLine($"{path}: public keys of {ring.City}.");
            }
            else
            {
                writer.WriteLine(json);
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Revocations()
    {
        var city = CityOption();
        var cityName = CityNameOption();
        var output = new Option<string>("--out") { Description = "File for the signed revocation list", Required = true };
        var hours = new Option<int>("--valid-hours") { Description = "Hours until the next list is due (default 24)", DefaultValueFactory = _ => 24 };
        var command = new Command("revocations", "Write the signed list of revoked permits") { city, cityName, output, hours };
        var o = ServiceOptions.Common(command, db: true, keys: true);
        command.SetAction(parse => CommandExit.Run(parse, (writer, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(o.Db));
            File.WriteAllText(parse.GetRequiredValue(output), Office(parse, store, o, city, cityName).SignedRevocationList(TimeSpan.FromHours(parse.GetValue(hours))));
            writer.WriteLine($"{parse.GetRequiredValue(output)}: revocation list written.");
            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Verify()
    {
        var token = new Option<string>("--token") { Description = "The permit token, or a file holding it (as read from the QR code)", Required = true };
        var keys = new Option<string>("--issuer-keys") { Description = "The issuer's published key document (JSON)", Required = true };
        var revocations = new Option<string?>("--revocations") { Description = "The issuer's signed revocation list (file)" };
        var holder = new Option<string?>("--holder-id") { Description = "The identity number on the card shown, to check it is the holder's" };
        var on = new Option<string?>("--on") { Description = "The day to verify for (default: today, China Standard Time): a permit past its validity then is expired" };
        var command = new Command("verify", "Verify an electronic permit offline with the issuer's public keys") { token, keys, revocations, holder, on };
        ServiceOptions.Common(command);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var text = parse.GetRequiredValue(token);
            text = File.Exists(text) ? File.ReadAllText(text).Trim() : text;
            var list = parse.GetValue(revocations) is { } r ? File.ReadAllText(r).Trim() : null;
            var now = DateTimeOffset.UtcNow;
            var result = PermitVerifier.Verify(text, PublishedKeys.FromJson(File.ReadAllText(parse.GetRequiredValue(keys))), list,
                PermitLifecycle.At(ServiceOptions.DayOf(parse, on), now));
            output.WriteLine($"{result.Check}: {result.Reason}");
            if (result.Claims is { } c)
            {
                output.WriteLine($"  permit {c.PermitId} (revision {c.Revision}), holder {c.MaskedId}, region {c.RegionCode}, issuer {c.IssuerName} {c.IssuerCity}");
                if (parse.GetValue(holder) is { } id)
                {
                    var parsed = NationalIdNumber.Parse(id, PermitLifecycle.Day(now));
                    var match = parsed.IsValid ? PermitVerifier.MatchesHolder(c, parsed.Value) : throw new ArgumentException($"--holder-id: {parsed.Reason}");
                    output.WriteLine(match ? "  holder: the identity number matches" : "  holder: the identity number does NOT match this permit");
                    if (!match)
                    {
                        return CommandExit.AnsweredNo;
                    }
                }
            }

            return result.IsValid ? CommandExit.Done : CommandExit.AnsweredNo;
        }));
        return command;
    }

    private static void Print(TextWriter output, ResidencePermit p) =>
        output.WriteLine($"{p.PermitId}: {p.State.ToString().ToLowerInvariant()}, holder {p.MaskedId}, region {p.RegionCode}" +
                         (p.ValidTo is null ? "" : $", valid {p.ValidFrom:yyyy-MM-dd} to {p.ValidTo:yyyy-MM-dd}, key {p.KeyId}"));
}
