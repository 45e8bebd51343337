#!/usr/bin/env python3
"""Check the data-race corpus in tests/race against Go's race detector or gol.

Each tests/race/*.gol program says in its header which races it has:

    // Race: none          the program is race-free
    // Race: L1 L2         one race between the accesses on lines L1 and L2 (L1 <= L2);
                           one such line per distinct race
    // Previous: F:L ...   optional: the first report's previous access has these frames
                           in the program, innermost first (function as printed, without
                           "()", and line), e.g. "main.bump:11 main.main.func1:20"; only
                           for programs whose order of the two accesses is fixed
    // Created: F:L ...    optional: the first report's first "created at" stack has these
                           frames in the program, innermost first (as for Previous)
    // Reports: N          optional: exactly N reports (Go reports a race between the
                           same two lines once per distinct pair of call stacks)

and, when its standard output is deterministic, ends with an `// Output:` block in
the format of tests/golden (see tests/golden/README.md).

Modes:
    check.py --go [FILES...]          build each program with `go build -race` and run it
    check.py --gol GOL [FILES...]     run `GOL -race FILE`
    check.py --plain GOL [FILES...]   run `GOL FILE` (no detector): exit 0 and Output only

The report parser (parse_race_reports / race_line_pairs) is shared by the modes,
because gol's detector prints reports in Go's format.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Go's race runtime exits with this status when it reported at least one race
# (GORACE=exitcode=N changes it, so run() removes GORACE from the environment).
RACE_EXIT = 66

RUN_TIMEOUT = 60  # seconds; every program is meant to finish well under one


# ---------------------------------------------------------------------------
# Race report parsing
# ---------------------------------------------------------------------------

class Frame:
    def __init__(self, func, file, line):
        self.func = func      # e.g. "main.(*Account).Deposit()" as printed
        self.file = file
        self.line = line

    def __repr__(self):
        return "%s %s:%d" % (self.func, self.file, self.line)


class Access:
    def __init__(self, previous, kind, addr, goroutine):
        self.previous = previous    # False for the access that detected the race
        self.kind = kind            # "read" or "write", with "atomic " in front if so
        self.addr = addr            # "0x00c000012345"
        self.goroutine = goroutine  # goroutine id as an int, 0 for the main goroutine
        self.frames = []

    def first_frame(self):
        return self.frames[0] if self.frames else None

    def user_frame(self, prog=None):
        """The innermost frame in the program itself.

        A race inside the runtime (map access, channel send, sync/atomic) has library
        frames on top; the line the test names is the program's own line below them.
        """
        for f in self.frames:
            if is_program_file(f.file, prog):
                return f
        return None


class Report:
    def __init__(self):
        self.accesses = []   # [current, previous]
        self.created = {}    # goroutine id -> (state, [Frame]) from "Goroutine N (...) created at:"


def is_program_file(path, prog=None):
    if prog is not None:
        return os.path.basename(path) == os.path.basename(prog)
    # Without a program name, any real file outside Go's own source tree counts.
    return not path.startswith("<") and not re.search(r"/go(-[0-9.]+)?/src/|/goroot/", path)


_ACCESS = re.compile(
    r"^(Previous )?(atomic |Atomic )?(read|write|Read|Write) at (0x[0-9a-fA-F]+) by "
    r"(main goroutine|goroutine (\d+)):$")
_CREATED = re.compile(r"^Goroutine (\d+) \((running|finished)\) created at:$")
_FUNC = re.compile(r"^  (\S.*)$")
_LOC = re.compile(r"^      (.+):(\d+)(?: \+0x[0-9a-fA-F]+)?$")
_FOUND = re.compile(r"^Found (\d+) data race\(s\)$")
_SEP = "=================="


def parse_race_reports(text):
    """Parse every WARNING: DATA RACE block in stderr text.

    Returns (reports, found) where found is N from the final "Found N data race(s)"
    line, or None when that line is missing. Text outside the blocks (program
    output, panics) is ignored.
    """
    reports = []
    found = None
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FOUND.match(lines[i])
        if m:
            found = int(m.group(1))
        if lines[i] == _SEP and i + 1 < len(lines) and lines[i + 1] == "WARNING: DATA RACE":
            report = Report()
            frames = None  # the stack being filled in
            i += 2
            while i < len(lines) and lines[i] != _SEP:
                line = lines[i]
                ma = _ACCESS.match(line)
                mc = _CREATED.match(line)
                if ma:
                    kind = ((ma.group(2) or "").lower() + ma.group(3).lower())
                    gid = int(ma.group(6)) if ma.group(6) else 0
                    acc = Access(bool(ma.group(1)), kind, ma.group(4), gid)
                    report.accesses.append(acc)
                    frames = acc.frames
                elif mc:
                    st = []
                    report.created[int(mc.group(1))] = (mc.group(2), st)
                    frames = st
                elif frames is not None and _FUNC.match(line) and i + 1 < len(lines) \
                        and _LOC.match(lines[i + 1]):
                    ml = _LOC.match(lines[i + 1])
                    frames.append(Frame(_FUNC.match(line).group(1), ml.group(1),
                                        int(ml.group(2))))
                    i += 1
                elif line.strip() == "":
                    frames = None
                i += 1
            reports.append(report)
            # Leave the closing separator to be looked at again: it does not open a block.
        i += 1
    return reports, found


# Stands for an access whose report names no line of the program; see access_line.
ATOMIC = "atomic"


def access_line(acc, prog=None):
    """The program line of one access: an int, ATOMIC or None.

    Go 1.19 prints the stack of a sync/atomic access as the atomic function
    alone (sync/atomic.AddInt64 in race_amd64.s and its <autogenerated>
    wrapper), without the caller, so such an access has no program line: it
    is ATOMIC. Any other access without a program frame is None.
    """
    f = acc.user_frame(prog)
    if f:
        return f.line
    if acc.frames and all(fr.func.startswith("sync/atomic.") for fr in acc.frames):
        return ATOMIC
    return None


def race_line_pairs(reports, prog=None):
    """The set of unordered (L1, L2) pairs, L1 <= L2, named by the reports.

    Go reports one pair of lines again for each distinct pair of stacks, so
    duplicates collapse here. An access without a program line gives ATOMIC or
    None in its place (sorted first).
    """
    pairs = set()
    for r in reports:
        lines = [access_line(acc, prog) for acc in r.accesses[:2]]
        while len(lines) < 2:
            lines.append(None)
        pairs.add(tuple(sorted(lines, key=_line_order)))
    return pairs


def _line_order(x):
    return (1, x) if isinstance(x, int) else (0, str(x))


def pairs_match(got, want, atomic_wildcard=False):
    """Whether the reported pairs are exactly the expected ones.

    With atomic_wildcard (for Go 1.19, see access_line) a pair (ATOMIC, L)
    stands for any expected pair that contains L, and every expected pair must
    still be accounted for.
    """
    if not atomic_wildcard:
        return got == want
    covered = set()
    for g in got:
        if g in want:
            covered.add(g)
            continue
        if g[0] != ATOMIC:
            return False
        fits = [w for w in want if g[1] == ATOMIC or g[1] in w]
        if not fits:
            return False
        covered.update(fits)
    return covered == want


# ---------------------------------------------------------------------------
# Test file headers
# ---------------------------------------------------------------------------

_MARKERS = ("// Output:", "// Stderr:", "// Exit:", "// Errors:")


class Expect:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.pairs = set()
        self.clean = False
        self.output = None
        self.previous = None
        self.created = None
        self.reports = None
        text = open(path).read()
        lines = text.split("\n")
        for line in lines:
            if not line.startswith("//"):
                break  # the header is the leading comment block only
            m = re.match(r"^// Previous:\s*(.*)$", line)
            if m:
                self.previous = m.group(1).split()
                if not self.previous or not all(re.match(r"^\S+:\d+$", w) for w in self.previous):
                    raise ValueError("%s: bad header %r" % (path, line))
                continue
            m = re.match(r"^// Created:\s*(.*)$", line)
            if m:
                self.created = m.group(1).split()
                if not self.created or not all(re.match(r"^\S+:\d+$", w) for w in self.created):
                    raise ValueError("%s: bad header %r" % (path, line))
                continue
            m = re.match(r"^// Reports:\s*(\d+)$", line)
            if m:
                self.reports = int(m.group(1))
                continue
            m = re.match(r"^// Race:\s*(.*)$", line)
            if m:
                words = m.group(1).split()
                if words == ["none"]:
                    self.clean = True
                elif len(words) == 2 and all(w.isdigit() for w in words):
                    self.pairs.add(tuple(sorted(int(w) for w in words)))
                else:
                    raise ValueError("%s: bad header %r" % (path, line))
        if self.clean == bool(self.pairs):
            raise ValueError("%s: needs either '// Race: none' or '// Race: L1 L2' lines" % path)
        block = None
        for line in lines:
            if line in _MARKERS:
                block = [] if line == "// Output:" else None
                if block is not None:
                    self.output = block
            elif block is not None:
                if line == "//":
                    block.append("")
                elif line.startswith("// "):
                    block.append(line[3:])
                elif line.strip() == "":
                    continue  # the file's final newline
                else:
                    raise ValueError("%s: stray line in Output block: %r" % (path, line))
        if self.output is not None:
            self.output = "\n".join(self.output) + "\n"


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------

def run(argv, cwd=None, env_extra=None):
    env = dict(os.environ)
    env.pop("GORACE", None)
    if env_extra:
        env.update(env_extra)
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % RUN_TIMEOUT


def go_env():
    cache = os.environ.get("GOCACHE") or os.path.join(tempfile.gettempdir(), "gol-race-gocache")
    return {"GOCACHE": cache, "GOFLAGS": "-mod=mod", "GO111MODULE": "off"}


def judge(exp, race, status, stdout, stderr, prog, atomic_wildcard):
    """Problems with one run, as a list of strings (empty when it passed)."""
    problems = []
    if status is None:
        return [stderr]
    if race:
        reports, found = parse_race_reports(stderr)
        got = race_line_pairs(reports, prog)
        want = set() if exp.clean else exp.pairs
        if not pairs_match(got, want, atomic_wildcard):
            problems.append("races %s, want %s" % (fmt_pairs(got), fmt_pairs(want)))
        if exp.previous is not None and reports:
            prev = [a for a in reports[0].accesses if a.previous]
            frames = [f for f in prev[0].frames if is_program_file(f.file, prog)] if prev else []
            got_prev = ["%s:%d" % (f.func[:-2] if f.func.endswith("()") else f.func, f.line)
                        for f in frames]
            if got_prev != exp.previous:
                problems.append("previous access stack %s, want %s" % (" ".join(got_prev) or "none",
                                                                       " ".join(exp.previous)))
        if exp.created is not None and reports:
            stacks = list(reports[0].created.values())
            frames = [f for f in stacks[0][1] if is_program_file(f.file, prog)] if stacks else []
            got_created = ["%s:%d" % (f.func[:-2] if f.func.endswith("()") else f.func, f.line)
                           for f in frames]
            if got_created != exp.created:
                problems.append("created-at stack %s, want %s" % (" ".join(got_created) or "none",
                                                                  " ".join(exp.created)))
        if exp.reports is not None and len(reports) != exp.reports:
            problems.append("%d reports, want %d" % (len(reports), exp.reports))
        if reports and found != len(reports):
            problems.append("%d reports but 'Found %s data race(s)'" % (len(reports), found))
        want_status = 0 if exp.clean else RACE_EXIT
    else:
        want_status = 0
    if status != want_status:
        tail = stderr.strip().splitlines()[-1:] if status not in (0, RACE_EXIT) else []
        problems.append("exit status %d, want %d%s" % (status, want_status,
                                                          (": " + tail[0]) if tail else ""))
    if exp.output is not None and stdout != exp.output:
        problems.append("stdout %r, want %r" % (stdout, exp.output))
    return problems


def fmt_pairs(pairs):
    if not pairs:
        return "none"
    order = lambda p: (_line_order(p[0]), _line_order(p[1]))
    return ", ".join("%s-%s" % p for p in sorted(pairs, key=order))


def check_file(path, mode, gol, runs, verbose):
    """Run one program `runs` times; return a list of failure lines."""
    exp = Expect(path)
    failures = []
    tmp = None
    try:
        if mode == "go":
            # Build once and run the binary: `go run` would replace the program's exit
            # status 66 by 1 and add its own "exit status" line to stderr.
            tmp = tempfile.mkdtemp(prefix="gol-race-")
            src = os.path.join(tmp, "prog.go")
            shutil.copyfile(path, src)
            status, out, err = run(["go", "build", "-race", "-o", "prog", "prog.go"],
                                   cwd=tmp, env_extra=go_env())
            if status != 0:
                return ["%s: go build failed: %s" % (exp.name, err.strip())]
            argv, prog, race = [os.path.join(tmp, "prog")], src, True
        elif mode == "gol":
            argv, prog, race = [gol, "-race", path], path, True
        else:
            argv, prog, race = [gol, path], path, False
        for n in range(1, runs + 1):
            status, out, err = run(argv, cwd=tmp)
            for p in judge(exp, race, status, out, err, prog, mode == "go"):
                failures.append("%s: run %d: %s" % (exp.name, n, p))
                if verbose:
                    failures.append(err)
            if failures:
                break  # the first failing run says enough
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return failures


def dump(text):
    """Show the parsed reports, to debug a detector's output against the parser."""
    reports, found = parse_race_reports(text)
    for n, r in enumerate(reports, 1):
        print("report %d:" % n)
        for acc in r.accesses:
            who = "main goroutine" if acc.goroutine == 0 else "goroutine %d" % acc.goroutine
            print("  %s%s at %s by %s: first frame %s; program line %s" % (
                "previous " if acc.previous else "", acc.kind, acc.addr, who,
                acc.first_frame(), access_line(acc)))
        for gid, (state, frames) in sorted(r.created.items()):
            print("  goroutine %d (%s) created at %s" % (gid, state, frames[0] if frames else "?"))
    print("pairs: %s; Found line: %s" % (fmt_pairs(race_line_pairs(reports)), found))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--go", action="store_true", help="check against `go build -race`")
    g.add_argument("--gol", metavar="GOL", help="check against `GOL -race FILE`")
    g.add_argument("--plain", metavar="GOL", help="run `GOL FILE` without -race")
    g.add_argument("--parse", metavar="STDERR",
                   help="print what the parser finds in a saved stderr file ('-': stdin)")
    ap.add_argument("--runs", type=int, default=3, help="runs per program (default 3)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2, help="programs in parallel")
    ap.add_argument("-v", action="store_true", help="show stderr of failing runs")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    if a.parse:
        return dump(sys.stdin.read() if a.parse == "-" else open(a.parse).read())

    files = a.files or sorted(
        os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".gol"))
    mode = "go" if a.go else "gol" if a.gol else "plain"
    gol = a.gol or a.plain
    if gol:
        gol = os.path.abspath(gol)

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.j)) as pool:
        futures = [pool.submit(check_file, f, mode, gol, a.runs, a.v) for f in files]
        for fut in futures:
            try:
                problems = fut.result()
            except ValueError as e:  # a malformed header
                problems = [str(e)]
            if problems:
                failed += 1
                for p in problems:
                    print(p)
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
