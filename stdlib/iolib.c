/*
 * iolib.c — package io: its error values, and the functions that move
 * bytes between any Reader and Writer (Copy, ReadAll, ReadFull,
 * ReadAtLeast, WriteString).
 *
 * The functions call the program's Read and Write methods as Go's io does,
 * with the same buffers (Copy's 32 KB, ReadAll's 512 bytes grown as append
 * grows them), the same preference for a WriterTo source or a ReaderFrom
 * destination, and the same errors, so a Reader that counts its calls or
 * the sizes it is asked for sees what it would see under Go. The calls
 * are nested runs of the VM (std_call_method): a Read or Write that blocks
 * on a channel is not supported there.
 */
#include "stdlib_natives.h"
#include "check.h"
#include "rt.h"
#include "vm.h"

#include <gc.h>
#include <pthread.h>
#include <string.h>

static pthread_mutex_t err_lock = PTHREAD_MUTEX_INITIALIZER;

GolIface *std_io_error(int which)
{
	static const char *const msg[STD_IO_NERR] = {
		"EOF", "unexpected EOF", "short write", "short buffer",
		"multiple Read calls return no data or error", "io: read/write on closed pipe",
		"invalid write result",
	};
	static GolIface *err[STD_IO_NERR];
	pthread_mutex_lock(&err_lock);
	if (!err[which])
		err[which] = std_error(msg[which], (int64_t)strlen(msg[which]));
	pthread_mutex_unlock(&err_lock);
	return err[which];
}

GolIface *std_io_eof(void)
{
	return std_io_error(STD_IO_EOF);
}

#define IO_VAR(fn, which)                                           \
	static int fn(VM *vm, Value *a, int n, Value *r)            \
	{                                                           \
		(void)vm;                                           \
		(void)a;                                            \
		(void)n;                                            \
		r[0].p = std_io_error(which);                       \
		return 0;                                           \
	}
IO_VAR(io_v_eof, STD_IO_EOF)
IO_VAR(io_v_unexpected_eof, STD_IO_UNEXPECTED_EOF)
IO_VAR(io_v_short_write, STD_IO_SHORT_WRITE)
IO_VAR(io_v_short_buffer, STD_IO_SHORT_BUFFER)
IO_VAR(io_v_no_progress, STD_IO_NO_PROGRESS)
IO_VAR(io_v_closed_pipe, STD_IO_CLOSED_PIPE)
#undef IO_VAR

/* s[lo:hi] of a byte slice, sharing its elements. */
static GolSlice *sub(GolSlice *s, int64_t lo, int64_t hi)
{
	GolSlice *r = GC_MALLOC(sizeof *r);
	r->data = s->data + lo;
	r->len = hi - lo;
	r->cap = s->cap - lo;
	return r;
}

/* n, err := r.Read(p); -1 after a panic. */
static int call_read(VM *vm, GolIface *r, GolSlice *p, int64_t *n, GolIface **err)
{
	Value arg, res[2];
	arg.p = p;
	if (std_call_method(vm, r, "Read", &arg, 1, res, 2) < 0)
		return -1;
	*n = res[0].i;
	*err = res[1].p;
	return 0;
}

/* Does x's dynamic type implement io's interface name? */
static bool is_a(GolIface *x, const char *name)
{
	Type *iface = std_named_type("io", name);
	const char *missing;
	bool ptr_only;
	return x && iface && type_implements(x->type, iface, &missing, &ptr_only);
}

/* io.Copy(dst, src) */
static int io_copy(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolIface *dst = a[0].p, *src = a[1].p;
	Value res[2], arg;
	/* a source that writes itself out, or a destination that reads
	 * for itself, does the work */
	/* a source that writes itself out, or else a destination that reads
	 * for itself, does the work (an *os.File reads through the loop
	 * below, as Go's does for a source that is not a file) */
	bool from = !is_a(src, "WriterTo");
	if (!from || (is_a(dst, "ReaderFrom") && strcmp(rtype_string(dst->type), "*os.File"))) {
		arg.p = from ? (void *)src : (void *)dst;
		return std_call_method(vm, from ? dst : src, from ? "ReadFrom" : "WriteTo", &arg, 1, r, 2) < 0 ? -1 : 0;
	}
	GolSlice *buf = std_slice_new(32 * 1024, 32 * 1024);
	int64_t written = 0;
	GolIface *err = NULL;
	for (;;) {
		int64_t nr;
		GolIface *er;
		if (call_read(vm, src, buf, &nr, &er) < 0)
			return -1;
		if (nr > 0) {
			if (nr > buf->len)
				return vm_panic_bounds(vm, "slice bounds out of range [:%lld] with capacity %lld",
						       (long long)nr, (long long)buf->cap);
			arg.p = sub(buf, 0, nr);
			if (std_call_method(vm, dst, "Write", &arg, 1, res, 2) < 0)
				return -1;
			int64_t nw = res[0].i;
			GolIface *ew = res[1].p;
			if (nw < 0 || nr < nw) {
				nw = 0;
				if (!ew)
					ew = std_io_error(STD_IO_INVALID_WRITE);
			}
			written += nw;
			if (ew) {
				err = ew;
				break;
			}
			if (nr != nw) {
				err = std_io_error(STD_IO_SHORT_WRITE);
				break;
			}
		}
		if (er) {
			if (er != std_io_eof())
				err = er;
			break;
		}
	}
	r[0].i = written;
	r[1].p = err;
	return 0;
}

/* io.ReadAll(r): from 512 bytes, grown as append grows a slice. */
static int io_readall(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolIface *rd = a[0].p;
	GolSlice *b = std_slice_new(0, 512);
	for (;;) {
		int64_t nr;
		GolIface *err;
		GolSlice *room = GC_MALLOC(sizeof *room);
		room->data = b->data + b->len;
		room->len = room->cap = b->cap - b->len;
		if (call_read(vm, rd, room, &nr, &err) < 0)
			return -1;
		if (nr < 0 || b->len + nr > b->cap)
			return vm_panic_bounds(vm, "slice bounds out of range [:%lld] with capacity %lld",
					       (long long)(b->len + nr), (long long)b->cap);
		GolSlice *nb = GC_MALLOC(sizeof *nb);
		*nb = *b;
		nb->len += nr;
		b = nb;
		if (err) {
			r[0].p = b;
			r[1].p = err == std_io_eof() ? NULL : err;
			return 0;
		}
		if (b->len == b->cap) {
			/* b = append(b, 0)[:len(b)] */
			int64_t len = b->len;
			b = std_append_bytes(b, "", 1);
			GolSlice *t = GC_MALLOC(sizeof *t);
			*t = *b;
			t->len = len;
			b = t;
		}
	}
}

/* io.ReadAtLeast(r, buf, min) */
static int read_at_least(VM *vm, GolIface *rd, GolSlice *buf, int64_t min, Value *r)
{
	int64_t len = buf ? buf->len : 0, n = 0;
	GolIface *err = NULL;
	if (len < min) {
		r[0].i = 0;
		r[1].p = std_io_error(STD_IO_SHORT_BUFFER);
		return 0;
	}
	while (n < min && !err) {
		int64_t nn;
		if (call_read(vm, rd, sub(buf, n, len), &nn, &err) < 0)
			return -1;
		n += nn;
	}
	if (n >= min)
		err = NULL;
	else if (n > 0 && err == std_io_eof())
		err = std_io_error(STD_IO_UNEXPECTED_EOF);
	r[0].i = n;
	r[1].p = err;
	return 0;
}

static int io_readatleast(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	return read_at_least(vm, a[0].p, a[1].p, a[2].i, r);
}

static int io_readfull(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolSlice *buf = a[1].p;
	return read_at_least(vm, a[0].p, buf, buf ? buf->len : 0, r);
}

/* io.WriteString(w, s): w's WriteString if it has one, else Write. */
static int io_writestring(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolIface *w = a[0].p;
	GolString *s = a[1].p;
	Value arg, res[2];
	const char *m = "Write";
	if (is_a(w, "StringWriter")) {
		m = "WriteString";
		arg.p = s;
	} else {
		arg.p = std_str_bytes(str_ptr(s), str_len(s));
	}
	if (std_call_method(vm, w, m, &arg, 1, res, 2) < 0)
		return -1;
	r[0] = res[0];
	r[1] = res[1];
	return 0;
}

const NativeDef io_natives[] = {
	{"io.EOF", io_v_eof},
	{"io.ErrUnexpectedEOF", io_v_unexpected_eof},
	{"io.ErrShortWrite", io_v_short_write},
	{"io.ErrShortBuffer", io_v_short_buffer},
	{"io.ErrNoProgress", io_v_no_progress},
	{"io.ErrClosedPipe", io_v_closed_pipe},
	{"io.Copy", io_copy},
	{"io.ReadAll", io_readall},
	{"io.ReadAtLeast", io_readatleast},
	{"io.ReadFull", io_readfull},
	{"io.WriteString", io_writestring},
	{NULL, NULL},
};
