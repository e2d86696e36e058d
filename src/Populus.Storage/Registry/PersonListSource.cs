namespace Populus.Storage.Registry;

/// <summary>Feeds already-built <see cref="Person"/> objects (imports, tests) to the bulk loader: all read in order by <see cref="Next"/>.</summary>
internal sealed class PersonListSource(IEnumerable<Person> persons) : IPersonBatchSource
{
    private readonly IEnumerator<Person> _persons = persons.GetEnumerator();

    public long? Count => persons.TryGetNonEnumeratedCount(out var n) ? n : null;

    public bool Next(PersonBatch batch)
    {
        batch.Clear();
        while (batch.Count < batch.Capacity && _persons.MoveNext())
        {
            batch.Add(_persons.Current);
        }

        return batch.Count > 0;
    }

    public void Fill(PersonBatch batch)
    {
    }

    public void Complete(PersonBatch batch)
    {
    }
}
