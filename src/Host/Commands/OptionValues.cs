using System.CommandLine;

namespace Sales.Host.Commands;

/// <summary>Options whose values the parser checks, so that a wrong one is a usage error (exit 2) naming the option.</summary>
internal static class OptionValues
{
    /// <summary>A text option refusing an empty value (<c>--sales ""</c> would otherwise skip the sheet silently).</summary>
    public static Option<string?> NotEmpty(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && string.IsNullOrWhiteSpace(token.Value))
            {
                result.AddError($"{name} is empty: give a value, or leave the option out");
            }
        });
        return option;
    }

    /// <summary>
    /// An option taking one of <typeparamref name="TEnum"/>'s names, in any case, and nothing else
    /// (the default parser also takes numbers: <c>--format 2</c> would be <c>csv</c>).
    /// </summary>
    public static Option<TEnum> OneOf<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        return new Option<TEnum>(name)
        {
            Description = description,
            HelpName = names.Replace(", ", "|", StringComparison.Ordinal),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens is not [{ } token])
                {
                    return defaultValue;
                }

                var match = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(token.Value.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    result.AddError($"{name} '{token.Value}' is not one of {names}");
                    return defaultValue;
                }

                return Enum.Parse<TEnum>(match);
            },
        };
    }
}
