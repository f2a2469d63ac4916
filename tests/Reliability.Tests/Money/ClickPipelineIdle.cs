using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;

namespace Reliability.Tests.Money;

/// <summary>
/// Idle when tracking holds no answered click in memory: every one is stored (or counted dropped).
/// A click batch that failed waits up to seconds before its retry, so an empty outbox alone does not
/// mean the clicks are all in.
/// </summary>
public sealed class ClickPipelineIdle(GatewayClient @operator) : IQuiescenceProbe
{
    public string Name => "tracking's click buffer";

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await @operator.SendRawAsync(HttpMethod.Get, "/ops/tracking/redirect-stats");
        return status == System.Net.HttpStatusCode.OK
            && System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("pending").GetInt64() == 0;
    }
}
