using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>
/// Names the non-nullable reference properties of a message (and of the records and lists inside it) that arrived
/// null, as JSON leaves a missing field. Validators then never see a null they did not declare, and a new field is
/// required by its type alone.
/// </summary>
internal static class RequiredFields
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, NullabilityInfo Nullability)[]> Properties = new();

    public static IEnumerable<string> Missing(object message) => Missing(message, "", 0);

    private static IEnumerable<string> Missing(object value, string prefix, int depth)
    {
        foreach (var (property, nullability) in Properties.GetOrAdd(value.GetType(), Describe))
        {
            var name = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var child = property.GetValue(value);
            if (child is null)
            {
                if (nullability.ReadState == NullabilityState.NotNull)
                {
                    yield return name;
                }

                continue;
            }

            if (depth == MaxDepth)
            {
                continue;
            }

            foreach (var missing in Inside(child, nullability, name, depth))
            {
                yield return missing;
            }
        }
    }

    private static IEnumerable<string> Inside(object child, NullabilityInfo nullability, string name, int depth)
    {
        if (child is IEnumerable items and not string)
        {
            var element = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
            var index = 0;
            foreach (var item in items)
            {
                if (item is null && element?.ReadState == NullabilityState.NotNull)
                {
                    yield return $"{name}[{index}]";
                }
                else if (item is not null && IsOurs(item.GetType()))
                {
                    foreach (var missing in Missing(item, $"{name}[{index}].", depth + 1))
                    {
                        yield return missing;
                    }
                }

                index++;
            }
        }
        else if (IsOurs(child.GetType()))
        {
            foreach (var missing in Missing(child, name + ".", depth + 1))
            {
                yield return missing;
            }
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("LectureHub.", StringComparison.Ordinal) == true && !type.IsEnum && type.IsClass;

    private static (PropertyInfo, NullabilityInfo)[] Describe(Type type)
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.GetMethod!.IsPublic && !p.PropertyType.IsValueType && p.DeclaringType != typeof(object))
            .Where(p => p.Name != "EqualityContract" && p.PropertyType != typeof(Stream))
            .Select(p => (p, context.Create(p)))
            .ToArray();
    }
}
