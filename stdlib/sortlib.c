/*
 * sortlib.c — Go's package sort. The algorithms are ported from go1.19
 * (pattern-defeating quicksort for Sort and Slice, insertion sort plus
 * SymMerge for Stable and SliceStable, and binary search), so that the
 * order of equal elements and the sequence of Less and Swap calls are
 * Go's. Sorting works through a Sorter whose less and swap either call Go
 * code (an Interface's methods, a less func) or compare slice elements
 * directly (IntSlice, Ints ...). A panic in Go code leaves the sort
 * through a longjmp back to the native that started it.
 */
#include "stdlib_natives.h"
#include "rt.h"
#include "vm.h"

#include <gc.h>
#include <pthread.h>
#include <setjmp.h>
#include <string.h>

typedef enum SortKind { SK_INTS, SK_FLOATS, SK_STRINGS, SK_IFACE, SK_FUNC } SortKind;

typedef struct Sorter {
	VM *vm;
	jmp_buf jb;
	SortKind kind;
	bool reverse;            /* sort.Reverse: Less(i, j) is Less(j, i) */
	GolSlice *s;             /* the slice (all kinds but SK_IFACE) */
	int64_t esize;           /* values per element block (aggregates), or 0 */
	GolClosure *lessf;       /* SK_FUNC */
	GolClosure *less_m, *swap_m; /* SK_IFACE */
	Value less_recv, swap_recv;
} Sorter;

static bool less(Sorter *s, int64_t i, int64_t j)
{
	if (s->reverse) {
		int64_t t = i;
		i = j;
		j = t;
	}
	switch (s->kind) {
	case SK_INTS:
		return s->s->data[i].i < s->s->data[j].i;
	case SK_FLOATS: {
		double a = s->s->data[i].f, b = s->s->data[j].f;
		return a < b || (a != a && b == b);
	}
	case SK_STRINGS:
		return str_compare(s->s->data[i].p, s->s->data[j].p) < 0;
	case SK_FUNC: {
		Value a[2], r;
		a[0].i = i;
		a[1].i = j;
		if (std_call(s->vm, s->lessf, a, 2, &r, 1) < 0)
			longjmp(s->jb, 1);
		return r.i != 0;
	}
	case SK_IFACE: {
		Value a[3], r;
		a[0] = s->less_recv;
		a[1].i = i;
		a[2].i = j;
		if (std_call(s->vm, s->less_m, a, 3, &r, 1) < 0)
			longjmp(s->jb, 1);
		return r.i != 0;
	}
	}
	return false;
}

static void swap(Sorter *s, int64_t i, int64_t j)
{
	if (s->kind == SK_IFACE) {
		Value a[3];
		a[0] = s->swap_recv;
		a[1].i = i;
		a[2].i = j;
		if (std_call(s->vm, s->swap_m, a, 3, NULL, 0) < 0)
			longjmp(s->jb, 1);
		return;
	}
	Value *d = s->s->data;
	if (s->esize) {
		/* aggregates: exchange contents, so pointers to elements
		 * keep pointing at the slots, as after Go's swap */
		Value *x = d[i].p, *y = d[j].p;
		for (int64_t k = 0; k < s->esize; k++) {
			Value t = x[k];
			x[k] = y[k];
			y[k] = t;
		}
		return;
	}
	Value t = d[i];
	d[i] = d[j];
	d[j] = t;
}

/* ---- go1.19 pdqsort --------------------------------------------------------------------------- */

static void insertion_sort(Sorter *d, int64_t a, int64_t b)
{
	for (int64_t i = a + 1; i < b; i++)
		for (int64_t j = i; j > a && less(d, j, j - 1); j--)
			swap(d, j, j - 1);
}

static void sift_down(Sorter *d, int64_t lo, int64_t hi, int64_t first)
{
	int64_t root = lo;
	for (;;) {
		int64_t child = 2 * root + 1;
		if (child >= hi)
			break;
		if (child + 1 < hi && less(d, first + child, first + child + 1))
			child++;
		if (!less(d, first + root, first + child))
			return;
		swap(d, first + root, first + child);
		root = child;
	}
}

static void heap_sort(Sorter *d, int64_t a, int64_t b)
{
	int64_t first = a, lo = 0, hi = b - a;
	for (int64_t i = (hi - 1) / 2; i >= 0; i--)
		sift_down(d, i, hi, first);
	for (int64_t i = hi - 1; i >= 0; i--) {
		swap(d, first, first + i);
		sift_down(d, lo, i, first);
	}
}

enum { UNKNOWN_HINT, INCREASING_HINT, DECREASING_HINT };

static int bits_len(uint64_t x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static void break_patterns(Sorter *d, int64_t a, int64_t b)
{
	int64_t length = b - a;
	if (length >= 8) {
		uint64_t random = (uint64_t)length;
		uint64_t modulus = 1ULL << bits_len((uint64_t)length);
		for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
			random ^= random << 13;
			random ^= random >> 17;
			random ^= random << 5;
			int64_t other = (int64_t)(random & (modulus - 1));
			if (other >= length)
				other -= length;
			swap(d, idx, a + other);
		}
	}
}

static void order2(Sorter *d, int64_t *a, int64_t *b, int *swaps)
{
	if (less(d, *b, *a)) {
		(*swaps)++;
		int64_t t = *a;
		*a = *b;
		*b = t;
	}
}

static int64_t median(Sorter *d, int64_t a, int64_t b, int64_t c, int *swaps)
{
	order2(d, &a, &b, swaps);
	order2(d, &b, &c, swaps);
	order2(d, &a, &b, swaps);
	return b;
}

static int64_t median_adjacent(Sorter *d, int64_t a, int *swaps)
{
	return median(d, a - 1, a, a + 1, swaps);
}

static int64_t choose_pivot(Sorter *d, int64_t a, int64_t b, int *hint)
{
	const int shortest_ninther = 50, max_swaps = 4 * 3;
	int64_t l = b - a;
	int swaps = 0;
	int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
	if (l >= 8) {
		if (l >= shortest_ninther) {
			i = median_adjacent(d, i, &swaps);
			j = median_adjacent(d, j, &swaps);
			k = median_adjacent(d, k, &swaps);
		}
		j = median(d, i, j, k, &swaps);
	}
	if (swaps == 0)
		*hint = INCREASING_HINT;
	else if (swaps == max_swaps)
		*hint = DECREASING_HINT;
	else
		*hint = UNKNOWN_HINT;
	return j;
}

static void reverse_range(Sorter *d, int64_t a, int64_t b)
{
	int64_t i = a, j = b - 1;
	while (i < j) {
		swap(d, i, j);
		i++;
		j--;
	}
}

static bool partial_insertion_sort(Sorter *d, int64_t a, int64_t b)
{
	const int max_steps = 5;
	const int64_t shortest_shifting = 50;
	int64_t i = a + 1;
	for (int j = 0; j < max_steps; j++) {
		while (i < b && !less(d, i, i - 1))
			i++;
		if (i == b)
			return true;
		if (b - a < shortest_shifting)
			return false;
		swap(d, i, i - 1);
		if (i - a >= 2) {
			for (int64_t k = i - 1; k >= 1; k--) {
				if (!less(d, k, k - 1))
					break;
				swap(d, k, k - 1);
			}
		}
		if (b - i >= 2) {
			for (int64_t k = i + 1; k < b; k++) {
				if (!less(d, k, k - 1))
					break;
				swap(d, k, k - 1);
			}
		}
	}
	return false;
}

static int64_t partition_equal(Sorter *d, int64_t a, int64_t b, int64_t pivot)
{
	swap(d, a, pivot);
	int64_t i = a + 1, j = b - 1;
	for (;;) {
		while (i <= j && !less(d, a, i))
			i++;
		while (i <= j && less(d, a, j))
			j--;
		if (i > j)
			break;
		swap(d, i, j);
		i++;
		j--;
	}
	return i;
}

static int64_t partition(Sorter *d, int64_t a, int64_t b, int64_t pivot, bool *already)
{
	swap(d, a, pivot);
	int64_t i = a + 1, j = b - 1;
	while (i <= j && less(d, i, a))
		i++;
	while (i <= j && !less(d, j, a))
		j--;
	if (i > j) {
		swap(d, j, a);
		*already = true;
		return j;
	}
	swap(d, i, j);
	i++;
	j--;
	for (;;) {
		while (i <= j && less(d, i, a))
			i++;
		while (i <= j && !less(d, j, a))
			j--;
		if (i > j)
			break;
		swap(d, i, j);
		i++;
		j--;
	}
	swap(d, j, a);
	*already = false;
	return j;
}

static void pdqsort(Sorter *d, int64_t a, int64_t b, int limit)
{
	const int64_t max_insertion = 12;
	bool was_balanced = true, was_partitioned = true;
	for (;;) {
		int64_t length = b - a;
		if (length <= max_insertion) {
			insertion_sort(d, a, b);
			return;
		}
		if (limit == 0) {
			heap_sort(d, a, b);
			return;
		}
		if (!was_balanced) {
			break_patterns(d, a, b);
			limit--;
		}
		int hint;
		int64_t pivot = choose_pivot(d, a, b, &hint);
		if (hint == DECREASING_HINT) {
			reverse_range(d, a, b);
			pivot = (b - 1) - (pivot - a);
			hint = INCREASING_HINT;
		}
		if (was_balanced && was_partitioned && hint == INCREASING_HINT) {
			if (partial_insertion_sort(d, a, b))
				return;
		}
		if (a > 0 && !less(d, a - 1, pivot)) {
			a = partition_equal(d, a, b, pivot);
			continue;
		}
		bool already;
		int64_t mid = partition(d, a, b, pivot, &already);
		was_partitioned = already;
		int64_t left = mid - a, right = b - mid;
		int64_t balance = length / 8;
		if (left < right) {
			was_balanced = left >= balance;
			pdqsort(d, a, mid, limit);
			a = mid + 1;
		} else {
			was_balanced = right >= balance;
			pdqsort(d, mid + 1, b, limit);
			b = mid;
		}
	}
}

/* ---- stable --------------------------------------------------------------------------------------- */

static void swap_range(Sorter *d, int64_t a, int64_t b, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		swap(d, a + i, b + i);
}

static void rotate(Sorter *d, int64_t a, int64_t m, int64_t b)
{
	int64_t i = m - a, j = b - m;
	while (i != j) {
		if (i > j) {
			swap_range(d, m - i, m, j);
			i -= j;
		} else {
			swap_range(d, m - i, m + j - i, i);
			j -= i;
		}
	}
	swap_range(d, m - i, m, i);
}

static void sym_merge(Sorter *d, int64_t a, int64_t m, int64_t b)
{
	if (m - a == 1) {
		int64_t i = m, j = b;
		while (i < j) {
			int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
			if (less(d, h, a))
				i = h + 1;
			else
				j = h;
		}
		for (int64_t k = a; k < i - 1; k++)
			swap(d, k, k + 1);
		return;
	}
	if (b - m == 1) {
		int64_t i = a, j = m;
		while (i < j) {
			int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
			if (!less(d, m, h))
				i = h + 1;
			else
				j = h;
		}
		for (int64_t k = m; k > i; k--)
			swap(d, k, k - 1);
		return;
	}
	int64_t mid = (int64_t)((uint64_t)(a + b) >> 1);
	int64_t n = mid + m;
	int64_t start, r;
	if (m > mid) {
		start = n - b;
		r = mid;
	} else {
		start = a;
		r = m;
	}
	int64_t p = n - 1;
	while (start < r) {
		int64_t c = (int64_t)((uint64_t)(start + r) >> 1);
		if (!less(d, p - c, c))
			start = c + 1;
		else
			r = c;
	}
	int64_t end = n - start;
	if (start < m && m < end)
		rotate(d, start, m, end);
	if (a < start && start < mid)
		sym_merge(d, a, start, mid);
	if (mid < end && end < b)
		sym_merge(d, mid, end, b);
}

static void stable(Sorter *d, int64_t n)
{
	int64_t block = 20, a = 0, b = block;
	while (b <= n) {
		insertion_sort(d, a, b);
		a = b;
		b += block;
	}
	insertion_sort(d, a, n);
	while (block < n) {
		a = 0;
		b = 2 * block;
		while (b <= n) {
			sym_merge(d, a, a + block, b);
			a = b;
			b += 2 * block;
		}
		int64_t m = a + block;
		if (m < n)
			sym_merge(d, a, m, n);
		block *= 2;
	}
}

/* ---- setting up sorters ------------------------------------------------------------------------ */

static Type *reverse_ptr;

static bool is_sort_type(Type *t, const char *name)
{
	return t && t->kind == TY_NAMED && t->pkg && !strcmp(t->pkg, "sort") && !strcmp(t->name, name);
}

/* Fill s for an Interface value x; returns its Len, or -1 after a panic. */
static int64_t sorter_iface(VM *vm, Sorter *s, GolIface *x)
{
	memset(s, 0, sizeof *s);
	s->vm = vm;
	while (x && __atomic_load_n(&reverse_ptr, __ATOMIC_ACQUIRE) && x->type == reverse_ptr) {
		s->reverse = !s->reverse;
		x = ((Value *)x->v.p)[0].p;
	}
	if (!x) {
		vm_panic_nil(vm);
		return -1;
	}
	if (is_sort_type(x->type, "IntSlice") || is_sort_type(x->type, "Float64Slice") ||
	    is_sort_type(x->type, "StringSlice")) {
		s->kind = x->type->name[0] == 'I' ? SK_INTS : x->type->name[0] == 'F' ? SK_FLOATS : SK_STRINGS;
		s->s = x->v.p;
		return s->s ? s->s->len : 0;
	}
	s->kind = SK_IFACE;
	Value recv, res;
	GolClosure *lenm = std_method(x, "Len", &recv);
	s->less_m = std_method(x, "Less", &s->less_recv);
	s->swap_m = std_method(x, "Swap", &s->swap_recv);
	if (!lenm || !s->less_m || !s->swap_m) {
		vm_panic_error(vm, "sort: method not found");
		return -1;
	}
	Value a[1] = {recv};
	if (std_call(vm, lenm, a, 1, &res, 1) < 0)
		return -1;
	return res.i;
}

/* reflect.Kind's name for the kind of t (Go 1.19 says ptr). */
static const char *reflect_kind(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "ptr";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return rtype_string(u);
	}
}

/* Fill s for sort.Slice's x (an interface holding a slice). what names
 * the reflect call that refuses anything else, as Go's panic does. */
static int64_t sorter_slice(VM *vm, Sorter *s, GolIface *x, GolClosure *lessf, const char *what)
{
	memset(s, 0, sizeof *s);
	s->vm = vm;
	s->kind = SK_FUNC;
	s->lessf = lessf;
	if (!x || type_under(x->type)->kind != TY_SLICE) {
		vm_panic_msg(vm, "reflect: call of %s on %s Value", what, x ? reflect_kind(x->type) : "zero");
		return -1;
	}
	Type *et = type_under(x->type)->elem;
	TypeKind k = type_under(et)->kind;
	if (k == TY_STRUCT || k == TY_ARRAY)
		s->esize = block_len(et);
	s->s = x->v.p;
	if (s->s)
		vm_race_range(vm, s->s->data, s->s->len, true); /* the swaps rewrite the elements */
	return s->s ? s->s->len : 0;
}

static GolSlice *slice_arg(Value v)
{
	return v.p;
}

static int run_sort(Sorter *s, int64_t n, bool stable_sort)
{
	if (setjmp(s->jb))
		return -1;
	if (stable_sort) {
		stable(s, n);
	} else if (n > 1) {
		pdqsort(s, 0, n, bits_len((uint64_t)n));
	}
	return 0;
}

static int run_is_sorted(Sorter *s, int64_t n, Value *r)
{
	if (setjmp(s->jb))
		return -1;
	r[0].i = 1;
	for (int64_t i = n - 1; i > 0; i--)
		if (less(s, i, i - 1)) {
			r[0].i = 0;
			break;
		}
	return 0;
}

/* ---- natives ---------------------------------------------------------------------------------------- */

static int so_sort(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_iface(vm, &s, a[0].p);
	if (len < 0)
		return -1;
	return run_sort(&s, len, false);
}

static int so_stable(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_iface(vm, &s, a[0].p);
	if (len < 0)
		return -1;
	return run_sort(&s, len, true);
}

static int so_is_sorted(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_iface(vm, &s, a[0].p);
	if (len < 0)
		return -1;
	return run_is_sorted(&s, len, r);
}

static int rev_len(VM *vm, Value *a, int n, Value *r)
{
	GolIface *x = ((Value *)a[0].p)[0].p;
	return std_call_method(vm, x, "Len", NULL, 0, r, 1);
}

static int rev_less(VM *vm, Value *a, int n, Value *r)
{
	GolIface *x = ((Value *)a[0].p)[0].p;
	Value args[2] = {a[2], a[1]};
	return std_call_method(vm, x, "Less", args, 2, r, 1);
}

static int rev_swap(VM *vm, Value *a, int n, Value *r)
{
	GolIface *x = ((Value *)a[0].p)[0].p;
	Value args[2] = {a[1], a[2]};
	return std_call_method(vm, x, "Swap", args, 2, NULL, 0);
}

static pthread_mutex_t rev_lock = PTHREAD_MUTEX_INITIALIZER;

/* *sort.reverse: struct { Interface } with Len, Less, Swap. */
static Type *reverse_type(void)
{
	pthread_mutex_lock(&rev_lock);
	if (!reverse_ptr) {
		Type *iface = std_named_type("sort", "Interface");
		Type *st = type_new(TY_STRUCT);
		st->fields = GC_MALLOC(sizeof(Field));
		st->fields[0].name = "Interface";
		st->fields[0].type = iface ? iface : type_any;
		st->fields[0].embedded = true;
		st->nfields = 1;
		Type *named = type_named("sort", "reverse", NULL);
		named->underlying = st;
		static const char *const names[] = {"Len", "Less", "Swap"};
		NativeFn fns[] = {rev_len, rev_less, rev_swap};
		named->methods = GC_MALLOC(sizeof(Method) * 3);
		for (int i = 0; i < 3; i++) {
			Type *sig = NULL;
			if (iface) {
				Type *u = type_under(iface);
				for (int k = 0; k < u->nmethods; k++)
					if (!strcmp(u->methods[k].name, names[i]))
						sig = u->methods[k].sig;
			}
			GolClosure *f = GC_MALLOC(sizeof *f);
			f->native = fns[i];
			f->name = names[i];
			named->methods[i].name = names[i];
			named->methods[i].sig = sig ? sig : type_new(TY_FUNC);
			named->methods[i].impl = f;
			named->methods[i].ptr_recv = i != 0 || true;
		}
		named->nmethods = 3;
		__atomic_store_n(&reverse_ptr, rtype_canon(type_pointer(named)), __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&rev_lock);
	return reverse_ptr;
}

static int so_reverse(VM *vm, Value *a, int n, Value *r)
{
	Value *blk = GC_MALLOC(sizeof(Value));
	blk[0] = a[0];
	Value v;
	v.p = blk;
	r[0].p = iface_box(reverse_type(), v);
	return 0;
}

static int so_slice(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_slice(vm, &s, a[0].p, a[1].p, "Swapper");
	if (len < 0)
		return -1;
	return run_sort(&s, len, false);
}

static int so_slice_stable(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_slice(vm, &s, a[0].p, a[1].p, "Swapper");
	if (len < 0)
		return -1;
	return run_sort(&s, len, true);
}

static int so_slice_is_sorted(VM *vm, Value *a, int n, Value *r)
{
	Sorter s;
	int64_t len = sorter_slice(vm, &s, a[0].p, a[1].p, "reflect.Value.Len");
	if (len < 0)
		return -1;
	return run_is_sorted(&s, len, r);
}

static int typed_sort(VM *vm, GolSlice *x, SortKind k, bool check, Value *r)
{
	Sorter s;
	memset(&s, 0, sizeof s);
	s.vm = vm;
	s.kind = k;
	s.s = x;
	int64_t len = x ? x->len : 0;
	if (x)
		vm_race_range(vm, x->data, len, !check); /* sorting rewrites the elements */
	if (check)
		return run_is_sorted(&s, len, r);
	return run_sort(&s, len, false);
}

static int so_ints(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_INTS, false, r); }
static int so_float64s(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_FLOATS, false, r); }
static int so_strings(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_STRINGS, false, r); }
static int so_ints_sorted(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_INTS, true, r); }
static int so_float64s_sorted(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_FLOATS, true, r); }
static int so_strings_sorted(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, slice_arg(a[0]), SK_STRINGS, true, r); }

/* IntSlice and friends: the receiver is the slice itself. */
static int ts_len(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *x = a[0].p;
	r[0].i = x ? x->len : 0;
	return 0;
}

static int check_index(VM *vm, GolSlice *x, int64_t i)
{
	int64_t len = x ? x->len : 0;
	if ((uint64_t)i >= (uint64_t)len)
		return vm_panic_bounds(vm, "index out of range [%lld] with length %lld", (long long)i, (long long)len);
	return 0;
}

static int ts_less(VM *vm, Value *a, int n, Value *r, SortKind k)
{
	GolSlice *x = a[0].p;
	if (check_index(vm, x, a[1].i) < 0 || check_index(vm, x, a[2].i) < 0)
		return -1;
	Sorter s;
	memset(&s, 0, sizeof s);
	s.kind = k;
	s.s = x;
	r[0].i = less(&s, a[1].i, a[2].i);
	return 0;
}

static int is_less(VM *vm, Value *a, int n, Value *r) { return ts_less(vm, a, n, r, SK_INTS); }
static int fs_less(VM *vm, Value *a, int n, Value *r) { return ts_less(vm, a, n, r, SK_FLOATS); }
static int ss_less(VM *vm, Value *a, int n, Value *r) { return ts_less(vm, a, n, r, SK_STRINGS); }

static int ts_swap(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *x = a[0].p;
	if (check_index(vm, x, a[1].i) < 0 || check_index(vm, x, a[2].i) < 0)
		return -1;
	Value t = x->data[a[1].i];
	x->data[a[1].i] = x->data[a[2].i];
	x->data[a[2].i] = t;
	return 0;
}

/* sort.Search over Go's binary search with a C predicate. */
static int64_t search_c(int64_t n, bool (*pred)(GolSlice *, int64_t, Value), GolSlice *x, Value v)
{
	int64_t i = 0, j = n;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		if (!pred(x, h, v))
			i = h + 1;
		else
			j = h;
	}
	return i;
}

static bool ge_int(GolSlice *x, int64_t i, Value v) { return x->data[i].i >= v.i; }
static bool ge_float(GolSlice *x, int64_t i, Value v) { return x->data[i].f >= v.f; }
static bool ge_string(GolSlice *x, int64_t i, Value v) { return str_compare(x->data[i].p, v.p) >= 0; }

static int so_search_ints(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *x = a[0].p;
	r[0].i = search_c(x ? x->len : 0, ge_int, x, a[1]);
	return 0;
}

static int so_search_float64s(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *x = a[0].p;
	r[0].i = search_c(x ? x->len : 0, ge_float, x, a[1]);
	return 0;
}

static int so_search_strings(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *x = a[0].p;
	r[0].i = search_c(x ? x->len : 0, ge_string, x, a[1]);
	return 0;
}

static int so_search(VM *vm, Value *a, int n, Value *r)
{
	int64_t cnt = a[0].i;
	GolClosure *f = a[1].p;
	int64_t i = 0, j = cnt;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		Value arg, res;
		arg.i = h;
		if (std_call(vm, f, &arg, 1, &res, 1) < 0)
			return -1;
		if (!res.i)
			i = h + 1;
		else
			j = h;
	}
	r[0].i = i;
	return 0;
}

static int so_find(VM *vm, Value *a, int n, Value *r)
{
	int64_t cnt = a[0].i;
	GolClosure *f = a[1].p;
	int64_t i = 0, j = cnt;
	Value arg, res;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		arg.i = h;
		if (std_call(vm, f, &arg, 1, &res, 1) < 0)
			return -1;
		if (res.i > 0)
			i = h + 1;
		else
			j = h;
	}
	r[0].i = i;
	r[1].i = 0;
	if (i < cnt) {
		arg.i = i;
		if (std_call(vm, f, &arg, 1, &res, 1) < 0)
			return -1;
		r[1].i = res.i == 0;
	}
	return 0;
}

static int ts_sort_ints(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, a[0].p, SK_INTS, false, r); }
static int ts_sort_floats(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, a[0].p, SK_FLOATS, false, r); }
static int ts_sort_strings(VM *vm, Value *a, int n, Value *r) { return typed_sort(vm, a[0].p, SK_STRINGS, false, r); }

const NativeDef sort_natives[] = {
	{"sort.Sort", so_sort},
	{"sort.Stable", so_stable},
	{"sort.IsSorted", so_is_sorted},
	{"sort.Reverse", so_reverse},
	{"sort.Slice", so_slice},
	{"sort.SliceStable", so_slice_stable},
	{"sort.SliceIsSorted", so_slice_is_sorted},
	{"sort.Ints", so_ints},
	{"sort.Float64s", so_float64s},
	{"sort.Strings", so_strings},
	{"sort.IntsAreSorted", so_ints_sorted},
	{"sort.Float64sAreSorted", so_float64s_sorted},
	{"sort.StringsAreSorted", so_strings_sorted},
	{"sort.Search", so_search},
	{"sort.Find", so_find},
	{"sort.SearchInts", so_search_ints},
	{"sort.SearchFloat64s", so_search_float64s},
	{"sort.SearchStrings", so_search_strings},
	{"sort.IntSlice.Len", ts_len},
	{"sort.IntSlice.Less", is_less},
	{"sort.IntSlice.Swap", ts_swap},
	{"sort.IntSlice.Sort", ts_sort_ints},
	{"sort.IntSlice.Search", so_search_ints},
	{"sort.Float64Slice.Len", ts_len},
	{"sort.Float64Slice.Less", fs_less},
	{"sort.Float64Slice.Swap", ts_swap},
	{"sort.Float64Slice.Sort", ts_sort_floats},
	{"sort.Float64Slice.Search", so_search_float64s},
	{"sort.StringSlice.Len", ts_len},
	{"sort.StringSlice.Less", ss_less},
	{"sort.StringSlice.Swap", ts_swap},
	{"sort.StringSlice.Sort", ts_sort_strings},
	{"sort.StringSlice.Search", so_search_strings},
	{NULL, NULL},
};
