#!/usr/bin/env bash
# Every examples/*.gol must run under gol exactly as under `go run`: for
# examples/NAME.gol, examples/expected/NAME.out holds `# exit N` on its first
# line and then the exact stdout, both taken from Go's real output. When
# examples/expected/NAME.err exists, its one line must equal the first line
# of stderr (deadlock.gol: Go's fatal error). Each run has a 20 s limit.
# Then every example once more under -race (see the end).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOL=${GOL:-build/gol}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

for src in examples/*.gol; do
	name=$(basename "$src" .gol)
	exp=examples/expected/$name.out
	if [ ! -f "$exp" ]; then
		echo "FAIL $name: no $exp"; fail=$((fail + 1)); continue
	fi
	want_status=$(head -1 "$exp" | sed -n 's/^# exit \([0-9][0-9]*\)$/\1/p')
	if [ -z "$want_status" ]; then
		echo "FAIL $name: $exp does not start with '# exit N'"; fail=$((fail + 1)); continue
	fi
	tail -n +2 "$exp" >"$tmp/want"
	timeout 20 "$GOL" "$src" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	ok=1
	if [ "$status" -eq 124 ]; then
		echo "FAIL $name: timed out after 20 s"; ok=0
	elif [ "$status" -ne "$want_status" ]; then
		echo "FAIL $name: exit status $status, want $want_status"; head -3 "$tmp/err"; ok=0
	fi
	if ! cmp -s "$tmp/want" "$tmp/out"; then
		echo "FAIL $name: stdout differs (want vs got):"
		diff "$tmp/want" "$tmp/out" | head -10; ok=0
	fi
	if [ -f "examples/expected/$name.err" ]; then
		want_err=$(head -1 "examples/expected/$name.err")
		got_err=$(head -1 "$tmp/err")
		if [ "$got_err" != "$want_err" ]; then
			echo "FAIL $name: stderr first line is '$got_err', want '$want_err'"; ok=0
		fi
	fi
	if [ "$ok" -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

# Under -race: datarace.gol is reported (exit 66), every other example is
# race-free and gives no report.
for src in examples/*.gol; do
	name=$(basename "$src" .gol)
	timeout 60 "$GOL" -race "$src" >/dev/null 2>"$tmp/err" </dev/null
	status=$?
	reports=$(grep -c '^WARNING: DATA RACE$' "$tmp/err")
	if [ "$name" = datarace ]; then
		if [ "$status" -eq 66 ] && [ "$reports" -ge 1 ] && grep -q '^Found [0-9]* data race(s)$' "$tmp/err"; then
			pass=$((pass + 1))
		else
			echo "FAIL $name -race: exit status $status, $reports reports (want 66 and a report)"; fail=$((fail + 1))
		fi
	elif [ "$reports" -ne 0 ]; then
		echo "FAIL $name -race: $reports race reports in a race-free example"; fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
