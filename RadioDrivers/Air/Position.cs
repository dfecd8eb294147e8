namespace Net80211.RadioDrivers.Air;

/// <summary>Where a radio stands, in metres.</summary>
public readonly record struct Position(double X, double Y, double Z = 0)
{
    public double DistanceTo(Position other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
