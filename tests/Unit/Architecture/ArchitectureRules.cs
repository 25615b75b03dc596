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

    /// <summary>
    /// Every message is one of three named kinds: a command (one transaction), a query (a read) or a workflow (external
    /// calls and commands, no transaction of its own). A bare IRequest gets no logging and no unit of work by accident.
    /// </summary>
    public static TestResult EveryRequestIsANamedWorkflow(Assembly assembly) =>
        Types.InAssembly(assembly).That().ImplementInterface(typeof(Mediator.IRequest<>)).And().AreClasses()
            .Should().ImplementInterface(typeof(LectureHub.Application.Abstractions.IWorkflow<>)).And().HaveNameEndingWith("Workflow").GetResult();

    /// <summary>Only commands run inside the unit of work: a behaviour that opens a transaction must be constrained to ICommand.</summary>
    public static bool OnlyCommandsAreTransactional(Type behavior) =>
        behavior.GetGenericArguments()[0].GetGenericParameterConstraints()
            .All(c => c.IsGenericType && c.GetGenericTypeDefinition() == typeof(Mediator.ICommand<>));

    /// <summary>Specifications live in their feature's Specs file (its namespace), not inside a handler's file.</summary>
    public static TestResult SpecificationsLiveWithTheirFeature(Assembly assembly) =>
        Types.InAssembly(assembly).That().Inherit(typeof(Ardalis.Specification.Specification<>))
            .Should().HaveNameEndingWith("Spec").And().NotResideInNamespaceMatching(@"\.(Commands|Queries)$").GetResult();

    /// <summary>A message with a page size is an IPagedQuery, so the one page-size validator bounds it.</summary>
    public static IEnumerable<string> PagedMessagesNotDeclaringIt(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && typeof(Mediator.IMessage).IsAssignableFrom(t))
            .Where(t => t.GetProperty("Limit") is not null && !typeof(LectureHub.Application.Common.IPagedQuery).IsAssignableFrom(t))
            .Select(t => t.FullName!);

    public static string Describe(TestResult result) =>
        result.IsSuccessful ? "ok" : "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
