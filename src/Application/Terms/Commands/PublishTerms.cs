using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Terms;
using Mediator;

namespace LectureHub.Application.Terms.Commands;

/// <summary>
/// Admins: publishes the next version of one kind of terms. A new service or privacy version is in force at once:
/// every signed-in user's next call answers 403 TERMS_UPDATE_REQUIRED until they agree (on other instances within
/// <c>Terms:RefreshSeconds</c>). A workflow, so the catalog is reloaded after the version is committed.
/// </summary>
public sealed record PublishTermsWorkflow(TermsKind Kind, string Title, string Body) : IWorkflow<TermsDocumentDto>;

public sealed record PublishTermsCommand(TermsKind Kind, string Title, string Body) : ICommand<TermsDocumentDto>;

internal sealed class PublishTermsValidator : AbstractValidator<PublishTermsWorkflow>
{
    public PublishTermsValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(TermsDocument.MaxTitleLength);
        RuleFor(c => c.Body).NotEmpty().MaximumLength(TermsDocument.MaxBodyLength);
    }
}

internal sealed class PublishTermsWorkflowHandler(ISender sender, ITermsCatalog catalog) : IWorkflowHandler<PublishTermsWorkflow, TermsDocumentDto>
{
    public async ValueTask<TermsDocumentDto> Handle(PublishTermsWorkflow workflow, CancellationToken cancellationToken)
    {
        var published = await sender.Send(new PublishTermsCommand(workflow.Kind, workflow.Title, workflow.Body), cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        return published;
    }
}

internal sealed class PublishTermsHandler(IRepository<TermsDocument> documents, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<PublishTermsCommand, TermsDocumentDto>
{
    public async ValueTask<TermsDocumentDto> Handle(PublishTermsCommand command, CancellationToken cancellationToken)
    {
        // Two Admins publishing at once: the unique index on (kind, version) lets one commit, the other gets a conflict.
        var newest = await documents.FirstOrDefaultAsync(new NewestTermsSpec(command.Kind), cancellationToken);
        var now = clock.GetUtcNow();
        var document = await documents.AddAsync(TermsDocument.Publish(command.Kind, (newest?.Version ?? 0) + 1, command.Title, command.Body, now), cancellationToken);
        var dto = new TermsDocumentDto(document.Kind, document.Version, document.Title, document.Body, document.PublishedAt);
        await AdminAudit.RecordAsync(audit, admin, "terms.publish", "terms", document.Id, (TermsDocumentDto?)null, dto with { Body = "" }, now, cancellationToken);
        return dto;
    }
}
