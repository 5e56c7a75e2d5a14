using Xunit.Sdk;

namespace AeSweep.Storage.Tests.Infrastructure;

/// <summary>
/// A fact of the store contract. It runs for every provider's test class; in a <see cref="RequiresPostgresAttribute"/>
/// class it is skipped only when <see cref="PostgresTestEnvironment.Skipped"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AeSweep.Storage.Tests.Infrastructure.ContractFactDiscoverer", "AeSweep.Storage.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
