using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Progress;

/// <summary>
/// A test that needs util-linux <c>script</c> to give the host a pseudo-terminal. Skipped with the reason
/// when it is missing, except under CI (variable CI set), where its absence must fail the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PseudoTerminalTheoryAttribute : TheoryAttribute
{
    public PseudoTerminalTheoryAttribute()
    {
        if (!PseudoTerminal.IsAvailable && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{PseudoTerminal.ScriptPath} (util-linux) is not installed";
        }
    }
}
