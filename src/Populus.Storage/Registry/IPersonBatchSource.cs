namespace Populus.Storage.Registry;

/// <summary>
/// Something that fills <see cref="PersonBatch"/>es in a fixed order: the generator, or a list of persons. A block is
/// taken in order (<see cref="Next"/>), filled on any thread (<see cref="Fill"/>), then completed in order again
/// (<see cref="Complete"/>), so the bulk loader can fill several blocks at once and still get the same blocks.
/// </summary>
internal interface IPersonBatchSource
{
    /// <summary>Persons the source will give, when known (for progress).</summary>
    long? Count { get; }

    /// <summary>In order: takes the next block (cleared first) and fills what must be read in order; false when the source is exhausted.</summary>
    bool Next(PersonBatch batch);

    /// <summary>On any thread, several blocks at once: fills the rest of a block taken by <see cref="Next"/>, independently of the other blocks.</summary>
    void Fill(PersonBatch batch);

    /// <summary>In the order of <see cref="Next"/>, after <see cref="Fill"/>: completes what depends on the blocks before.</summary>
    void Complete(PersonBatch batch);

    /// <summary>The three steps on one thread: the next block whole; false when the source is exhausted.</summary>
    bool FillNext(PersonBatch batch)
    {
        if (!Next(batch))
        {
            return false;
        }

        Fill(batch);
        Complete(batch);
        return true;
    }
}
