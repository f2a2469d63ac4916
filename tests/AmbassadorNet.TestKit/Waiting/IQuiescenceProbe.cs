namespace AmbassadorNet.TestKit.Waiting;

/// <summary>Something that is either still working (messages in flight, rows to dispatch) or idle.</summary>
public interface IQuiescenceProbe
{
    string Name { get; }

    Task<bool> IsIdleAsync(CancellationToken cancellationToken);
}
