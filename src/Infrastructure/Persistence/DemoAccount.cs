using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LectureHub.Infrastructure.Persistence;

public sealed record DemoAccount(string Email, string Password, string DisplayName, Role Role);
