namespace Populus.Storage.Registry;

/// <summary>Something that fills <see cref="PersonBatch"/>es in a fixed order: the generator, or a list of persons.</summary>
internal interface IPersonBatchSource
{
    /// <summary>Persons the source will give, when known (for progress).</summary>
    long? Count { get; }

    /// <summary>Fills the next block (cleared first); false when the source is exhausted.</summary>
    bool FillNext(PersonBatch batch);
}
