using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class CountriesTests
{
    [Theory]
    [InlineData("US", "FCC")]
    [InlineData("CA", "FCC")]
    [InlineData("BR", "FCC")]
    [InlineData("DE", "ETSI")]
    [InlineData("FR", "ETSI")]
    [InlineData("GB", "ETSI")]
    [InlineData("NL", "ETSI")]
    [InlineData("IT", "ETSI")]
    [InlineData("ES", "ETSI")]
    [InlineData("JP", "JAPAN")]
    [InlineData("KR", "KOREA")]
    [InlineData("CN", "APAC")]
    [InlineData("AU", "APAC")]
    [InlineData("NZ", "APAC")]
    [InlineData("IN", "APAC")]
    [InlineData("00", "WORLD")]
    [InlineData("DEBUG", "DEBUG")]
    public void CountriesMapToTheirDomain(string code, string domain)
    {
        Assert.True(Countries.TryGetByCode(code.ToLowerInvariant(), out var c));
        Assert.Equal(code, c.Code);
        Assert.Equal(domain, c.Domain.Name);
    }

    [Fact]
    public void LookupByNameAndNumberIsCaseInsensitive()
    {
        Assert.True(Countries.TryGetByName("germany", out var de));
        Assert.Equal("DE", de.Code);
        Assert.True(Countries.TryGet("UNITED STATES", out var us));
        Assert.Equal(840, us.Numeric);
        Assert.True(Countries.TryGet("392", out var jp));
        Assert.Equal("JP", jp.Code);
        Assert.True(Countries.TryGet("0x348", out var us2));
        Assert.Same(us, us2);
        Assert.True(Countries.TryGet(" gb ", out var gb));
        Assert.Equal("United Kingdom", gb.Name);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("99999")]
    [InlineData(null)]
    public void UnknownCountriesAreAFalseResult(string? input)
    {
        Assert.False(Countries.TryGet(input, out var c));
        Assert.Null(c);
        Assert.False(Countries.TryGetByCode(input, out _));
        Assert.False(Countries.TryGetByName(input, out _));
    }

    [Fact]
    public void TableIsConsistent()
    {
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Numeric).Distinct().Count());
        foreach (var rd in RegDomains.All.Where(d => d.DefaultCountryCode is not null))
        {
            Assert.True(Countries.TryGetByCode(rd.DefaultCountryCode, out var c), rd.Name);
            Assert.Same(rd, c.Domain);
        }
        Assert.All(Countries.All, c => Assert.Contains(c.Domain, RegDomains.All));
    }

    [Fact]
    public void ListingLooksLikeIfconfig()
    {
        string text = Countries.FormatListing();
        Assert.StartsWith("\nCountry codes:\nAU Australia       AT Austria         BE Belgium         BR Brazil         \n", text, StringComparison.Ordinal);
        Assert.Contains("US United States ", text, StringComparison.Ordinal);
        Assert.Contains("\nRegulatory domains:\nDEBUG           FCC             JAPAN           ETSI           \n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }
}
