using System.Reflection;
using NetArchTest.Rules;

namespace LectureHub.UnitTests.Architecture;

/// <summary>
/// The dependency rules, written once and applied both to the real assemblies and to planted violations in this
/// test assembly, so each rule is seen to fail when broken.
/// </summary>
public static class ArchitectureRules
{
    public const string DomainNamespace = "LectureHub.Domain";
    public const string ApplicationNamespace = "LectureHub.Application";
    public const string InfrastructureNamespace = "LectureHub.Infrastructure";
    public const string WebApiNamespace = "LectureHub.WebApi";

    public static readonly Assembly DomainAssembly = typeof(LectureHub.Domain.Common.Entity).Assembly;
    public static readonly Assembly ApplicationAssembly = typeof(LectureHub.Application.DependencyInjection).Assembly;
    public static readonly Assembly InfrastructureAssembly = typeof(LectureHub.Infrastructure.DependencyInjection).Assembly;

    /// <summary>Domain: no outer layer and no framework (EF Core, Dapper, Npgsql, Mediator, FluentValidation, ASP.NET Core).</summary>
    public static TestResult DomainIsPure(PredicateList types) => types.ShouldNot().HaveDependencyOnAny(
        ApplicationNamespace, InfrastructureNamespace, WebApiNamespace,
        "Microsoft.EntityFrameworkCore", "Dapper", "Npgsql", "Mediator", "FluentValidation", "Microsoft.AspNetCore", "StackExchange.Redis").GetResult();

    /// <summary>Application: ports only; no Infrastructure, WebApi, ORM, driver or HTTP.</summary>
    public static TestResult ApplicationDependsOnlyInward(PredicateList types) => types.ShouldNot().HaveDependencyOnAny(
        InfrastructureNamespace, WebApiNamespace,
        "Microsoft.EntityFrameworkCore", "Dapper", "Npgsql", "Microsoft.AspNetCore", "StackExchange.Redis").GetResult();

    public static TestResult InfrastructureDoesNotKnowWebApi(PredicateList types) =>
        types.ShouldNot().HaveDependencyOn(WebApiNamespace).GetResult();

    /// <summary>Handlers and validators are implementation details of their use case.</summary>
    public static TestResult HandlersAndValidatorsAreInternalSealed(PredicateList types) =>
        types.Should().NotBePublic().And().BeSealed().GetResult();

    /// <summary>Messages are immutable records, named for what they are.</summary>
    public static TestResult CommandsAndQueriesAreNamedForWhatTheyAre(Assembly assembly)
    {
        var commands = Types.InAssembly(assembly).That().ImplementInterface(typeof(Mediator.ICommand<>)).Should().HaveNameEndingWith("Command").GetResult();
        var queries = Types.InAssembly(assembly).That().ImplementInterface(typeof(Mediator.IQuery<>)).Should().HaveNameEndingWith("Query").GetResult();
        return commands.IsSuccessful ? queries : commands;
    }

    public static string Describe(TestResult result) =>
        result.IsSuccessful ? "ok" : "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
