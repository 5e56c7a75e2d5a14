namespace AeSweep.Storage.Tests.Infrastructure;

/// <summary>Marks a test class whose <see cref="ContractFactAttribute"/> tests need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
