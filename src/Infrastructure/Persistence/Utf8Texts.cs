using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>The UTF-8 bytes of texts bound per line (days, references), encoded once per distinct text.</summary>
internal sealed class Utf8Texts<TKey>(Func<TKey, string> text)
    where TKey : notnull
{
    private readonly Dictionary<TKey, byte[]> _bytes = [];

    public byte[] Of(TKey key)
    {
        if (!_bytes.TryGetValue(key, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes(text(key));
            _bytes.Add(key, bytes);
        }

        return bytes;
    }
}
