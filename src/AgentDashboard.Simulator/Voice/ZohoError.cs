using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Simulator.Voice;

/// <summary>A Zoho-style error answer: an HTTP status and <c>{"code", "message", "status": "error"}</c>.</summary>
internal sealed class ZohoError(int httpStatus, string code, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;
    public string Code { get; } = code;

    public static ZohoError BadInput(string message) => new(StatusCodes.Status400BadRequest, "INVALID_INPUT", message);
    public static ZohoError InvalidToken() => new(StatusCodes.Status401Unauthorized, "INVALID_OAUTHTOKEN", "invalid oauth token");

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = HttpStatus;
        response.ContentType = "application/json;charset=UTF-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter, WireWriter.Options);
        json.WriteStartObject();
        json.WriteString("code", Code);
        json.WriteString("message", Message);
        json.WriteString("status", "error");
        json.WriteEndObject();
    }
}
