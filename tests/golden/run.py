#!/usr/bin/env python3
"""Golden-test runner for gol (see tests/golden/README.md).

Without --oracle it holds gol to the expectations written at the end of each
.gol file; with --oracle it confirms those expectations against Go.
Prints one report per failure and ends with exactly one line
`N passed, N failed` (plus `, N skipped` when files were skipped).
Exit status: 0 if nothing failed, 1 if something failed, 2 on usage errors.
"""

import argparse
import concurrent.futures
import hashlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MARKERS = ("Output", "Stderr", "Errors", "Exit")
EXIT_RE = re.compile(r"^// Exit: (-?\d+)$")
ERROR_LINE_RE = re.compile(r"^(\d+):(\d+): (.*)$")
GO_VERSION_HEADER_RE = re.compile(r"^// go1\.(\d+)(?:\.\d+)?$")
MAX_DIFF_LINES = 12

# Standard packages a file without a package clause may use, by the name it
# uses them under, mapped to their import path.
STD_PACKAGES = {
    "fmt": "fmt", "strings": "strings", "strconv": "strconv", "math": "math",
    "rand": "math/rand", "os": "os", "errors": "errors", "sort": "sort",
    "sync": "sync", "atomic": "sync/atomic", "time": "time",
    "runtime": "runtime", "utf8": "unicode/utf8", "unicode": "unicode",
    "context": "context", "bufio": "bufio",
}
PKG_USE_RE = re.compile(r"(?<![\w.])(" + "|".join(STD_PACKAGES) + r")\s*\.")


def die(msg):
    print("run.py: " + msg, file=sys.stderr)
    sys.exit(2)


class Malformed(Exception):
    pass


class Golden:
    """A parsed golden file."""

    def __init__(self, path, data):
        self.path = path
        self.data = data
        self.text = data.decode("utf-8", errors="replace")
        self.go_minor = None      # from `// go1.N`
        self.args = []            # from `// args: ...`
        self.not_go = None        # reason from `// not-go: ...`
        self.needs = []           # from `// needs: goroutines ...`
        self.racy = False         # `// racy`: go run -race reports a race in it
        self.blocks = {}          # marker -> list of lines (Exit -> [int])
        self.errors_prefix = False  # Errors block ends in `// ...`
        self._parse()

    @property
    def errors(self):
        return self.blocks.get("Errors")

    @property
    def expected_exit(self):
        if "Exit" in self.blocks:
            return self.blocks["Exit"][0]
        return 1 if "Errors" in self.blocks else 0

    @property
    def expected_stdout(self):
        lines = self.blocks.get("Output")
        if not lines:
            return ""
        return "\n".join(lines) + "\n"

    @property
    def expected_stderr(self):
        return self.blocks.get("Stderr", [])

    # `// Stderr (all):` rather than `// Stderr:`: the block is the whole of
    # standard error, not its first lines
    stderr_all = False

    def _parse(self):
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines = [l[:-1] if l.endswith("\r") else l for l in lines]

        def marker_of(line):
            if line in ("// Output:", "// Stderr:", "// Errors:"):
                return line[3:-1]
            if line == "// Stderr (all):":
                self.stderr_all = True
                return "Stderr"
            if EXIT_RE.match(line):
                return "Exit"
            return None

        # Header: comment (or blank) lines before any code.
        for line in lines:
            s = line.strip()
            if s == "":
                continue
            if not s.startswith("//") or marker_of(line):
                break
            if GO_VERSION_HEADER_RE.match(s):
                self.go_minor = int(GO_VERSION_HEADER_RE.match(s).group(1))
            elif s.startswith("// args:"):
                rest = s[len("// args:"):].strip()
                try:
                    self.args = shlex.split(rest)
                except ValueError as e:
                    raise Malformed("bad `// args:` header (%s)" % e)
            elif s.startswith("// not-go:"):
                self.not_go = s[len("// not-go:"):].strip() or "no reason given"
            elif s.startswith("// needs:"):
                self.needs = s[len("// needs:"):].split()
            elif s == "// racy":
                self.racy = True

        # Expectation blocks: from the first marker line to the end.
        start = None
        for i, line in enumerate(lines):
            if marker_of(line):
                start = i
                break
        if start is None:
            return
        # Trailing blank lines are allowed.
        end = len(lines)
        while end > start and lines[end - 1].strip() == "":
            end -= 1
        current = None
        for i in range(start, end):
            line = lines[i]
            lineno = i + 1
            m = marker_of(line)
            if m:
                if m in self.blocks:
                    raise Malformed("line %d: duplicate `// %s` block" % (lineno, m))
                if m == "Exit":
                    self.blocks[m] = [int(EXIT_RE.match(line).group(1))]
                else:
                    self.blocks[m] = []
                current = m
                continue
            if line.lstrip().startswith("// Exit:") or line.lstrip().startswith("//Exit"):
                raise Malformed("line %d: malformed marker %r (want `// Exit: N`)"
                                % (lineno, line))
            if line == "//":
                text = ""
            elif line.startswith("// "):
                text = line[3:]
            elif line.strip() == "":
                nxt = next((l for l in lines[i + 1:end] if l.strip() != ""), None)
                if nxt is None or marker_of(nxt):
                    continue   # blank lines between blocks are fine
                raise Malformed("line %d: blank line inside an expectation block "
                                "(write `//` for an empty line)" % lineno)
            elif line.lstrip().startswith("//"):
                raise Malformed("line %d: unknown marker or bad block line %r "
                                "(a block line is `// text` or `//`)" % (lineno, line))
            else:
                raise Malformed("line %d: code after the expectation blocks started "
                                "(blocks must come last): %r" % (lineno, line))
            if current == "Exit":
                raise Malformed("line %d: `// Exit: N` is a one-line block, "
                                "found %r after it" % (lineno, line))
            self.blocks[current].append(text)

        if "Errors" in self.blocks:
            if "Output" in self.blocks:
                raise Malformed("has both `// Errors:` and `// Output:` blocks")
            if "Stderr" in self.blocks:
                raise Malformed("has both `// Errors:` and `// Stderr:` blocks")
            if "Exit" in self.blocks and self.blocks["Exit"][0] != 1:
                raise Malformed("`// Errors:` implies exit status 1, "
                                "but `// Exit: %d` is given" % self.blocks["Exit"][0])
            if not self.blocks["Errors"]:
                raise Malformed("empty `// Errors:` block")
            parsed = []
            errs = self.blocks["Errors"]
            # A last line `...` says more errors may follow; they are not
            # compared (error recovery after the first mistakes is not Go's).
            self.errors_prefix = errs[-1] == "..."
            if self.errors_prefix:
                errs = errs[:-1]
            for e in errs:
                m = ERROR_LINE_RE.match(e)
                if not m:
                    raise Malformed("bad line in `// Errors:` block %r "
                                    "(want `LINE:COL: message`)" % e)
                parsed.append((int(m.group(1)), int(m.group(2)), m.group(3)))
            self.blocks["Errors"] = parsed


class Result:
    def __init__(self, path, status, reason="", details=None):
        self.path = path
        self.status = status    # "pass", "fail" or "skip"
        self.reason = reason
        self.details = details or []


def decode(b):
    return b.decode("utf-8", errors="replace")


def run_proc(cmd, timeout, cwd=None, env=None):
    """Run cmd; return (rc, stdout_bytes, stderr_bytes, timed_out)."""
    try:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=cwd, env=env,
                             start_new_session=True)
    except OSError as e:
        return None, b"", ("cannot run %s: %s" % (cmd[0], e)).encode(), False
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err, False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        out, err = p.communicate()
        return p.returncode, out, err, True


def exit_status(rc):
    """Shell-style exit status: a signal N becomes 128+N."""
    if rc is None:
        return None
    return 128 - rc if rc < 0 else rc


def clip(lines):
    if len(lines) > MAX_DIFF_LINES:
        return lines[:MAX_DIFF_LINES] + ["... (%d more lines)" % (len(lines) - MAX_DIFF_LINES)]
    return lines


def show(s):
    return repr(s)[1:-1] if s is not None else "(none)"


def diff_lines(expected, got):
    """A short diff of two line lists: the first differing line and context."""
    out = []
    n = max(len(expected), len(got))
    first = None
    for i in range(n):
        e = expected[i] if i < len(expected) else None
        g = got[i] if i < len(got) else None
        if e != g:
            first = i
            break
    if first is None:
        return out
    lo = max(0, first - 1)
    for i in range(lo, min(n, first + 4)):
        e = expected[i] if i < len(expected) else None
        g = got[i] if i < len(got) else None
        if e == g:
            out.append("   line %d: %s" % (i + 1, show(e)))
        else:
            out.append("   line %d: expected: %s" % (i + 1, show(e)))
            out.append("   line %d:      got: %s" % (i + 1, show(g)))
    if n > first + 4:
        out.append("   ... (expected %d lines, got %d)" % (len(expected), len(got)))
    return out


def split_output(s):
    lines = s.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def compare_errors(expected, got_lines, name_re, prefix=False):
    """expected: [(line, col, msg)]; got_lines: raw stderr lines; with
    prefix, only the first len(expected) errors are compared.
    Returns a list of problem lines (empty when they match)."""
    # Go ends a long list with "FILE:L:C: too many errors"; the limit is not
    # an expectation, so that line is left out on both sides, unless the
    # block holds it (where Go places it is then compared too).
    if not any(m == "too many errors" for (_, _, m) in expected):
        got_lines = [l for l in got_lines if not re.search(r":\d+:\d+: too many errors$", l)]
    # A message may go on over lines that start with a tab ("\thave (int)");
    # the first line is what the Errors block holds.
    got_lines = [l for l in got_lines if not l.startswith("\t")]
    got = []
    for raw in got_lines:
        if raw.strip() == "":
            continue
        m = name_re.match(raw)
        if m:
            got.append((int(m.group(1)), int(m.group(2)), m.group(3)))
        else:
            got.append((None, None, raw))

    def fmt(e):
        if e is None:
            return "(none)"
        if e[0] is None:
            return "unparsable line %r" % e[2]
        return "%d:%d: %s" % e

    def ok(e, g):
        if g[0] is None or e[0] != g[0] or e[1] != g[1]:
            return False
        if e[2].endswith("..."):
            return g[2].startswith(e[2][:-3])
        return e[2] == g[2]

    problems = []
    if prefix:
        got = got[:len(expected)]
    for i in range(max(len(expected), len(got))):
        e = expected[i] if i < len(expected) else None
        g = got[i] if i < len(got) else None
        if e is None or g is None or not ok(e, g):
            problems.append("   error %d: expected: %s" % (i + 1, fmt(e)))
            problems.append("   error %d:      got: %s" % (i + 1, fmt(g)))
    return clip(problems)


def error_line_re(*names):
    alts = "|".join(re.escape(n) for n in names if n)
    return re.compile(r"^.*?(?:" + alts + r"):(\d+):(\d+): ?(.*)$")


TRACE_FUNC_RE = re.compile(r"^([\w.()*\[\]]+)\((.*)\)$")
TRACE_POS_RE = re.compile(r"^\t(\S*?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=\S+ sp=\S+ pc=\S+)?$")
# a stack overflow's line about the exhausted stack (Go's addresses)
STACK_SP_RE = re.compile(r"^runtime: sp=\S+ stack=\[\S+, \S+\]$")
GOROUTINE_RE = re.compile(r"^goroutine \d+ \[")
SIGNAL_RE = re.compile(r"^\[signal (\S+): ([^]]*?) code=\S+ addr=\S+ pc=\S+\]$")


def normalize_trace(lines):
    """Stderr lines with traceback details that legitimately differ between
    gol and Go made alike: goroutine ids, argument words (and whether a call
    was inlined), files (only the line number is kept), code offsets and
    fault addresses;
    frames inside Go's own library (sync's methods, the runtime's map
    functions) are dropped, since gol's library functions have no frames,
    except the runtime's panic frame below a frame of the program's, which
    both show between a deferred call run by a panic (or a method printing
    its value) and the frame that panicked (gol writes its file as
    $GOROOT/src/runtime/panic.go),
    and so is a stack overflow's line with the stack's addresses."""
    res = []
    i = 0
    seen_own = False  # a frame of the program's own in this goroutine's stack yet
    while i < len(lines):
        line = lines[i]
        if GOROUTINE_RE.match(line):
            seen_own = False
        if STACK_SP_RE.match(line):
            i += 1
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if TRACE_FUNC_RE.match(line) and nxt is not None and TRACE_POS_RE.match(nxt):
            m = TRACE_FUNC_RE.match(line)
            if "/src/" in nxt and ("/go" in nxt or "$GOROOT" in nxt) and (m.group(1) != "panic" or not seen_own):
                i += 2
                continue
            seen_own = True
            m = TRACE_FUNC_RE.match(line)
            line = m.group(1) + "(...)"  # Go inlines some calls and shows (...)
        m = TRACE_POS_RE.match(line)
        if m:
            line = "\tline " + m.group(2)
        line = GOROUTINE_RE.sub("goroutine N [", line)
        line = SIGNAL_RE.sub(r"[signal \1: \2]", line)
        res.append(line)
        i += 1
    return drop_runtime_goroutines(res)


def drop_runtime_goroutines(lines):
    """Go lists its own goroutines (the collector's, the finalizer's) after
    some fatal errors (a stack overflow); with their runtime frames already
    dropped, such a block is its header and a `created by runtime...` (or
    nothing): dropped whole, with the blank line before it."""
    res = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("goroutine N ["):
            j = i + 1
            while j < len(lines) and lines[j] != "":
                j += 1
            body = lines[i + 1:j]
            own = [l for l in body if not l.startswith("created by runtime.") and not l.startswith("\tline ")]
            if not own and any(l.startswith("created by runtime.") for l in body) or not body:
                if res and res[-1] == "":
                    res.pop()
                i = j
                continue
        res.append(lines[i])
        i += 1
    return res


def check_run_results(g, rc, out, err, timed_out, timeout, what):
    """Compare a finished program run with the Output/Stderr/Exit blocks."""
    if timed_out:
        return Result(g.path, "fail", "%s timed out after %gs" % (what, timeout))
    problems = []
    stdout = decode(out)
    stderr_lines = split_output(decode(err))
    if stdout != g.expected_stdout:
        problems.append("  stdout differs:")
        problems += diff_lines(split_output(g.expected_stdout), split_output(stdout))
        if stdout and not stdout.endswith("\n") and stdout.rstrip("\n") == g.expected_stdout.rstrip("\n"):
            problems.append("   (output does not end in a newline)")
    want_err = normalize_trace(g.expected_stderr)
    stderr_lines = normalize_trace(stderr_lines)
    if g.stderr_all and stderr_lines != want_err:
        problems.append("  stderr differs (all of it compared):")
        problems += diff_lines(want_err, stderr_lines)
    elif stderr_lines[:len(want_err)] != want_err:
        problems.append("  stderr differs (first %d lines compared):" % len(want_err))
        problems += diff_lines(want_err, stderr_lines[:len(want_err)])
    status = exit_status(rc)
    if status != g.expected_exit:
        problems.append("  exit status: expected %d, got %s" % (g.expected_exit, status))
        if not want_err and stderr_lines:
            problems.append("  stderr: " + " | ".join(clip(stderr_lines)[:4]))
    if problems:
        return Result(g.path, "fail", "%s: output does not match" % what, problems)
    return Result(g.path, "pass")


# ---------------------------------------------------------------- gol

def test_gol(g, opts):
    path = g.path
    name_re = error_line_re(path, os.path.basename(path))
    lacking = [n for n in g.needs if n in opts.lacks]
    if opts.mode == "run" and lacking:
        return Result(path, "skip", "gol lacks " + " ".join(lacking))
    if opts.mode == "check":
        rc, out, err, timed_out = run_proc([opts.gol, "check", path], opts.timeout)
        if timed_out:
            return Result(path, "fail", "gol check timed out after %gs" % opts.timeout)
        status = exit_status(rc)
        stderr_lines = split_output(decode(err))
        stdout = decode(out)
        if g.errors is not None:
            problems = []
            if status != 1:
                problems.append("  exit status: expected 1, got %s" % status)
            if stdout:
                problems.append("  unexpected stdout: " + " | ".join(clip(split_output(stdout))[:4]))
            ep = compare_errors(g.errors, stderr_lines, name_re, g.errors_prefix)
            if ep:
                problems.append("  errors differ:")
                problems += ep
            if problems:
                return Result(path, "fail", "gol check: errors do not match", problems)
            return Result(path, "pass")
        problems = []
        if status != 0:
            problems.append("  exit status: expected 0, got %s" % status)
        if stdout:
            problems.append("  unexpected stdout:")
            problems += ["   " + l for l in clip(split_output(stdout))]
        if stderr_lines:
            problems.append("  unexpected stderr:")
            problems += ["   " + l for l in clip(stderr_lines)]
        if problems:
            return Result(path, "fail", "gol check: expected no errors", problems)
        return Result(path, "pass")

    # run mode
    if opts.race:
        return test_gol_race(g, opts)
    rc, out, err, timed_out = run_proc([opts.gol, path] + g.args, opts.timeout)
    if g.errors is not None:
        if timed_out:
            return Result(path, "fail", "gol timed out after %gs" % opts.timeout)
        problems = []
        status = exit_status(rc)
        if status != 1:
            problems.append("  exit status: expected 1, got %s" % status)
        if out:
            problems.append("  unexpected stdout: " + " | ".join(clip(split_output(decode(out)))[:4]))
        ep = compare_errors(g.errors, split_output(decode(err)), name_re, g.errors_prefix)
        if ep:
            problems.append("  errors differ:")
            problems += ep
        if problems:
            return Result(path, "fail", "gol: errors do not match", problems)
        return Result(path, "pass")
    return check_run_results(g, rc, out, err, timed_out, opts.timeout, "gol")


RACE_BLOCK_RE = re.compile(r"^==================\nWARNING: DATA RACE\n.*?^==================\n", re.S | re.M)
FOUND_RE = re.compile(r"^Found \d+ data race\(s\)\n", re.M)


def test_gol_race(g, opts):
    """Run under `gol -race`: a program that is race-free under Go's detector must
    give no report and pass as it does without -race; one marked `// racy` must
    report, and with the reports (and the Found line) taken out it must pass too,
    the exit status 66 standing for 0."""
    path = g.path
    rc, out, err, timed_out = run_proc([opts.gol, "-race", path] + g.args, opts.timeout)
    text = decode(err)
    reports = RACE_BLOCK_RE.findall(text)
    if reports and not g.racy:
        first = reports[0].splitlines()[2:6]
        return Result(path, "fail", "gol -race: reported a race in a race-free program",
                      ["   " + l for l in first])
    if g.racy and not reports:
        return Result(path, "fail", "gol -race: no race reported (go run -race reports one)")
    if reports:
        text = FOUND_RE.sub("", RACE_BLOCK_RE.sub("", text))
        err = text.encode()
        if exit_status(rc) == 66:
            rc = 0
    return check_run_results(g, rc, out, err, timed_out, opts.timeout, "gol -race")


# ---------------------------------------------------------------- oracle

def strip_strings_and_comments(src):
    """Blank out comments and string/rune literals, keeping newlines."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "/" and src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c == "/" and src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in src[i:j]))
            i = j
        elif c == "`":
            j = src.find("`", i + 1)
            j = n if j < 0 else j + 1
            out.append("".join(ch if ch == "\n" else " " for ch in src[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(n, j + 1)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def first_token(stripped):
    m = re.search(r"\S+", stripped)
    return m.group(0) if m else ""


def existing_imports(src):
    """Names already imported by the file's own import declarations."""
    names = set()
    for m in re.finditer(r"(?m)^\s*import\s*(\((?:.|\n)*?\)|[^\n]*)", src):
        body = m.group(1)
        for im in re.finditer(r"(?:([\w.]+)\s+)?\"([^\"]+)\"", body):
            alias, ipath = im.group(1), im.group(2)
            names.add(alias if alias and alias not in ("_", ".") else ipath.rsplit("/", 1)[-1])
    return names


def make_go_source(g):
    """Return (go_source_bytes, go_file_name, reported_name)."""
    stripped = strip_strings_and_comments(g.text)
    base = os.path.basename(g.path)
    if re.match(r"package\b", first_token(stripped)):
        return g.data, "prog.go", "prog.go"
    used = sorted(set(PKG_USE_RE.findall(stripped)) - existing_imports(g.text))
    head = ["package main", ""]
    if used:
        head.append("import (")
        head += ['\t"%s"' % STD_PACKAGES[p] for p in used]
        head.append(")")
    head.append("//line %s:1:1" % base)
    return ("\n".join(head) + "\n").encode() + g.data, "prog.go", base


def cache_key(g, go_version):
    return hashlib.sha256(g.data + go_version.encode()).hexdigest()


def test_oracle(g, opts):
    path = g.path
    if g.not_go is not None:
        return Result(path, "skip", "not-go: " + g.not_go)
    if g.go_minor is not None and g.go_minor > opts.go_minor:
        return Result(path, "skip", "needs go1.%d, have %s" % (g.go_minor, opts.go_version))
    key = cache_key(g, opts.go_version)
    cache_file = os.path.join(opts.cache, key) if opts.cache else None
    if cache_file and os.path.exists(cache_file):
        return Result(path, "pass", "cached")
    res = oracle_uncached(g, opts)
    if res.status == "pass" and cache_file:
        try:
            os.makedirs(opts.cache, exist_ok=True)
            tmp = cache_file + ".%d.tmp" % os.getpid()
            with open(tmp, "w") as f:
                f.write(path + "\n")
            os.replace(tmp, cache_file)
        except OSError:
            pass
    return res


def oracle_uncached(g, opts):
    path = g.path
    src, go_name, reported = make_go_source(g)
    with tempfile.TemporaryDirectory(prefix="gol-oracle-") as tmp:
        go_file = os.path.join(tmp, go_name)
        with open(go_file, "wb") as f:
            f.write(src)
        binary = os.path.join(tmp, "prog")
        rc, out, err, timed_out = run_proc(
            [opts.go, "build", "-o", binary, go_name], opts.build_timeout,
            cwd=tmp, env=opts.go_env)
        if timed_out:
            return Result(path, "fail", "go build timed out after %gs" % opts.build_timeout)
        build_lines = [l for l in split_output(decode(out) + decode(err))
                       if l.strip() and not l.startswith("# ")
                       and not l.startswith("\t")
                       and l.strip() != "too many errors"]
        name_re = error_line_re(reported)
        if g.errors is not None:
            problems = []
            if rc == 0:
                problems.append("  go build succeeded, expected errors")
            ep = compare_errors(g.errors, build_lines, name_re, g.errors_prefix)
            if ep:
                problems.append("  Go's errors differ:")
                problems += ep
            if problems:
                return Result(path, "fail", "oracle: errors do not match Go", problems)
            return Result(path, "pass")
        if rc != 0:
            return Result(path, "fail", "oracle: go build failed",
                          ["   " + l for l in clip(build_lines or ["exit status %s" % rc])])
        rc, out, err, timed_out = run_proc([binary] + g.args, opts.timeout, cwd=tmp)
        res = check_run_results(g, rc, out, err, timed_out, opts.timeout, "oracle")
        if res.status == "fail":
            res.reason = res.reason.replace("output does not match", "Go's output does not match")
        return res


# ---------------------------------------------------------------- driver

def find_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".gol"):
                        files.append(os.path.join(root, n))
        elif os.path.isfile(p):
            files.append(p)
        else:
            die("no such file or directory: %s" % p)
    seen, uniq = set(), []
    for f in files:
        k = os.path.realpath(f)
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    return uniq


def display_path(p):
    a = os.path.abspath(p)
    rel = os.path.relpath(a)
    return rel if not rel.startswith("..") else a


def test_one(path, opts):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Result(path, "fail", "cannot read: %s" % e)
    try:
        g = Golden(path, data)
    except Malformed as e:
        return Result(path, "fail", "malformed golden file: %s" % e)
    try:
        if opts.oracle:
            return test_oracle(g, opts)
        # --repeat: a concurrent program must pass every run; flakiness is
        # a scheduler or runtime bug, not noise
        for k in range(max(1, opts.repeat)):
            r = test_gol(g, opts)
            if r.status != "pass":
                if opts.repeat > 1:
                    r.reason = "%s (run %d of %d)" % (r.reason, k + 1, opts.repeat)
                return r
        return r
    except Exception as e:  # a runner bug must not hide the other results
        return Result(path, "fail", "runner error: %s: %s" % (type(e).__name__, e))


def go_setup(opts):
    go = shutil.which(opts.go or "go")
    if not go:
        die("the oracle needs Go, but `%s` was not found or is not "
                         "executable (install golang-go, or use --go PATH)" % (opts.go or "go"))
    env = dict(os.environ)
    if not env.get("GOCACHE") and not env.get("HOME") and not env.get("XDG_CACHE_HOME"):
        env["GOCACHE"] = os.path.join(REPO, "build", "go-cache")
    env["GOTOOLCHAIN"] = "local"   # never download another toolchain (Go 1.21+)
    r = subprocess.run([go, "env", "GOVERSION"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    version = decode(r.stdout).strip()
    m = re.match(r"go1\.(\d+)", version)
    if r.returncode != 0 or not m:
        r = subprocess.run([go, "version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        m2 = re.search(r"\b(go1\.(\d+)\S*)", decode(r.stdout))
        if not m2:
            die("cannot tell the version of %s: %s"
                             % (go, decode(r.stdout + r.stderr).strip()))
        version, m = m2.group(1), re.match(r"go1\.(\d+)", m2.group(1))
    opts.go, opts.go_env, opts.go_version, opts.go_minor = go, env, version, int(m.group(1))


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run gol's golden tests (tests/golden/README.md describes the format).")
    ap.add_argument("paths", nargs="*",
                    help=".gol files or directories searched recursively (default: tests/golden)")
    ap.add_argument("--gol", default=None, help="the gol binary (default: build/gol)")
    ap.add_argument("--mode", choices=("check", "run"), default="check",
                    help="check: `gol check FILE` (parse only); run: `gol FILE ARGS` (default: check)")
    ap.add_argument("--race", action="store_true",
                    help="run mode under gol -race: no report unless the file says `// racy`")
    ap.add_argument("--oracle", action="store_true",
                    help="test the expectations against Go instead of testing gol")
    ap.add_argument("--go", default=None, help="the go binary for --oracle (default: go on PATH)")
    ap.add_argument("--cache", default=None,
                    help="oracle cache directory (default: build/oracle-cache; '' disables)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="files tested in parallel (default: number of CPUs)")
    ap.add_argument("--lacks", default="",
                    help="comma-separated features gol does not run yet; in run mode, files whose "
                         "`// needs:` header names one are skipped (and counted)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each program N times; it passes only if every run passes")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds a program may run (default: 10)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passes and skips")
    opts = ap.parse_args(argv)
    opts.lacks = [x for x in opts.lacks.split(",") if x]

    paths = opts.paths or [os.path.join(REPO, "tests", "golden")]
    files = [display_path(f) for f in find_files(paths)]
    opts.build_timeout = max(120.0, 6 * opts.timeout)

    if opts.oracle:
        go_setup(opts)
        if opts.cache is None:
            opts.cache = os.path.join(REPO, "build", "oracle-cache")
        if opts.verbose:
            print("oracle: %s (%s)" % (opts.go, opts.go_version))
    else:
        gol = opts.gol or os.path.join(REPO, "build", "gol")
        if os.sep not in gol and not os.path.exists(gol):
            gol = shutil.which(gol) or gol
        if not os.path.isfile(gol) or not os.access(gol, os.X_OK):
            die("gol binary not found or not executable: %s "
                             "(build it with `./dev setup`, or use --gol PATH)" % gol)
        opts.gol = os.path.abspath(gol)

    passed = failed = skipped = 0
    jobs = max(1, opts.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for res in ex.map(lambda f: test_one(f, opts), files):
            if res.status == "pass":
                passed += 1
                if opts.verbose:
                    print("ok   %s%s" % (res.path, " (%s)" % res.reason if res.reason else ""))
            elif res.status == "skip":
                skipped += 1
                if opts.verbose:
                    print("skip %s: %s" % (res.path, res.reason))
            else:
                failed += 1
                print("FAIL %s: %s" % (res.path, res.reason))
                for line in res.details:
                    print(line)
            sys.stdout.flush()

    summary = "%d passed, %d failed" % (passed, failed)
    if skipped:
        summary += ", %d skipped" % skipped
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
