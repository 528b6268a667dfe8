using System.Linq.Expressions;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>Untyped view of a shape, for the input types that are generated from it.</summary>
public interface IQueryShape
{
    string TypeName { get; }
    Type EntityType { get; }
    IReadOnlyList<ShapeField> Fields { get; }
}

/// <summary>
/// Declares once which fields of an entity can be filtered and sorted, and how each maps to the row.
/// The <c>where</c> and <c>order</c> input types and their translation to LINQ are generated from it.
/// </summary>
public abstract class QueryShape<T> : IQueryShape where T : class
{
    private readonly List<ShapeField> _fields = [];

    protected QueryShape(string typeName) => TypeName = typeName;

    public string TypeName { get; }
    public Type EntityType => typeof(T);
    public IReadOnlyList<ShapeField> Fields => _fields;

    protected void String(string name, Expression<Func<T, string?>> accessor, string? description = null, bool sortable = true) =>
        Add(name, description, ScalarKind.String, accessor, sortable);

    /// <summary>A petitioner's personal data: only callers who may read it may filter or sort by it (else it leaks by probing).</summary>
    protected void PersonalString(string name, Expression<Func<T, string?>> accessor, string? description = null, bool sortable = true) =>
        _fields.Add(new ScalarShapeField(name, description, ScalarKind.String, accessor.ReturnType, _ => accessor, sortable) { PersonalData = true });

    protected void Int(string name, Expression<Func<T, int>> accessor, string? description = null) =>
        Add(name, description, ScalarKind.Int, accessor, true);

    protected void Int(string name, Expression<Func<T, int?>> accessor, string? description = null) =>
        Add(name, description, ScalarKind.Int, accessor, true);

    protected void DateTime(string name, Expression<Func<T, System.DateTime>> accessor, string? description = null) =>
        Add(name, description, ScalarKind.DateTime, accessor, true);

    protected void DateTime(string name, Expression<Func<T, System.DateTime?>> accessor, string? description = null) =>
        Add(name, description, ScalarKind.DateTime, accessor, true);

    protected void Boolean(string name, Expression<Func<T, bool>> accessor, string? description = null) =>
        Add(name, description, ScalarKind.Boolean, accessor, true);

    /// <summary>A boolean that depends on the request's instant (e.g. in backlog now).</summary>
    protected void Computed(string name, Func<QueryContext, Expression<Func<T, bool>>> accessor, string? description = null) =>
        _fields.Add(new ScalarShapeField(name, description, ScalarKind.Boolean, typeof(bool), accessor, Sortable: false));

    /// <summary>A number that depends on the request's instant (e.g. the key-case class now).</summary>
    protected void ComputedInt(string name, Func<QueryContext, Expression<Func<T, int?>>> accessor, string? description = null) =>
        _fields.Add(new ScalarShapeField(name, description, ScalarKind.Int, typeof(int?), accessor, Sortable: true));

    /// <summary>An instant that depends on the request's instant (e.g. when the case entered the backlog, once it has).</summary>
    protected void ComputedDateTime(string name, Func<QueryContext, Expression<Func<T, System.DateTime?>>> accessor, string? description = null) =>
        _fields.Add(new ScalarShapeField(name, description, ScalarKind.DateTime, typeof(System.DateTime?), accessor, Sortable: true));

    /// <summary>A number computed from a baseline date the filter gives (<c>since</c>) and the request's instant.</summary>
    protected void FromBaseline(string name, Func<QueryContext, DateTime, Expression<Func<T, int?>>> accessor, string? description = null) =>
        _fields.Add(new BaselineShapeField(name, description, (q, since) => accessor(q, since)));

    protected void Enum<TEnum>(string name, Expression<Func<T, TEnum>> accessor, string? description = null)
        where TEnum : struct, System.Enum =>
        Add(name, description, ScalarKind.Enum, accessor, false);

    protected void Enum<TEnum>(string name, Expression<Func<T, TEnum?>> accessor, string? description = null)
        where TEnum : struct, System.Enum =>
        Add(name, description, ScalarKind.Enum, accessor, false);

    /// <summary>Filter by global id (<c>id: { eq: "…" }</c>), for rows clients know by id rather than by a code.</summary>
    protected void GlobalId(Expression<Func<T, int>> key) =>
        _fields.Add(new IdShapeField("id", "The global id (as the object's id field gives it).", TypeName, key));

    protected void Relation<TOther>(string name, Expression<Func<T, TOther?>> navigation, string? description = null)
        where TOther : class =>
        _fields.Add(new RelationShapeField(name, description, typeof(TOther), navigation));

    protected void EnumSet<TEnum>(string name, Func<TEnum, Expression<Func<T, bool>>> includes, Expression<Func<T, bool>> any, string? description = null)
        where TEnum : struct, System.Enum =>
        _fields.Add(new EnumSetShapeField(name, description, typeof(TEnum), value => includes((TEnum)value), any));

    protected void Many<TOther>(string name, Expression<Func<T, IEnumerable<TOther>>> navigation, string? description = null)
        where TOther : class =>
        _fields.Add(new ManyShapeField(name, description, typeof(TOther), navigation));

    private void Add(string name, string? description, ScalarKind kind, LambdaExpression accessor, bool sortable) =>
        _fields.Add(new ScalarShapeField(name, description, kind, accessor.ReturnType, _ => accessor, sortable));
}
