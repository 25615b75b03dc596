using NetArchTest.Rules;
using static LectureHub.UnitTests.Architecture.ArchitectureRules;

namespace LectureHub.UnitTests.Architecture;

public sealed class ArchitectureTests
{
    private static PredicateList Planted(string violation) =>
        Types.InAssembly(typeof(ArchitectureTests).Assembly).That().ResideInNamespace($"LectureHub.UnitTests.Architecture.Planted.{violation}");

    [Fact]
    public void Domain_depends_on_no_other_layer_or_framework()
    {
        var result = DomainIsPure(Types.InAssembly(DomainAssembly).That().ResideInNamespace(DomainNamespace));
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Application_depends_only_on_the_domain_and_its_own_ports()
    {
        var result = ApplicationDependsOnlyInward(Types.InAssembly(ApplicationAssembly).That().ResideInNamespace(ApplicationNamespace));
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_web_api()
    {
        var result = InfrastructureDoesNotKnowWebApi(Types.InAssembly(InfrastructureAssembly).That().ResideInNamespace(InfrastructureNamespace));
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Handlers_and_validators_are_internal_and_sealed()
    {
        var handlers = Types.InAssembly(ApplicationAssembly).That().HaveNameEndingWith("Handler").Or().HaveNameEndingWith("Validator");
        var result = HandlersAndValidatorsAreInternalSealed(handlers);
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Commands_and_queries_are_named_for_what_they_are()
    {
        var result = CommandsAndQueriesAreNamedForWhatTheyAre(ApplicationAssembly);
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Every_request_is_a_workflow_named_for_what_it_is()
    {
        var result = EveryRequestIsANamedWorkflow(ApplicationAssembly);
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Only_commands_run_inside_the_unit_of_work() =>
        Assert.True(OnlyCommandsAreTransactional(typeof(LectureHub.Application.Common.Behaviors.UnitOfWorkBehavior<,>)));

    [Fact]
    public void Specifications_live_in_their_features_specs_file()
    {
        var result = SpecificationsLiveWithTheirFeature(ApplicationAssembly);
        Assert.True(result.IsSuccessful, Describe(result));
    }

    // Each rule fails on a planted violation, so a rule that silently stopped matching would be noticed.

    [Fact]
    public void The_domain_rule_catches_a_domain_type_using_ef_core() =>
        Assert.Equal(["LectureHub.UnitTests.Architecture.Planted.DomainUsesEf.Course"], DomainIsPure(Planted("DomainUsesEf")).FailingTypeNames);

    [Fact]
    public void The_domain_rule_catches_a_domain_type_using_the_application_layer() =>
        Assert.False(DomainIsPure(Planted("DomainUsesApplication")).IsSuccessful);

    [Fact]
    public void The_application_rule_catches_a_handler_using_dapper() =>
        Assert.False(ApplicationDependsOnlyInward(Planted("ApplicationUsesDapper")).IsSuccessful);

    [Fact]
    public void The_application_rule_catches_a_use_case_using_infrastructure() =>
        Assert.False(ApplicationDependsOnlyInward(Planted("ApplicationUsesInfrastructure")).IsSuccessful);

    [Fact]
    public void The_infrastructure_rule_catches_a_dependency_on_the_web_api() =>
        Assert.False(InfrastructureDoesNotKnowWebApi(Planted("InfrastructureUsesWebApi")).IsSuccessful);

    [Fact]
    public void The_handler_rule_catches_a_public_handler() =>
        Assert.False(HandlersAndValidatorsAreInternalSealed(Planted("PublicHandler")).IsSuccessful);

    [Fact]
    public void The_naming_rule_catches_a_badly_named_command() =>
        Assert.False(CommandsAndQueriesAreNamedForWhatTheyAre(typeof(Planted.BadlyNamedCommand.DoThings).Assembly).IsSuccessful);

    [Fact]
    public void The_workflow_rule_catches_a_bare_request_and_a_badly_named_workflow()
    {
        Assert.Equal(["LectureHub.UnitTests.Architecture.Planted.BareRequest.DoThingsRequest", "LectureHub.UnitTests.Architecture.Planted.BareRequest.DoThings"],
            EveryRequestIsANamedWorkflow(typeof(Planted.BareRequest.DoThingsRequest).Assembly).FailingTypeNames);
    }

    [Fact]
    public void The_transaction_rule_catches_a_unit_of_work_for_every_message() =>
        Assert.False(OnlyCommandsAreTransactional(typeof(Planted.TransactionalWorkflows.EveryMessageInATransaction<,>)));

    [Fact]
    public void The_specification_rule_catches_a_spec_declared_in_a_handler_file() =>
        Assert.Equal(["LectureHub.UnitTests.Architecture.Planted.SpecInHandler.Commands.ThingsSpec"],
            SpecificationsLiveWithTheirFeature(typeof(Planted.SpecInHandler.Commands.ThingsSpec).Assembly).FailingTypeNames);

    [Fact]
    public void Every_query_with_a_page_size_is_a_paged_query() =>
        Assert.Empty(PagedMessagesNotDeclaringIt(ApplicationAssembly));

    [Fact]
    public void The_paging_rule_catches_a_list_with_its_own_limit() =>
        Assert.Equal(["LectureHub.UnitTests.Architecture.Planted.UnboundedList.ListThingsQuery"], PagedMessagesNotDeclaringIt(typeof(ArchitectureTests).Assembly));
}
