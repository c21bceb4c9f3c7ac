using System.Globalization;
using System.Text;

namespace Spec.Rules.General;

/// <summary>
/// Where a schema walk is: the keys and item positions from where it started (<c>KeySchema[0].KeyType</c>,
/// <c>functions.hello.events[0].sqs</c>), written out only for a violation — most values are fine.
/// </summary>
internal sealed class PropertyPath
{
    private readonly List<(string? Key, int Index)> _segments = [];

    public void Push(string key) => _segments.Add((key, 0));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public void Clear() => _segments.Clear();

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, index) in _segments)
        {
            if (key is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append(key);
            }
        }

        return text.ToString();
    }
}
