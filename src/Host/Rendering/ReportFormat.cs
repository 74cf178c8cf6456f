using System.Text;
using System.Text.Json;

namespace Sales.Host.Rendering;

/// <summary>The formats <c>report</c> writes.</summary>
internal enum ReportFormat
{
    Table,
    Markdown,
    Csv,
    Json,

    /// <summary>The client's report: one self-contained page with charts (see <c>Report/HtmlReport</c>).</summary>
    Html,
}
