namespace Sales.Host;

/// <summary>The sheets a verb reads when its command line names none (<c>Sales:Sources:*</c>, env <c>Sales__Sources__Sales</c>, ...).</summary>
internal sealed class SheetSources
{
    public string? Products { get; set; }

    public string? Stores { get; set; }

    public string? Sales { get; set; }
}
