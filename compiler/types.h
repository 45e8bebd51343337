/*
 * types.h — Go's types as the checker and the compiler see them.
 *
 * Owns: the Type structure, the predeclared types, constructors for composite
 * types, type identity, the underlying-type and method-set rules, and writing
 * a type the way Go's messages and %T write it ("[]string", "main.T",
 * "func(int) (string, error)", "untyped int").
 *
 * Composite types are structural and built on demand; they are not interned,
 * so identity is a walk (type_identical), not a pointer comparison. Named
 * types are unique objects: two named types are identical only if they are
 * the same object.
 */
#ifndef GOL_TYPES_H
#define GOL_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#define GOL_BASIC_TYPES(X)                                                     \
	X(TY_BOOL, "bool") X(TY_INT, "int") X(TY_INT8, "int8")                 \
	X(TY_INT16, "int16") X(TY_INT32, "int32") X(TY_INT64, "int64")         \
	X(TY_UINT, "uint") X(TY_UINT8, "uint8") X(TY_UINT16, "uint16")         \
	X(TY_UINT32, "uint32") X(TY_UINT64, "uint64") X(TY_UINTPTR, "uintptr") \
	X(TY_FLOAT32, "float32") X(TY_FLOAT64, "float64")                      \
	X(TY_COMPLEX64, "complex64") X(TY_COMPLEX128, "complex128")            \
	X(TY_STRING, "string") X(TY_UNSAFEPTR, "unsafe.Pointer")               \
	X(TY_UNTYPED_BOOL, "untyped bool") X(TY_UNTYPED_INT, "untyped int")    \
	X(TY_UNTYPED_RUNE, "untyped rune")                                     \
	X(TY_UNTYPED_FLOAT, "untyped float")                                   \
	X(TY_UNTYPED_COMPLEX, "untyped complex")                               \
	X(TY_UNTYPED_STRING, "untyped string") X(TY_UNTYPED_NIL, "untyped nil")

typedef enum TypeKind {
	TY_INVALID,
#define X(k, s) k,
	GOL_BASIC_TYPES(X)
#undef X
	TY_ARRAY, TY_SLICE, TY_STRUCT, TY_POINTER, TY_FUNC, TY_INTERFACE,
	TY_MAP, TY_CHAN, TY_NAMED, TY_TUPLE,
	TY__COUNT
} TypeKind;

typedef struct Type Type;
struct Obj;

/* A struct field, a function parameter or result, or a tuple element. */
typedef struct Field {
	const char *name;   /* NULL or "_" when unnamed */
	Type *type;
	bool embedded;
	const char *tag;
	const char *pkg;    /* struct fields: the path of the declaring package,
			     * which alone may use an unexported name (NULL:
			     * any package may) */
} Field;

/* A method of a named type or of an interface. */
typedef struct Method {
	const char *name;
	Type *sig;          /* TY_FUNC without the receiver */
	struct Obj *func;   /* the declaration (NULL for interface methods) */
	bool ptr_recv;      /* declared on *T */
	void *impl;         /* run time: the GolClosure implementing it (set by
			     * the compiler, or by a native module for types
			     * the standard library makes) */
} Method;

struct Type {
	TypeKind kind;
	Type *elem;          /* array, slice, pointer, chan element; map value */
	Type *key;           /* map key */
	int64_t len;         /* array length */
	int chandir;         /* chan: 0 both, 1 send-only, 2 receive-only */
	Field *fields;       /* struct fields; func params; tuple elements */
	int nfields;
	Field *results;      /* func results */
	int nresults;
	bool variadic;       /* func: last param is ...T (its type is []T) */
	Method *methods;     /* interface: all methods incl. embedded, sorted by
			      * name; named: declared methods in order */
	int nmethods;
	/* interface: it embeds one whose methods are not known yet (its
	 * declaration is still being resolved), so methods holds only its
	 * own until the checker completes it */
	bool incomplete;
	/* named types */
	const char *name;    /* "T" */
	const char *pkg;     /* "main", or NULL for predeclared (error) */
	Type *underlying;    /* set once the declaration is resolved */
	struct Obj *obj;     /* the type name's object */
	/* run time, for arrays and structs: 0 not yet known, 1 no element is
	 * itself an array or struct (a new value is one zeroed allocation),
	 * 2 some are. Set on first use; every thread computes the same. */
	_Atomic unsigned char blk_flat;
};

/* Predeclared types, indexed by kind for the basic ones. */
extern Type *type_basic[TY__COUNT];
extern Type *type_error;     /* the named interface `error` */
/* byte and rune are aliases of uint8 and int32 that keep their own
 * spelling in messages, as Go's checker does. */
extern Type *type_byte;
extern Type *type_rune;
extern Type *type_any;       /* interface{} */
extern Type *type_invalid;

void types_init(void);

Type *type_new(TypeKind k);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_pointer(Type *elem);
Type *type_map(Type *key, Type *val);
Type *type_chan(Type *elem, int dir);
Type *type_tuple(Field *f, int n);
Type *type_named(const char *pkg, const char *name, struct Obj *obj);

/* The underlying type (a named type's definition, else the type itself). */
Type *type_under(Type *t);

bool type_identical(Type *a, Type *b);
/* Identity as conversions see it: struct tags do not count. */
bool type_identical_ignoring_tags(Type *a, Type *b);
bool type_is_untyped(Type *t);
bool type_is_integer(Type *t);   /* incl. untyped int and rune */
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);
bool type_is_complex(Type *t);
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);
bool type_is_boolean(Type *t);
bool type_is_interface(Type *t);
/* A pointer to an interface type (which has no methods at all). */
bool type_is_interface_ptr(Type *t);
bool type_comparable(Type *t);
bool type_ordered(Type *t);
/* Can a value of this type be nil (pointer, func, slice, map, chan, interface)? */
bool type_nillable(Type *t);

/* The default type of an untyped constant kind (untyped int -> int ...). */
Type *type_default(Type *t);

/* Go's unsafe.Sizeof on 64-bit platforms: what append's growth rule
 * rounds by, so that cap() after append matches Go's. */
int64_t type_size(Type *t);
/* Go's alignment of t's values (as type_size, for amd64). */
int64_t type_align(Type *t);

/* Size in bits of an integer or float kind (int and uint are 64). */
int type_bits(Type *t);

/* Go's spelling of a type, as in error messages and %T. qualify: write
 * "main.T" rather than "T" for types of package main (%T does; the
 * checker's messages do not). */
char *type_string(Type *t, bool qualify);
/* reflect's spelling, as %T and run-time panics print types. */
char *rtype_string(Type *t);

/* Look up a field or method by name, following embedded fields as Go's
 * selector rules do. On success fills the path of embedded fields taken
 * (indices) and returns 1 for a field, 2 for a method; 0 when absent, -1 when
 * ambiguous. */
/* The deepest chain of embedded fields a selector goes through (a field
 * promoted from deeper is not found). */
#define EMBED_MAX 32

typedef struct Selection {
	int kind;            /* 1 field, 2 method */
	int path[EMBED_MAX]; /* field indices, outermost first */
	int depth;           /* number of entries in path (for a method: embeddings) */
	Type *type;          /* the field's type or the method's signature */
	Method *method;
	bool indirect;       /* a pointer was followed on the way */
} Selection;
int type_lookup(Type *t, const char *name, Selection *sel);
/* type_lookup as seen from package pkg (a path): unexported fields and
 * methods of other packages are not there, as for types2's
 * LookupFieldOrMethod. */
int type_lookup_from(Type *t, const char *name, const char *pkg, Selection *sel);

/* Does type t implement interface iface? On failure *missing names the
 * first missing method and *wrong_recv says it exists with a pointer
 * receiver only. */
bool type_implements(Type *t, Type *iface, const char **missing, bool *ptr_only);

#endif
