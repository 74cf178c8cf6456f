using System.ComponentModel.DataAnnotations;

namespace Sales.Infrastructure;

/// <summary>
/// A range that a setting's text in configuration must be in (a guard against a typo), while code may go beyond it:
/// a library consumer may set a sub-second timeout or a thousand retries. A plain <see cref="RangeAttribute"/> binds both.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigurationRangeAttribute(int minimum, int maximum) : RangeAttribute(minimum, maximum);
