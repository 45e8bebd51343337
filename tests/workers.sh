#!/usr/bin/env bash
# Worker threads (M:N scheduling): what the golden programs cannot show
# because it is not a program's output. -procs and GOMAXPROCS set the
# number of worker threads (runtime.GOMAXPROCS reports it, the process
# really has that many threads), idle workers use no CPU, and goroutines
# that write one map at once without synchronising end the program with
# Go's "concurrent map writes" report (Go detects it on a best-effort
# basis: the run may also finish), never with a crash.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOL=${GOL:-build/gol}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; kill $(jobs -p) 2>/dev/null' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; shift; [ $# -gt 0 ] && printf '    %s\n' "$@"; fail=$((fail + 1)); }

# expect NAME WANT GOT
expect() {
	if [ "$2" = "$3" ]; then ok; else bad "$1" "want: $2" "got:  $3"; fi
}

cat >"$tmp/procs.gol" <<'GOL'
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0))
}
GOL
expect "-procs 3 sets GOMAXPROCS" 3 "$(timeout 20 "$GOL" -procs 3 "$tmp/procs.gol" 2>&1)"
expect "-procs=2 form" 2 "$(timeout 20 "$GOL" -procs=2 run "$tmp/procs.gol" 2>&1)"
expect "GOMAXPROCS variable" 5 "$(GOMAXPROCS=5 timeout 20 "$GOL" "$tmp/procs.gol" 2>&1)"
expect "-procs wins over GOMAXPROCS" 1 "$(GOMAXPROCS=5 timeout 20 "$GOL" -procs 1 "$tmp/procs.gol" 2>&1)"
expect "default: one worker per CPU" "$(nproc)" "$(env -u GOMAXPROCS timeout 20 "$GOL" "$tmp/procs.gol" 2>&1)"
out=$(timeout 20 "$GOL" -procs 0 "$tmp/procs.gol" 2>&1); st=$?
expect "-procs 0 is refused" "2 gol: -procs wants a number from 1 to 256" "$st $out"

# a program whose goroutines all sleep: sample its threads and CPU time
cat >"$tmp/sleepers.gol" <<'GOL'
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(3 * time.Second)
		}()
	}
	wg.Wait()
	fmt.Println("woke")
}
GOL
# workers PID: the process's worker threads (named gol-worker-N; the main
# thread waits for worker 0, and the collector has its own GC-marker-N)
workers() { cat /proc/"$1"/task/*/comm 2>/dev/null | grep -c '^gol-worker-'; }

# threads_and_ticks PROCS: "THREADS TICKS" sampled from 1 s to 2.5 s into the run
threads_and_ticks() {
	"$GOL" -procs "$1" "$tmp/sleepers.gol" >"$tmp/sleepers.out" 2>&1 &
	local pid=$! t0 t1
	sleep 1
	local threads
	threads=$(workers "$pid")
	t0=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)
	sleep 1.5
	t1=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)
	wait "$pid"
	echo "$threads $((${t1:-0} - ${t0:-0}))"
}
read -r threads ticks < <(threads_and_ticks 2)
expect "-procs 2 runs 2 worker threads" 2 "$threads"
if [ "${ticks:-99}" -le 5 ]; then ok; else bad "sleeping goroutines on 2 workers use no CPU" "$ticks clock ticks in 1.5 s"; fi
expect "the sleepers wake" woke "$(cat "$tmp/sleepers.out")"
read -r threads ticks < <(threads_and_ticks 1)
expect "-procs 1 runs 1 worker thread" 1 "$threads"

# a program that never says go stays on its main thread
cat >"$tmp/seq.gol" <<'GOL'
package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("done")
}
GOL
"$GOL" -procs 4 "$tmp/seq.gol" >/dev/null 2>&1 &
pid=$!
sleep 0.7
expect "no go statement, no worker threads" 1 "$(workers "$pid")"
wait "$pid"

cat >"$tmp/mapwrites.gol" <<'GOL'
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 1000000; i++ {
				m[i%1000+g*1000] = i
				_ = m[i%1000]
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(m))
}
GOL
for run in 1 2 3 4 5; do
	out=$(timeout 60 "$GOL" -procs 2 "$tmp/mapwrites.gol" 2>&1); st=$?
	first=$(head -n1 <<<"$out")
	case "$st:$first" in
		"0:2000") ok ;;
		"2:fatal error: concurrent map writes" | "2:fatal error: concurrent map read and map write") ok ;;
		*) bad "unsynchronised map writes (run $run): Go's report or a clean finish" "exit $st" "$(head -n3 <<<"$out")" ;;
	esac
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
