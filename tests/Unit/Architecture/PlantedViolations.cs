#pragma warning disable CA1812, CA1852, IDE0051 // never instantiated: these types exist only to break a rule
namespace LectureHub.UnitTests.Architecture.Planted.DomainUsesEf
{
    internal sealed class Course
    {
        public Microsoft.EntityFrameworkCore.DbContext? Context { get; set; }
    }
}

namespace LectureHub.UnitTests.Architecture.Planted.DomainUsesApplication
{
    internal sealed class Course
    {
        public LectureHub.Application.Abstractions.IReadDb? Db { get; set; }
    }
}

namespace LectureHub.UnitTests.Architecture.Planted.ApplicationUsesDapper
{
    internal sealed class ListThingsHandler
    {
        public static Type Mapper => typeof(Dapper.SqlMapper);
    }
}

namespace LectureHub.UnitTests.Architecture.Planted.ApplicationUsesInfrastructure
{
    internal sealed class DoThingsHandler
    {
        public LectureHub.Infrastructure.Persistence.AppDbContext? Db { get; set; }
    }
}

namespace LectureHub.UnitTests.Architecture.Planted.InfrastructureUsesWebApi
{
    internal sealed class Repository
    {
        public LectureHub.WebApi.Infrastructure.RateLimitOptions? Options { get; set; }
    }
}

namespace LectureHub.UnitTests.Architecture.Planted.PublicHandler
{
    public sealed class DoThingsHandler;
}

namespace LectureHub.UnitTests.Architecture.Planted.BadlyNamedCommand
{
    public sealed record DoThings : Mediator.ICommand<int>;
}

namespace LectureHub.UnitTests.Architecture.Planted.BareRequest
{
    public sealed record DoThingsRequest : Mediator.IRequest<int>;

    public sealed record DoThings : LectureHub.Application.Abstractions.IWorkflow<int>;
}

namespace LectureHub.UnitTests.Architecture.Planted.TransactionalWorkflows
{
    public sealed class EveryMessageInATransaction<TMessage, TResponse>
        where TMessage : Mediator.IMessage;
}

namespace LectureHub.UnitTests.Architecture.Planted.SpecInHandler.Commands
{
    public sealed class ThingsSpec : Ardalis.Specification.Specification<string>;
}

namespace LectureHub.UnitTests.Architecture.Planted.UnboundedList
{
    internal sealed record ListThingsQuery(int Limit) : Mediator.IQuery<int>;
}
