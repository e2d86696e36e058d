using System.Collections.Concurrent;

namespace Populus.Storage.Registry;

/// <summary>
/// The bulk-load pipeline: one thread fills blocks from the source in order, the thread pool protects them (look-up values
/// and sealed numbers) several at a time, and the calling thread appends the protected blocks in source order.
/// A small ring of reused blocks bounds memory and keeps the three stages busy at once.
/// </summary>
internal static class ProtectedLoad
{
    public const int BlockSize = 16_384;

    // Blocks being protected while one is appended; more than the cores so no stage waits on a slow block.
    private const int InFlight = 4;

    /// <summary>Runs the pipeline; returns the persons appended.</summary>
    public static long Run(IPersonBatchSource source, RegistryKey key, Action<PersonBatch> append, IProgress<long>? progress)
    {
        using var cancel = new CancellationTokenSource();
        var free = new BlockingCollection<PersonBatch>();
        for (var i = 0; i < InFlight + 2; i++)
        {
            free.Add(new PersonBatch(BlockSize));
        }

        var protectors = new ThreadLocal<IdProtector>(() => new IdProtector(key), trackAllValues: true);
        var ready = new BlockingCollection<Task<PersonBatch>>(InFlight);
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                while (true)
                {
                    var batch = free.Take(cancel.Token);
                    if (!source.FillNext(batch))
                    {
                        return;
                    }

                    ready.Add(Task.Run(() =>
                    {
                        protectors.Value!.Protect(batch);
                        return batch;
                    }), cancel.Token);
                }
            }
            finally
            {
                ready.CompleteAdding();
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
            foreach (var pending in ready.GetConsumingEnumerable())
            {
                try
                {
                    pending.Wait();
                }
                catch (AggregateException)
                {
                    // Already failing; only the first failure is reported.
                }
            }

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
}
