/*
 * natives.c — the registry of C implementations of standard functions
 * (see natives.h), and the small packages that need nothing else.
 */
#include "natives.h"
#include "fmt.h"
#include "stdlib_natives.h"
#include "vm.h"
#include "rt.h"
#include "map.h"

#include <gc.h>
#include <pthread.h>
#include "scope.h"
#include <stdio.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------- */

static Type *error_string_type;

/* errors.New returns a *errors.errorString, as Go does. */
static int errors_new(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	Type *t = RT_LAZY(error_string_type, rtype_canon(type_pointer(rt_error_type("errors", "errorString", true))));
	Value e = rt_error_value(args[0].p);
	vm_race_range(vm, e.p, 1, true); /* &errorString{text} writes its field */
	res[0].p = iface_box(t, e);
	return 0;
}

/* ---- strconv (the essentials; the rest of the package comes later) ---------- */

static int strconv_itoa(VM *vm, Value *args, int nargs, Value *res)
{
	(void)vm;
	(void)nargs;
	/* digits from the right: this is hot in string-building loops */
	char buf[24];
	char *e = buf + sizeof buf, *p = e;
	uint64_t u = args[0].i < 0 ? 0 - (uint64_t)args[0].i : (uint64_t)args[0].i;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (args[0].i < 0)
		*--p = '-';
	res[0].p = str_new(p, e - p);
	return 0;
}

/* ---- os ------------------------------------------------------------------------ */

static int os_exit(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	(void)res;
	vm_exit(vm, (int)args[0].i);
}

/* Package variables are made by natives too, once at start-up. */
static int os_args(VM *vm, Value *args, int nargs, Value *res)
{
	(void)args;
	(void)nargs;
	res[0].p = vm_args(vm);
	return 0;
}

/* *os.File is a pointer to a block {fd int, name string}. */
static Value os_file(int fd, const char *name)
{
	Value *blk = GC_MALLOC(sizeof(Value) * 2);
	blk[0].i = fd;
	blk[1].p = str_from_c(name);
	Value v;
	v.p = blk;
	return v;
}

static int os_stdin(VM *vm, Value *a, int n, Value *res) { (void)vm; (void)a; (void)n; res[0] = os_file(0, "/dev/stdin"); return 0; }
static int os_stdout(VM *vm, Value *a, int n, Value *res) { (void)vm; (void)a; (void)n; res[0] = os_file(1, "/dev/stdout"); return 0; }
static int os_stderr(VM *vm, Value *a, int n, Value *res) { (void)vm; (void)a; (void)n; res[0] = os_file(2, "/dev/stderr"); return 0; }

/* Deferred builtins run as natives (the compiler evaluates their
 * arguments at the defer statement). */
static int builtin_recover(VM *vm, Value *args, int nargs, Value *res)
{
	(void)vm;
	(void)args;
	(void)nargs;
	res[0].p = NULL; /* not called by a deferred function: recovers nothing */
	return 0;
}

static int builtin_panic(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	(void)res;
	return vm_panic_value(vm, args[0].p);
}

static int builtin_close(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	(void)res;
	return vm_close_chan(vm, args[0].p);
}

static int builtin_delete(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	(void)res;
	map_delete(args[0].p, &args[1]);
	if (rt_key_error) {
		Type *bad = rt_key_error;
		rt_key_error = NULL;
		return vm_panic_error(vm, "hash of unhashable type %s", rtype_string(bad));
	}
	return 0;
}

/* A deferred or go'd copy: dst, src, the element type when elements are
 * blocks (else nil), 1 when src is a string. */
static int builtin_copy(VM *vm, Value *args, int nargs, Value *res)
{
	(void)vm;
	(void)nargs;
	(void)res;
	rt_copy(args[2].p, args[0].p, args[1], args[3].i != 0);
	return 0;
}

/* Deferred print and println: args are (type, value) pairs, since the
 * builtin prints each operand by its static type. */
static int print_pairs(VM *vm, Value *args, int nargs, bool ln)
{
	for (int k = 0; k + 1 < nargs; k += 2) {
		if (ln && k)
			vm_write(vm, 2, " ", 1);
		vm_print_value(vm, args[k].p, args[k + 1]);
	}
	if (ln)
		vm_write(vm, 2, "\n", 1);
	return 0;
}

static int builtin_print(VM *vm, Value *args, int nargs, Value *res)
{
	(void)res;
	return print_pairs(vm, args, nargs, false);
}

static int builtin_println(VM *vm, Value *args, int nargs, Value *res)
{
	(void)res;
	return print_pairs(vm, args, nargs, true);
}

static const NativeDef core_natives[] = {
	{"builtin.recover", builtin_recover},
	{"builtin.panic", builtin_panic},
	{"builtin.delete", builtin_delete},
	{"builtin.copy", builtin_copy},
	{"builtin.close", builtin_close},
	{"builtin.print", builtin_print},
	{"builtin.println", builtin_println},
	{"os.Args", os_args},
	{"os.Stdin", os_stdin},
	{"os.Stdout", os_stdout},
	{"os.Stderr", os_stderr},
	{"errors.New", errors_new},
	{"strconv.Itoa", strconv_itoa},
	{"os.Exit", os_exit},
	{NULL, NULL},
};

static const NativeDef *const tables[] = {
	core_natives, fmt_natives, strings_natives, io_natives, strconv_natives, math_natives, rand_natives,
	unicode_natives, unicode_var_natives, utf8_natives, sort_natives, errors_natives, os_natives, sync_natives};

void natives_attach_methods(Type *t)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	if (!t || t->kind != TY_NAMED)
		return;
	pthread_mutex_lock(&lock);
	for (int i = 0; i < t->nmethods; i++) {
		Method *m = &t->methods[i];
		if (m->impl || !m->func)
			continue;
		char name[256];
		snprintf(name, sizeof name, "%s.%s.%s", m->func->pkg, t->name, m->name);
		NativeFn fn = natives_lookup(name);
		if (!fn)
			continue;
		GolClosure *f = GC_MALLOC(sizeof *f);
		f->native = fn;
		f->name = GC_STRDUP(name);
		m->impl = f;
	}
	pthread_mutex_unlock(&lock);
}

NativeFn natives_lookup(const char *qualified)
{
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const NativeDef *d = tables[t]; d->name; d++)
			if (!strcmp(d->name, qualified))
				return d->fn;
	return NULL;
}
