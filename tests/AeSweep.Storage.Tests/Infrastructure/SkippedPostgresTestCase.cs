using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AeSweep.Storage.Tests.Infrastructure;

/// <summary>A PostgreSQL contract test skipped because <c>AESWEEP_SKIP_POSTGRES=1</c> and no server is configured.</summary>
public sealed class SkippedPostgresTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer")]
    public SkippedPostgresTestCase()
    {
    }

    public SkippedPostgresTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => PostgresTestEnvironment.SkipReason;
}
