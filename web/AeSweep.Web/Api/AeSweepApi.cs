using AeSweep.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>
/// The REST API under /api (DESIGN.md): every route needs an API key; answers are the contract records of
/// <c>AeSweep.Application.Contracts</c>; errors are RFC 7807 problem details. Handlers call only the application layer.
/// </summary>
public static class AeSweepApi
{
    public static IEndpointRouteBuilder MapAeSweepApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccessPolicies.Api).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapSweepsApi();
        api.MapFinalistsApi();
        api.MapAskTellApi();
        api.MapTrialsApi();
        api.MapWorkersApi();
        api.MapParetoApi();
        api.MapNotesApi();
        api.MapControlApi();
        return endpoints;
    }
}
