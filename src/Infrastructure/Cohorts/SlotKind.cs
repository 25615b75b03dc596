using LectureHub.Application.Cohorts;
using LectureHub.Domain.Cohorts;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Cohorts;

public enum SlotKind
{
    Seat,
    Waitlist,
}
