using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Common;
using LectureHub.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.UnitTests.WebApi;

public sealed class ProblemMappingTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new NotFoundException("CATEGORY_NOT_FOUND", "x"), 404, "CATEGORY_NOT_FOUND" },
        { new UnauthorizedException("INVALID_CREDENTIALS", "x"), 401, "INVALID_CREDENTIALS" },
        { new ForbiddenException("NOT_OWNER", "x"), 403, "NOT_OWNER" },
        { new ConflictException("EMAIL_TAKEN", "x"), 409, "EMAIL_TAKEN" },
        { new TooManyRequestsException("LOGIN_THROTTLED", "x", TimeSpan.FromSeconds(9)), 429, "LOGIN_THROTTLED" },
        { new DomainException("COHORT_FULL", "x"), 409, "COHORT_FULL" },
        { new BadHttpRequestException("big", StatusCodes.Status413PayloadTooLarge), 413, "PAYLOAD_TOO_LARGE" },
        { new BadHttpRequestException("bad", new JsonException("bad json")), 400, "MALFORMED_JSON" },
        { new InvalidOperationException("secret internals"), 500, "INTERNAL_ERROR" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_error_kind_maps_to_its_status_and_keeps_its_code(Exception exception, int status, string code)
    {
        var problem = ProblemExceptionHandler.ToProblem(exception);

        Assert.Equal((status, code), (problem.Status!.Value, (string)problem.Extensions["code"]!));
    }

    [Fact]
    public void A_500_does_not_leak_the_exception_message() =>
        Assert.DoesNotContain("secret", ProblemExceptionHandler.ToProblem(new InvalidOperationException("secret internals")).Detail, StringComparison.Ordinal);

    [Fact]
    public void Validation_errors_are_grouped_per_camel_cased_field()
    {
        var exception = new ValidationException([new ValidationFailure("DisplayName", "empty"), new ValidationFailure("DisplayName", "blank"), new ValidationFailure("Email", "bad")]);

        var problem = Assert.IsType<ValidationProblemDetails>(ProblemExceptionHandler.ToProblem(exception));

        Assert.Equal(400, problem.Status);
        Assert.Equal(["empty", "blank"], problem.Errors["displayName"]);
        Assert.Equal(["bad"], problem.Errors["email"]);
    }
}
