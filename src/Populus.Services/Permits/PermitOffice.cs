using System.Globalization;
using System.Security.Cryptography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Services.Identity;
using Populus.Storage.PlanData;
using Populus.Storage.Registry;
using Populus.Storage.Services;

namespace Populus.Services.Permits;

/// <summary>
/// The issuing city's permit desk: applications, issue, renewal, rejection, revocation and expiry of residence
/// permits, each a transition of <see cref="PermitLifecycle"/> saved with its audit line in one transaction, and
/// the signed revocation list for verifiers elsewhere.
/// </summary>
/// <param name="regions">The store's regions: a permit names a county of the issuing city (<see cref="RegionProblem"/>).</param>
public sealed class PermitOffice(IServiceRecords records, IssuerKeyRing keys, IdentityKey identity, RegionRegistry regions, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <exception cref="ArgumentException">The identity number is malformed, or (<see cref="RefusedArgumentException"/>) the region is not a county of the city.</exception>
    /// <exception cref="ServiceRefusedException">The person already has a live application or permit.</exception>
    public ResidencePermit Apply(string idNumber, string regionCode, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        if (RegionProblem(regionCode.Trim()) is { } problem)
        {
            throw new RefusedArgumentException(problem, "region");
        }

        var now = _clock.GetUtcNow();
        var id = Parse(idNumber, now);
        var permitId = $"{keys.City}-{PermitLifecycle.Day(now):yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";
        var (permit, e) = PermitLifecycle.Apply(permitId, identity.PersonKey(id), id.ToString(), keys.City, regionCode.Trim(), now, actor);
        Save(permit, 0, e);
        return permit;
    }

    /// <summary>
    /// Why a region cannot be a permit's, or null: a permit names the county-level unit (district, county,
    /// county-level city) of the issuing city where the holder lives, so that the county's officials see it; the
    /// city itself, a township, another city or an unknown or former code is refused. The command line and the API
    /// both ask this.
    /// </summary>
    public Reason? RegionProblem(string regionCode)
    {
        var counties = PlanningRegions.CountiesOf(regions, keys.City);
        return counties.Any(c => c.Code == regionCode) ? null
            : new Reason($"{regionCode} is not a current county of {keys.CityName} ({keys.City}); a permit names the county where the holder lives: " +
                         string.Join(", ", counties.Select(c => $"{c.Code} {c.Name}")),
                $"{regionCode} 不是{keys.CityName}（{keys.City}）现行的县级单位；居住证应注明持证人居住的县（市、区）：" +
                string.Join("、", counties.Select(c => $"{c.Code} {c.Name}")));
    }

    /// <summary>Issues an applied permit; the holder's identity number is shown again and must match the application.</summary>
    public ResidencePermit Issue(string permitId, string idNumber, string actor) => Sign(permitId, idNumber, PermitAction.Issue, actor);

    public ResidencePermit Renew(string permitId, string idNumber, string actor) => Sign(permitId, idNumber, PermitAction.Renew, actor);

    public ResidencePermit Reject(string permitId, string reason, string actor) =>
        Change(permitId, p => PermitLifecycle.Reject(p, _clock.GetUtcNow(), actor, reason));

    public ResidencePermit Revoke(string permitId, string reason, string actor) =>
        Change(permitId, p => PermitLifecycle.Revoke(p, _clock.GetUtcNow(), actor, reason));

    /// <summary>Marks every issued permit whose validity has ended as expired; returns how many.</summary>
    public int ExpireDue(string actor)
    {
        var today = PermitLifecycle.Day(_clock.GetUtcNow());
        var due = records.Permits("issued").Where(p => PermitLifecycle.Lapsed(p.ValidTo, today)).ToList();
        foreach (var p in due)
        {
            Change(p.PermitId, permit => PermitLifecycle.Expire(permit, _clock.GetUtcNow(), actor));
        }

        return due.Count;
    }

    public ResidencePermit? Find(string permitId) => records.Permit(permitId) is { } r ? FromRecord(r) : null;

    /// <summary>The revocation list, signed with the active key, valid until <paramref name="validFor"/> from now.</summary>
    public string SignedRevocationList(TimeSpan validFor)
    {
        var now = _clock.GetUtcNow();
        var revoked = records.Permits("revoked").Select(p =>
        {
            var line = records.Audit("permit", p.PermitId).Last(a => a.Action == "revoke");
            return new RevokedPermit(p.PermitId, DateOnly.FromDateTime(line.RecordedAt.AddHours(8)), line.Detail);
        }).ToList();
        return new RevocationList(keys.City, now.ToUnixTimeSeconds(), now, now + validFor, revoked).Sign(keys);
    }

    private ResidencePermit Sign(string permitId, string idNumber, PermitAction action, string actor)
    {
        var id = Parse(idNumber, _clock.GetUtcNow());
        return Change(permitId, p =>
        {
            if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(p.PersonKey), Convert.FromHexString(identity.PersonKey(id))))
            {
                throw new InvalidPermitTransitionException(new Reason($"The identity number shown is not the applicant's of permit {permitId}.",
                    $"所出示的身份证号码不是居住证 {permitId} 申请人的号码。"));
            }

            return PermitLifecycle.Issue(p, action, _clock.GetUtcNow(), actor, next =>
            {
                var nonce = RandomNumberGenerator.GetBytes(16);
                var claims = new PermitClaims(next.PermitId, next.Revision, keys.City, keys.CityName, next.RegionCode, next.MaskedId,
                    System.Buffers.Text.Base64Url.EncodeToString(nonce), System.Buffers.Text.Base64Url.EncodeToString(PermitVerifier.HolderHash(nonce, id)),
                    next.ValidFrom!.Value, next.ValidTo!.Value, _clock.GetUtcNow());
                return (keys.ActiveKeyId, keys.Sign(claims, PermitVerifier.TokenType));
            });
        });
    }

    private ResidencePermit Change(string permitId, Func<ResidencePermit, (ResidencePermit Permit, PermitEvent Event)> transition)
    {
        var record = records.Permit(permitId) ?? throw new InvalidPermitTransitionException(PermitWords.NoPermit(permitId));
        var before = FromRecord(record);
        var (after, e) = transition(before);
        Save(after, before.Revision, e);
        return after;
    }

    private void Save(ResidencePermit p, int expectedRevision, PermitEvent e) =>
        records.SavePermit(
            new PermitRecord(p.PermitId, p.PersonKey, p.MaskedId, p.City, p.RegionCode, Code(p.State), p.AppliedOn, p.ValidFrom, p.ValidTo, p.Revision, p.KeyId, p.Token),
            expectedRevision,
            new AuditRecord(0, DateTime.SpecifyKind(e.At.UtcDateTime, DateTimeKind.Unspecified), e.Actor, "permit", p.PermitId, e.Action.ToString().ToLowerInvariant(),
                e.From is { } f ? Code(f) : null, Code(e.To), e.Reason));

    private static ResidencePermit FromRecord(PermitRecord r) =>
        new(r.PermitId, r.PersonKey, r.MaskedId, r.CityCode, r.RegionCode, Enum.Parse<PermitState>(r.State, ignoreCase: true), r.AppliedOn, r.ValidFrom, r.ValidTo,
            r.Revision, r.KeyId, r.Token);

    private static string Code(PermitState state) => state.ToString().ToLower(CultureInfo.InvariantCulture);

    /// <summary>The registry's reading of an identity number; the message names the rule broken, never the number.</summary>
    private static NationalIdNumber Parse(string idNumber, DateTimeOffset now)
    {
        var parsed = NationalIdNumber.Parse(idNumber, PermitLifecycle.Day(now));
        return parsed.IsValid ? parsed.Value : throw new ArgumentException($"not a valid identity number: {parsed.Reason}", nameof(idNumber));
    }
}
