using Net80211.Wlan.Management;

namespace Wlan.Tests;

public class CommandResultTests
{
    [Fact]
    public void Results_carry_exit_status_and_text()
    {
        Assert.Equal(0, CommandResult.Ok("x").ExitCode);
        Assert.Equal(64, CommandResult.Fail("bad", 64).ExitCode);
        Assert.Equal("bad", CommandResult.Fail("bad").Error);
    }
}
