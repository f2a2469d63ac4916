using Npgsql;

namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>
/// Failures that mean "the database cannot be reached right now" (refused or reset connections, a
/// server shutting down or starting, a timeout, a serialization conflict), not "this request or
/// message is wrong": worth retrying later rather than reporting as a bug or dead-lettering.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
