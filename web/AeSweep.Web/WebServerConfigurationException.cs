namespace AeSweep.Web;

/// <summary>Settings the server refuses to start with; the message says what to change.</summary>
public sealed class WebServerConfigurationException(string message) : Exception(message);
