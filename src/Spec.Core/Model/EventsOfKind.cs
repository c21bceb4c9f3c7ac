using System.Collections;

namespace Spec.Core.Model;

/// <summary>
/// A function's events of one kind, read in place. The rules ask every function for its events of some kind, dozens
/// of rules over thousands of functions: as a struct enumerated by index this costs no allocation, where
/// <c>Events.OfType&lt;T&gt;()</c> made an iterator and a boxed list enumerator per question.
/// </summary>
public readonly struct EventsOfKind<T> : IEnumerable<T> where T : FunctionEvent
{
    private readonly IReadOnlyList<FunctionEvent> _events;

    internal EventsOfKind(IReadOnlyList<FunctionEvent> events) => _events = events;

    public Enumerator GetEnumerator() => new(_events);

    /// <summary>Whether the function has an event of this kind.</summary>
    public bool Any() => FirstOrDefault() is not null;

    /// <summary>The first event of this kind, or null.</summary>
    public T? FirstOrDefault()
    {
        foreach (var e in this)
        {
            return e;
        }

        return null;
    }

    /// <summary>The first event of this kind that satisfies <paramref name="predicate"/>, or null.</summary>
    public T? FirstOrDefault(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        foreach (var e in this)
        {
            if (predicate(e))
            {
                return e;
            }
        }

        return null;
    }

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<T>
    {
        private readonly IReadOnlyList<FunctionEvent> _events;
        private int _index;

        internal Enumerator(IReadOnlyList<FunctionEvent> events)
        {
            _events = events;
            _index = -1;
            Current = null!;
        }

        public T Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_index < _events.Count)
            {
                if (_events[_index] is T match)
                {
                    Current = match;
                    return true;
                }
            }

            return false;
        }

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
