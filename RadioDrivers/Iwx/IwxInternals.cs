using System.Runtime.CompilerServices;

// The iwx tests reach the driver's command queue directly for the hardening cases.
[assembly: InternalsVisibleTo("Iwx.Tests")]
