#!/usr/bin/env python3
"""Write a realistic, deterministic gol program for the parse benchmark.

Usage: gen_parse_input.py OUTPUT [--lines N] [--seed S]

The program is N lines long (default 100,000) and is valid Go syntax as
well: its first line is `package main`, so `gofmt` parses the same file.
It is only meant to be parsed, not run or type-checked: names are made up
freely. It mixes what real programs contain: struct and interface types,
methods with value and pointer receivers, loops of every form, if/else
chains, expression and type switches, select, composite literals,
closures, defer/go, comments (line and block) and string/rune literals.
"""

import argparse
import random

WORDS = ("alpha beta gamma delta count total index value item node list queue "
         "result err buf size limit offset name key data state next prev head "
         "tail left right sum acc step depth width height score weight").split()
TYPES = ("int", "string", "bool", "float64", "byte", "rune", "int64", "uint64", "error")
OPS = ("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^")
CMP = ("==", "!=", "<", "<=", ">", ">=")
PHRASES = ("hello, world", "unexpected value", "tab\\tseparated", "line\\n", "quote \\\"q\\\"",
           "unicode \\u00e9t\\u00e9", "path/to/file", "%d items in %s", "héllo wörld", "")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.nfunc = 0
        self.ntype = 0

    def line(self, depth, text):
        self.out.append("\t" * depth + text)

    def name(self):
        return self.r.choice(WORDS) + (str(self.r.randrange(10)) if self.r.random() < 0.3 else "")

    def typ(self):
        r = self.r.random()
        base = self.r.choice(TYPES)
        if r < 0.55:
            return base
        if r < 0.7:
            return "[]" + base
        if r < 0.8:
            return "map[string]" + base
        if r < 0.88:
            return "*T%d" % self.r.randrange(max(self.ntype, 1))
        if r < 0.94:
            return "chan " + base
        return "func(%s) %s" % (base, self.r.choice(TYPES))

    def literal(self):
        r = self.r.random()
        if r < 0.4:
            return str(self.r.randrange(1000))
        if r < 0.55:
            return '"%s"' % self.r.choice(PHRASES)
        if r < 0.65:
            return "%d.%d" % (self.r.randrange(100), self.r.randrange(100))
        if r < 0.72:
            return "0x%X" % self.r.randrange(1 << 16)
        if r < 0.8:
            return "'%s'" % self.r.choice(("a", "\\n", "\\x41", "é", "\\u00e9", "\\'"))
        if r < 0.85:
            return "1_000_000"
        if r < 0.9:
            return "`raw %s`" % self.name()
        return self.r.choice(("true", "false", "nil"))

    def operand(self, d):
        r = self.r.random()
        if d > 2 or r < 0.35:
            return self.name()
        if r < 0.6:
            return self.literal()
        if r < 0.7:
            return "%s.%s" % (self.name(), self.name())
        if r < 0.78:
            return "%s[%s]" % (self.name(), self.expr(d + 1))
        if r < 0.88:
            return "%s(%s)" % (self.name(), ", ".join(self.expr(d + 1) for _ in range(self.r.randrange(3))))
        if r < 0.92:
            return "%s[%s:%s]" % (self.name(), self.expr(d + 1), self.expr(d + 1))
        if r < 0.96:
            return "(%s)" % self.expr(d + 1)
        return "len(%s)" % self.name()

    def expr(self, d=0):
        r = self.r.random()
        if d > 2 or r < 0.45:
            return self.operand(d)
        if r < 0.8:
            return "%s %s %s" % (self.operand(d + 1), self.r.choice(OPS), self.expr(d + 1))
        if r < 0.9:
            return "%s %s %s" % (self.operand(d + 1), self.r.choice(CMP), self.operand(d + 1))
        if r < 0.95:
            return "!%s" % self.operand(d + 1)
        return "-%s" % self.operand(d + 1)

    def cond(self):
        c = "%s %s %s" % (self.operand(1), self.r.choice(CMP), self.operand(1))
        if self.r.random() < 0.3:
            c += " && %s %s %s" % (self.name(), self.r.choice(CMP), self.literal())
        return c

    def complit(self):
        r = self.r.random()
        if r < 0.3:
            return "[]int{%s}" % ", ".join(str(self.r.randrange(100)) for _ in range(self.r.randrange(1, 8)))
        if r < 0.55:
            return "map[string]int{%s}" % ", ".join('"%s": %d' % (self.name(), i) for i in range(self.r.randrange(1, 5)))
        if r < 0.8:
            return "&T%d{%s}" % (self.r.randrange(max(self.ntype, 1)),
                                 ", ".join("F%d: %s" % (i, self.literal()) for i in range(self.r.randrange(1, 4))))
        return "[][2]float64{{1, 2}, {%d.5, %d}}" % (self.r.randrange(9), self.r.randrange(9))

    def simple(self, d):
        r = self.r.random()
        if r < 0.25:
            self.line(d, "%s := %s" % (self.name(), self.expr()))
        elif r < 0.4:
            self.line(d, "%s = %s" % (self.name(), self.expr()))
        elif r < 0.5:
            self.line(d, "%s %s= %s" % (self.name(), self.r.choice(OPS), self.expr()))
        elif r < 0.6:
            self.line(d, "%s++" % self.name())
        elif r < 0.75:
            self.line(d, "fmt.Println(%s)" % ", ".join(self.expr() for _ in range(self.r.randrange(1, 4))))
        elif r < 0.82:
            self.line(d, "%s := %s" % (self.name(), self.complit()))
        elif r < 0.88:
            self.line(d, "%s, %s = %s, %s" % (self.name(), self.name(), self.expr(), self.expr()))
        elif r < 0.93:
            self.line(d, "%s.%s(%s)" % (self.name(), self.name().capitalize(), self.expr()))
        else:
            self.line(d, "// %s the %s before %s" % (self.name(), self.name(), self.name()))

    def block_stmt(self, d, budget):
        r = self.r.random()
        if r < 0.22:
            self.line(d, "if %s {" % self.cond())
            self.body(d + 1, budget)
            if self.r.random() < 0.4:
                self.line(d, "} else if %s {" % self.cond())
                self.body(d + 1, budget)
            if self.r.random() < 0.5:
                self.line(d, "} else {")
                self.body(d + 1, budget)
            self.line(d, "}")
        elif r < 0.34:
            i = self.r.choice("ijk")
            self.line(d, "for %s := 0; %s < %s; %s++ {" % (i, i, self.operand(1), i))
            self.body(d + 1, budget)
            self.line(d, "}")
        elif r < 0.46:
            self.line(d, "for %s, %s := range %s {" % (self.name(), self.name(), self.name()))
            self.body(d + 1, budget)
            self.line(d, "}")
        elif r < 0.52:
            self.line(d, "for %s {" % self.cond())
            self.body(d + 1, budget)
            self.line(d + 1, "break")
            self.line(d, "}")
        elif r < 0.64:
            self.line(d, "switch %s := %s; %s {" % ("x", self.expr(), "x"))
            for _ in range(self.r.randrange(1, 4)):
                self.line(d, "case %s, %s:" % (self.literal(), self.literal()))
                self.body(d + 1, budget // 2)
            self.line(d, "default:")
            self.body(d + 1, budget // 2)
            self.line(d, "}")
        elif r < 0.72:
            self.line(d, "switch v := %s.(type) {" % self.name())
            self.line(d, "case int, int64:")
            self.line(d + 1, "total += int(v)")
            self.line(d, "case string:")
            self.line(d + 1, "name = v + %s" % '"!"')
            self.line(d, "case nil:")
            self.line(d, "default:")
            self.line(d + 1, 'panic(fmt.Sprintf("bad %T", v))')
            self.line(d, "}")
        elif r < 0.78:
            self.line(d, "select {")
            self.line(d, "case v, ok := <-%s:" % self.name())
            self.line(d + 1, "if !ok {")
            self.line(d + 2, "return")
            self.line(d + 1, "}")
            self.line(d + 1, "_ = v")
            self.line(d, "case %s <- %s:" % (self.name(), self.expr()))
            self.line(d, "default:")
            self.line(d, "}")
        elif r < 0.86:
            self.line(d, "%s := func(%s int) int {" % (self.name(), "n"))
            self.line(d + 1, "/* closure over %s */" % self.name())
            self.line(d + 1, "return n %s %s" % (self.r.choice(OPS), self.operand(1)))
            self.line(d, "}")
        elif r < 0.92:
            self.line(d, "defer func() {")
            self.line(d + 1, "if r := recover(); r != nil {")
            self.line(d + 2, 'fmt.Println("recovered:", r)')
            self.line(d + 1, "}")
            self.line(d, "}()")
        else:
            self.line(d, "go func(c chan<- int) {")
            self.line(d + 1, "c <- %s" % self.expr())
            self.line(d, "}(%s)" % self.name())

    def body(self, d, budget):
        for _ in range(self.r.randrange(1, 4)):
            if budget > 0 and d < 5 and self.r.random() < 0.35:
                self.block_stmt(d, budget - 1)
            else:
                self.simple(d)

    def type_decl(self):
        n = self.ntype
        self.ntype += 1
        self.line(0, "// T%d holds %s and %s." % (n, self.name(), self.name()))
        self.line(0, "type T%d struct {" % n)
        nf = self.r.randrange(2, 6)
        for i in range(nf):
            tag = ' `json:"f%d,omitempty"`' % i if self.r.random() < 0.4 else ""
            self.line(1, "F%d %s%s" % (i, self.typ(), tag))
        if self.r.random() < 0.3:
            self.line(1, "sync.Mutex")
        self.line(0, "}")
        self.line(0, "")
        recv = self.r.choice(("t T%d" % n, "t *T%d" % n))
        self.line(0, "func (%s) String() string {" % recv)
        self.line(1, 'return fmt.Sprintf("T%d{%%v}", t.F0)' % n)
        self.line(0, "}")
        self.line(0, "")
        if self.r.random() < 0.3:
            self.line(0, "type I%d interface {" % n)
            self.line(1, "String() string")
            self.line(1, "Get%d(key string) (int, error)" % n)
            self.line(0, "}")
            self.line(0, "")

    def func_decl(self):
        n = self.nfunc
        self.nfunc += 1
        params = ", ".join("%s %s" % (self.name() + str(i), self.typ()) for i in range(self.r.randrange(0, 4)))
        res = self.r.choice(("", " int", " (int, error)", " string", " (result []string, err error)"))
        self.line(0, "// f%d computes the %s of %s." % (n, self.name(), self.name()))
        self.line(0, "func f%d(%s)%s {" % (n, params, res))
        self.line(1, "var (")
        self.line(2, "total int")
        self.line(2, 'name = "f%d"' % n)
        self.line(1, ")")
        for _ in range(self.r.randrange(2, 6)):
            if self.r.random() < 0.6:
                self.block_stmt(1, 3)
            else:
                self.simple(1)
        if res == "":
            pass
        elif res == " int":
            self.line(1, "return total")
        elif res == " (int, error)":
            self.line(1, "return total, nil")
        elif res == " string":
            self.line(1, "return name")
        else:
            self.line(1, "return")
        self.line(0, "}")
        self.line(0, "")

    def const_block(self):
        self.line(0, "const (")
        self.line(1, "K%dA = iota" % self.nfunc)
        self.line(1, "K%dB" % self.nfunc)
        self.line(1, 'K%dName = "constant %d"' % (self.nfunc, self.nfunc))
        self.line(0, ")")
        self.line(0, "")

    def program(self, lines):
        self.line(0, "package main")
        self.line(0, "")
        self.line(0, "import (")
        self.line(1, '"fmt"')
        self.line(1, '"sync"')
        self.line(0, ")")
        self.line(0, "")
        self.line(0, "/*")
        self.line(0, " * Generated by bench/gen_parse_input.py for the parse benchmark.")
        self.line(0, " */")
        self.line(0, "")
        tail = 3  # func main
        while True:
            # Generate the next declaration aside; keep it if it fits.
            mark = len(self.out)
            r = self.r.random()
            if r < 0.15:
                self.type_decl()
            elif r < 0.2:
                self.const_block()
            else:
                self.func_decl()
            if len(self.out) + tail > lines:
                del self.out[mark:]
                break
        while len(self.out) + tail + 5 <= lines:  # fill up with const blocks
            self.const_block()
        self.line(0, "func main() {")
        self.line(1, "fmt.Println(f0)")
        self.line(0, "}")
        while len(self.out) < lines:
            self.line(0, "// end of generated program")
        assert len(self.out) == lines, len(self.out)
        return "\n".join(self.out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output")
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    text = Gen(a.seed).program(a.lines)
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
