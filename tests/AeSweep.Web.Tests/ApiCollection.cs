namespace AeSweep.Web.Tests;

/// <summary>Every API test class shares one server: starting a silo per class would cost seconds each.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}
