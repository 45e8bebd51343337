#!/usr/bin/env python3
"""Scripted REPL sessions: feed each tests/repl/*.repl file's input to `gol`
on standard input (not a terminal, so no prompts and no line editing) and
compare what comes back, standard output and standard error merged in the
order they were written, with the file's expected transcript, exactly.

A session file:

    # one or more comment lines: what the session shows
    -- input --
    x := 1
    x + 1
    -- output --
    2
    -- exit 0 --

`-- exit N --` is optional (default 0); a comment line `# args: -race` gives
gol arguments. Race reports' addresses are not compared. Sessions run in
tests/repl/, so
`:load data/FILE.gol` finds the files next to them. Ends with the line
`N passed, N failed`.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ADDR = re.compile(r"^((?:Previous )?(?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite) at) 0x[0-9a-f]+", re.M)


def parse(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^-- input --\n(.*?)^-- output --\n(.*?)(?:^-- exit (\d+) --\n?)?\Z",
                  text, re.S | re.M)
    if not m:
        raise ValueError("no '-- input --' / '-- output --' sections")
    a = re.search(r"^# args: (.*)$", text[:m.start()], re.M)
    args = a.group(1).split() if a else []
    return m.group(1), m.group(2), int(m.group(3) or 0), args


def run_one(gol, path, timeout):
    try:
        given, want, want_exit, args = parse(path)
    except ValueError as e:
        return "malformed: %s" % e
    env = dict(os.environ, HOME=os.environ.get("TMPDIR", "/tmp"))
    try:
        p = subprocess.run([gol] + args, input=given.encode(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, cwd=HERE, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timed out after %ss" % timeout
    got = p.stdout.decode("utf-8", "replace")
    # a race report's addresses change from run to run
    got, want = ADDR.sub(r"\1 0x...", got), ADDR.sub(r"\1 0x...", want)
    problems = []
    if got != want:
        problems.append("transcript differs:\n" + diff(want, got))
    if p.returncode != want_exit:
        problems.append("exit status %d, want %d" % (p.returncode, want_exit))
    return "\n".join(problems)


def diff(want, got):
    import difflib
    lines = difflib.unified_diff(want.splitlines(), got.splitlines(), "want", "got", lineterm="")
    return "\n".join("    " + l for l in lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gol", default=os.path.join(HERE, "..", "..", "build", "gol"))
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    gol = os.path.abspath(a.gol)
    files = a.files or sorted(glob.glob(os.path.join(HERE, "*.repl")))
    passed = failed = 0
    for f in files:
        err = run_one(gol, os.path.abspath(f), a.timeout)
        if err:
            failed += 1
            print("FAIL %s: %s" % (os.path.relpath(f), err))
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
