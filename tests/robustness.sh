#!/usr/bin/env bash
# Bad input must give a clear error and a non-zero exit (or a clean parse),
# never a crash, a hang or silence. Each case runs gol check under a time
# limit and asserts the exit status and, where it matters, the message.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOL=${GOL:-build/gol}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# check NAME FILE WANT_STATUS [STDERR_REGEX]
check() {
	local name=$1 file=$2 want=$3 re=${4:-}
	local err status
	err=$(timeout 20 "$GOL" check "$file" 2>&1 >/dev/null)
	status=$?
	if [ "$status" -ne "$want" ]; then
		echo "FAIL $name: exit status $status, want $want"; echo "$err" | head -3
		fail=$((fail + 1)); return
	fi
	if [ -n "$re" ] && ! grep -Eq -- "$re" <<<"$err"; then
		echo "FAIL $name: stderr does not match /$re/"; echo "$err" | head -3
		fail=$((fail + 1)); return
	fi
	pass=$((pass + 1))
}

: >"$tmp/empty.gol"
check empty-file "$tmp/empty.gol" 1 "function main is undeclared in the main package"

head -c 65536 /dev/urandom >"$tmp/garbage.gol" 2>/dev/null || python3 -c 'import os,sys; sys.stdout.buffer.write(os.urandom(65536))' >"$tmp/garbage.gol"
check binary-garbage "$tmp/garbage.gol" 1 'garbage.gol:[0-9]+:[0-9]+: '

printf 'package main\n\nvar s = "\xff\xfe"\n\nfunc main() {}\n' >"$tmp/utf8.gol"
check invalid-utf8 "$tmp/utf8.gol" 1 'utf8.gol:3:10: invalid UTF-8 encoding'

printf 'package main\n\nvar x = 1\x00\n\nfunc main() {}\n' >"$tmp/nul.gol"
check nul-byte "$tmp/nul.gol" 1 'nul.gol:3:10: invalid NUL character'

python3 - "$tmp/longline.gol" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("package main\n\nvar x = []int{" + "1, " * 350000 + "}\n\nfunc main() {}\n")
PY
check one-mb-line "$tmp/longline.gol" 0

printf 'package main\n\nfunc main() {\n\ts := "abc' >"$tmp/str.gol"
check unterminated-string-eof "$tmp/str.gol" 1 'str.gol:4:7: string not terminated'

printf 'package main\n\nfunc main() {\n}\n/* never closed' >"$tmp/cmt.gol"
check unterminated-comment-eof "$tmp/cmt.gol" 1 'cmt.gol:5:1: comment not terminated'

python3 - "$tmp/parens.gol" "$tmp/braces.gol" <<'PY'
import sys
n = 100000
with open(sys.argv[1], "w") as f:
    f.write("package main\n\nvar x = " + "(" * n + "1" + ")" * n + "\n\nfunc main() {}\n")
with open(sys.argv[2], "w") as f:
    f.write("package main\n\nfunc main() " + "{" * n + "}" * n + "\n")
PY
check nested-parens "$tmp/parens.gol" 1 'parens.gol:3:[0-9]+: too deeply nested'
check nested-braces "$tmp/braces.gol" 1 'braces.gol:3:[0-9]+: too deeply nested'

python3 - "$tmp/unary.gol" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("package main\n\nvar x = " + "- " * 100000 + "1\n\nfunc main() {}\n")
PY
check deep-unary "$tmp/unary.gol" 1 'unary.gol:3:[0-9]+: too deeply nested'

err=$("$GOL" check "$tmp/missing.gol" 2>&1); status=$?
if [ $status -eq 1 ] && [ "$err" = "gol: open $tmp/missing.gol: no such file or directory" ]; then
	pass=$((pass + 1))
else
	echo "FAIL missing-file: status $status, stderr: $err"; fail=$((fail + 1))
fi

# a directory opens but does not read: the read's reason, not an I/O error
mkdir -p "$tmp/dir.gol"
err=$("$GOL" check "$tmp/dir.gol" 2>&1); status=$?
if [ $status -eq 1 ] && [ "$err" = "gol: open $tmp/dir.gol: is a directory" ]; then
	pass=$((pass + 1))
else
	echo "FAIL directory: status $status, stderr: $err"; fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
