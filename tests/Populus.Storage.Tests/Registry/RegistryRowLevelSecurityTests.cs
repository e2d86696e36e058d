using Npgsql;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>PostgreSQL row-level security on the person registry (store migration 9): the county holds without the statements' own condition.</summary>
public sealed class RegistryRowLevelSecurityTests : IDisposable
{
    private const string Lucheng = "330302";

    private readonly RegistryKey _key = RegistryTestData.NewKey();

    public void Dispose() => _key.Dispose();

    [PostgresFact]
    public void CountyReader_SeesOnlyItsCountysPersonsAndEvents_EvenWithoutACondition()
    {
        using var test = TestStore.Create("postgres");
        using var store = test.Open();
        using var registry = store.OpenRegistry(_key);
        var generator = RegistryRoundTrip.Generator(3_000);
        var persons = generator.Generate().ToList();
        registry.Load(generator);
        var own = persons.Where(p => p.Person.ResidenceRegion.ToString(System.Globalization.CultureInfo.InvariantCulture) == Lucheng
                                     || p.Person.HukouRegion.ToString(System.Globalization.CultureInfo.InvariantCulture) == Lucheng).ToList();
        Assert.NotEmpty(own);
        Assert.True(own.Count < persons.Count);

        using var connection = new NpgsqlConnection(test.Db);
        connection.Open();
        long Scalar(string? county, string sql)
        {
            using var transaction = connection.BeginTransaction();
            using (var role = new NpgsqlCommand("SET LOCAL ROLE populus_county_reader", connection, transaction))
            {
                role.ExecuteNonQuery();
            }

            if (county is not null)
            {
                using var set = new NpgsqlCommand("SELECT set_config('app.region', $1, true)", connection, transaction) { Parameters = { new() { Value = county } } };
                set.ExecuteNonQuery();
            }

            using var read = new NpgsqlCommand(sql, connection, transaction);
            var value = Convert.ToInt64(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            transaction.Rollback();
            return value;
        }

        Assert.Equal(own.Count, Scalar(Lucheng, "SELECT count(*) FROM registry_person"));
        Assert.Equal(0, Scalar(Lucheng, $"SELECT count(*) FROM registry_person WHERE residence_region <> {Lucheng} AND hukou_region <> {Lucheng}"));
        Assert.Equal(own.Count(p => p.Event is not null), Scalar(Lucheng, "SELECT count(*) FROM registry_event"));
        Assert.Equal(0, Scalar(null, "SELECT count(*) FROM registry_person"));
        Assert.Equal(0, Scalar(null, "SELECT count(*) FROM registry_event"));

        // The registry's own county reads run under the policy and give the same answer as their condition.
        var scoped = registry.CountByAgeSexRegion(RegistryRoundTrip.AsOf, DataScope.County(Lucheng)).Sum(c => c.Persons);
        Assert.Equal(persons.Count(p => p.Person.ResidenceRegion.ToString(System.Globalization.CultureInfo.InvariantCulture) == Lucheng), scoped);
        var outsider = persons.First(p => !own.Contains(p)).Person;
        Assert.Null(registry.FindByNationalId(outsider.NationalId, DataScope.County(Lucheng)));
        Assert.Equal(own[0].Person, registry.FindByNationalId(own[0].Person.NationalId, DataScope.County(Lucheng)));
    }
}
