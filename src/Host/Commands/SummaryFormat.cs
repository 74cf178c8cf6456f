namespace Sales.Host.Commands;

/// <summary>How <c>import</c> and <c>run</c> print their summary (<c>--format</c>).</summary>
internal enum SummaryFormat
{
    /// <summary>Aligned text for people (the default).</summary>
    Text,

    /// <summary>One JSON document for schedulers and scripts (see docs/json-output.md).</summary>
    Json,
}
