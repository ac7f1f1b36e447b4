namespace AgentDashboard.Simulator.Simulation;

/// <summary>A set of agent indexes with O(1) add, remove and membership, iterated in insertion order of the slots.</summary>
internal sealed class AgentIndexSet(int capacity) : IEnumerable<int>
{
    private readonly int[] position = Enumerable.Repeat(-1, capacity).ToArray();
    private readonly List<int> items = [];

    public bool Contains(int agent) => position[agent] >= 0;

    public void Add(int agent)
    {
        if (position[agent] >= 0) return;
        position[agent] = items.Count;
        items.Add(agent);
    }

    public void Remove(int agent)
    {
        int at = position[agent];
        if (at < 0) return;
        int last = items[^1];
        items[at] = last;
        position[last] = at;
        items.RemoveAt(items.Count - 1);
        position[agent] = -1;
    }

    public IEnumerator<int> GetEnumerator() => items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
