/*
 * test_lexer.c — unit tests for the lexer (grammar/lexer.re): token kinds
 * and operator codes, positions, automatic semicolons, literal values and
 * the lexical error messages. Expected messages and positions are Go's
 * (checked against `go build` of go1.19).
 */
#include "test_util.h"

#define LTEST(name) Test(lexer, name, .init = gc_setup)

/* The single token that text lexes to (a trailing ';' from semicolon
 * insertion is allowed after it). */
static const Token *one_token(const char *text)
{
	Lexed *lx = lex(text);
	cr_assert_str_eq(errs_str(&lx->diag), "", "errors lexing %s", text);
	cr_assert(lx->n == 1 || (lx->n == 2 && lx->v[1].kind == ';'), "%s lexes to %d tokens: %s", text, lx->n,
		  toks_str(lx));
	cr_assert_eq(lx->v[0].len, strlen(text), "%s: token length %zu", text, lx->v[0].len);
	return &lx->v[0];
}

/* The decoded value of the string literal text. */
static Str string_value(const char *text)
{
	const Token *t = one_token(text);
	cr_assert_eq(t->kind, STRING, "%s is not a STRING", text);
	cr_assert_not_null(t->node);
	cr_assert_eq(t->node->u.lit.kind, LIT_STRING);
	return t->node->u.lit.val;
}

static void assert_bytes(Str got, const char *want, size_t n, const char *what)
{
	cr_assert_eq(got.len, n, "%s: length %zu, want %zu", what, got.len, n);
	cr_assert(memcmp(got.s, want, n) == 0, "%s: bytes differ", what);
}

/* ---- token kinds -------------------------------------------------------- */

LTEST(all_keywords)
{
	static const struct { const char *text; int kind; } kw[] = {
		{"break", BREAK}, {"case", CASE}, {"chan", CHAN}, {"const", CONST},
		{"continue", CONTINUE}, {"default", DEFAULT}, {"defer", DEFER}, {"else", ELSE},
		{"fallthrough", FALLTHROUGH}, {"for", FOR}, {"func", FUNC}, {"go", GO},
		{"goto", GOTO}, {"if", IF}, {"import", IMPORT}, {"interface", INTERFACE},
		{"map", MAP}, {"package", PACKAGE}, {"range", RANGE}, {"return", RETURN},
		{"select", SELECT}, {"struct", STRUCT}, {"switch", SWITCH}, {"type", TYPE},
		{"var", VAR},
	};
	cr_assert_eq(sizeof kw / sizeof *kw, 25);
	for (size_t i = 0; i < sizeof kw / sizeof *kw; i++) {
		const Token *t = one_token(kw[i].text);
		cr_assert_eq(t->kind, kw[i].kind, "%s: kind %s", kw[i].text, tok_kind_name(t->kind));
		cr_assert_null(t->node, "%s carries a node", kw[i].text);
	}
}

LTEST(keyword_prefixes_are_identifiers)
{
	Lexed *lx = lex("breaks formula gox _if iff Func typeOf");
	cr_assert_str_eq(kinds_str(lx), "IDENT IDENT IDENT IDENT IDENT IDENT IDENT ';'");
	cr_assert_str_eq(lx->v[1].node->u.ident.name, "formula");
	cr_assert_str_eq(lx->v[6].node->u.ident.name, "typeOf");
}

LTEST(operators_with_op_codes)
{
	static const struct { const char *text; int kind; Op op; } ops[] = {
		{"+", '+', OP_ADD}, {"-", '-', OP_SUB}, {"*", '*', OP_MUL}, {"/", '/', OP_DIV},
		{"%", '%', OP_REM}, {"&", '&', OP_AND}, {"|", '|', OP_OR}, {"^", '^', OP_XOR},
		{"<<", SHL, OP_SHL}, {">>", SHR, OP_SHR}, {"&^", ANDNOT, OP_ANDNOT},
		{"&&", ANDAND, OP_ANDAND}, {"||", OROR, OP_OROR}, {"<-", ARROW, OP_RECV},
		{"==", EQ, OP_EQ}, {"!=", NE, OP_NE}, {"<", '<', OP_LT}, {"<=", LE, OP_LE},
		{">", '>', OP_GT}, {">=", GE, OP_GE}, {"!", '!', OP_NOT}, {"~", '~', OP_TILDE},
	};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		const Token *t = one_token(ops[i].text);
		cr_assert_eq(t->kind, ops[i].kind, "%s: kind %s", ops[i].text, tok_kind_name(t->kind));
		cr_assert_eq(t->op, ops[i].op, "%s: op %s", ops[i].text, op_text(t->op));
	}
}

LTEST(assign_op_tokens_carry_their_operator)
{
	static const struct { const char *text; Op op; } ops[] = {
		{"+=", OP_ADD}, {"-=", OP_SUB}, {"*=", OP_MUL}, {"/=", OP_DIV}, {"%=", OP_REM},
		{"&=", OP_AND}, {"|=", OP_OR}, {"^=", OP_XOR}, {"<<=", OP_SHL}, {">>=", OP_SHR},
		{"&^=", OP_ANDNOT},
	};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		const Token *t = one_token(ops[i].text);
		cr_assert_eq(t->kind, ASSIGNOP, "%s: kind %s", ops[i].text, tok_kind_name(t->kind));
		cr_assert_eq(t->op, ops[i].op, "%s: op %s", ops[i].text, op_text(t->op));
	}
}

LTEST(inc_dec_and_punctuation)
{
	static const struct { const char *text; int kind; Op op; } ops[] = {
		{"++", INC, OP_ADD}, {"--", DEC, OP_SUB}, {"=", '=', OP_NONE}, {":=", DEFINE, OP_NONE},
		{"...", ELLIPSIS, OP_NONE}, {"(", '(', OP_NONE}, {")", ')', OP_NONE},
		{"[", '[', OP_NONE}, {"]", ']', OP_NONE}, {"{", '{', OP_NONE}, {"}", '}', OP_NONE},
		{",", ',', OP_NONE}, {".", '.', OP_NONE}, {":", ':', OP_NONE},
	};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		const Token *t = one_token(ops[i].text);
		cr_assert_eq(t->kind, ops[i].kind, "%s: kind %s", ops[i].text, tok_kind_name(t->kind));
		cr_assert_eq(t->op, ops[i].op, "%s: op %s", ops[i].text, op_text(t->op));
	}
	const Token *semi = one_token(";");
	cr_assert_eq(semi->kind, ';');
	cr_assert_str_eq(semi->semi, "semicolon");
}

LTEST(longest_match)
{
	Lexed *lx = lex("a&^=b<<=c...d&&^e<-<-f---g..h");
	cr_assert_str_eq(toks_str(lx), "a &^= b <<= c ... d && ^ e <- <- f -- - g . . h ;/EOF");
	cr_assert_str_eq(kinds_str(lx), "IDENT ASSIGNOP IDENT ASSIGNOP IDENT ELLIPSIS IDENT ANDAND '^' IDENT "
					"ARROW ARROW IDENT DEC '-' IDENT '.' '.' IDENT ';'");
}

LTEST(identifiers)
{
	Lexed *lx = lex("_ _x9 x_y αβ 世界 x٣");
	cr_assert_str_eq(errs_str(&lx->diag), "");
	cr_assert_str_eq(kinds_str(lx), "IDENT IDENT IDENT IDENT IDENT IDENT ';'");
	static const char *const names[] = {"_", "_x9", "x_y", "αβ", "世界", "x٣"};
	for (int i = 0; i < 6; i++) {
		cr_assert_eq(lx->v[i].node->kind, N_IDENT);
		cr_assert_str_eq(lx->v[i].node->u.ident.name, names[i]);
		cr_assert_eq(lx->v[i].node->pos.line, lx->v[i].pos.line);
		cr_assert_eq(lx->v[i].node->pos.col, lx->v[i].pos.col);
	}
}

LTEST(literal_kinds)
{
	Lexed *lx = lex("42 3.14 2i 'x' \"s\" `r`");
	cr_assert_str_eq(kinds_str(lx), "INT FLOAT IMAG RUNE STRING STRING ';'");
	static const LitKind kinds[] = {LIT_INT, LIT_FLOAT, LIT_IMAG, LIT_RUNE, LIT_STRING, LIT_STRING};
	static const char *const texts[] = {"42", "3.14", "2i", "'x'", "\"s\"", "`r`"};
	for (int i = 0; i < 6; i++) {
		Node *n = lx->v[i].node;
		cr_assert_not_null(n);
		cr_assert_eq(n->kind, N_BASICLIT);
		cr_assert_eq(n->u.lit.kind, kinds[i], "literal %d kind %d", i, n->u.lit.kind);
		cr_assert_str_eq(n->u.lit.text, texts[i]);
	}
}

LTEST(integer_literal_forms)
{
	static const char *const ints[] = {"0", "42", "0x1F", "0XaB", "0x_FF", "0o17", "0O7",
					   "017", "0b101", "0B1", "1_000_000", "0_7"};
	for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
		const Token *t = one_token(ints[i]);
		cr_assert_eq(t->kind, INT, "%s: kind %s", ints[i], tok_kind_name(t->kind));
		cr_assert_str_eq(t->node->u.lit.text, ints[i]);
	}
}

LTEST(float_literal_forms)
{
	static const char *const floats[] = {"1.5", ".5", "1.", "0.", "1e10", "1E-3", "6.02e+23",
					     "0x1p-2", "0X1.8P1", "0x.8p0", "0x1_0p4", "1_0.2_5", "089.5", "09e1"};
	for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
		const Token *t = one_token(floats[i]);
		cr_assert_eq(t->kind, FLOAT, "%s: kind %s", floats[i], tok_kind_name(t->kind));
		cr_assert_str_eq(t->node->u.lit.text, floats[i]);
	}
}

LTEST(imaginary_literal_forms)
{
	static const char *const imags[] = {"2i", "0i", "1.5i", ".5i", "1e3i", "012i", "0b1i",
					    "0o7i", "0x1Fi", "0x1p2i"};
	for (size_t i = 0; i < sizeof imags / sizeof *imags; i++) {
		const Token *t = one_token(imags[i]);
		cr_assert_eq(t->kind, IMAG, "%s: kind %s", imags[i], tok_kind_name(t->kind));
		cr_assert_str_eq(t->node->u.lit.text, imags[i]);
	}
}

LTEST(number_followed_by_dot_and_name)
{
	Lexed *lx = lex("x.y 1.e2 a.5 1..");
	cr_assert_str_eq(toks_str(lx), "x . y 1.e2 a .5 1. .");
	cr_assert_str_eq(kinds_str(lx), "IDENT '.' IDENT FLOAT IDENT FLOAT FLOAT '.'");
}

/* ---- positions ---------------------------------------------------------- */

static void assert_pos(const Token *t, int line, int col)
{
	cr_assert(t->pos.line == line && t->pos.col == col, "token %s at %d:%d, want %d:%d", tok_str(t),
		  t->pos.line, t->pos.col, line, col);
}

LTEST(positions_lines_and_columns)
{
	Lexed *lx = lex("a\n  bb +\n\tc");
	cr_assert_str_eq(toks_str(lx), "a ;/newline bb + c ;/EOF");
	assert_pos(&lx->v[0], 1, 1);
	assert_pos(&lx->v[1], 1, 2);
	assert_pos(&lx->v[2], 2, 3);
	assert_pos(&lx->v[3], 2, 6);
	assert_pos(&lx->v[4], 3, 2); /* a tab is one byte */
	assert_pos(&lx->v[5], 3, 3);
}

LTEST(positions_count_bytes_of_utf8)
{
	Lexed *lx = lex("αβ := \"é\"; 世 x");
	cr_assert_str_eq(toks_str(lx), "αβ := \"é\" ;/semicolon 世 x ;/EOF");
	assert_pos(&lx->v[0], 1, 1);
	cr_assert_eq(lx->v[0].len, 4);
	assert_pos(&lx->v[1], 1, 6);
	assert_pos(&lx->v[2], 1, 9);
	assert_pos(&lx->v[3], 1, 13);
	assert_pos(&lx->v[4], 1, 15);
	assert_pos(&lx->v[5], 1, 19);
	assert_pos(&lx->v[6], 1, 20);
}

LTEST(positions_after_multiline_tokens)
{
	Lexed *lx = lex("`a\nbc` x /* \n\n */ y\n z");
	cr_assert_str_eq(toks_str(lx), "`a\nbc` x ;/newline y ;/newline z ;/EOF");
	assert_pos(&lx->v[0], 1, 1);
	assert_pos(&lx->v[1], 2, 5);
	assert_pos(&lx->v[2], 2, 7);
	assert_pos(&lx->v[3], 4, 5);
	assert_pos(&lx->v[4], 4, 6);
	assert_pos(&lx->v[5], 5, 2);
	assert_pos(&lx->v[6], 5, 3);
}

LTEST(literal_node_position_matches_token)
{
	Lexed *lx = lex("f(\n\t\"s\", 10)");
	cr_assert_str_eq(toks_str(lx), "f ( \"s\" , 10 ) ;/EOF");
	cr_assert_eq(lx->v[2].node->pos.line, 2);
	cr_assert_eq(lx->v[2].node->pos.col, 2);
	cr_assert_eq(lx->v[4].node->pos.line, 2);
	cr_assert_eq(lx->v[4].node->pos.col, 7);
}

/* ---- automatic semicolons ------------------------------------------------ */

LTEST(semicolon_after_names_and_literals)
{
	Lexed *lx = lex("x\n1\n1.5\n1i\n'a'\n\"s\"\n`r`\n");
	cr_assert_str_eq(toks_str(lx), "x ;/newline 1 ;/newline 1.5 ;/newline 1i ;/newline 'a' ;/newline "
				       "\"s\" ;/newline `r` ;/newline");
}

LTEST(semicolon_after_closing_brackets)
{
	Lexed *lx = lex("f()\na[i]\nT{}\n)\n]\n}\n");
	cr_assert_str_eq(toks_str(lx), "f ( ) ;/newline a [ i ] ;/newline T { } ;/newline ) ;/newline ] ;/newline "
				       "} ;/newline");
}

LTEST(semicolon_after_inc_dec)
{
	Lexed *lx = lex("x++\ny--\n");
	cr_assert_str_eq(toks_str(lx), "x ++ ;/newline y -- ;/newline");
}

LTEST(semicolon_after_terminating_keywords)
{
	Lexed *lx = lex("return\nbreak\ncontinue\nfallthrough\nbreak L\n");
	cr_assert_str_eq(toks_str(lx), "return ;/newline break ;/newline continue ;/newline fallthrough ;/newline "
				       "break L ;/newline");
}

LTEST(no_semicolon_after_operators_or_open_brace)
{
	Lexed *lx = lex("a +\nb *\nc ==\nd ,\ne (\nf [\ng {\nh :=\ni .\nj &&\nk <-\nl =\nm {\n");
	cr_assert_str_eq(toks_str(lx), "a + b * c == d , e ( f [ g { h := i . j && k <- l = m {");
}

LTEST(no_semicolon_after_other_keywords)
{
	Lexed *lx = lex("func\nvar\nif\nfor\nelse\ngo\ndefer\nchan\nmap\nstruct\ntype\nx\n");
	cr_assert_str_eq(toks_str(lx), "func var if for else go defer chan map struct type x ;/newline");
}

LTEST(semicolon_at_eof)
{
	Lexed *lx = lex("x  ");
	cr_assert_str_eq(toks_str(lx), "x ;/EOF");
	assert_pos(&lx->v[1], 1, 4);
	cr_assert_eq(lx->v[1].kind, ';');
	cr_assert_str_eq(token_describe(&lx->v[1]), "EOF");

	Lexed *nl = lex("x\n");
	cr_assert_str_eq(toks_str(nl), "x ;/newline"); /* no second one at EOF */

	Lexed *op = lex("x +");
	cr_assert_str_eq(toks_str(op), "x +");
	cr_assert_eq(op->end.kind, 0);
}

LTEST(end_token_repeats)
{
	SrcFile src = tu_src("x", 1);
	Diag d;
	diag_init(&d, "t");
	Lexer l;
	lexer_init(&l, &src, &d);
	Token t;
	lexer_next(&l, &t);
	cr_assert_eq(t.kind, IDENT);
	lexer_next(&l, &t);
	cr_assert_eq(t.kind, ';');
	for (int i = 0; i < 3; i++) {
		lexer_next(&l, &t);
		cr_assert_eq(t.kind, 0);
	}
}

LTEST(explicit_semicolons)
{
	Lexed *lx = lex("a; b;c");
	cr_assert_str_eq(toks_str(lx), "a ;/semicolon b ;/semicolon c ;/EOF");
	assert_pos(&lx->v[1], 1, 2);
	assert_pos(&lx->v[3], 1, 5);
}

LTEST(semicolon_is_at_the_newline)
{
	Lexed *lx = lex("foo  \nbar\t\r\nbaz");
	cr_assert_str_eq(toks_str(lx), "foo ;/newline bar ;/newline baz ;/EOF");
	assert_pos(&lx->v[1], 1, 6);
	assert_pos(&lx->v[3], 2, 6); /* \r is white space; the ';' is the \n */
	assert_pos(&lx->v[4], 3, 1);
}

LTEST(multiline_block_comment_acts_as_newline)
{
	Lexed *lx = lex("x /* a\nb */ y");
	cr_assert_str_eq(toks_str(lx), "x ;/newline y ;/EOF");
	assert_pos(&lx->v[1], 1, 3); /* at the comment's start */
	assert_pos(&lx->v[2], 2, 6);
}

LTEST(single_line_block_comment_is_white_space)
{
	Lexed *lx = lex("x /* c */ y /**/\nz");
	cr_assert_str_eq(toks_str(lx), "x y ;/newline z ;/EOF");
	assert_pos(&lx->v[1], 1, 11);
	assert_pos(&lx->v[2], 1, 17);
}

LTEST(multiline_block_comment_after_operator_is_not_a_semicolon)
{
	Lexed *lx = lex("x + /*\n*/ y");
	cr_assert_str_eq(toks_str(lx), "x + y ;/EOF");
	assert_pos(&lx->v[2], 2, 4);
}

LTEST(line_comment_keeps_the_newline_semicolon)
{
	Lexed *lx = lex("x // c /* d\ny // e");
	cr_assert_str_eq(toks_str(lx), "x ;/newline y ;/EOF");
	assert_pos(&lx->v[1], 1, 12); /* the newline after the comment */
	assert_pos(&lx->v[2], 2, 1);
	assert_pos(&lx->v[3], 2, 7); /* EOF, after the comment */
}

LTEST(token_describe_names)
{
	Lexed *lx = lex("x 42 \"s\" , { func;\n)\n");
	cr_assert_str_eq(toks_str(lx), "x 42 \"s\" , { func ;/semicolon ) ;/newline");
	cr_assert_str_eq(token_describe(&lx->v[0]), "x");
	cr_assert_str_eq(token_describe(&lx->v[1]), "literal 42");
	cr_assert_str_eq(token_describe(&lx->v[2]), "literal \"s\"");
	cr_assert_str_eq(token_describe(&lx->v[3]), "comma");
	cr_assert_str_eq(token_describe(&lx->v[4]), "{");
	cr_assert_str_eq(token_describe(&lx->v[5]), "func");
	cr_assert_str_eq(token_describe(&lx->v[6]), "semicolon");
	cr_assert_str_eq(token_describe(&lx->v[8]), "newline");
	cr_assert_str_eq(token_describe(&lx->end), "EOF");
}

/* ---- literal values ------------------------------------------------------ */

LTEST(string_simple_escapes)
{
	Str v = string_value("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"");
	assert_bytes(v, "\a\b\f\n\r\t\v\\\"", 9, "simple escapes");
}

LTEST(string_hex_and_octal_escapes_are_bytes)
{
	Str v = string_value("\"\\x41\\x7a\\xFF\\101\\000\\377\"");
	assert_bytes(v, "Az\xff" "A\0\xff", 6, "hex and octal escapes");
}

LTEST(string_unicode_escapes_are_utf8)
{
	Str v = string_value("\"\\u00e9\\u4E16\\U0001F600\\u0041\"");
	assert_bytes(v, "\xc3\xa9\xe4\xb8\x96\xf0\x9f\x98\x80" "A", 10, "unicode escapes");
}

LTEST(string_utf8_and_empty)
{
	assert_bytes(string_value("\"héllo, 世界\""), "héllo, 世界", strlen("héllo, 世界"), "utf8");
	assert_bytes(string_value("\"\""), "", 0, "empty");
	assert_bytes(string_value("``"), "", 0, "empty raw");
	assert_bytes(string_value("\"it's\""), "it's", 4, "quote");
}

LTEST(raw_string_is_literal_and_drops_carriage_returns)
{
	const char *text = "`a\\nb\r\nc\\u0041\"\r`";
	Str v = string_value(text);
	assert_bytes(v, "a\\nb\nc\\u0041\"", 13, "raw");
	const Token *t = one_token(text);
	cr_assert_str_eq(t->node->u.lit.text, text); /* the text keeps the \r */
}

LTEST(rune_values)
{
	static const struct { const char *text; int32_t val; } runes[] = {
		{"'a'", 'a'}, {"'é'", 0xE9}, {"'世'", 0x4E16}, {"'😀'", 0x1F600}, {"'\\n'", '\n'},
		{"'\\''", '\''}, {"'\\\\'", '\\'}, {"'\\a'", 7}, {"'\\v'", 11}, {"'\\x41'", 0x41},
		{"'\\xff'", 0xFF}, {"'\\101'", 0101}, {"'\\000'", 0}, {"'\\377'", 0377},
		{"'\\u4e16'", 0x4E16}, {"'\\U0001F600'", 0x1F600}, {"'\"'", '"'},
	};
	for (size_t i = 0; i < sizeof runes / sizeof *runes; i++) {
		const Token *t = one_token(runes[i].text);
		cr_assert_eq(t->kind, RUNE, "%s: kind %s", runes[i].text, tok_kind_name(t->kind));
		cr_assert_eq(t->node->u.lit.kind, LIT_RUNE);
		cr_assert_eq(t->node->u.lit.rune, runes[i].val, "%s: value %d, want %d", runes[i].text,
			     t->node->u.lit.rune, runes[i].val);
		cr_assert_str_eq(t->node->u.lit.text, runes[i].text);
	}
}

/* ---- lexical errors ------------------------------------------------------ */

/* The errors lexing text, as "LINE:COL: msg\n" lines. */
static const char *lex_errs(const char *text)
{
	return errs_str(&lex(text)->diag);
}

LTEST(error_newline_in_string)
{
	Lexed *lx = lex("x := \"abc\ny");
	cr_assert_str_eq(errs_str(&lx->diag), "1:10: newline in string\n");
	cr_assert_str_eq(toks_str(lx), "x := \"abc ;/newline y ;/EOF");
}

LTEST(error_invalid_character)
{
	Lexed *lx = lex("x := @1 ? #");
	cr_assert_str_eq(errs_str(&lx->diag), "1:6: invalid character U+0040 '@'\n"
					      "1:9: invalid character U+003F '?'\n"
					      "1:11: invalid character U+0023 '#'\n");
	cr_assert_str_eq(toks_str(lx), "x := 1 ;/EOF");
}

LTEST(error_comment_not_terminated)
{
	Lexed *lx = lex("x\n  /* abc\n def");
	cr_assert_str_eq(errs_str(&lx->diag), "2:3: comment not terminated\n");
	cr_assert_str_eq(toks_str(lx), "x ;/newline");
}

LTEST(error_strings_not_terminated)
{
	cr_assert_str_eq(lex_errs("x = \"abc"), "1:5: string not terminated\n");
	cr_assert_str_eq(lex_errs("x = `abc\n\n"), "1:5: string not terminated\n");
}

LTEST(error_rune_literals)
{
	cr_assert_str_eq(lex_errs("x = ''"), "1:6: empty rune literal or unescaped '\n");
	cr_assert_str_eq(lex_errs("x = 'ab'"), "1:5: more than one character in rune literal\n");
	cr_assert_str_eq(lex_errs("x = 'a\n"), "1:7: newline in rune literal\n");
	cr_assert_str_eq(lex_errs("x = 'a"), "1:5: rune literal not terminated\n");
}

LTEST(error_unknown_escapes)
{
	cr_assert_str_eq(lex_errs("\"bad \\q\""), "1:7: unknown escape\n");
	cr_assert_str_eq(lex_errs("\"it\\'s\""), "1:5: unknown escape\n");
	cr_assert_str_eq(lex_errs("'\\\"'"), "1:3: unknown escape\n");
}

LTEST(error_malformed_numeric_escapes)
{
	cr_assert_str_eq(lex_errs("\"\\x4\""), "1:5: invalid character '\"' in hexadecimal escape\n");
	cr_assert_str_eq(lex_errs("'\\u12'"), "1:6: invalid character '\\'' in hexadecimal escape\n");
	cr_assert_str_eq(lex_errs("\"\\18\""), "1:4: invalid character '8' in octal escape\n");
	cr_assert_str_eq(lex_errs("\"\\400\""), "1:6: octal escape value 256 > 255\n");
	cr_assert_str_eq(lex_errs("'\\ud800'"), "1:8: escape is invalid Unicode code point U+D800\n");
	cr_assert_str_eq(lex_errs("\"\\U00110000\""), "1:12: escape is invalid Unicode code point U+110000\n");
}

LTEST(error_number_literals)
{
	cr_assert_str_eq(lex_errs("0x"), "1:3: hexadecimal literal has no digits\n");
	cr_assert_str_eq(lex_errs("0b"), "1:3: binary literal has no digits\n");
	cr_assert_str_eq(lex_errs("0b102"), "1:5: invalid digit '2' in binary literal\n");
	cr_assert_str_eq(lex_errs("0o78"), "1:4: invalid digit '8' in octal literal\n");
	cr_assert_str_eq(lex_errs("0789"), "1:3: invalid digit '8' in octal literal\n");
	cr_assert_str_eq(lex_errs("1e"), "1:3: exponent has no digits\n");
	cr_assert_str_eq(lex_errs("2.5e+"), "1:6: exponent has no digits\n");
	cr_assert_str_eq(lex_errs("0x1.8"), "1:6: hexadecimal mantissa requires a 'p' exponent\n");
	cr_assert_str_eq(lex_errs("1p5"), "1:2: 'p' exponent requires hexadecimal mantissa\n");
	cr_assert_str_eq(lex_errs("0x1e3"), ""); /* a hex digit, not an exponent */
	cr_assert_str_eq(lex_errs("0o1.2"), "1:4: invalid radix point in octal literal\n");
}

LTEST(error_digit_separators)
{
	cr_assert_str_eq(lex_errs("1_"), "1:2: '_' must separate successive digits\n");
	cr_assert_str_eq(lex_errs("1__0"), "1:3: '_' must separate successive digits\n");
	cr_assert_str_eq(lex_errs("0_x1"), "1:2: '_' must separate successive digits\n");
	cr_assert_str_eq(lex_errs("0x_1_f"), "");
}

LTEST(error_nul_and_invalid_utf8)
{
	Lexed *nul = lex_n("a \0 b\n\"x\0\"", 10);
	cr_assert_str_eq(errs_str(&nul->diag), "1:3: invalid NUL character\n2:3: invalid NUL character\n");
	cr_assert_str_eq(kinds_str(nul), "IDENT IDENT ';' STRING ';'");
	cr_assert_str_eq(lex_errs("x := \"\xff\"\n// \xc3\n"), "1:7: invalid UTF-8 encoding\n2:4: invalid UTF-8 encoding\n");
}

LTEST(byte_order_marks)
{
	Lexed *lx = lex("\xEF\xBB\xBFx");
	cr_assert_str_eq(errs_str(&lx->diag), "");
	cr_assert_str_eq(toks_str(lx), "x ;/EOF");
	assert_pos(&lx->v[0], 1, 4); /* the BOM's bytes count */
	cr_assert_str_eq(lex_errs("\xEF\xBB\xBF@"), "1:4: invalid character U+0040 '@'\n");
	cr_assert_str_eq(lex_errs("x \xEF\xBB\xBF"), "1:3: invalid BOM in the middle of the file\n");
}

LTEST(error_identifiers)
{
	cr_assert_str_eq(lex_errs("price€ = 3"), "1:6: invalid character U+20AC '€' in identifier\n");
	cr_assert_str_eq(lex_errs("٣x = 3"), "1:1: identifier cannot begin with digit U+0663 '٣'\n");
}

/* Go's compiler stops at its tenth error and says so, even when no more
 * errors would have followed. */
LTEST(diag_too_many_errors_at_ten)
{
	for (int n = 9; n <= 11; n++) {
		Diag d;
		diag_init(&d, "t");
		for (int i = 0; i < n; i++)
			diag_errorf(&d, (Pos){i + 1, 1}, "e%d", i);
		char buf[1024] = "";
		FILE *f = fmemopen(buf, sizeof buf, "w");
		diag_print(&d, f);
		fclose(f);
		cr_assert_eq(strstr(buf, "t:10:1: e9\nt:10:1: too many errors\n") != NULL, n >= 10, "%d errors:\n%s", n, buf);
	}
}
