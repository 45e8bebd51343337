/*
 * oslib.c — Go's package os: the environment (Getenv, LookupEnv, Setenv,
 * Unsetenv, Clearenv, Environ, Expand, ExpandEnv), process and user
 * queries, the working directory, the error types' and FileMode's
 * methods, and the package's error variables.
 * os.Args, os.Exit and the standard files live in natives.c.
 */
#include "stdlib_natives.h"
#include "fmt.h"
#include "vm.h"

#include <errno.h>
#include <gc.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

#define S(v) ((GolString *)(v).p)

static char *cstr(GolString *s)
{
	int64_t n = str_len(s);
	char *p = GC_MALLOC_ATOMIC((size_t)n + 1);
	if (n)
		memcpy(p, s->p, (size_t)n);
	p[n] = 0;
	return p;
}

/*
 * Go's syscall package copies the environment once (a sync.Once) and
 * guards it with an RWMutex; the race detector sees their edges: the
 * first use happens before every later one, a Setenv before later uses,
 * and every use before a later Setenv.
 */
static char env_once[2], env_lock[2]; /* done, the Once's Mutex; readerSem, writerSem */
static int env_copied;

static void env_sync(VM *vm, bool write)
{
	if (!__atomic_exchange_n(&env_copied, 1, __ATOMIC_ACQ_REL)) {
		vm_race_acquire(vm, &env_once[1]);
		vm_race_release(vm, &env_once[0]);
		vm_race_release_store(vm, &env_once[1]);
	} else {
		vm_race_acquire(vm, &env_once[0]);
	}
	vm_race_acquire(vm, &env_lock[0]);
	if (write) {
		vm_race_acquire(vm, &env_lock[1]);
		vm_race_release_store(vm, &env_lock[0]);
	} else {
		vm_race_release(vm, &env_lock[1]);
	}
}

/* ---- *os.File: slot 0 the descriptor, slot 1 the name -------------------------- */

/* Write and WriteString on standard output or error; a nil *File gives
 * os.ErrInvalid's message, as Go's does. */
static int file_write_bytes(VM *vm, Value file, const char *p, size_t len, Value *r)
{
	if (!file.p) {
		r[0].i = 0;
		Value msg = {.p = str_from_c("invalid argument")};
		return natives_lookup("errors.New")(vm, &msg, 1, &r[1]);
	}
	fmt_file_write(vm, (int)((Value *)file.p)[0].i, p, len);
	r[0].i = (int64_t)len;
	r[1].p = NULL;
	return 0;
}

static int of_write(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolSlice *b = a[1].p;
	size_t len = b ? (size_t)b->len : 0;
	char *buf = GC_MALLOC_ATOMIC(len ? len : 1);
	for (size_t k = 0; k < len; k++)
		buf[k] = (char)b->data[k].u;
	return file_write_bytes(vm, a[0], buf, len, r);
}

static int of_write_string(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	return file_write_bytes(vm, a[0], str_ptr(S(a[1])), (size_t)str_len(S(a[1])), r);
}

static int of_name(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	if (!a[0].p)
		return vm_panic_nil(vm);
	r[0] = ((Value *)a[0].p)[1];
	return 0;
}

static int o_getenv(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, false);
	const char *v = getenv(cstr(S(a[0])));
	r[0].p = v ? str_from_c(v) : NULL;
	return 0;
}

static int o_lookupenv(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, false);
	const char *v = getenv(cstr(S(a[0])));
	r[0].p = v ? str_from_c(v) : NULL;
	r[1].i = v != NULL;
	return 0;
}

/* A *SyscallError{Syscall: "setenv", Err: EINVAL} as Go returns it. */
static GolIface *einval_error(const char *call)
{
	Type *t = std_named_type("os", "SyscallError");
	const char *msg = "invalid argument";
	GolIface *err = std_error(msg, (int64_t)strlen(msg));
	if (!t)
		return err;
	Value *blk = GC_MALLOC(sizeof(Value) * 2);
	blk[0].p = str_from_c(call);
	blk[1].p = err;
	Value v;
	v.p = blk;
	return iface_box(rtype_canon(type_pointer(t)), v);
}

static int o_setenv(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, true);
	GolString *k = S(a[0]);
	const char *key = cstr(k);
	r[0].p = NULL;
	if (str_len(k) == 0 || strchr(key, '=') || (int64_t)strlen(key) != str_len(k) ||
	    (int64_t)strlen(cstr(S(a[1]))) != str_len(S(a[1]))) {
		r[0].p = einval_error("setenv");
		return 0;
	}
	setenv(key, cstr(S(a[1])), 1);
	return 0;
}

static int o_unsetenv(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, true);
	unsetenv(cstr(S(a[0])));
	r[0].p = NULL;
	return 0;
}

static int o_clearenv(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, true);
	clearenv();
	return 0;
}

static int o_environ(VM *vm, Value *a, int n, Value *r)
{
	env_sync(vm, false);
	int64_t cnt = 0;
	for (char **e = environ; e && *e; e++)
		cnt++;
	GolSlice *s = std_slice_new(cnt, cnt);
	for (int64_t i = 0; i < cnt; i++)
		s->data[i].p = str_from_c(environ[i]);
	r[0].p = s;
	return 0;
}

/* os.Expand's shell variable syntax. */
static bool is_shell_special(unsigned char c)
{
	switch (c) {
	case '*': case '#': case '$': case '@': case '!': case '?': case '-':
		return true;
	}
	return c >= '0' && c <= '9';
}

static bool is_alnum(unsigned char c)
{
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z');
}

/* getShellName: the name after '$' and the bytes consumed (name NULL:
 * a bad ${...} syntax; w == 0: no name). */
static void shell_name(const char *s, int64_t n, int64_t *name_at, int64_t *name_len, int64_t *w)
{
	*name_at = 0;
	*name_len = 0;
	if (n > 0 && s[0] == '{') {
		if (n > 2 && is_shell_special((unsigned char)s[1]) && s[2] == '}') {
			*name_at = 1;
			*name_len = 1;
			*w = 3;
			return;
		}
		for (int64_t i = 1; i < n; i++) {
			if (s[i] == '}') {
				if (i == 1) { /* bad syntax: ${} */
					*w = 2;
					*name_len = -1;
					return;
				}
				*name_at = 1;
				*name_len = i - 1;
				*w = i + 1;
				return;
			}
		}
		*w = 1; /* bad syntax: no closing brace */
		*name_len = -1;
		return;
	}
	if (n > 0 && is_shell_special((unsigned char)s[0])) {
		*name_len = 1;
		*w = 1;
		return;
	}
	int64_t i = 0;
	while (i < n && is_alnum((unsigned char)s[i]))
		i++;
	*name_len = i;
	*w = i;
}

typedef int (*MapFn)(VM *vm, void *ctx, GolString *name, GolString **out);

static int expand(VM *vm, GolString *str, MapFn fn, void *ctx, GolString **out)
{
	const char *s = str_ptr(str);
	int64_t n = str_len(str), i = 0;
	StdBuf b = {0};
	bool used_buf = false;
	for (int64_t j = 0; j < n; j++) {
		if (s[j] == '$' && j + 1 < n) {
			used_buf = true;
			std_buf_put(&b, s + i, j - i);
			int64_t at, len, w;
			shell_name(s + j + 1, n - j - 1, &at, &len, &w);
			if (len == -1 || (len == 0 && w > 0)) {
				/* bad syntax: eat the characters */
			} else if (len == 0) {
				std_buf_byte(&b, s[j]);
			} else {
				GolString *v;
				if (fn(vm, ctx, str_new(s + j + 1 + at, len), &v) < 0)
					return -1;
				std_buf_put(&b, str_ptr(v), str_len(v));
			}
			j += w;
			i = j + 1;
		}
	}
	if (!used_buf) {
		*out = str;
		return 0;
	}
	std_buf_put(&b, s + i, n - i);
	*out = std_buf_str(&b);
	return 0;
}

static int map_go(VM *vm, void *ctx, GolString *name, GolString **out)
{
	Value a, r;
	a.p = name;
	if (std_call(vm, ctx, &a, 1, &r, 1) < 0)
		return -1;
	*out = r.p;
	return 0;
}

static int map_env(VM *vm, void *ctx, GolString *name, GolString **out)
{
	const char *v = getenv(cstr(name));
	*out = v ? str_from_c(v) : NULL;
	return 0;
}

static int o_expand(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *out;
	GolClosure *f = a[1].p;
	if (expand(vm, s, map_go, f, &out) < 0)
		return -1;
	r[0].p = out;
	return 0;
}

static int o_expand_env(VM *vm, Value *a, int n, Value *r)
{
	GolString *out;
	if (expand(vm, S(a[0]), map_env, NULL, &out) < 0)
		return -1;
	r[0].p = out;
	return 0;
}

static int o_getpid(VM *vm, Value *a, int n, Value *r) { r[0].i = getpid(); return 0; }
static int o_getppid(VM *vm, Value *a, int n, Value *r) { r[0].i = getppid(); return 0; }
static int o_getuid(VM *vm, Value *a, int n, Value *r) { r[0].i = getuid(); return 0; }
static int o_geteuid(VM *vm, Value *a, int n, Value *r) { r[0].i = geteuid(); return 0; }
static int o_getgid(VM *vm, Value *a, int n, Value *r) { r[0].i = getgid(); return 0; }
static int o_getegid(VM *vm, Value *a, int n, Value *r) { r[0].i = getegid(); return 0; }
static int o_getpagesize(VM *vm, Value *a, int n, Value *r) { r[0].i = getpagesize(); return 0; }

static int o_is_path_separator(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = (a[0].u & 0xFF) == '/';
	return 0;
}

static int o_tempdir(VM *vm, Value *a, int n, Value *r)
{
	const char *d = getenv("TMPDIR");
	r[0].p = str_from_c(d && *d ? d : "/tmp");
	return 0;
}

static int o_user_home_dir(VM *vm, Value *a, int n, Value *r)
{
	const char *d = getenv("HOME");
	r[0].p = d ? str_from_c(d) : NULL;
	r[1].p = NULL;
	if (!d || !*d) {
		const char *msg = "$HOME is not defined";
		r[1].p = std_error(msg, (int64_t)strlen(msg));
	}
	return 0;
}

static int o_getwd(VM *vm, Value *a, int n, Value *r)
{
	char buf[PATH_MAX];
	const char *pwd = getenv("PWD");
	r[1].p = NULL;
	if (getcwd(buf, sizeof buf)) {
		/* Go prefers $PWD when it names the same directory */
		r[0].p = str_from_c(pwd && pwd[0] == '/' && !strcmp(pwd, buf) ? pwd : buf);
	} else {
		const char *msg = strerror(errno);
		r[0].p = NULL;
		r[1].p = std_error(msg, (int64_t)strlen(msg));
	}
	return 0;
}

static int o_executable(VM *vm, Value *a, int n, Value *r)
{
	char buf[PATH_MAX];
	ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
	r[0].p = k > 0 ? str_new(buf, k) : NULL;
	r[1].p = NULL;
	return 0;
}

/* ---- error types and FileMode ------------------------------------------------------------ */

static int err_text(VM *vm, GolIface *err, StdBuf *b)
{
	Value msg;
	if (std_call_method(vm, err, "Error", NULL, 0, &msg, 1) < 0)
		return -1;
	std_buf_put(b, str_ptr(msg.p), str_len(msg.p));
	return 0;
}

#define NEED_BLOCK(e)                                                                         \
	Value *e = a[0].p;                                                                    \
	if (!e)                                                                               \
		return vm_panic_nil(vm);

/* *PathError {Op, Path, Err}: "Op Path: Err" */
static int pe_error(VM *vm, Value *a, int n, Value *r)
{
	NEED_BLOCK(e);
	StdBuf b = {0};
	std_buf_put(&b, str_ptr(e[0].p), str_len(e[0].p));
	std_buf_byte(&b, ' ');
	std_buf_put(&b, str_ptr(e[1].p), str_len(e[1].p));
	std_buf_put(&b, ": ", 2);
	if (err_text(vm, e[2].p, &b) < 0)
		return -1;
	r[0].p = std_buf_str(&b);
	return 0;
}

/* *LinkError {Op, Old, New, Err}: "Op Old New: Err" */
static int le_error(VM *vm, Value *a, int n, Value *r)
{
	NEED_BLOCK(e);
	StdBuf b = {0};
	for (int i = 0; i < 3; i++) {
		std_buf_put(&b, str_ptr(e[i].p), str_len(e[i].p));
		std_buf_put(&b, i < 2 ? " " : ": ", i < 2 ? 1 : 2);
	}
	if (err_text(vm, e[3].p, &b) < 0)
		return -1;
	r[0].p = std_buf_str(&b);
	return 0;
}

/* *SyscallError {Syscall, Err}: "Syscall: Err" */
static int se_error(VM *vm, Value *a, int n, Value *r)
{
	NEED_BLOCK(e);
	StdBuf b = {0};
	std_buf_put(&b, str_ptr(e[0].p), str_len(e[0].p));
	std_buf_put(&b, ": ", 2);
	if (err_text(vm, e[1].p, &b) < 0)
		return -1;
	r[0].p = std_buf_str(&b);
	return 0;
}

static int pe_unwrap(VM *vm, Value *a, int n, Value *r) { NEED_BLOCK(e); r[0] = e[2]; return 0; }
static int le_unwrap(VM *vm, Value *a, int n, Value *r) { NEED_BLOCK(e); r[0] = e[3]; return 0; }
static int se_unwrap(VM *vm, Value *a, int n, Value *r) { NEED_BLOCK(e); r[0] = e[1]; return 0; }

/* Timeout: the wrapped error's Timeout() if it has one. */
static int timeout_of(VM *vm, GolIface *err, Value *r)
{
	r[0].i = 0;
	Value recv;
	if (err && std_method(err, "Timeout", &recv))
		return std_call_method(vm, err, "Timeout", NULL, 0, r, 1);
	return 0;
}

static int pe_timeout(VM *vm, Value *a, int n, Value *r) { NEED_BLOCK(e); return timeout_of(vm, e[2].p, r); }
static int se_timeout(VM *vm, Value *a, int n, Value *r) { NEED_BLOCK(e); return timeout_of(vm, e[1].p, r); }

static int o_new_syscall_error(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = NULL;
	if (!a[1].p)
		return 0;
	Type *t = std_named_type("os", "SyscallError");
	Value *blk = GC_MALLOC(sizeof(Value) * 2);
	blk[0] = a[0];
	blk[1] = a[1];
	Value v;
	v.p = blk;
	r[0].p = iface_box(rtype_canon(type_pointer(t)), v);
	return 0;
}

#define MODE_DIR (1U << 31)
#define MODE_TYPE 0x8F280000U /* Dir|Symlink|NamedPipe|Socket|Device|CharDevice|Irregular */

static int fm_string(VM *vm, Value *a, int n, Value *r)
{
	static const char str[] = "dalTLDpSugct?", rwx[] = "rwxrwxrwx";
	uint32_t m = (uint32_t)a[0].u;
	char buf[32];
	int w = 0;
	for (int i = 0; str[i]; i++)
		if (m & (1U << (31 - i)))
			buf[w++] = str[i];
	if (w == 0)
		buf[w++] = '-';
	for (int i = 0; i < 9; i++)
		buf[w++] = (m & (1U << (8 - i))) ? rwx[i] : '-';
	r[0].p = str_new(buf, w);
	return 0;
}

static int fm_is_dir(VM *vm, Value *a, int n, Value *r) { r[0].i = ((uint32_t)a[0].u & MODE_DIR) != 0; return 0; }
static int fm_is_regular(VM *vm, Value *a, int n, Value *r) { r[0].i = ((uint32_t)a[0].u & MODE_TYPE) == 0; return 0; }
static int fm_perm(VM *vm, Value *a, int n, Value *r) { r[0].u = (uint32_t)a[0].u & 0777; return 0; }
static int fm_type(VM *vm, Value *a, int n, Value *r) { r[0].u = (uint32_t)a[0].u & MODE_TYPE; return 0; }

/* ---- the package's error variables ----------------------------------------------------- */

static pthread_mutex_t err_lock = PTHREAD_MUTEX_INITIALIZER;

#define ERR_VAR(fn, msg)                                              \
	static int fn(VM *vm, Value *a, int n, Value *r)              \
	{                                                             \
		static GolIface *e;                                   \
		pthread_mutex_lock(&err_lock);                        \
		if (!e)                                               \
			e = std_error(msg, (int64_t)strlen(msg));     \
		r[0].p = e;                                           \
		pthread_mutex_unlock(&err_lock);                      \
		return 0;                                             \
	}

ERR_VAR(v_err_invalid, "invalid argument")
ERR_VAR(v_err_permission, "permission denied")
ERR_VAR(v_err_exist, "file already exists")
ERR_VAR(v_err_not_exist, "file does not exist")
ERR_VAR(v_err_closed, "file already closed")
ERR_VAR(v_err_no_deadline, "file type does not support deadline")
ERR_VAR(v_err_deadline, "i/o timeout")
ERR_VAR(v_err_process_done, "os: process already finished")

const NativeDef os_natives[] = {
	{"os.Getenv", o_getenv},
	{"os.File.Write", of_write},
	{"os.File.WriteString", of_write_string},
	{"os.File.Name", of_name},
	{"os.LookupEnv", o_lookupenv},
	{"os.Setenv", o_setenv},
	{"os.Unsetenv", o_unsetenv},
	{"os.Clearenv", o_clearenv},
	{"os.Environ", o_environ},
	{"os.Expand", o_expand},
	{"os.ExpandEnv", o_expand_env},
	{"os.Getpid", o_getpid},
	{"os.Getppid", o_getppid},
	{"os.Getuid", o_getuid},
	{"os.Geteuid", o_geteuid},
	{"os.Getgid", o_getgid},
	{"os.Getegid", o_getegid},
	{"os.Getpagesize", o_getpagesize},
	{"os.IsPathSeparator", o_is_path_separator},
	{"os.TempDir", o_tempdir},
	{"os.UserHomeDir", o_user_home_dir},
	{"os.Getwd", o_getwd},
	{"os.Executable", o_executable},
	{"os.PathError.Error", pe_error},
	{"os.PathError.Unwrap", pe_unwrap},
	{"os.PathError.Timeout", pe_timeout},
	{"os.LinkError.Error", le_error},
	{"os.LinkError.Unwrap", le_unwrap},
	{"os.SyscallError.Error", se_error},
	{"os.SyscallError.Unwrap", se_unwrap},
	{"os.SyscallError.Timeout", se_timeout},
	{"os.NewSyscallError", o_new_syscall_error},
	{"os.FileMode.String", fm_string},
	{"os.FileMode.IsDir", fm_is_dir},
	{"os.FileMode.IsRegular", fm_is_regular},
	{"os.FileMode.Perm", fm_perm},
	{"os.FileMode.Type", fm_type},
	{"os.ErrInvalid", v_err_invalid},
	{"os.ErrPermission", v_err_permission},
	{"os.ErrExist", v_err_exist},
	{"os.ErrNotExist", v_err_not_exist},
	{"os.ErrClosed", v_err_closed},
	{"os.ErrNoDeadline", v_err_no_deadline},
	{"os.ErrDeadlineExceeded", v_err_deadline},
	{"os.ErrProcessDone", v_err_process_done},
	{NULL, NULL},
};
