/*
 * test_parser.c — unit tests for the parser (grammar/parser.y): each
 * expression, statement and declaration form against its S-expression
 * (ast_dump, the format `gol ast` prints), node positions, syntax errors in
 * Go's words at Go's positions (checked against go1.19's compiler), and the
 * nesting limit.
 */
#include "test_util.h"

#define EXPR_TEST(name) Test(parse_expr, name, .init = gc_setup)
#define STMT_TEST(name) Test(parse_stmt, name, .init = gc_setup)
#define DECL_TEST(name) Test(parse_decl, name, .init = gc_setup)
#define ERR_TEST(name) Test(parse_error, name, .init = gc_setup)

/* Expression e dumps to want. */
#define EXPECT_EXPR(e, want) cr_assert_str_eq(expr_dump(e), want, "expression: %s", e)
/* Function body `body` dumps to want (statements joined by spaces). */
#define EXPECT_STMTS(body, want) cr_assert_str_eq(stmts_dump(body), want, "statements: %s", body)
/* Source src parses with exactly the errors want ("L:C: msg\n" lines). */
#define EXPECT_ERRS(src, want) cr_assert_str_eq(parse_src(src)->errs, want, "source:\n%s", src)

/* ---- expressions ---------------------------------------------------------- */

EXPR_TEST(multiplication_binds_tighter_than_addition)
{
	EXPECT_EXPR("a + b * c", "(binary + a (binary * b c))");
	EXPECT_EXPR("a * b + c", "(binary + (binary * a b) c)");
	EXPECT_EXPR("(a + b) * c", "(binary * (paren (binary + a b)) c)");
}

EXPR_TEST(binary_operators_are_left_associative)
{
	EXPECT_EXPR("a - b - c", "(binary - (binary - a b) c)");
	EXPECT_EXPR("a / b * c % d", "(binary % (binary * (binary / a b) c) d)");
	EXPECT_EXPR("a == b != c < d", "(binary < (binary != (binary == a b) c) d)");
	EXPECT_EXPR("a || b || c", "(binary || (binary || a b) c)");
}

EXPR_TEST(five_precedence_levels)
{
	EXPECT_EXPR("a || b && c == d + e * f", "(binary || a (binary && b (binary == c (binary + d (binary * e f)))))");
	EXPECT_EXPR("a * b + c == d && e || f", "(binary || (binary && (binary == (binary + (binary * a b) c) d) e) f)");
}

EXPR_TEST(every_binary_operator_at_its_level)
{
	/* level 5: * / % << >> & &^ */
	EXPECT_EXPR("a << 1 >> 2 & 3 &^ 4 % 5 / 6 * 7",
		    "(binary * (binary / (binary % (binary &^ (binary & (binary >> (binary << a 1) 2) 3) 4) 5) 6) 7)");
	/* level 4: + - | ^ */
	EXPECT_EXPR("a + b - c | d ^ e", "(binary ^ (binary | (binary - (binary + a b) c) d) e)");
	/* level 3: comparisons */
	EXPECT_EXPR("a <= b >= c > d", "(binary > (binary >= (binary <= a b) c) d)");
	EXPECT_EXPR("x | y << z", "(binary | x (binary << y z))");
}

EXPR_TEST(unary_operators)
{
	EXPECT_EXPR("-a * b", "(binary * (unary - a) b)");
	EXPECT_EXPR("!a == b", "(binary == (unary ! a) b)");
	EXPECT_EXPR("^a &^ +b", "(binary &^ (unary ^ a) (unary + b))");
	EXPECT_EXPR("&x", "(unary & x)");
	EXPECT_EXPR("- -x", "(unary - (unary - x))");
	EXPECT_EXPR("-1 << 3", "(binary << (unary - 1) 3)");
}

EXPR_TEST(unary_binds_looser_than_postfix)
{
	EXPECT_EXPR("-x.y", "(unary - (selector x y))");
	EXPECT_EXPR("*p.x", "(star (selector p x))");
	EXPECT_EXPR("&T{1}", "(unary & (compositelit T (elts 1)))");
	EXPECT_EXPR("<-c.d", "(unary <- (selector c d))");
	EXPECT_EXPR("*p + <-ch", "(binary + (star p) (unary <- ch))");
}

EXPR_TEST(primary_expression_chains)
{
	EXPECT_EXPR("a.b.c(d)[e]", "(index (call (selector (selector a b) c) d) e)");
	EXPECT_EXPR("f(a)(b)", "(call (call f a) b)");
	EXPECT_EXPR("s[i].x[j]", "(index (selector (index s i) x) j)");
	EXPECT_EXPR("f()", "(call f)");
	EXPECT_EXPR("f(\n\ta,\n\tb,\n)", "(call f a b)");
}

EXPR_TEST(slice_expressions)
{
	EXPECT_EXPR("s[1:2]", "(slice s 1 2)");
	EXPECT_EXPR("s[:]", "(slice s _ _)");
	EXPECT_EXPR("s[i:]", "(slice s i _)");
	EXPECT_EXPR("s[:j]", "(slice s _ j)");
	EXPECT_EXPR("s[1:2:3]", "(slice s 1 2 3)");
	EXPECT_EXPR("s[:2:3]", "(slice s _ 2 3)");
}

EXPR_TEST(type_assertions)
{
	EXPECT_EXPR("x.(T)", "(typeassert x T)");
	EXPECT_EXPR("x.(*T)", "(typeassert x (star T))");
	EXPECT_EXPR("x.(interface{ M() })", "(typeassert x (interfacetype (field M (functype (params) (results)))))");
	EXPECT_EXPR("x.(fmt.Stringer).String()", "(call (selector (typeassert x (selector fmt Stringer)) String))");
}

EXPR_TEST(composite_literals)
{
	EXPECT_EXPR("T{1, 2}", "(compositelit T (elts 1 2))");
	EXPECT_EXPR("T{X: 1, Y: []int{2}}", "(compositelit T (elts (keyvalue X 1) (keyvalue Y (compositelit (slicetype int) (elts 2)))))");
	EXPECT_EXPR("map[string]int{\"a\": 1,}", "(compositelit (maptype string int) (elts (keyvalue \"a\" 1)))");
	EXPECT_EXPR("[...]int{1}", "(compositelit (arraytype (ellipsis _) int) (elts 1))");
	EXPECT_EXPR("[3]int{}", "(compositelit (arraytype 3 int) (elts))");
	EXPECT_EXPR("struct{ X int }{1}", "(compositelit (structtype (field X int)) (elts 1))");
	EXPECT_EXPR("pkg.T{}", "(compositelit (selector pkg T) (elts))");
}

EXPR_TEST(elided_composite_literal_types)
{
	EXPECT_EXPR("[]P{{1, 2}, {X: 3}}", "(compositelit (slicetype P) (elts (compositelit _ (elts 1 2)) (compositelit _ (elts (keyvalue X 3)))))");
	EXPECT_EXPR("[2][3]int{{1}, {2}}", "(compositelit (arraytype 2 (arraytype 3 int)) (elts (compositelit _ (elts 1)) (compositelit _ (elts 2))))");
	EXPECT_EXPR("map[[2]int]string{{1, 2}: \"a\"}", "(compositelit (maptype (arraytype 2 int) string) (elts (keyvalue (compositelit _ (elts 1 2)) \"a\")))");
	EXPECT_EXPR("[]*T{{1}, &T{2}}", "(compositelit (slicetype (star T)) (elts (compositelit _ (elts 1)) (unary & (compositelit T (elts 2)))))");
}

EXPR_TEST(function_literals)
{
	EXPECT_EXPR("func() {}", "(funclit (functype (params) (results)) (block))");
	EXPECT_EXPR("func(x int) int { return x }", "(funclit (functype (params (field x int)) (results (field int))) (block (return x)))");
	EXPECT_EXPR("func(a, b int, c ...string) (r int, err error) { return }",
		    "(funclit (functype (params (field a b int) (field c (ellipsis string))) (results (field r int) (field err error))) (block (return)))");
	EXPECT_EXPR("func() int { return 1 }()", "(call (funclit (functype (params) (results (field int))) (block (return 1))))");
}

EXPR_TEST(conversions_and_method_expressions)
{
	EXPECT_EXPR("[]byte(s)", "(call (slicetype byte) s)");
	EXPECT_EXPR("(*T)(p)", "(call (paren (star T)) p)");
	EXPECT_EXPR("(*T).M", "(selector (paren (star T)) M)");
	EXPECT_EXPR("interface{}(nil)", "(call (interfacetype) nil)");
	EXPECT_EXPR("map[string]struct{}{}", "(compositelit (maptype string (structtype)) (elts))");
	EXPECT_EXPR("func(int) bool(nil)", "(call (functype (params (field int)) (results (field bool))) nil)");
}

EXPR_TEST(channel_types)
{
	EXPECT_EXPR("make(chan int)", "(call make (chantype both int))");
	EXPECT_EXPR("make(chan<- int)", "(call make (chantype send int))");
	EXPECT_EXPR("make(<-chan int)", "(call make (chantype recv int))");
	EXPECT_EXPR("make(chan<- chan int)", "(call make (chantype send (chantype both int)))");
	EXPECT_EXPR("make(chan (<-chan int))", "(call make (chantype both (paren (chantype recv int))))");
	EXPECT_EXPR("make(chan<- <-chan int)", "(call make (chantype send (chantype recv int)))");
}

EXPR_TEST(variadic_calls)
{
	EXPECT_EXPR("f(xs...)", "(call f xs ...)");
	EXPECT_EXPR("f(a, g()...)", "(call f a (call g) ...)");
	EXPECT_EXPR("append(a, b...,)", "(call append a b ...)");
}

EXPR_TEST(basic_literals_keep_their_text)
{
	EXPECT_EXPR("'a' + 1.5 + 2i + \"s\" + `raw` + 0x1p-2 + 1_000",
		    "(binary + (binary + (binary + (binary + (binary + (binary + 'a' 1.5) 2i) \"s\") `raw`) 0x1p-2) 1_000)");
}

EXPR_TEST(expression_continues_after_trailing_operator)
{
	EXPECT_EXPR("a +\n\tb *\n\tc", "(binary + a (binary * b c))");
	EXPECT_EXPR("a &&\n\t// comment\n\tb", "(binary && a b)");
}

/* ---- statements ------------------------------------------------------------ */

STMT_TEST(assignments)
{
	EXPECT_STMTS("x := 1", "(assign := (lhs x) (rhs 1))");
	EXPECT_STMTS("a, b = b, a", "(assign = (lhs a b) (rhs b a))");
	EXPECT_STMTS("x, y := f()", "(assign := (lhs x y) (rhs (call f)))");
	EXPECT_STMTS("a[i], b.c = 1, 2", "(assign = (lhs (index a i) (selector b c)) (rhs 1 2))");
	EXPECT_STMTS("*p = 3", "(assign = (lhs (star p)) (rhs 3))");
	EXPECT_STMTS("_, _ = x, y", "(assign = (lhs _ _) (rhs x y))");
}

STMT_TEST(op_assignments)
{
	EXPECT_STMTS("x += 2\nx -= 1\nx *= 3\nx /= 4\nx %= 5",
		     "(assign += (lhs x) (rhs 2)) (assign -= (lhs x) (rhs 1)) (assign *= (lhs x) (rhs 3)) "
		     "(assign /= (lhs x) (rhs 4)) (assign %= (lhs x) (rhs 5))");
	EXPECT_STMTS("x &= 1; x |= 2; x ^= 3; x <<= 4; x >>= 5; x &^= 6",
		     "(assign &= (lhs x) (rhs 1)) (assign |= (lhs x) (rhs 2)) (assign ^= (lhs x) (rhs 3)) "
		     "(assign <<= (lhs x) (rhs 4)) (assign >>= (lhs x) (rhs 5)) (assign &^= (lhs x) (rhs 6))");
}

STMT_TEST(assign_node_fields)
{
	Parsed *p = parse_src("func f() {\n\tx &^= 3\n\ty := 1\n}\n");
	cr_assert_str_eq(p->errs, "");
	NodeList *s = &p->file->u.file.decls.v[0]->u.func.body->u.block.stmts;
	cr_assert_eq(s->len, 2);
	cr_assert_eq(s->v[0]->kind, N_ASSIGN);
	cr_assert_eq(s->v[0]->u.assign.op, OP_ANDNOT);
	cr_assert(!s->v[0]->u.assign.define);
	cr_assert_eq(s->v[1]->u.assign.op, OP_NONE);
	cr_assert(s->v[1]->u.assign.define);
}

STMT_TEST(inc_dec_send_and_expression_statements)
{
	EXPECT_STMTS("x++\ny--\n*p++\np.x--", "(incdec x ++) (incdec y --) (incdec (star p) ++) (incdec (selector p x) --)");
	EXPECT_STMTS("ch <- v\nch <- <-ch2", "(send ch v) (send ch (unary <- ch2))");
	EXPECT_STMTS("<-ch\nf(x)\nfunc() {}()", "(exprstmt (unary <- ch)) (exprstmt (call f x)) "
						  "(exprstmt (call (funclit (functype (params) (results)) (block))))");
	EXPECT_STMTS("v, ok := <-ch", "(assign := (lhs v ok) (rhs (unary <- ch)))");
}

STMT_TEST(if_else_chains)
{
	EXPECT_STMTS("if x > 0 { a() } else if y { b() } else { c() }",
		     "(if _ (binary > x 0) (block (exprstmt (call a))) (if _ y (block (exprstmt (call b))) (block (exprstmt (call c)))))");
	EXPECT_STMTS("if x {\n}", "(if _ x (block) _)");
}

STMT_TEST(if_with_init)
{
	EXPECT_STMTS("if v, ok := m[k]; ok { }", "(if (assign := (lhs v ok) (rhs (index m k))) ok (block) _)");
	EXPECT_STMTS("if x := 1; x > 0 {} else if y := 2; y > 0 {}",
		     "(if (assign := (lhs x) (rhs 1)) (binary > x 0) (block) (if (assign := (lhs y) (rhs 2)) (binary > y 0) (block) _))");
	EXPECT_STMTS("if f := func() bool { return true }; f() {}",
		     "(if (assign := (lhs f) (rhs (funclit (functype (params) (results (field bool))) (block (return true))))) (call f) (block) _)");
}

STMT_TEST(composite_literals_in_statement_headers)
{
	EXPECT_STMTS("if p == (T{}) { }", "(if _ (binary == p (paren (compositelit T (elts)))) (block) _)");
	EXPECT_STMTS("if x == []int{1}[0] {}", "(if _ (binary == x (index (compositelit (slicetype int) (elts 1)) 0)) (block) _)");
	EXPECT_STMTS("for _, p := range []T{{1}, {2}} {}",
		     "(range := _ p (compositelit (slicetype T) (elts (compositelit _ (elts 1)) (compositelit _ (elts 2)))) (block))");
	EXPECT_STMTS("if f(T{}) {}", "(if _ (call f (compositelit T (elts))) (block) _)");
}

STMT_TEST(for_loops)
{
	EXPECT_STMTS("for { break }", "(for _ _ _ (block (branch break)))");
	EXPECT_STMTS("for x < 10 { continue }", "(for _ (binary < x 10) _ (block (branch continue)))");
	EXPECT_STMTS("for i := 0; i < n; i++ { }", "(for (assign := (lhs i) (rhs 0)) (binary < i n) (incdec i ++) (block))");
	EXPECT_STMTS("for ; ; { }", "(for _ _ _ (block))");
	EXPECT_STMTS("for i := 0; i < 10; {}", "(for (assign := (lhs i) (rhs 0)) (binary < i 10) _ (block))");
	EXPECT_STMTS("for ; i < 10; i++ {}", "(for _ (binary < i 10) (incdec i ++) (block))");
}

STMT_TEST(range_loops)
{
	EXPECT_STMTS("for range ch { }", "(range = _ _ ch (block))");
	EXPECT_STMTS("for k := range m { }", "(range := k _ m (block))");
	EXPECT_STMTS("for k, v = range m { }", "(range = k v m (block))");
	EXPECT_STMTS("for i, x := range s { _ = x }", "(range := i x s (block (assign = (lhs _) (rhs x))))");
	EXPECT_STMTS("for i := range 10 { }", "(range := i _ 10 (block))");
}

STMT_TEST(expression_switches)
{
	EXPECT_STMTS("switch { case a > b: f(); fallthrough; case c: default: g() }",
		     "(switch _ _ (caseclause (list (binary > a b)) (body (exprstmt (call f)) (branch fallthrough))) "
		     "(caseclause (list c) (body)) (caseclause default (body (exprstmt (call g)))))");
	EXPECT_STMTS("switch x := f(); x { case 1, 2: }", "(switch (assign := (lhs x) (rhs (call f))) x (caseclause (list 1 2) (body)))");
	EXPECT_STMTS("switch x {}", "(switch _ x)");
	EXPECT_STMTS("switch x := 5; {}", "(switch (assign := (lhs x) (rhs 5)) _)");
}

STMT_TEST(type_switches)
{
	EXPECT_STMTS("switch y := v.(type) { case nil: case int, string: }",
		     "(typeswitch _ (assign := (lhs y) (rhs (typeassert v type))) (caseclause (list nil) (body)) (caseclause (list int string) (body)))");
	EXPECT_STMTS("switch v.(type) { }", "(typeswitch _ (exprstmt (typeassert v type)))");
	EXPECT_STMTS("switch f := g(); f.(type) { case *T, []int, func(): default: }",
		     "(typeswitch (assign := (lhs f) (rhs (call g))) (exprstmt (typeassert f type)) "
		     "(caseclause (list (star T) (slicetype int) (functype (params) (results))) (body)) (caseclause default (body)))");
}

STMT_TEST(select_statements)
{
	EXPECT_STMTS("select { case x := <-c: case c <- 1: case <-d: case v, ok := <-e: default: }",
		     "(select (commclause (assign := (lhs x) (rhs (unary <- c))) (body)) (commclause (send c 1) (body)) "
		     "(commclause (exprstmt (unary <- d)) (body)) (commclause (assign := (lhs v ok) (rhs (unary <- e))) (body)) "
		     "(commclause _ (body)))");
	EXPECT_STMTS("select {}", "(select)");
	EXPECT_STMTS("select { case <-time.After(d): return }",
		     "(select (commclause (exprstmt (unary <- (call (selector time After) d))) (body (return))))");
}

STMT_TEST(labels_and_branches)
{
	EXPECT_STMTS("outer:\n\tfor { break outer }\n\tgoto outer",
		     "(labeled outer (for _ _ _ (block (branch break outer)))) (branch goto outer)");
	EXPECT_STMTS("L:\n\tfor { continue L }", "(labeled L (for _ _ _ (block (branch continue L))))");
	EXPECT_STMTS("L: ;", "(labeled L (emptystmt))");
	EXPECT_STMTS("goto L\nL:", "(branch goto L) (labeled L (emptystmt))");
}

STMT_TEST(go_defer_return)
{
	EXPECT_STMTS("go f(x)", "(go (call f x))");
	EXPECT_STMTS("defer mu.Unlock()", "(defer (call (selector mu Unlock)))");
	EXPECT_STMTS("defer func() { recover() }()",
		     "(defer (call (funclit (functype (params) (results)) (block (exprstmt (call recover))))))");
	EXPECT_STMTS("return", "(return)");
	EXPECT_STMTS("return 1, nil", "(return 1 nil)");
}

STMT_TEST(local_declarations)
{
	EXPECT_STMTS("var z int = 3", "(declstmt (gendecl var (valuespec (names z) int (values 3))))");
	EXPECT_STMTS("const c = 1", "(declstmt (gendecl const (valuespec (names c) _ (values 1))))");
	EXPECT_STMTS("type T struct{}", "(declstmt (gendecl type (typespec T (structtype))))");
	EXPECT_STMTS("var (\n\tc int\n\td = \"x\"\n)",
		     "(declstmt (gendecl var (valuespec (names c) int (values)) (valuespec (names d) _ (values \"x\"))))");
}

STMT_TEST(blocks_and_empty_statements)
{
	EXPECT_STMTS("{ }\n;\n{ { x() } }", "(block) (block (block (exprstmt (call x))))");
	EXPECT_STMTS(";;;", "");
}

/* ---- declarations ----------------------------------------------------------- */

DECL_TEST(package_clause_is_optional)
{
	cr_assert_str_eq(parse_ok("package main\n"), "(file main)");
	cr_assert_str_eq(parse_ok("func main() {}\n"), "(file _ (funcdecl _ main (functype (params) (results)) (block)))");
	cr_assert_str_eq(parse_ok(""), "(file _)");
}

DECL_TEST(imports)
{
	cr_assert_str_eq(parse_ok("package main\n\nimport (\n\t\"fmt\"\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"os\"\n)\nimport \"sync\"\n"),
			 "(file main (importspec _ \"fmt\") (importspec str \"strings\") (importspec . \"math\") "
			 "(importspec _ \"os\") (importspec _ \"sync\"))");
	cr_assert_str_eq(parse_ok("import ()\n"), "(file _)");
}

DECL_TEST(const_groups_number_their_specs)
{
	Parsed *p = parse_src("const (\n\tA = iota\n\tB\n\tC, D = 1, 2\n)\nconst E int = 5\n");
	cr_assert_str_eq(p->errs, "");
	cr_assert_str_eq(p->dump, "(file _ (gendecl const (valuespec (names A) _ (values iota)) (valuespec (names B) _ (values)) "
				  "(valuespec (names C D) _ (values 1 2))) (gendecl const (valuespec (names E) int (values 5))))");
	Node *g = p->file->u.file.decls.v[0];
	cr_assert(g->u.gen.grouped);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(g->u.gen.specs.v[i]->u.value.iota, i);
	Node *e = p->file->u.file.decls.v[1];
	cr_assert(!e->u.gen.grouped);
	cr_assert_eq(e->u.gen.specs.v[0]->u.value.iota, 0);
}

DECL_TEST(var_declarations)
{
	cr_assert_str_eq(parse_ok("var (\n\tx, y int\n\tz = 3\n)\nvar a, b = 1, 2\nvar f func(int) (int, error)\n"),
			 "(file _ (gendecl var (valuespec (names x y) int (values)) (valuespec (names z) _ (values 3))) "
			 "(gendecl var (valuespec (names a b) _ (values 1 2))) "
			 "(gendecl var (valuespec (names f) (functype (params (field int)) (results (field int) (field error))) (values))))");
}

DECL_TEST(type_declarations_and_aliases)
{
	cr_assert_str_eq(parse_ok("type (\n\tT int\n\tU = T\n)\ntype F func(a, b int) string\ntype A [N]*T\n"),
			 "(file _ (gendecl type (typespec T int) (typespec U = T)) "
			 "(gendecl type (typespec F (functype (params (field a b int)) (results (field string))))) "
			 "(gendecl type (typespec A (arraytype N (star T)))))");
}

DECL_TEST(struct_types)
{
	cr_assert_str_eq(parse_ok("type S struct {\n\ta, b int \"tag\"\n\tT\n\t*pkg.U\n\tf func(int) bool\n\t_ [4]byte `json:\"-\"`\n}\n"),
			 "(file _ (gendecl type (typespec S (structtype (field a b int \"tag\") (field T embedded) "
			 "(field (star (selector pkg U)) embedded) (field f (functype (params (field int)) (results (field bool)))) "
			 "(field _ (arraytype 4 byte) `json:\"-\"`)))))");
}

DECL_TEST(interface_types)
{
	cr_assert_str_eq(parse_ok("type I interface {\n\tM(int) (string, error)\n\tfmt.Stringer\n\tReader\n}\ntype E interface{}\n"),
			 "(file _ (gendecl type (typespec I (interfacetype (field M (functype (params (field int)) "
			 "(results (field string) (field error)))) (field (selector fmt Stringer) embedded) (field Reader embedded)))) "
			 "(gendecl type (typespec E (interfacetype))))");
}

DECL_TEST(methods)
{
	cr_assert_str_eq(parse_ok("func (s S) V() {}\nfunc (*T) W() {}\nfunc (p *P) M(a, b int, c ...string) (int, error) { return a + b * c, nil }\n"),
			 "(file _ (funcdecl (field s S) V (functype (params) (results)) (block)) "
			 "(funcdecl (field (star T)) W (functype (params) (results)) (block)) "
			 "(funcdecl (field p (star P)) M (functype (params (field a b int) (field c (ellipsis string))) "
			 "(results (field int) (field error))) (block (return (binary + a (binary * b c)) nil))))");
}

DECL_TEST(parameter_grouping)
{
	cr_assert_str_eq(parse_ok("func g(int, string) {}\nfunc h(...int) {}\nfunc k(a, b int, c string) (x, y int) { return }\n"
				  "func t(a int, b int,) {}\nfunc ext(x int) int\n"),
			 "(file _ (funcdecl _ g (functype (params (field int) (field string)) (results)) (block)) "
			 "(funcdecl _ h (functype (params (field (ellipsis int))) (results)) (block)) "
			 "(funcdecl _ k (functype (params (field a b int) (field c string)) (results (field x y int))) (block (return))) "
			 "(funcdecl _ t (functype (params (field a int) (field b int)) (results)) (block)) "
			 "(funcdecl _ ext (functype (params (field x int)) (results (field int))) _))");
	cr_assert_str_eq(parse_ok("func k(f func() (int, error), m map[string][]int, c <-chan *T) {}\n"),
			 "(file _ (funcdecl _ k (functype (params (field f (functype (params) (results (field int) (field error)))) "
			 "(field m (maptype string (slicetype int))) (field c (chantype recv (star T)))) (results)) (block)))");
}

/* ---- positions ------------------------------------------------------------ */

static void assert_node_pos(const Node *n, int line, int col, const char *what)
{
	cr_assert_not_null(n, "%s is NULL", what);
	cr_assert(n->pos.line == line && n->pos.col == col, "%s at %d:%d, want %d:%d", what, n->pos.line, n->pos.col, line,
		  col);
}

DECL_TEST(node_positions)
{
	Parsed *p = parse_src("package main\n\nfunc (t T) f(x int) {\n\ty := g(x) +\n\t\th[2]\n\tif y {\n\t}\n}\n");
	cr_assert_str_eq(p->errs, "");
	Node *fn = p->file->u.file.decls.v[0];
	assert_node_pos(fn, 3, 1, "funcdecl");
	assert_node_pos(fn->u.func.name, 3, 12, "func name");
	assert_node_pos(fn->u.func.recv, 3, 7, "receiver");
	Node *body = fn->u.func.body;
	assert_node_pos(body, 3, 21, "body");
	cr_assert(body->end.line == 8 && body->end.col == 1, "body end %d:%d", body->end.line, body->end.col);
	Node *as = body->u.block.stmts.v[0];
	assert_node_pos(as, 4, 4, "assign (at its operator, as in Go)");
	assert_node_pos(as->u.assign.lhs.v[0], 4, 2, "assigned name");
	Node *sum = as->u.assign.rhs.v[0];
	assert_node_pos(sum, 4, 12, "binary (at its operator, as in Go)");
	assert_node_pos(sum->u.op.y->u.index.x, 5, 3, "indexed name");
	assert_node_pos(sum->u.op.y->u.index.index, 5, 5, "index literal");
	assert_node_pos(body->u.block.stmts.v[1], 6, 2, "if");
}

/* ---- syntax errors ------------------------------------------------------- */

ERR_TEST(missing_expression)
{
	EXPECT_ERRS("func f() { x := }", "1:17: syntax error: unexpected }, expecting expression\n");
	EXPECT_ERRS("func f() {\n\tx := 1 +\n}\n", "3:1: syntax error: unexpected }, expecting expression\n");
	EXPECT_ERRS("func f() { return 1, }", "1:22: syntax error: unexpected }, expecting expression\n");
	EXPECT_ERRS("func f() { x := []int{...} }", "1:23: syntax error: unexpected ..., expecting expression\n");
}

ERR_TEST(unexpected_eof)
{
	EXPECT_ERRS("func f() { if x { }", "1:20: syntax error: unexpected EOF, expecting }\n");
	EXPECT_ERRS("var x = func() {", "1:17: syntax error: unexpected EOF, expecting }\n");
	EXPECT_ERRS("var x int = ", "1:13: syntax error: unexpected EOF, expecting expression\n");
}

ERR_TEST(trailing_tokens_at_end_of_statement)
{
	EXPECT_ERRS("func f() { var x = 1 2 }", "1:22: syntax error: unexpected literal 2 at end of statement\n");
	EXPECT_ERRS("func f() { x = 1 = 2 }", "1:18: syntax error: unexpected = at end of statement\n");
	EXPECT_ERRS("func f() {\n\tx := 1\n\ty := x++\n}\n", "3:8: syntax error: unexpected ++ at end of statement\n");
}

ERR_TEST(only_one_syntax_error_per_line)
{
	EXPECT_ERRS("func main() {\n\tx := (1 + ) + (2 + )\n}\n", "2:12: syntax error: unexpected ), expecting expression\n");
}

ERR_TEST(bad_assignments)
{
	EXPECT_ERRS("func f() { a, b += 1, 2 }", "1:17: syntax error: unexpected +=, expecting := or = or comma\n");
	EXPECT_ERRS("func f() {\n\tx := true\n\tx &&= false\n}\n", "3:6: syntax error: unexpected =, expecting expression\n");
}

ERR_TEST(statements_used_as_values)
{
	EXPECT_ERRS("func f() { if x := 1 {} }", "1:17: syntax error: cannot use x := 1 as value\n");
	EXPECT_ERRS("func f() { switch x := 1 {} }", "1:21: syntax error: cannot use x := 1 as value\n");
	EXPECT_ERRS("func f() { for i := 0; i < 3; i := i + 1 {} }",
		    "1:33: syntax error: cannot declare in post statement of for loop\n");
}

ERR_TEST(go_and_defer_need_calls)
{
	EXPECT_ERRS("func main() {\n\tdefer recover\n}\n", "2:8: expression in defer must be function call\n");
	EXPECT_ERRS("func f() { defer (f()) }", "1:18: expression in defer must not be parenthesized\n");
	EXPECT_ERRS("func f() { go (f()) }", "1:15: expression in go must not be parenthesized\n");
}

ERR_TEST(else_and_case_placement)
{
	EXPECT_ERRS("func f() { x := 1; if x == 1 { } else x = 2 }",
		    "1:39: syntax error: else must be followed by if or statement block\n");
	EXPECT_ERRS("func f() { case 1: }", "1:12: syntax error: unexpected case, expecting }\n");
	EXPECT_ERRS("func f() { break; continue; goto }", "1:34: syntax error: unexpected }, expecting name\n");
}

ERR_TEST(missing_commas_and_separators)
{
	EXPECT_ERRS("func f() { m := map[string]int{\"a\": 1 \"b\": 2} }",
		    "1:39: syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }\n");
	EXPECT_ERRS("type T struct { a int, b int }",
		    "1:22: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n");
	EXPECT_ERRS("type I interface { M(); N() int; x int }",
		    "1:36: syntax error: unexpected int in interface type; possibly missing semicolon or newline or }\n");
	EXPECT_ERRS("func f(a int b int) {\n}\n",
		    "1:14: syntax error: unexpected b in parameter list; possibly missing comma or )\n");
}

ERR_TEST(brace_on_next_line)
{
	EXPECT_ERRS("func f()\n{\n}", "2:1: syntax error: unexpected semicolon or newline before {\n");
	EXPECT_ERRS("func f() { for i := 0; i < 10; i++\n{\n} }",
		    "1:35: syntax error: unexpected newline, expecting { after for clause\n");
}

ERR_TEST(statements_outside_functions)
{
	EXPECT_ERRS("x := 1\n\nfunc main() {\n}\n", "1:1: syntax error: non-declaration statement outside function body\n");
	EXPECT_ERRS("var x = 1\nx := 2\nvar y = 3\n", "2:1: syntax error: non-declaration statement outside function body\n");
	EXPECT_ERRS("func main() {\n}\n}\n", "3:1: syntax error: non-declaration statement outside function body\n");
}

ERR_TEST(method_receivers)
{
	EXPECT_ERRS("func (a, b T) M() {}", "1:15: method has multiple receivers\n");
	EXPECT_ERRS("func () M() {}", "1:9: method has no receiver\n");
}

ERR_TEST(select_case_of_any_simple_statement_parses)
{
	/* a case that is neither send nor receive is the type checker's
	 * error, as in Go (tests/golden/seq/checkerrs) */
	EXPECT_ERRS("func f() { select { case x + 1: } }", "");
}

ERR_TEST(generics_are_rejected_by_gol)
{
	EXPECT_ERRS("func f[T any](x T) {}", "1:7: gol: generics are not supported yet\n");
	EXPECT_ERRS("type L[T any] []T", "1:7: gol: generics are not supported yet\n");
}

ERR_TEST(lexical_and_syntax_errors_together)
{
	EXPECT_ERRS("func main() {\n\tx := 1 @ 2\n}\n",
		    "2:9: invalid character U+0040 '@'\n2:11: syntax error: unexpected literal 2 at end of statement\n");
}

ERR_TEST(tree_is_returned_after_errors)
{
	Parsed *p = parse_src("func f() { x := }\nfunc g() {}\n");
	cr_assert_str_eq(p->errs, "1:17: syntax error: unexpected }, expecting expression\n");
	cr_assert_not_null(strstr(p->dump, "(funcdecl _ g (functype (params) (results)) (block))"), "dump: %s", p->dump);
}

ERR_TEST(error_count_is_capped)
{
	TuBuf b = {0};
	tu_puts(&b, "func f() {\n");
	for (int i = 0; i < 15; i++)
		tu_puts(&b, "\tx := @\n");
	tu_puts(&b, "}\n");
	Parsed *p = parse_src(tu_str(&b));
	cr_assert_eq(diag_count(&p->diag), DIAG_MAX_ERRORS);
	cr_assert_gt(p->diag.total, DIAG_MAX_ERRORS);
}

/* ---- nesting limit ---------------------------------------------------------- */

/* "var x = " + n opening parens + "1" + n closing parens. */
static const char *nested_parens(int n)
{
	TuBuf b = {0};
	tu_puts(&b, "var x = ");
	for (int i = 0; i < n; i++)
		tu_put(&b, "(", 1);
	tu_put(&b, "1", 1);
	for (int i = 0; i < n; i++)
		tu_put(&b, ")", 1);
	tu_puts(&b, "\n");
	return tu_str(&b);
}

ERR_TEST(deep_nesting_is_an_error_not_a_crash)
{
	Parsed *p = parse_src(nested_parens(100000));
	cr_assert_eq(diag_count(&p->diag), 1, "errors: %s", p->errs);
	cr_assert_not_null(strstr(p->diag.v[0].msg, "too deeply nested"), "message: %s", p->diag.v[0].msg);
	cr_assert_eq(p->diag.v[0].pos.line, 1);
}

ERR_TEST(nesting_below_the_limit_parses)
{
	Parsed *p = parse_src(nested_parens(PARSE_MAX_NESTING - 1));
	cr_assert_str_eq(p->errs, "");
}

ERR_TEST(deep_blocks_and_unary_chains_are_errors)
{
	TuBuf b = {0};
	tu_puts(&b, "func f() {\n");
	for (int i = 0; i < 100000; i++)
		tu_puts(&b, "{");
	for (int i = 0; i < 100000; i++)
		tu_puts(&b, "}");
	tu_puts(&b, "\n}\n");
	Parsed *blocks = parse_src(tu_str(&b));
	cr_assert_geq(diag_count(&blocks->diag), 1);
	cr_assert_not_null(strstr(blocks->diag.v[0].msg, "too deeply nested"), "message: %s", blocks->diag.v[0].msg);

	TuBuf u = {0};
	tu_puts(&u, "var x = ");
	for (int i = 0; i < 100000; i++)
		tu_puts(&u, "!");
	tu_puts(&u, "true\n");
	Parsed *unary = parse_src(tu_str(&u));
	cr_assert_geq(diag_count(&unary->diag), 1);
	cr_assert_not_null(strstr(unary->diag.v[0].msg, "too deeply nested"), "message: %s", unary->diag.v[0].msg);
}
