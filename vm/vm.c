/*
 * vm.c — the interpreter loop.
 *
 * One register stack per goroutine (only the main goroutine exists so
 * far). A frame is a window of that stack: its base pointer plus the
 * closure, proto and saved pc. Calls between gol functions push a frame and
 * stay in the same C loop (no C recursion); natives are plain C calls.
 * Because the stack may move when it grows, frames are re-based after a
 * growth and the loop reloads its cached `R` from the current frame.
 *
 * Defers and panics. A frame keeps its pending deferred calls. RET with
 * pending defers re-executes itself after calling the next one, so defers
 * run as ordinary frames above the returning one. A panic unwinds the same
 * way: the frame on top runs its defers; if one of them recovers, the frame
 * resumes at its epilogue (returning its named results, or zeros);
 * otherwise the frame is dropped and its caller unwinds in turn. When no
 * frame is left, the panic is reported as Go reports it and the program
 * exits with status 2.
 */
#include "vm.h"
#include "vm_int.h"
#include "race.h"
#include "program.h"
#include "rt.h"
#include "fmtfloat.h"
#include "fmt.h"

#include <errno.h>
#include <gc.h>
#include <poll.h>
#include <sys/resource.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Go stops a goroutine whose stack passes 1 GB; gol's frames are smaller
 * than Go's, so the same depth of recursion needs less: 16M registers and
 * 4M frames (FRAME_LIMIT, vm_int.h) stand for Go's limit. */
#define STACK_LIMIT ((size_t)1 << 24)


static Type *rterr_type;  /* runtime errors with the "runtime error: " prefix */
static Type *plain_type;  /* Go's plainError: no prefix */
static Type *bounds_type; /* runtime.boundsError: index and slice bounds */
static Type *assert_type; /* *runtime.TypeAssertionError: failed x.(T) */

/* ---- output -------------------------------------------------------------------- */

/* Output is one buffer per stream for the whole program, under a lock:
 * what one goroutine prints before it signals another comes out first,
 * whichever workers run them. */
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static char outbuf[2][1 << 15];
static size_t outlen[2];

static void flush_locked(void)
{
	for (int i = 0; i < 2; i++)
		if (outlen[i]) {
			if (write(i ? 2 : 1, outbuf[i], outlen[i]) < 0) {
			}
			outlen[i] = 0;
		}
}

void vm_write(VM *vm, int fd, const char *p, size_t n)
{
	(void)vm;
	int i = fd == 2 ? 1 : 0;
	pthread_mutex_lock(&out_lock);
	if (fd == 2)
		flush_locked(); /* keep stdout and stderr in program order */
	if (outlen[i] + n > sizeof outbuf[i]) {
		if (outlen[i]) {
			if (write(fd, outbuf[i], outlen[i]) < 0) {
			}
			outlen[i] = 0;
		}
		if (n > sizeof outbuf[i]) {
			if (write(fd, p, n) < 0) {
			}
			pthread_mutex_unlock(&out_lock);
			return;
		}
	}
	memcpy(outbuf[i] + outlen[i], p, n);
	outlen[i] += n;
	if (fd == 2)
		flush_locked();
	pthread_mutex_unlock(&out_lock);
}

void vm_flush(VM *vm)
{
	(void)vm;
	pthread_mutex_lock(&out_lock);
	flush_locked();
	pthread_mutex_unlock(&out_lock);
}

bool vm_output_pending(void)
{
	pthread_mutex_lock(&out_lock);
	bool r = outlen[0] || outlen[1];
	pthread_mutex_unlock(&out_lock);
	return r;
}

void vm_exit(VM *vm, int code)
{
	vm_flush(vm);
	/* as Go's os.Exit: the race summary only for a clean exit */
	if (code == 0)
		code = race_fini(vm, 0);
	sched_exit_process(code);
}

GolSlice *vm_args(VM *vm)
{
	GolSlice *s = GC_MALLOC(sizeof *s);
	s->data = GC_MALLOC(sizeof(Value) * (size_t)(vm->argc + 1));
	for (int i = 0; i < vm->argc; i++)
		s->data[i].p = str_from_c(vm->argv[i]);
	s->len = s->cap = vm->argc;
	return s;
}

/* ---- panics --------------------------------------------------------------------- */

/* Runtime errors are values of a named type with an Error method, so
 * recover() gives an error and fmt prints its message. */
static Type *runtime_error_type(void)
{
	if (!rterr_type)
		rterr_type = rt_error_type("runtime", "errorString", false);
	if (!plain_type)
		plain_type = rt_error_type("runtime", "plainError", false);
	if (!bounds_type)
		bounds_type = rt_error_type("runtime", "boundsError", false);
	if (!assert_type)
		assert_type = rtype_canon(type_pointer(rt_error_type("runtime", "TypeAssertionError", true)));
	return rterr_type;
}

void vm_pop_panic(VM *vm)
{
	PanicRec *p = vm->panic;
	if (p)
		p = p->next;
	while (p && p->aborted)
		p = p->next;
	vm->panic = p;
	/* a panic raised and recovered inside a deferred call leaves the
	 * one that call runs for still unwinding */
	vm->unwinding = p && !p->recovered;
}

void vm_abort_older_panic(VM *vm)
{
	PanicRec *p = vm->panic ? vm->panic->next : NULL;
	while (p && p->aborted)
		p = p->next;
	if (p)
		p->aborted = true;
}

void *vm_take_panic_rec(VM *vm, GolIface **value)
{
	PanicRec *p = vm->panic;
	*value = p ? p->value : NULL;
	if (p)
		vm_pop_panic(vm);
	return p;
}

void vm_panic_under(VM *vm, void *rec)
{
	PanicRec *p = rec, *top = vm->panic;
	if (!p || !top)
		return;
	p->recovered = true;
	p->next = top->next;
	top->next = p;
}

GolIface *vm_take_panic(VM *vm)
{
	PanicRec *p = vm->panic;
	if (!p)
		return NULL;
	vm_pop_panic(vm);
	return p->value;
}

int vm_panic_value(VM *vm, GolIface *v)
{
	PanicRec *p = GC_MALLOC(sizeof *p);
	p->value = v;
	/* the innermost TRACE_FRAMES frames, about as many as Go prints (it
	 * says nothing of the rest): a deep recursion that panics and
	 * recovers over and over stays cheap */
	int skip = vm->nframes > TRACE_FRAMES ? vm->nframes - TRACE_FRAMES : 0;
	p->nframes = vm->nframes - skip;
	p->frames = GC_MALLOC(sizeof(Frame) * (size_t)(p->nframes ? p->nframes : 1));
	memcpy(p->frames, vm->frames + skip, sizeof(Frame) * (size_t)p->nframes);
	p->next = vm->panic;
	vm->panic = p;
	vm->unwinding = true;
	return -1;
}

/* A runtime error of type t (runtime.errorString or boundsError), its
 * message prefixed "runtime error: " as Go's Error methods do. */
static int panic_runtime(VM *vm, Type *t, const char *fmt, va_list ap)
{
	char buf[512] = "runtime error: ";
	vsnprintf(buf + strlen(buf), sizeof buf - strlen(buf), fmt, ap);
	return vm_panic_value(vm, iface_box(t, rt_error_value(str_from_c(buf))));
}

int vm_panic_error(VM *vm, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = panic_runtime(vm, runtime_error_type(), fmt, ap);
	va_end(ap);
	return r;
}

int vm_panic_bounds(VM *vm, const char *fmt, ...)
{
	runtime_error_type();
	va_list ap;
	va_start(ap, fmt);
	int r = panic_runtime(vm, bounds_type, fmt, ap);
	va_end(ap);
	return r;
}

/* Which bounds of the instruction before pc are unsigned (Proto.ubounds). */
static unsigned ubound_mask(const Proto *p, const Instr *pc)
{
	uint32_t off = (uint32_t)(pc - p->code);
	int lo = 0, hi = p->nubounds - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		uint32_t o = p->ubounds[mid] >> 3;
		if (o == off)
			return p->ubounds[mid] & 7;
		if (o < off)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* A bound as Go's boundsError shows it: unsigned ones as unsigned. */
static const char *bound_str(char *buf, size_t n, int64_t v, bool uns)
{
	if (uns)
		snprintf(buf, n, "%llu", (unsigned long long)v);
	else
		snprintf(buf, n, "%lld", (long long)v);
	return buf;
}

int vm_panic_index(VM *vm, const Proto *p, const Instr *pc, int64_t k, int64_t n)
{
	bool uns = p && (ubound_mask(p, pc) & 1);
	char b[32];
	if (k < 0 && !uns)
		return vm_panic_bounds(vm, "index out of range [%lld]", (long long)k);
	return vm_panic_bounds(vm, "index out of range [%s] with length %lld", bound_str(b, sizeof b, k, uns),
			       (long long)n);
}

bool vm_slice_in_range(int64_t lo, int64_t hi, int64_t max, int64_t cap)
{
	return (uint64_t)max <= (uint64_t)cap && (uint64_t)hi <= (uint64_t)max && (uint64_t)lo <= (uint64_t)hi;
}

int vm_panic_slice(VM *vm, const Proto *p, const Instr *pc, int64_t lo, int64_t hi, int64_t max, bool three,
		   int64_t cap, const char *what)
{
	/* Go's messages: checked from the right; an array's or string's bound
	 * is its length, a slice's its capacity; a negative bound is shown
	 * alone; one of 2^63 or more of an unsigned type is only too large */
	unsigned u = p ? ubound_mask(p, pc) : 0;
	bool ul = u & 1, uh = u & 2, um = u & 4;
	char a[32], b[32];
#define NEG(v, uns) ((v) < 0 && !(uns))
#define GT(v, w, uns) (((uns) && (v) < 0) || (v) > (w))
	if (three) {
		if (NEG(max, um))
			return vm_panic_bounds(vm, "slice bounds out of range [::%lld]", (long long)max);
		if (GT(max, cap, um))
			return vm_panic_bounds(vm, "slice bounds out of range [::%s] with %s %lld",
					       bound_str(a, sizeof a, max, um), what, (long long)cap);
		if (NEG(hi, uh))
			return vm_panic_bounds(vm, "slice bounds out of range [:%lld:]", (long long)hi);
		if (GT(hi, max, uh))
			return vm_panic_bounds(vm, "slice bounds out of range [:%s:%s]", bound_str(a, sizeof a, hi, uh),
					       bound_str(b, sizeof b, max, um));
		if (NEG(lo, ul))
			return vm_panic_bounds(vm, "slice bounds out of range [%lld::]", (long long)lo);
		return vm_panic_bounds(vm, "slice bounds out of range [%s:%s:]", bound_str(a, sizeof a, lo, ul),
				       bound_str(b, sizeof b, hi, uh));
	}
	if (NEG(hi, uh))
		return vm_panic_bounds(vm, "slice bounds out of range [:%lld]", (long long)hi);
	if (GT(hi, cap, uh))
		return vm_panic_bounds(vm, "slice bounds out of range [:%s] with %s %lld", bound_str(a, sizeof a, hi, uh),
				       what, (long long)cap);
	if (NEG(lo, ul))
		return vm_panic_bounds(vm, "slice bounds out of range [%lld:]", (long long)lo);
	return vm_panic_bounds(vm, "slice bounds out of range [%s:%s]", bound_str(a, sizeof a, lo, ul),
			       bound_str(b, sizeof b, hi, uh));
#undef NEG
#undef GT
}

int vm_panic_assert(VM *vm, const char *msg)
{
	runtime_error_type();
	return vm_panic_value(vm, iface_box(assert_type, rt_error_value(str_from_c(msg))));
}

int vm_panic_nil(VM *vm)
{
	int r = vm_panic_error(vm, "invalid memory address or nil pointer dereference");
	vm->panic->signal = true;
	return r;
}

/* A runtime.Error whose message has no "runtime error: " prefix (Go's
 * plainError: assignment to entry in nil map, type assertion failures). */
int vm_panic_plain(VM *vm, const char *msg)
{
	runtime_error_type();
	return vm_panic_value(vm, iface_box(plain_type, rt_error_value(str_from_c(msg))));
}

int vm_panic_msg(VM *vm, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	Value v;
	v.p = str_from_c(buf);
	return vm_panic_value(vm, iface_box(type_basic[TY_STRING], v));
}

/* A float as Go's runtime prints it (print, println, a panic's value):
 * seven significant digits as +d.dddddde+ddd, or NaN, +Inf, -Inf. Not
 * C's correctly rounded %e: Go
 * scales the value into [1, 10) by repeated multiplication or division by
 * ten, adds half a unit of the seventh digit, and reads the digits off one
 * at a time, each step in float64; near a rounding tie that gives other
 * digits than exact rounding would (9.9999995 prints +1.000000e+001), and
 * the same steps are taken here so that the digits are Go's. */
static void runtime_float(char *buf, size_t n, double d)
{
	if (isnan(d)) {
		snprintf(buf, n, "NaN");
		return;
	}
	if (isinf(d)) {
		snprintf(buf, n, d > 0 ? "+Inf" : "-Inf");
		return;
	}
	enum { DIGITS = 7 };
	char sign = '+';
	int ex = 0;
	if (d == 0) {
		if (signbit(d))
			sign = '-';
	} else {
		if (d < 0) {
			d = -d;
			sign = '-';
		}
		while (d >= 10) {
			ex++;
			d /= 10;
		}
		while (d < 1) {
			ex--;
			d *= 10;
		}
		double half = 5.0;
		for (int k = 0; k < DIGITS; k++)
			half /= 10;
		d += half;
		if (d >= 10) {
			ex++;
			d /= 10;
		}
	}
	char digits[DIGITS];
	for (int k = 0; k < DIGITS; k++) {
		int dig = (int)d;
		digits[k] = (char)('0' + dig);
		d -= dig;
		d *= 10;
	}
	snprintf(buf, n, "%c%c.%.*se%c%03d", sign, digits[0], DIGITS - 1, digits + 1, ex < 0 ? '-' : '+',
		 ex < 0 ? -ex : ex);
}

/* Go's printpanicval: how `panic: X` shows the value. -1 when its Error
 * or String method panicked (the new panic is vm->panic). */
/* A complex number in the runtime's format, its parentheses left to the
 * caller: +1.000000e+000-2.500000e+000i */
static void runtime_complex(char *buf, size_t n, const GolComplex *c)
{
	char re[64], im[64];
	runtime_float(re, sizeof re, c ? c->re : 0);
	runtime_float(im, sizeof im, c ? c->im : 0);
	snprintf(buf, n, "%s%si", re, im);
}

static int panic_value_text(VM *vm, FmtBuf *b, GolIface *v)
{
	if (!v) {
		fmtbuf_put(b, "nil", 3);
		return 0;
	}
	Type *t = v->type;
	GolString *s = NULL;
	int r = vm_call_string_method(vm, t, v->v, "Error", &s);
	if (r == 0)
		r = vm_call_string_method(vm, t, v->v, "String", &s);
	if (r < 0)
		return -1;
	if (r == 1) {
		fmtbuf_put(b, str_ptr(s), (size_t)str_len(s));
		return 0;
	}
	Type *u = type_under(t);
	char buf[128];
	bool named = t->kind == TY_NAMED;
	if (named && (u->kind <= TY_STRING)) {
		const char *tn = rtype_string(t);
		fmtbuf_put(b, tn, strlen(tn));
		fmtbuf_put(b, "(", 1);
	}
	switch (u->kind) {
	case TY_STRING:
		if (named)
			fmtbuf_put(b, "\"", 1);
		fmtbuf_put(b, str_ptr(v->v.p), (size_t)str_len(v->v.p));
		if (named)
			fmtbuf_put(b, "\"", 1);
		break;
	case TY_FLOAT32:
	case TY_FLOAT64: {
		runtime_float(buf, sizeof buf, v->v.f);
		fmtbuf_put(b, buf, strlen(buf));
		break;
	}
	case TY_COMPLEX64:
	case TY_COMPLEX128:
		/* in parentheses: the type's when it is named */
		runtime_complex(buf, sizeof buf, v->v.p);
		if (!named)
			fmtbuf_put(b, "(", 1);
		fmtbuf_put(b, buf, strlen(buf));
		if (!named)
			fmtbuf_put(b, ")", 1);
		break;
	default:
		if (u->kind <= TY_UINTPTR) {
			if (type_is_unsigned(u))
				snprintf(buf, sizeof buf, "%llu", (unsigned long long)v->v.u);
			else if (u->kind == TY_BOOL)
				snprintf(buf, sizeof buf, "%s", v->v.i ? "true" : "false");
			else
				snprintf(buf, sizeof buf, "%lld", (long long)v->v.i);
			fmtbuf_put(b, buf, strlen(buf));
		} else {
			/* the data word: a slice is boxed (never nil), a nil
			 * pointer, map, chan or func is 0x0 */
			void *data = u->kind == TY_SLICE ? (void *)v : v->v.p;
			fmtbuf_put(b, "(", 1);
			fmtbuf_put(b, rtype_string(t), strlen(rtype_string(t)));
			if (data)
				snprintf(buf, sizeof buf, ") %p", data);
			else
				strcpy(buf, ") 0x0");
			fmtbuf_put(b, buf, strlen(buf));
		}
	}
	if (named && (u->kind <= TY_STRING))
		fmtbuf_put(b, ")", 1);
	return 0;
}

static void traceback_frames(FmtBuf *b, Frame *frames, int nframes);
static void traceback_created(FmtBuf *b, G *g);

/* The runtime's panic function, which Go shows between a deferred call
 * run because of a panic (at line 884 of its panic.go), or a method run to
 * print the panic's value (at 985), and the frame that panicked. */
static void put_panic_frame(FmtBuf *b, int line)
{
	char s[80];
	snprintf(s, sizeof s, "panic({...})\n\t$GOROOT/src/runtime/panic.go:%d +0x0\n", line);
	fmtbuf_put(b, s, strlen(s));
}

volatile sig_atomic_t vm_interrupted;

/* Leaving a sync native by longjmp (a fatal error or Ctrl-C in a REPL
 * session, which goes on): the lock it held must not stay held. */
static void drop_sync_lock(VM *vm)
{
	if (vm->sync_depth) {
		vm->sync_depth = 1;
		vm_sync_unlock(vm);
	}
}

/* Ctrl-C during a REPL input that cannot yield: back to the session. */
static void vm_interrupt_unwind(VM *vm) __attribute__((noreturn, cold));
static void vm_interrupt_unwind(VM *vm)
{
	drop_sync_lock(vm);
	longjmp(*vm->fatal_jmp, 2);
}

/* A fatal error ends the program; in a REPL session only the input. */
static void fatal_exit(VM *vm) __attribute__((noreturn));
static void fatal_exit(VM *vm)
{
	if (vm->fatal_jmp) {
		drop_sync_lock(vm);
		longjmp(*vm->fatal_jmp, 1);
	}
	sched_exit_process(2);
}

static void goroutine_report(FmtBuf *b, G *g);

/* After a fatal error Go lists every goroutine: the others are stopped
 * first, so that their stacks hold still. Not in a REPL session (nor a
 * call the session guards), where the prompt comes back: false then. */
static bool stop_others_to_list(VM *vm)
{
	return !vm->fatal_jmp && !vm->session && sched_stop_others(vm);
}

/* Every goroutine but the running one, as Go lists them after a fatal
 * error (once stop_others_to_list has stopped them). */
static void report_others(FmtBuf *b, VM *vm)
{
	G **gs;
	int n = sched_all(&gs);
	for (int k = 0; k < n; k++)
		if (gs[k] != vm->cur)
			goroutine_report(b, gs[k]);
}

void vm_fatal(VM *vm, const char *msg)
{
	sched_die_begin(vm);
	bool all = stop_others_to_list(vm);
	vm_flush(vm);
	FmtBuf b = {0};
	char head[256];
	snprintf(head, sizeof head, "fatal error: %s\n\ngoroutine %lld [running]:\n", msg,
		 (long long)(vm->cur ? vm->cur->id : 1));
	fmtbuf_put(&b, head, strlen(head));
	traceback_frames(&b, vm->frames, vm->nframes);
	if (vm->cur)
		traceback_created(&b, vm->cur);
	if (all)
		report_others(&b, vm);
	vm_write(vm, 2, b.p, b.len);
	vm_flush(vm);
	fatal_exit(vm);
}

/* Did the runtime raise p (a runtime.Error: an index out of range, a nil
 * dereference, a failed assertion), rather than a call of panic? */
static bool runtime_panic(const PanicRec *p)
{
	Type *t = p->value ? p->value->type : NULL;
	return p->signal || (t && (t == runtime_error_type() || t == plain_type || t == assert_type ||
				   t == bounds_type));
}

/* The frames of an unrecovered panic, newest first. A panic raised by a
 * deferred call that runs because of an earlier panic shows that call's
 * frames, then the earlier panic's frames from where it began: the stack Go
 * prints, since its deferred calls run on top of the panicking frames. */
static void panic_frames(FmtBuf *b, PanicRec *p, int depth)
{
	if (!p)
		return;
	int k = -1;
	if (p->next && depth < 64)
		for (int i = p->nframes - 2; i >= 0; i--)
			if (p->frames[i].panicking) {
				k = i;
				break;
			}
	if (k < 0) {
		/* Go shows TRACE_FRAMES frames counting the runtime's hidden
		 * ones: its panic, and for a runtime error the function that
		 * raised it */
		int shown = p->nframes;
		if (!p->next) {
			int room = TRACE_FRAMES - 1 - (runtime_panic(p) ? 1 : 0);
			if (shown > room)
				shown = room;
		}
		traceback_frames(b, p->frames + p->nframes - shown, shown);
		return;
	}
	traceback_frames(b, p->frames + k + 1, p->nframes - k - 1);
	put_panic_frame(b, 884);
	panic_frames(b, p->next, depth + 1);
}

static void report_panic(VM *vm)
{
	sched_die_begin(vm);
	vm_flush(vm);
	FmtBuf b = {0};
	/* earlier panics first, each marked [recovered] if it was */
	PanicRec *chain[64];
	int n = 0;
	for (PanicRec *p = vm->panic; p && n < 64; p = p->next)
		chain[n++] = p;
	/* every value is formatted before anything is printed, as Go's
	 * preprintpanics does: an Error or String method that panics then is
	 * a fatal error */
	FmtBuf texts[64];
	for (int i = 0; i < n; i++) {
		texts[i] = (FmtBuf){0};
		if (panic_value_text(vm, &texts[i], chain[i]->value) < 0) {
			PanicRec *inner = vm->panic;
			GolIface *pv = inner ? inner->value : NULL;
			FmtBuf f = {0};
			const char *head = "fatal error: panic while printing panic value: ";
			fmtbuf_put(&f, head, strlen(head));
			if (pv && pv->type == type_basic[TY_STRING]) {
				fmtbuf_put(&f, str_ptr(pv->v.p), (size_t)str_len(pv->v.p));
			} else {
				fmtbuf_put(&f, "type ", 5);
				const char *tn = pv ? rtype_string(pv->type) : "nil";
				fmtbuf_put(&f, tn, strlen(tn));
			}
			fmtbuf_put(&f, "\n", 1);
			if (inner && inner->signal) {
				const char *sig = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
				fmtbuf_put(&f, sig, strlen(sig));
			}
			char gh[64];
			snprintf(gh, sizeof gh, "\ngoroutine %lld [running]:\n", (long long)(vm->cur ? vm->cur->id : 1));
			fmtbuf_put(&f, gh, strlen(gh));
			/* the method's frames, then those of the panic being
			 * printed (Go calls the method on top of them), then,
			 * as after any fatal error, the other goroutines */
			if (inner) {
				traceback_frames(&f, inner->frames, inner->nframes);
				put_panic_frame(&f, 985);
			}
			traceback_frames(&f, chain[i]->frames, chain[i]->nframes);
			if (vm->cur)
				traceback_created(&f, vm->cur);
			if (stop_others_to_list(vm))
				report_others(&f, vm);
			vm_write(vm, 2, f.p, f.len);
			vm_flush(vm);
			sched_exit_process(2);
		}
	}
	for (int i = n - 1; i >= 0; i--) {
		fmtbuf_put(&b, i == n - 1 ? "panic: " : "\tpanic: ", i == n - 1 ? 7 : 8);
		fmtbuf_put(&b, texts[i].p, texts[i].len);
		if (chain[i]->recovered)
			fmtbuf_put(&b, " [recovered]", 12);
		fmtbuf_put(&b, "\n", 1);
	}
	for (int i = 0; i < n; i++)
		if (chain[i]->signal) {
			/* Go finds nil dereferences by the fault they cause and
			 * names the signal; gol has no fault address to show */
			const char *sig = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
			fmtbuf_put(&b, sig, strlen(sig));
			break;
		}
	char head[64];
	snprintf(head, sizeof head, "\ngoroutine %lld [running]:\n", (long long)(vm->cur ? vm->cur->id : 1));
	fmtbuf_put(&b, head, strlen(head));
	panic_frames(&b, vm->panic, 0);
	if (vm->cur)
		traceback_created(&b, vm->cur);
	vm_write(vm, 2, b.p, b.len);
	vm_flush(vm);
}

/* ---- stack and frames ------------------------------------------------------------ */

static void stack_overflow(VM *vm) __attribute__((noreturn));
static void stack_overflow(VM *vm)
{
	sched_die_begin(vm);
	bool all = stop_others_to_list(vm); /* listed too, as after any fatal error */
	vm_flush(vm);
	FmtBuf b = {0};
	const char *m = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\n";
	fmtbuf_put(&b, m, strlen(m));
	/* then the goroutine, its innermost frames as many as Go shows (not
	 * in a REPL session, where they would bury the prompt) */
	if (vm->session) {
		if (write(2, b.p, b.len) < 0) {
		}
		fatal_exit(vm);
	}
	char head[64];
	snprintf(head, sizeof head, "\ngoroutine %lld [running]:\n", (long long)(vm->cur ? vm->cur->id : 1));
	fmtbuf_put(&b, head, strlen(head));
	/* Go's top frame is the function being entered, stopped in its
	 * prologue (at its first line); it counts towards the frames shown */
	int room = TRACE_FRAMES;
	if (vm->entering && vm->entering->ncode) {
		char top[512];
		snprintf(top, sizeof top, "%s(%s)\n\t%s:%d +0x0\n", vm->entering->name,
			 vm->entering->nparams ? "..." : "", vm->entering->file, vm->entering->line);
		fmtbuf_put(&b, top, strlen(top));
		room--;
	}
	int shown = vm->nframes < room ? vm->nframes : room;
	traceback_frames(&b, vm->frames + vm->nframes - shown, shown);
	if (shown < vm->nframes) {
		const char *el = "...additional frames elided...\n";
		fmtbuf_put(&b, el, strlen(el));
	}
	if (vm->cur)
		traceback_created(&b, vm->cur);
	if (all)
		report_others(&b, vm);
	if (write(2, b.p, b.len) < 0) {
	}
	fatal_exit(vm);
}

void vm_stack_overflow(VM *vm)
{
	stack_overflow(vm);
}

static void stack_ensure(VM *vm, size_t need)
{
	if (need <= vm->stack_cap)
		return;
	if (need > STACK_LIMIT) {
		stack_overflow(vm);
	}
	size_t cap = vm->stack_cap * 2;
	while (cap < need)
		cap *= 2;
	Value *s = GC_MALLOC(sizeof(Value) * cap);
	memcpy(s, vm->stack, sizeof(Value) * vm->stack_cap);
	vm->stack = s;
	vm->stack_cap = cap;
}

static Frame *push_frame(VM *vm)
{
	if (vm->nframes == vm->capframes) {
		if (vm->nframes >= FRAME_LIMIT)
			stack_overflow(vm);
		int cap = vm->capframes * 2;
		Frame *f = GC_MALLOC(sizeof *f * (size_t)cap);
		memcpy(f, vm->frames, sizeof *f * (size_t)vm->nframes);
		vm->frames = f;
		vm->capframes = cap;
	}
	Frame *f = &vm->frames[vm->nframes++];
	f->defers = NULL;
	f->race_ctx = NULL;
	f->is_defer = 0;
	f->panicking = false;
	f->at_ret = false;
	f->recovered = false;
	return f;
}

/* A frame that starts cl (running p) at its first instruction, with R[0]
 * at stack index base; it returns nothing into a register of a caller. */
static Frame *enter_frame(VM *vm, GolClosure *cl, Proto *p, size_t base, int nres)
{
	Frame *f = push_frame(vm);
	f->cl = cl;
	f->p = p;
	f->pc = p->code;
	f->base = base;
	f->ret_reg = -1;
	f->nres = nres;
	return f;
}

/* ---- methods by name ------------------------------------------------------------- */

/* The type of the embedded field sel's path ends at, from t. */
static Type *embedded_type(Type *t, const Selection *sel)
{
	Type *cur = t;
	for (int i = 0; i < sel->depth; i++) {
		Type *u = type_under(cur);
		if (u->kind == TY_POINTER)
			u = type_under(u->elem);
		cur = u->fields[sel->path[i]].type;
	}
	return cur;
}

/* The closure for method `name` of the value v of dynamic type t, and in
 * *recv the receiver to pass it (reached through embedded fields, loaded
 * through a pointer where needed). A method promoted from an embedded
 * interface field is the method of that field's dynamic value, looked up
 * in turn. *why says why there is none: no such method, or a nil pointer
 * or interface on the way (a nil dereference in Go). */
GolClosure *vm_method_of(Type *t, Value v, const char *name, Value *recv, int *why)
{
	for (int hops = 0; hops < 64; hops++) {
		Selection sel;
		Method *m = type_lookup(t, name, &sel) == 2 ? sel.method : NULL;
		/* a pointer method is not in the method set of T */
		if (!m || (m->ptr_recv && t->kind != TY_POINTER && !sel.indirect)) {
			*why = METHOD_NONE;
			return NULL;
		}
		Type *et = embedded_type(t, &sel);
		for (int k = 0; k < sel.depth; k++) {
			if (!v.p) {
				*why = METHOD_NIL;
				return NULL;
			}
			v = ((Value *)v.p)[sel.path[k]];
		}
		if (sel.depth > 0 && type_is_interface(et)) {
			/* an embedded interface's method: its value's */
			GolIface *x = v.p;
			if (!x) {
				*why = METHOD_NIL;
				return NULL;
			}
			t = x->type;
			v = x->v;
			continue;
		}
		if (!m->impl && !m->func) /* a library type's, attached on first use */
			natives_attach_methods(et->kind == TY_POINTER ? et->elem : et);
		if (!m->impl) {
			*why = METHOD_NONE;
			return NULL;
		}
		Type *rt = sel.depth ? et : t; /* the type v now has */
		if (!m->ptr_recv && rt->kind == TY_POINTER) {
			/* a value method through a pointer (the value's own, or an
			 * embedded one): a nil one cannot be loaded; otherwise
			 * load it (a block is its own pointer) */
			if (!v.p) {
				*why = METHOD_NIL;
				return NULL;
			}
			if (!(type_under(rt->elem)->kind == TY_STRUCT || type_under(rt->elem)->kind == TY_ARRAY))
				v = *(Value *)v.p;
		}
		*recv = v;
		*why = METHOD_FOUND;
		return m->impl;
	}
	*why = METHOD_NONE;
	return NULL;
}

/* Go's autogenerated (*T).M of a value method M, which an interface
 * holding a nil *T, or the method expression (*T).M, calls: it panics
 * (runtime.panicwrap) and is the top frame of the traceback. */
static int panic_wrapper(VM *vm, Type *pt, const char *name)
{
	const char *full = rtype_string(pt->elem), *dot = strrchr(full, '.');
	const char *bare = dot ? dot + 1 : full;
	int pkg = dot ? (int)(dot - full) : 0;
	char msg[512], fn[512];
	snprintf(msg, sizeof msg, "value method %s.%s called using nil *%s pointer", full, name, bare);
	snprintf(fn, sizeof fn, "%.*s%s(*%s).%s", pkg, full, pkg ? "." : "", bare, name);
	int r = vm_panic_plain(vm, msg);
	Proto *w = GC_MALLOC(sizeof *w);
	w->name = GC_strdup(fn);
	w->file = "<autogenerated>";
	w->nparams = 1;
	w->ncode = 1;
	w->code = GC_MALLOC(sizeof(Instr) * 2);
	w->lines = GC_MALLOC_ATOMIC(sizeof(int32_t));
	w->lines[0] = w->line = 1;
	PanicRec *p = vm->panic;
	Frame *f = GC_MALLOC(sizeof(Frame) * (size_t)(p->nframes + 1));
	memcpy(f, p->frames, sizeof(Frame) * (size_t)p->nframes);
	memset(&f[p->nframes], 0, sizeof *f);
	f[p->nframes].p = w;
	f[p->nframes].pc = w->code + 1;
	p->frames = f;
	p->nframes++;
	return r;
}

int vm_panic_method_nil(VM *vm, Type *t, const char *name)
{
	Selection sel;
	if (t && t->kind == TY_POINTER && type_lookup(t, name, &sel) == 2 && !sel.depth && sel.method &&
	    !sel.method->ptr_recv)
		return panic_wrapper(vm, t, name);
	return vm_panic_nil(vm);
}

int vm_panic_deref_wrapper(VM *vm, const GolClosure *f)
{
	/* its name is the method's, or ends in it */
	const char *name = f->name, *dot = name ? strrchr(name, '.') : NULL;
	if (!name)
		return vm_panic_nil(vm);
	return panic_wrapper(vm, type_pointer(f->w->recv_type), dot ? dot + 1 : name);
}

/*
 * A method expression that is not simply the method (T.M is; (*T).M of a
 * value method, a method promoted through embedding and I.M of an
 * interface are not) is a wrapper closure, Go's autogenerated function:
 * called, it first turns its receiver argument into the receiver the
 * method takes (a copy through the pointer, the embedded field, the
 * interface's dynamic value) and then calls the method. That work is done
 * when the call happens, which for a deferred call or a go statement is
 * when the deferred call runs or the goroutine starts, so it is done here,
 * for the plain call, the deferred one and the new goroutine alike.
 * args[0] becomes the method's receiver; returns the method to call, or
 * NULL after raising the panic Go's wrapper would.
 */
GolClosure *vm_unwrap(VM *vm, GolClosure *f, Value *args)
{
	if (f->wrap == WRAP_DEREF) {
		if (!args[0].p)
			return vm_panic_deref_wrapper(vm, f), NULL;
		Type *u = type_under(f->w->recv_type);
		if (u->kind == TY_STRUCT || u->kind == TY_ARRAY)
			args[0].p = block_clone(f->w->recv_type, args[0].p);
		else
			args[0] = *(Value *)args[0].p;
		f = f->w->target;
	} else if (f->wrap == WRAP_EMBED) {
		const GolWrap *w = f->w;
		Value v = args[0], *parent = NULL;
		for (int k = 0; k < w->depth; k++) {
			if (!v.p)
				return vm_panic_nil(vm), NULL;
			parent = v.p;
			v = parent[w->path[k]];
		}
		if (w->mode == EMBED_LOAD) {
			if (!v.p)
				return vm_panic_nil(vm), NULL;
			v = *(Value *)v.p;
		} else if (w->mode == EMBED_ADDR) {
			v.p = &parent[w->path[w->depth - 1]];
		}
		args[0] = v;
		f = w->target;
	}
	/* (an embedded interface field's method goes on to dispatch) */
	if (f->wrap == WRAP_IFACE) {
		GolIface *x = args[0].p;
		if (!x)
			return vm_panic_nil(vm), NULL;
		Value recv;
		int why;
		GolClosure *m = vm_method_of(x->type, x->v, f->w->mname, &recv, &why);
		if (why == METHOD_NIL)
			return vm_panic_method_nil(vm, x->type, f->w->mname), NULL;
		if (!m)
			return vm_panic_error(vm, "method %s not found", f->w->mname), NULL;
		args[0] = recv;
		f = m;
	}
	return f;
}

static int run(VM *vm, int stop_depth);

bool vm_can_call_then_retry(GolClosure *f)
{
	return f && f->proto && !f->native && !f->wrap && f->proto->nparams == (f->bound ? 1 : 0);
}

int vm_call_then_retry(VM *vm, GolClosure *f, GolClosure *after, Value arg)
{
	Defer *d = GC_MALLOC(sizeof *d);
	d->f = after;
	d->nargs = 1;
	d->args = GC_MALLOC(sizeof(Value) * 2);
	d->args[0] = arg;
	vm->call_fn = f;
	if (f->bound) {
		/* a method value: its receiver is the one argument */
		vm->call_args[0] = f->recv;
		vm->call_nargs = 1;
	}
	vm->call_defer = d;
	return VM_CALL;
}

int vm_call(VM *vm, GolClosure *f, Value *args, int nargs, Value *results, int nres)
{
	if (f->native) {
		Value tmp[16];
		int r = f->native(vm, args, nargs, results ? results : tmp);
		return r;
	}
	/* place a frame above everything and run it to completion */
	size_t base = 1; /* results land at base - 1 */
	if (vm->nframes) {
		Frame *top = &vm->frames[vm->nframes - 1];
		base = top->base + (size_t)top->p->nregs + 1;
	}
	stack_ensure(vm, base + (size_t)f->proto->nregs + (size_t)nargs + 8);
	for (int i = 0; i < nargs; i++)
		vm->stack[base + i] = args[i];
	enter_frame(vm, f, f->proto, base, nres);
	int depth = vm->nframes - 1;
	vm->nested++;
	int r = run(vm, depth);
	vm->nested--;
	if (r < 0)
		return -1;
	for (int i = 0; i < nres; i++)
		results[i] = vm->stack[base - 1 + (size_t)i];
	return 0;
}

int vm_call_string_method(VM *vm, Type *t, Value v, const char *name, GolString **out)
{
	Type *sig = NULL;
	Selection sel;
	if (type_lookup(t, name, &sel) == 2)
		sig = sel.type;
	if (!sig || sig->nfields != 0 || sig->nresults != 1 || type_under(sig->results[0].type)->kind != TY_STRING)
		return 0;
	Value recv;
	int why;
	GolClosure *f = vm_method_of(t, v, name, &recv, &why);
	if (why == METHOD_NIL) /* a nil pointer or interface on the way */
		return vm_panic_method_nil(vm, t, name);
	if (!f || !vm)
		return 0;
	Value res;
	if (vm_calls_call(vm, f, &recv, 1, &res, 1) < 0)
		return -1;
	*out = res.p;
	return 1;
}

/* ---- print builtin ---------------------------------------------------------------- */

void vm_print_value(VM *vm, Type *t, Value v)
{
	char buf[64];
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL:
		vm_write(vm, 2, v.i ? "true" : "false", v.i ? 4 : 5);
		return;
	case TY_STRING:
		vm_write(vm, 2, str_ptr(v.p), (size_t)str_len(v.p));
		return;
	case TY_FLOAT32:
	case TY_FLOAT64:
		runtime_float(buf, sizeof buf, v.f);
		vm_write(vm, 2, buf, strlen(buf));
		return;
	case TY_COMPLEX64:
	case TY_COMPLEX128: {
		char c[160];
		runtime_complex(c, sizeof c, v.p);
		vm_write(vm, 2, "(", 1);
		vm_write(vm, 2, c, strlen(c));
		vm_write(vm, 2, ")", 1);
		return;
	}
	case TY_INTERFACE: {
		/* Go prints the two words, (type,data); the box stands for the
		 * data word */
		GolIface *x = v.p;
		if (x)
			snprintf(buf, sizeof buf, "(%p,%p)", (void *)x->type, (void *)x);
		else
			strcpy(buf, "(0x0,0x0)");
		vm_write(vm, 2, buf, strlen(buf));
		return;
	}
	case TY_SLICE: {
		/* [len/cap]array */
		GolSlice *sl = v.p;
		int n = snprintf(buf, sizeof buf, "[%lld/%lld]", (long long)(sl ? sl->len : 0), (long long)(sl ? sl->cap : 0));
		if (sl && sl->data)
			snprintf(buf + n, sizeof buf - (size_t)n, "%p", (void *)sl->data);
		else
			strcpy(buf + n, "0x0");
		vm_write(vm, 2, buf, strlen(buf));
		return;
	}
	default:
		if (type_is_unsigned(u))
			snprintf(buf, sizeof buf, "%llu", (unsigned long long)v.u);
		else if (type_is_integer(u))
			snprintf(buf, sizeof buf, "%lld", (long long)v.i);
		else if (!v.p)
			strcpy(buf, "0x0"); /* glibc's %p says (nil) */
		else
			snprintf(buf, sizeof buf, "%p", v.p);
		vm_write(vm, 2, buf, strlen(buf));
	}
}

/* ---- conversions ------------------------------------------------------------------ */

static int utf8_enc(int32_t r, char *out)
{
	if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		out[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		out[0] = (char)(0xC0 | (r >> 6));
		out[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		out[0] = (char)(0xE0 | (r >> 12));
		out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
		out[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (r >> 18));
	out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
	out[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}

/* Decode the rune at s[i]: Go's rules (invalid byte -> U+FFFD, width 1). */
static int32_t utf8_dec(const unsigned char *s, int64_t n, int64_t i, int *w)
{
	unsigned c = s[i];
	*w = 1;
	if (c < 0x80)
		return (int32_t)c;
	int len;
	int32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07, min = 0x10000;
	else return 0xFFFD;
	if (i + len > n)
		return 0xFFFD;
	for (int k = 1; k < len; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0xFFFD;
		v = (v << 6) | (s[i + k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	*w = len;
	return v;
}

enum { CV_RUNE2STR = 1, CV_BYTES2STR, CV_STR2BYTES, CV_RUNES2STR, CV_STR2RUNES, CV_SLICE2ARRPTR };

/* bytes rounded up to the size Go's allocator gives it: its size classes
 * up to 32 KB, whole 8 KB pages above (0 stays 0). */
static int64_t size_class_bytes(int64_t bytes)
{
	static const int64_t classes[] = {8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
	if (bytes <= 0)
		return 0;
	if (bytes > 32768)
		return (bytes + 8191) / 8192 * 8192;
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
		if (classes[i] >= bytes)
			return classes[i];
	return bytes;
}

/* exact: a constant string's bytes or runes, which Go puts in an array of
 * just their length; another string's are rounded up to Go's allocation
 * size, as its rawbyteslice and rawruneslice do. */
static Value convert(int code, Value x, bool exact)
{
	Value r;
	r.u = 0;
	switch (code) {
	case CV_RUNE2STR: {
		char b[4];
		int64_t v = x.i;
		int n = utf8_enc(v < INT32_MIN || v > INT32_MAX ? 0xFFFD : (int32_t)v, b);
		r.p = str_new(b, n);
		break;
	}
	case CV_BYTES2STR: {
		GolSlice *s = x.p;
		if (!s || !s->len)
			break;
		char *buf = GC_MALLOC_ATOMIC((size_t)s->len);
		for (int64_t i = 0; i < s->len; i++)
			buf[i] = (char)s->data[i].u;
		r.p = str_new(buf, s->len);
		break;
	}
	case CV_STR2BYTES: {
		GolString *s = x.p;
		int64_t n = str_len(s);
		int64_t cap = exact ? n : size_class_bytes(n);
		GolSlice *sl = GC_MALLOC(sizeof *sl);
		sl->data = GC_MALLOC_ATOMIC(sizeof(Value) * (size_t)(cap ? cap : 1));
		for (int64_t i = 0; i < n; i++)
			sl->data[i].u = (unsigned char)s->p[i];
		sl->len = n;
		sl->cap = cap;
		r.p = sl;
		break;
	}
	case CV_RUNES2STR: {
		GolSlice *s = x.p;
		if (!s || !s->len)
			break;
		char *buf = GC_MALLOC_ATOMIC((size_t)s->len * 4);
		int64_t n = 0;
		for (int64_t i = 0; i < s->len; i++)
			n += utf8_enc((int32_t)s->data[i].i, buf + n);
		r.p = str_new(buf, n);
		break;
	}
	case CV_STR2RUNES: {
		GolString *s = x.p;
		int64_t n = str_len(s), cnt = 0;
		const unsigned char *p = (const unsigned char *)str_ptr(s);
		GolSlice *sl = GC_MALLOC(sizeof *sl);
		for (int64_t i = 0; i < n; cnt++) {
			int w;
			utf8_dec(p, n, i, &w);
			i += w;
		}
		int64_t cap = exact ? cnt : size_class_bytes(cnt * 4) / 4;
		sl->data = GC_MALLOC_ATOMIC(sizeof(Value) * (size_t)(cap ? cap : 1));
		cnt = 0;
		for (int64_t i = 0; i < n;) {
			int w;
			sl->data[cnt++].i = utf8_dec(p, n, i, &w);
			i += w;
		}
		sl->len = cnt;
		sl->cap = cap;
		r.p = sl;
		break;
	}
	}
	return r;
}

/* ---- slices ----------------------------------------------------------------------- */

static GolSlice *slice_grow(GolSlice *s, int64_t add, int64_t esize, Type *agg)
{
	int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
	int64_t need = len + add;
	if (!add)
		return s; /* append(s) is s, nil or not */
	GolSlice *r = GC_MALLOC(sizeof *r);
	if (need <= cap) {
		r->data = s->data;
		r->len = need;
		r->cap = cap;
		return r;
	}
	/* Go's growth: double small slices, 1.25x plus a bit for large ones
	 * (Go 1.19 rule), then round up to the allocator's size class. */
	int64_t newcap = cap;
	int64_t dbl = newcap + newcap;
	if (need > dbl) {
		newcap = need;
	} else if (cap < 256) {
		newcap = dbl;
	} else {
		while (newcap < need)
			newcap += (newcap + 3 * 256) / 4;
	}
	/* Go rounds the new backing array up to a malloc size class, in
	 * bytes of the element type, so cap() depends on the element size */
	if (esize <= 0)
		esize = 8;
	newcap = size_class_bytes(newcap * esize) / esize;
	r->data = GC_MALLOC(sizeof(Value) * (size_t)newcap);
	if (agg) {
		/* a new array of aggregates holds copies, as Go's would */
		for (int64_t k = 0; k < len; k++)
			r->data[k].p = block_clone(agg, s->data[k].p);
		for (int64_t k = need; k < newcap; k++)
			r->data[k].p = block_new(agg);
	} else if (len) {
		memcpy(r->data, s->data, sizeof(Value) * (size_t)len);
	}
	r->len = need;
	r->cap = newcap;
	return r;
}

/* Push a frame above the top one for the gol function a native asked to
 * run (vm_call_then_retry: Once.Do's f), with the native's finisher
 * deferred in it. */
static Frame *enter_call_fn(VM *vm)
{
	Frame *fr = &vm->frames[vm->nframes - 1];
	GolClosure *f = vm->call_fn;
	Defer *cd = vm->call_defer;
	vm->call_fn = NULL;
	vm->call_defer = NULL;
	size_t nbase = fr->base + (size_t)fr->p->nregs + 1;
	stack_ensure(vm, nbase + (size_t)f->proto->nregs + 16);
	memset(vm->stack + nbase, 0, sizeof(Value) * (size_t)f->proto->nregs);
	for (int k = 0; k < vm->call_nargs; k++)
		vm->stack[nbase + k] = vm->call_args[k];
	vm->call_nargs = 0;
	Frame *nf = enter_frame(vm, f, f->proto, nbase, 0);
	nf->defers = cd;
	return nf;
}

/* What starting a deferred call did. */
enum {
	DEFER_DONE,    /* a native ran to completion (or panicked) */
	DEFER_FRAME,   /* a gol frame was pushed: the loop must load it */
	DEFER_YIELD,   /* a native gave way: the goroutine goes on later */
	DEFER_BLOCKED, /* a native must wait (defer wg.Wait()): the call is
			* deferred again, to run anew when the goroutine wakes */
};

/* Start deferred call d above frame fr (the top frame). */
static int start_defer(VM *vm, Frame *fr, Defer *d)
{
	GolClosure *f = d->f;
	if (!f)
		return vm_panic_nil(vm), DEFER_DONE;
	if (f->wrap && d->nargs > 0) {
		/* its receiver argument is made the method's now, as the
		 * deferred call runs; a nil one panics here */
		f = vm_unwrap(vm, f, d->args);
		if (!f)
			return DEFER_DONE;
		d->f = f; /* (a native that blocks runs it again, unwrapped) */
	}
	if (f->native) {
		Value args[17];
		int n = 0;
		if (f->bound)
			args[n++] = f->recv;
		for (int k = 0; k < d->nargs && n < 17; k++)
			args[n++] = d->args[k];
		Value res[16];
		vm->native_may_call = true;
		int rc = f->native(vm, args, n, res);
		vm->native_may_call = false;
		fr = &vm->frames[vm->nframes - 1];
		if (rc == VM_BLOCK) {
			if (g_status(vm->cur) == G_RUNNING)
				return DEFER_YIELD;
			d->next = fr->defers;
			fr->defers = d;
			return DEFER_BLOCKED;
		}
		if (rc != VM_CALL)
			return DEFER_DONE;
		/* the gol function the native asked for (Once.Do's f, a String
		 * method fmt calls) runs as a deferred call does, and the native
		 * is deferred anew, to be called again when it returns */
		d->next = fr->defers;
		fr->defers = d;
		enter_call_fn(vm)->is_defer = DEFER_RUNTIME;
		return DEFER_FRAME;
	}
	size_t nbase = fr->base + (size_t)fr->p->nregs + 1;
	stack_ensure(vm, nbase + (size_t)f->proto->nregs + 16);
	Value *nr = vm->stack + nbase;
	int off = 0;
	if (f->bound) {
		nr[0] = f->recv;
		off = 1;
	}
	memcpy(nr + off, d->args, sizeof(Value) * (size_t)d->nargs);
	int rest = f->proto->nregs - d->nargs - off;
	if (rest > 0)
		memset(nr + off + d->nargs, 0, sizeof(Value) * (size_t)rest);
	enter_frame(vm, f, f->proto, nbase, 0)->is_defer = DEFER_CALL;
	/* (entering may have moved the frames: fr is stale) */
	if (race_enabled && d->wrapper && vm->frames[vm->nframes - 2].at_ret)
		race_defer_wrapped(vm, d->wrapper);
	return DEFER_FRAME;
}

/* A proto that calls R[0](R[1..1+nargs)) and returns: how a goroutine
 * runs a native function (go wg.Done()). One per argument count. */
static Proto *native_trampoline(int nargs)
{
	static Proto *cache[65];
	if (nargs > 64)
		nargs = 64;
	Proto *have = __atomic_load_n(&cache[nargs], __ATOMIC_ACQUIRE);
	if (have)
		return have; /* two workers may both make one: either serves */
	Proto *p = GC_MALLOC_UNCOLLECTABLE(sizeof *p);
	Instr *code = GC_MALLOC_UNCOLLECTABLE(sizeof(Instr) * 2);
	int32_t *lines = GC_MALLOC_UNCOLLECTABLE(sizeof(int32_t) * 2);
	memset(code, 0, sizeof(Instr) * 2);
	code[0].op = BC_CALL;
	code[0].a = 0;
	code[0].b = (uint16_t)nargs;
	code[0].c = 0;
	code[1].op = BC_RET;
	p->name = "runtime.goexit";
	p->file = "<runtime>";
	p->code = code;
	p->lines = lines;
	p->ncode = 2;
	p->nparams = nargs + 1;
	p->nregs = nargs + 2;
	__atomic_store_n(&cache[nargs], p, __ATOMIC_RELEASE);
	return p;
}

/*
 * A goroutine that is to call f(args[0..n)), not yet scheduled (the go
 * statement records its creator first): *entry is the proto it starts at,
 * *cl the closure for its first frame. f may be any func value: a gol
 * function or closure, a method value (its receiver goes first), a native
 * (go wg.Done(), go fmt.Println(x)) or a method expression's wrapper (go
 * (*T).M(p), whose receiver is reached in the new goroutine, as Go's
 * autogenerated function does); the last two run through a two-instruction
 * trampoline that calls them.
 */
G *go_prepare(VM *vm, GolClosure *f, const Value *args, int nargs, Proto **entry, GolClosure **cl)
{
	Value all[65];
	int n = 0;
	if (f->bound)
		all[n++] = f->recv;
	for (int k = 0; k < nargs && n < 65; k++)
		all[n++] = args[k];
	bool via = f->native || f->wrap;
	Proto *ep = via ? native_trampoline(n) : f->proto;
	G *g = sched_new_g(vm, via ? (size_t)ep->nregs + 4 : 1 + (size_t)ep->nregs + 2);
	*entry = ep;
	if (!via) {
		memcpy(g->stack + 1, all, sizeof(Value) * (size_t)n);
		*cl = f;
		return g;
	}
	g->stack[1].p = f;
	memcpy(g->stack + 2, all, sizeof(Value) * (size_t)n);
	if (f->bound) {
		/* the receiver is already among the arguments: call f unbound */
		GolClosure *u = GC_MALLOC(sizeof *u);
		*u = *f;
		u->bound = false;
		g->stack[1].p = u;
	}
	*cl = NULL;
	return g;
}

/* Trampoline t shown in tracebacks as the closure Go 1.19 runs a go of a
 * builtin through (wrapper: its stand-in), at the go statement. Made once
 * per go statement and kept in the stand-in. */
static Proto *trampoline_as(Proto *t, Proto *wrapper)
{
	Proto **have = __atomic_load_n(&wrapper->protos, __ATOMIC_ACQUIRE); /* (nprotos stays 0) */
	if (have)
		return have[0];
	Proto *p = GC_MALLOC(sizeof *p);
	*p = *t;
	p->name = wrapper->name;
	p->file = wrapper->file;
	int32_t *lines = GC_MALLOC_ATOMIC(sizeof(int32_t) * 2);
	lines[0] = lines[1] = wrapper->line;
	p->lines = lines;
	Proto **slot = GC_MALLOC(sizeof *slot);
	slot[0] = p;
	__atomic_store_n(&wrapper->protos, slot, __ATOMIC_RELEASE); /* two workers may both: either serves */
	return p;
}

/* ---- the loop --------------------------------------------------------------------- */

#define PANIC_INDEX(k, n)                                                              \
	do {                                                                           \
		frame->pc = pc;                                                        \
		vm_panic_index(vm, frame->p, pc, (k), (n));                            \
		goto unwind;                                                           \
	} while (0)
/* s[lo:hi(:max)] out of range (vm_slice_in_range said so). */
#define PANIC_SLICE(lo, hi, max, three, cap, what)                                     \
	do {                                                                           \
		frame->pc = pc;                                                        \
		vm_panic_slice(vm, frame->p, pc, (lo), (hi), (max), (three), (cap), (what)); \
		goto unwind;                                                           \
	} while (0)

#define PANIC_RT(...)                                        \
	do {                                                 \
		frame->pc = pc;                              \
		vm_panic_error(vm, __VA_ARGS__);             \
		goto unwind;                                 \
	} while (0)
/* A map operation whose key could not be hashed (rt_key_error). */
#define PANIC_IF_BAD_KEY()                                                      \
	do {                                                                    \
		Type *bad_ = rt_key_error;                                      \
		if (bad_) {                                                     \
			rt_key_error = NULL;                                    \
			PANIC_RT("hash of unhashable type %s", rtype_string(bad_)); \
		}                                                               \
	} while (0)
/* An index or slice bound out of range: a runtime.boundsError. */
#define PANIC_BOUNDS(...)                                    \
	do {                                                 \
		frame->pc = pc;                              \
		vm_panic_bounds(vm, __VA_ARGS__);            \
		goto unwind;                                 \
	} while (0)
/* A dynamic method call (of name, on a value of dynamic type t) that met
 * a nil pointer: vm_panic_method_nil. */
#define PANIC_METHOD_NIL(t, name)                            \
	do {                                                 \
		frame->pc = pc;                              \
		vm_panic_method_nil(vm, (t), (name));        \
		goto unwind;                                 \
	} while (0)
#define PANIC_NIL()                                          \
	do {                                                 \
		frame->pc = pc;                              \
		vm_panic_nil(vm);                            \
		goto unwind;                                 \
	} while (0)

/* amd64's truncating float-to-integer conversions (CVTTSD2SQ and
 * CVTTSD2SL): NaN and values out of range give the most negative. */
static inline int64_t cvt_f64i(double d)
{
	return (d != d || d >= 9223372036854775808.0 || d < -9223372036854775808.0) ? INT64_MIN : (int64_t)d;
}

static inline int64_t cvt_f32i(double d)
{
	return (d != d || d >= 2147483648.0 || d < -2147483648.0) ? INT32_MIN : (int32_t)d;
}

/* JCMPI's comparisons: 0 lt 1 le 2 gt 3 ge 4 eq 5 ne. */
static inline __attribute__((always_inline)) bool cmp_int(int64_t x, int64_t y, int kind)
{
	switch (kind) {
	case 0: return x < y;
	case 1: return x <= y;
	case 2: return x > y;
	case 3: return x >= y;
	case 4: return x == y;
	default: return x != y;
	}
}

/* The instructions that touch memory goroutines may share: with -race
 * each goes through its R_ label in run() first. */
#define GOL_RACE_OPS(X)                                                                   \
	X(GETG) X(SETG) X(SIDX) X(SSET) X(SSETK) X(GETF) X(SETF) X(AIDX) X(ASET) X(LOAD)  \
	X(STORE) X(GETUP) X(SETUP) X(MGET) X(MSET) X(MDEL) X(MSLOT) X(MITER) X(CLEAR)    \
	X(CLONE) X(COPYIN) X(COPY) X(APPEND) X(APPENDS) X(BOX) X(MLEN) X(CONV)        \
	X(ADDIX) X(SUBIX) X(MULIX) X(ADDFX) X(SUBFX) X(MULFX) X(FADDI) X(FSUBI) X(FMULI) \
	X(FADDF) X(FSUBF) X(FMULF) X(FADDIK) X(EQV)

/* Every word of a struct or array, nested blocks included. */
static void race_words(VM *vm, Type *t, Value *b, const Instr *pc, bool write)
{
	if (!b || !t)
		return;
	Type *u = type_under(t);
	int64_t n = block_len(t);
	for (int64_t k = 0; k < n; k++) {
		Type *et = u->kind == TY_ARRAY ? u->elem : u->fields[k].type;
		if (aggregate(et))
			race_words(vm, et, b[k].p, pc, write);
		else if (write)
			race_write(vm, &b[k], pc);
		else
			race_read(vm, &b[k], pc);
	}
}

/* A whole struct or array read or written by a copy: one access to its
 * words (at most one race reported, as Go's range access). */
static void race_block(VM *vm, Type *t, Value *b, const Instr *pc, bool write)
{
	race_range_begin();
	race_words(vm, t, b, pc, write);
	race_range_end();
}

void vm_race_block(VM *vm, Type *t, Value *b, bool write)
{
	/* library code (fmt) reads field by field, as Go's reflection does */
	if (race_enabled && vm)
		race_words(vm, t, b, NULL, write);
}

/* Running inside a call the runtime made (a String method, a sort's Less,
 * a deferred native's callback): such a run cannot yield or block, since
 * the C frames of the native that called it are on this thread's stack.
 * stop_depth alone does not say so: a call made after a panic unwound every
 * frame starts at depth 0. */
#define RUN_NESTED (stop_depth != 0 || vm->nested)
#define RUN_FN run_plain
#define RUN_RACE 0
#include "interp.inc"
#undef RUN_FN
#undef RUN_RACE
#define RUN_FN run_race
#define RUN_RACE 1
#include "interp.inc"
#undef RUN_FN
#undef RUN_RACE

/* Run the top frame until the frame at stop_depth returns (0), a panic
 * unwinds past it (-1) or the goroutine parks or yields (1). */
/*
 * gol calls never recurse on the C stack, but the runtime calling back into
 * gol code does (a String method that prints its own value calls fmt,
 * which calls String...). Each thread notes where its C stack starts and
 * how much of it such re-entry may use; past that, the goroutine ends as
 * Go's does when its stack is exhausted, never with a C stack overflow.
 */
static __thread uintptr_t c_stack_base __attribute__((tls_model("initial-exec")));
static __thread uintptr_t c_stack_room __attribute__((tls_model("initial-exec")));

void vm_note_c_stack(size_t size)
{
	char here;
	c_stack_base = (uintptr_t)&here;
	/* what a native may still need below the last check (fmt, the
	 * collector), kept free */
	size_t keep = size / 8 > (256u << 10) ? size / 8 : (256u << 10);
	c_stack_room = size > 2 * keep ? size - keep : size / 2;
}

static void main_c_stack(void)
{
	struct rlimit rl;
	size_t size = 8u << 20;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < size)
		size = (size_t)rl.rlim_cur;
	vm_note_c_stack(size);
}

void vm_check_c_stack(VM *vm)
{
	char here;
	/* signed: a later call may start above where the base was noted */
	if (c_stack_base && (intptr_t)(c_stack_base - (uintptr_t)&here) > (intptr_t)c_stack_room)
		stack_overflow(vm);
}

static int run(VM *vm, int stop_depth)
{
	if (RUN_NESTED)
		vm_check_c_stack(vm);
	return vm->race ? run_race(vm, stop_depth) : run_plain(vm, stop_depth);
}

/* The RET path needs to start a deferred call in normal (non-panic) flow;
 * it shares the unwinding loop's code by marking the frame and jumping in.
 * To keep that simple, RET with pending defers is handled by run_defer. */

bool vm_init_calling(const Proto *p, int idx)
{
	/* the calls of init functions are the initialiser's only code
	 * without a line of its own */
	return !strcmp(p->name, "main.init") && p->ncode && idx < p->ncode && p->lines[idx] == 0;
}

/* Print one goroutine's frames, Go's traceback shape. */
static void traceback_frames(FmtBuf *b, Frame *frames, int nframes)
{
	for (int i = nframes - 1; i >= 0; i--) {
		Frame *f = &frames[i];
		/* a native's trampoline stands for Go's library frames, which
		 * are not the program's */
		if (!f->p || !strcmp(f->p->file, "<runtime>"))
			continue;
		/* a frame that recovered is shown where the panic left it (Go
		 * runs its deferred calls from there), one running deferred
		 * calls at a return at that return */
		int idx = f->recovered ? (int)(f->recovered_pc - f->p->code) - 1
				       : (int)(f->pc - f->p->code) - (f->at_ret ? 0 : 1);
		/* a frame that has not begun (a goroutine never run) is at its
		 * function's entry, which Go shows at the func line */
		bool entry = idx < 0;
		if (idx < 0)
			idx = 0;
		/* as Go shows initialisation: the package's main.init only while
		 * it initialises variables (Go's runtime, not main.init, calls
		 * the init functions), and no main.main below it (main has not
		 * started) */
		if (vm_init_calling(f->p, idx))
			continue;
		if (i + 1 < nframes && frames[i + 1].p && !strcmp(frames[i + 1].p->name, "main.init") &&
		    !strcmp(f->p->name, "main.main"))
			continue;
		if (f->panicking && i + 1 < nframes)
			put_panic_frame(b, 884);
		char line[512];
		/* Go shows argument words; gol shows (...) when there are any */
		snprintf(line, sizeof line, "%s(%s)\n\t%s:%d +0x%x\n", f->p->name, f->p->nparams ? "..." : "",
			 f->p->file, f->p->ncode && !entry ? f->p->lines[idx] : f->p->line, idx * 8);
		fmtbuf_put(b, line, strlen(line));
	}
}

static void traceback_created(FmtBuf *b, G *g)
{
	if (g->by_timer) {
		/* Go's timers start an AfterFunc's function from its library */
		const char *s = "created by time.goFunc\n\ttime/sleep.go:176 +0x0\n";
		fmtbuf_put(b, s, strlen(s));
		return;
	}
	if (!g->created_by)
		return;
	char line[512];
	/* Go 1.19's line: "in goroutine N" after the creator came with 1.21 */
	snprintf(line, sizeof line, "created by %s\n\t%s:%d +0x0\n", g->created_by->name, g->created_by->file,
		 g->created_line);
	fmtbuf_put(b, line, strlen(line));
}

/* A goroutine that is not running, as Go's tracebacks list the others:
 * its wait reason (runnable: waiting for a worker), frames and creator. */
static void goroutine_report(FmtBuf *b, G *g)
{
	char line[160];
	const char *why = g->wait_reason ? g->wait_reason : g_status(g) == G_RUNNABLE ? "runnable" : "running";
	/* Go's main goroutine runs the package's initialisation locked to
	 * the main thread, and says so when it waits there */
	bool init = g->id == 1 && g->nframes >= 2 && g->frames[1].p && !strcmp(g->frames[1].p->name, "main.init");
	snprintf(line, sizeof line, "\ngoroutine %lld [%s%s]:\n", (long long)g->id, why,
		 init && g->wait_reason ? ", locked to thread" : "");
	fmtbuf_put(b, line, strlen(line));
	traceback_frames(b, g->frames, g->nframes);
	traceback_created(b, g);
}

static void deadlock_report(VM *vm)
{
	sched_die_begin(vm);
	vm_flush(vm);
	FmtBuf b = {0};
	const char *head = "fatal error: all goroutines are asleep - deadlock!\n";
	fmtbuf_put(&b, head, strlen(head));
	G **all;
	int nall = sched_all(&all);
	/* the main goroutine first, as Go lists them */
	for (int pass = 0; pass < 2; pass++)
		for (int k = 0; k < nall; k++)
			if ((pass == 0) == (all[k]->id == 1))
				goroutine_report(&b, all[k]);
	vm_write(vm, 2, b.p, b.len);
	vm_flush(vm);
}

void sched_deadlock(VM *vm)
{
	deadlock_report(vm);
	sched_exit_process(2);
}

/* Run g for one time slice. Returns 0 when it has returned (the caller
 * ends it), -1 when a panic nobody recovered ended it (reported), 1 while
 * it lives on (parked, or queued again when its slice ran out). */
/* The worker this thread runs (for reports raised outside the loop). */
static __thread VM *this_worker __attribute__((tls_model("initial-exec")));

/* The collector could not get the memory asked for (make([]int, 1<<40)):
 * Go's fatal error, never a null block to write through. */
static void *out_of_memory(size_t bytes)
{
	(void)bytes;
	static const char msg[] = "fatal error: runtime: out of memory\n";
	vm_flush(NULL);
	if (write(2, msg, sizeof msg - 1) < 0) {
	}
	_exit(2);
}

void vm_install_oom(void)
{
	GC_set_oom_fn(out_of_memory);
}

/* A library read or write of one word (runtime/value.c's errors). */
static void race_word(VM *vm, void *p, bool write)
{
	vm_race_range(vm, p, 1, write);
}

/* Two goroutines used a map at once without synchronising (runtime/map.c). */
static void map_conflict_fatal(const char *msg)
{
	if (this_worker)
		vm_fatal(this_worker, msg);
}

/*
 * A goroutine that once recursed deep keeps the big stack it grew; when it
 * runs again using a quarter of it or less, the stack (and the frame array)
 * is halved until it fits twice over, so parked goroutines stay small. Done
 * as the goroutine resumes, never while it is parked: a parked receive's
 * destination is a pointer into its stack that the sender writes through.
 */
#define SHRINK_MIN 1024

static void __attribute__((noinline)) shrink_stacks(VM *vm)
{
	Frame *top = &vm->frames[vm->nframes - 1];
	size_t used = top->base + (size_t)(top->p ? top->p->nregs : 0) + 8;
	if (vm->stack_cap > SHRINK_MIN && used * 4 <= vm->stack_cap) {
		size_t cap = vm->stack_cap / 2;
		while (cap / 2 >= used * 2 && cap / 2 >= SHRINK_MIN)
			cap /= 2;
		Value *st = GC_MALLOC(sizeof(Value) * cap);
		memcpy(st, vm->stack, sizeof(Value) * cap);
		vm->stack = st;
		vm->stack_cap = cap;
	}
	if (vm->capframes > SHRINK_MIN / 4 && vm->nframes * 4 <= vm->capframes) {
		int cap = vm->capframes / 2;
		while (cap / 2 >= vm->nframes * 2 && cap / 2 >= SHRINK_MIN / 4)
			cap /= 2;
		Frame *f = GC_MALLOC(sizeof *f * (size_t)cap);
		memcpy(f, vm->frames, sizeof *f * (size_t)vm->nframes);
		vm->frames = f;
		vm->capframes = cap;
	}
}

static int run_slice(VM *vm, G *g)
{
	this_worker = vm;
	sched_load(vm, g);
	if (__builtin_expect(vm->stack_cap > SHRINK_MIN || vm->capframes > SHRINK_MIN / 4, 0))
		shrink_stacks(vm);
	if (g->retry) {
		vm->frames[vm->nframes - 1].pc = g->retry_pc;
		g->retry = false;
	}
	if (__builtin_expect(g->resume_unwind, 0)) {
		/* it blocked in a deferred call while a panic unwound it: its
		 * first instruction is one that goes on unwinding */
		static const Instr unwind_instr = {.op = BC_UNWIND};
		g->resume_unwind = false;
		g->retry_pc = vm->frames[vm->nframes - 1].pc;
		vm->frames[vm->nframes - 1].pc = &unwind_instr;
	}
	int r = run(vm, 0);
	if (r == 0)
		return 0;
	if (r < 0) {
		report_panic(vm);
		return -1;
	}
	sched_save(vm);
	sched_after_slice(vm, g);
	return 1;
}

/* Run goroutines until the main one returns (exit 0), a panic nobody
 * recovers ends the program (exit 2), or all of them wait (deadlock). In
 * a REPL session main_g is the input's goroutine: a panic in another one
 * ends only that goroutine, and a deadlock or an interrupt only the input
 * (status 2, or 130 for an interrupt, as a shell reports SIGINT). */
static int schedule(VM *vm, G *main_g)
{
	int status = 0;
	for (;;) {
		if (vm->session && vm_interrupted) {
			vm_interrupted = 0;
			vm_flush(vm);
			sched_exit_g_other(vm, main_g);
			vm->cur = NULL;
			return 130;
		}
		G *g = sched_next(vm);
		if (!g) {
			if (!vm->session)
				sched_deadlock(vm);
			if (vm_interrupted)
				continue;
			deadlock_report(vm);
			sched_exit_g_other(vm, main_g);
			vm->cur = NULL;
			return 2;
		}
		int r = run_slice(vm, g);
		if (r == 0) {
			if (!vm->session && g->id == 1) { /* main.main, on whichever worker */
				/* main returned: the program ends, whatever the
				 * other goroutines do */
				if (sched_is_threaded())
					sched_exit_process(race_fini(vm, 0));
				vm_flush(vm);
				return 0;
			}
			sched_exit_g(vm);
			vm->cur = NULL;
			if (g == main_g) {
				vm_flush(vm);
				return status;
			}
			continue;
		}
		if (r < 0) {
			if (!vm->session) {
				if (sched_is_threaded())
					sched_exit_process(2);
				return 2;
			}
			sched_exit_g(vm);
			vm->cur = NULL;
			status = 2;
			if (g == main_g)
				return 2;
		}
	}
}

/* A worker thread: goroutines until the program ends (main returns, a
 * panic, a deadlock, os.Exit: each ends the process from its worker). */
void *sched_worker_main(void *arg)
{
	VM *vm = arg;
	vm_note_c_stack(SCHED_WORKER_STACK);
	sched_name_thread(vm->wid);
	int r = schedule(vm, NULL);
	sched_exit_process(r);
}

static VM *vm_new(Program *prog, int argc, char **argv)
{
	VM *vm = GC_MALLOC_UNCOLLECTABLE(sizeof *vm);
	memset(vm, 0, sizeof *vm);
	vm->prog = prog;
	vm->argc = argc;
	vm->argv = argv;
	vm->exit_code = -1;
	vm->globals = prog->globals;
	runtime_error_type();
	sched_register_main(vm);
	map_conflict_hook = map_conflict_fatal;
	rt_race_word = race_word;
	return vm;
}

/* The standard packages' variables (os.Args, os.Stdout, ...) not made
 * yet: a program makes them all at start, a REPL session those each
 * input names for the first time. */
static void make_std_globals(VM *vm)
{
	for (; vm->ginit_done < vm->prog->nglobals; vm->ginit_done++) {
		int k = vm->ginit_done;
		if (vm->prog->global_init && vm->prog->global_init[k]) {
			Value res[2] = {{0}};
			vm->prog->global_init[k](vm, NULL, 0, res);
			vm->globals[k] = res[0];
		}
	}
}

/* Worker 0's thread in a program run (see vm_run). */
static void *worker0_main(void *arg)
{
	struct { VM *vm; G *g; int status; } *r = arg;
	vm_note_c_stack(SCHED_WORKER_STACK);
	sched_name_thread(0);
	r->status = schedule(r->vm, r->g);
	return NULL;
}

int vm_run(Program *prog, int argc, char **argv)
{
	VM *vm = vm_new(prog, argc, argv);
	/* the main goroutine: main.main at the bottom, init above it (init
	 * returns into main's first instruction) */
	G *g = sched_new_g(vm, 1024);
	if (race_enabled) {
		vm->race = true;
		race_init(vm);
		race_main(g);
	}
	sched_load(vm, g);
	stack_ensure(vm, 1 + (size_t)(prog->main ? prog->main->nregs : 0) + (size_t)prog->init->nregs + 64);
	make_std_globals(vm);
	static GolClosure mainc, initc;
	mainc.proto = prog->main;
	mainc.name = "main.main";
	initc.proto = prog->init;
	initc.name = "main.init";
	size_t base = 1;
	if (prog->main) {
		enter_frame(vm, &mainc, prog->main, base, 0);
		base += (size_t)prog->main->nregs + 1;
	}
	enter_frame(vm, &initc, prog->init, base, 0);
	sched_save(vm);
	g_set_status(g, G_RUNNABLE);
	sched_put(vm, g, false);
	vm->cur = NULL;
	/* worker 0 runs on a thread of its own with a worker's C stack, as
	 * big as every other worker's (the main thread's is whatever the
	 * shell's limit says): a program goes as deep through the runtime's
	 * re-entry on any worker. The main thread waits for it. */
	struct { VM *vm; G *g; int status; } run0 = {vm, g, 0};
	pthread_t th;
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, SCHED_WORKER_STACK);
	bool started = pthread_create(&th, &at, worker0_main, &run0) == 0;
	pthread_attr_destroy(&at);
	if (!started) {
		main_c_stack();
		return race_fini(vm, schedule(vm, g));
	}
	pthread_join(th, NULL);
	return race_fini(vm, run0.status);
}

/* ---- REPL sessions ---------------------------------------------------------------- */

void vm_interrupt(void)
{
	vm_interrupted = 1;
}

int vm_session_end(VM *vm, int status)
{
	vm_flush(vm);
	return race_fini(vm, status);
}

void vm_interrupt_clear(void)
{
	vm_interrupted = 0;
}

VM *vm_session_new(Program *prog, int argc, char **argv)
{
	VM *vm = vm_new(prog, argc, argv);
	main_c_stack(); /* a session runs its goroutines on the main thread */
	vm->session = true;
	/* goroutine 1 is the prompt's own (each input runs as it); the
	 * ones `go` starts are numbered from 2 */
	sched_set_next_id(1);
	if (race_enabled) {
		vm->race = true;
		race_init(vm);
	}
	return vm;
}

int vm_session_eval(VM *vm, Proto *p)
{
	vm_interrupted = 0;
	G *g = sched_new_g(vm, 1 + (size_t)p->nregs + 64);
	sched_set_next_id(g->id - 1);
	g->id = 1;
	if (vm->race) {
		/* every input is one goroutine to the detector: what an input
		 * did happens before what the next one does */
		if (!vm->repl_race) {
			race_main(g);
			vm->repl_race = g->race;
		}
		g->race = vm->repl_race;
	}
	sched_load(vm, g);
	make_std_globals(vm);
	GolClosure *cl = GC_MALLOC(sizeof *cl);
	cl->proto = p;
	cl->name = p->name;
	enter_frame(vm, cl, p, 1, 0);
	sched_save(vm);
	g_set_status(g, G_RUNNABLE);
	sched_put(vm, g, false);
	vm->cur = NULL;
	jmp_buf jb;
	int jumped = setjmp(jb);
	if (jumped) {
		/* a fatal error (reported) or an interrupt inside a call made by
		 * the runtime: its goroutine, and the input, end */
		vm->fatal_jmp = NULL;
		vm->nested = 0;
		vm_interrupted = 0;
		if (vm->cur)
			sched_exit_g_other(vm, vm->cur);
		if (g_status(g) != G_DEAD)
			sched_exit_g_other(vm, g);
		vm->cur = NULL;
		vm_flush(vm);
		return jumped == 2 ? 130 : 2;
	}
	vm->fatal_jmp = &jb;
	int r = schedule(vm, g);
	vm->fatal_jmp = NULL;
	return r;
}

/* run_slice for a background goroutine of a session; -2 after a fatal
 * error, which ends that goroutine. */
static int run_slice_guarded(VM *vm, G *g)
{
	jmp_buf jb;
	if (setjmp(jb)) {
		vm->fatal_jmp = NULL;
		vm->nested = 0;
		if (vm->cur)
			sched_exit_g_other(vm, vm->cur);
		vm->cur = NULL;
		return -2;
	}
	vm->fatal_jmp = &jb;
	int r = run_slice(vm, g);
	vm->fatal_jmp = NULL;
	return r;
}

int vm_session_idle(VM *vm, int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	/* without a descriptor: until no goroutine is ready, within a bound
	 * (a goroutine spinning in a loop is always ready) */
	int slices = 1000;
	for (;;) {
		if (vm_output_pending())
			return 2;
		if (vm_interrupted)
			return 0;
		int64_t next = sched_timers(vm);
		bool fresh;
		G *g = sched_pop(vm, &fresh);
		if (fd < 0 && (!g || --slices < 0)) {
			if (g)
				sched_put(vm, g, false);
			return 1;
		}
		if (g) {
			if (fd >= 0 && poll(&pfd, 1, 0) != 0) {
				sched_put(vm, g, !fresh);
				return 1;
			}
			if (g_status(g) == G_DEAD)
				continue;
			vm->budget = 20000;
			int r = run_slice_guarded(vm, g);
			if (r == -2)
				return 3;
			if (r <= 0) {
				sched_exit_g(vm);
				vm->cur = NULL;
				if (r < 0)
					return 3;
			}
			continue;
		}
		int wait_ms = -1;
		if (next != INT64_MAX) {
			int64_t d = next - sched_now();
			wait_ms = d <= 0 ? 0 : (int)((d + 999999) / 1000000);
		}
		int pr = poll(&pfd, 1, wait_ms);
		if (pr > 0)
			return 1;
		if (pr < 0 && errno == EINTR)
			return 0;
	}
}

void vm_session_goroutines(VM *vm, FILE *out)
{
	fprintf(out, "goroutine 1 [running]: repl\n");
	/* by id, as a reader expects */
	G **all;
	int nall = sched_all(&all);
	G **v = GC_MALLOC(sizeof *v * (size_t)(nall + 1));
	int n = 0;
	for (int k = 0; k < nall; k++)
		if (g_status(all[k]) != G_DEAD && all[k]->id != 1)
			v[n++] = all[k];
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1]->id > v[j]->id; j--) {
			G *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (int i = 0; i < n; i++) {
		G *g = v[i];
		const char *state = g_status(g) == G_WAITING && g->wait_reason ? g->wait_reason : "runnable";
		fprintf(out, "goroutine %lld [%s]:", (long long)g->id, state);
		if (g->nframes > 0) {
			Frame *f = &g->frames[g->nframes - 1];
			int idx = (int)(f->pc - f->p->code) - 1;
			if (idx < 0)
				idx = 0;
			fprintf(out, " %s() %s:%d", f->p->name, f->p->file, f->p->ncode ? f->p->lines[idx] : f->p->line);
		}
		fputc('\n', out);
	}
}
