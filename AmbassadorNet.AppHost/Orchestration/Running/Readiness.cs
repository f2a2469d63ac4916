using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Processes;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>Polls a service's readiness endpoint until it answers 200, the process exits, or time runs out.</summary>
internal static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task WaitAsync(ServiceResource service, ChildProcess child, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new Uri(service.Url, service.ReadinessPath);
        var deadline = DateTime.UtcNow + timeout;
        var lastAnswer = "no answer yet";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.HasExited)
            {
                throw new ServiceStartException(service.Name, $"it exited with code {await child.Exited} before it was ready", child.Tail.Excerpt());
            }

            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastAnswer = $"no answer within {Http.Timeout.TotalSeconds:0} s";
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ServiceStartException(service.Name, $"{url} was not ready within {timeout.TotalSeconds:0} s (last answer: {lastAnswer})", child.Tail.Excerpt());
            }

            // Exiting wakes us at once rather than after the next poll.
            await Task.WhenAny(Task.Delay(PollInterval, cancellationToken), child.Exited);
        }
    }
}
