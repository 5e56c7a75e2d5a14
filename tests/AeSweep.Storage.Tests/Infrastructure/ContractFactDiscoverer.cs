using Xunit.Abstractions;
using Xunit.Sdk;

namespace AeSweep.Storage.Tests.Infrastructure;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests, skipping PostgreSQL ones only on explicit request.</summary>
public sealed class ContractFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public ContractFactDiscoverer(IMessageSink diagnosticMessageSink) => _diagnosticMessageSink = diagnosticMessageSink;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any();
        if (needsPostgres && PostgresTestEnvironment.Skipped)
        {
            return [new SkippedPostgresTestCase(_diagnosticMessageSink, display, displayOptions, testMethod)];
        }

        return [new XunitTestCase(_diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
