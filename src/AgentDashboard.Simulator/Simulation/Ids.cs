namespace AgentDashboard.Simulator.Simulation;

/// <summary>Deterministic hashing for seeds and ids: the same inputs give the same call centre every run.</summary>
internal static class Ids
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Hash(params ReadOnlySpan<long> parts)
    {
        ulong hash = 0x2545F4914F6CDD1DUL;
        foreach (long part in parts)
        {
            hash = Mix(hash ^ (ulong)part);
        }
        return hash;
    }

    public static int Seed(params ReadOnlySpan<long> parts) => (int)(Hash(parts) & 0x7FFFFFFF);

    /// <summary>A 20-character id in the style of the vendor's audit log ids ("6prJk5IB_xciauz1XOy0").</summary>
    public static string LogId(int seed, int agent, long time)
    {
        ulong a = Hash(seed, agent, time), b = Mix(a);
        Span<char> text = stackalloc char[20];
        for (int i = 0; i < 10; i++)
        {
            text[i] = Alphabet[(int)(a >> (i * 6)) & 63];
            text[10 + i] = Alphabet[(int)(b >> (i * 6)) & 63];
        }
        return new string(text);
    }

    /// <summary>A call log id: a UUID, as the vendor's call logs use.</summary>
    public static string CallLogId(int seed, DateOnly date, int queue, int sequence)
    {
        ulong a = Hash(seed, date.DayNumber, queue, sequence, 1), b = Mix(a);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, a);
        BitConverter.TryWriteBytes(bytes[8..], b);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
