using System.Collections.Concurrent;

namespace Populus.Storage.Registry;

/// <summary>
/// The bulk-load pipeline: one thread takes blocks from the source in order and has the thread pool fill them several
/// at a time; it completes the filled blocks in order (for the generator: the sequence codes of the identity numbers)
/// and has the pool protect them (look-up values and sealed numbers); the calling thread appends the protected blocks in
/// source order. A small ring of reused blocks bounds memory and keeps the stages busy at once.
/// </summary>
internal static class ProtectedLoad
{
    public const int BlockSize = RegistryGenerator.StreamBlock;

    // Blocks being filled, and blocks being protected, while one is appended: more than the cores, so that a stage
    // held up for a moment (the machine shared, a slow block) does not leave the appender waiting. With 4 the appender
    // of a 10M load waited ≈ 1.3 s for blocks on a loaded machine, with 8 ≈ 0.65 s (docs/benchmarks.md).
    private const int InFlight = 8;

    /// <summary>Runs the pipeline; returns the persons appended.</summary>
    public static long Run(IPersonBatchSource source, RegistryKey key, Action<PersonBatch> append, IProgress<long>? progress)
    {
        using var cancel = new CancellationTokenSource();
        var free = new BlockingCollection<PersonBatch>();
        for (var i = 0; i < (2 * InFlight) + 2; i++)
        {
            free.Add(new PersonBatch(BlockSize));
        }

        var protectors = new ThreadLocal<IdProtector>(() => new IdProtector(key), trackAllValues: true);
        var ready = new BlockingCollection<Task<PersonBatch>>(InFlight);
        var producer = Task.Factory.StartNew(() =>
        {
            var filling = new Queue<Task<PersonBatch>>();
            Task? unqueued = null;
            try
            {
                var exhausted = false;
                while (true)
                {
                    while (!exhausted && filling.Count < InFlight)
                    {
                        var batch = free.Take(cancel.Token);
                        if (!source.Next(batch))
                        {
                            exhausted = true;
                            break;
                        }

                        filling.Enqueue(Task.Run(() =>
                        {
                            source.Fill(batch);
                            return batch;
                        }));
                    }

                    if (!filling.TryDequeue(out var next))
                    {
                        return;
                    }

                    var filled = next.GetAwaiter().GetResult();
                    source.Complete(filled);
                    var protecting = Task.Run(() =>
                    {
                        protectors.Value!.Protect(filled);
                        return filled;
                    });
                    unqueued = protecting;
                    ready.Add(protecting, cancel.Token);
                    unqueued = null;
                }
            }
            finally
            {
                ready.CompleteAdding();
                WaitAll(unqueued is null ? filling : filling.Append(unqueued));
            }
        }, cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long total = 0;
        try
        {
            foreach (var task in ready.GetConsumingEnumerable())
            {
                var batch = task.GetAwaiter().GetResult();
                append(batch);
                total += batch.Count;
                progress?.Report(total);
                free.Add(batch);
            }

            producer.GetAwaiter().GetResult();
        }
        catch
        {
            cancel.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // The producer stops with OperationCanceledException; the first failure is the one to report.
            }

            // Let blocks still being protected finish before their protectors are disposed.
            WaitAll(ready.GetConsumingEnumerable());
            throw;
        }
        finally
        {
            foreach (var protector in protectors.Values)
            {
                protector.Dispose();
            }

            protectors.Dispose();
        }

        return total;
    }

    /// <summary>Waits for tasks of a load that is already failing; only the first failure is reported.</summary>
    private static void WaitAll(IEnumerable<Task> pending)
    {
        foreach (var task in pending)
        {
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
                // Already failing.
            }
        }
    }
}
