using System.Diagnostics;
using System.Net;
using AeSweep.Web.Security;

namespace AeSweep.Web.Tests;

/// <summary>The admin login: rate limited per client, no timing oracle for the user name, no 500 for odd return URLs.</summary>
public sealed class LoginTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_sixth_attempt_within_a_minute_gets_429_with_retry_after()
    {
        await using var server = await StartAsync();
        using var browser = server.Browser();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < AccountEndpoints.AttemptsPerMinute + 1; i++)
        {
            answers.Add(await OwnServer.PostLoginAsync(browser, ("username", "admin"), ("password", $"guess {i}")));
        }

        Assert.All(answers.Take(AccountEndpoints.AttemptsPerMinute), a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        // Even the right password waits: the limit counts attempts, not failures.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await OwnServer.PostLoginAsync(browser, ("username", "admin"), ("password", Password))).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\tevil")]
    [InlineData("/x\u0001y")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_that_is_not_local_falls_back_to_the_root(string returnUrl)
    {
        await using var server = await StartAsync();
        using var browser = server.Browser();

        var response = await OwnServer.PostLoginAsync(browser, ("username", "admin"), ("password", Password), ("returnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public void An_unknown_user_name_costs_the_same_password_work_as_a_wrong_password()
    {
        var credentials = Credentials.From(new AccessSettings { AdminPassword = Password }, out var error);
        Assert.Null(error);
        credentials.IsValidLogin("admin", "warm-up");

        var wrongPassword = Time(() => credentials.IsValidLogin("admin", "wrong password"));
        var unknownUser = Time(() => credentials.IsValidLogin("nobody", "wrong password"));
        var noUser = Time(() => credentials.IsValidLogin(null, null));

        // PBKDF2 with 210,000 rounds takes tens of milliseconds; a short-circuited check takes microseconds.
        Assert.True(unknownUser > wrongPassword * 0.5, $"unknown user {unknownUser.TotalMilliseconds} ms, wrong password {wrongPassword.TotalMilliseconds} ms");
        Assert.True(noUser > wrongPassword * 0.5, $"no user {noUser.TotalMilliseconds} ms, wrong password {wrongPassword.TotalMilliseconds} ms");
        Assert.True(credentials.IsValidLogin("admin", Password));
        Assert.False(credentials.IsValidLogin("nobody", Password));
    }

    /// <summary>The fastest of five tries: other processes can only make a try slower, never faster.</summary>
    private static TimeSpan Time(Func<bool> login)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            Assert.False(login());
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }

        return fastest;
    }

    private static Task<OwnServer> StartAsync() => OwnServer.StartAsync(null, $"--{AccessSettings.Section}:AdminPassword={Password}");
}
