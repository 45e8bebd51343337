#!/usr/bin/env bash
# The interactive REPL in a real terminal (tmux): line editing, history
# kept across two sessions, Ctrl-R search, tab completion, Ctrl-C stopping
# a running loop and a blocked receive, goroutine output that does not
# garble the line being typed, and no CPU used at the prompt while 1,000
# goroutines are parked. Ends with `N passed, N failed`.
set -u
cd "$(dirname "$0")/.."
GOL=$(pwd)/build/gol
PASS=0
FAIL=0
TMP=$(mktemp -d)
SOCK="$TMP/tmux.sock"
export HOME="$TMP/home"
mkdir -p "$HOME"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

t() { tmux -S "$SOCK" "$@"; }

start() {
    t kill-server 2>/dev/null
    sleep 0.2
    t new-session -d -s repl -x 120 -y 40 "env HOME='$HOME' '$GOL'; echo EXITED \$?; sleep 60"
    wait_for 'gol> '
}

screen() { t capture-pane -t repl -p; }

# wait_for TEXT: until the screen shows TEXT (at most 5 s)
wait_for() {
    local i
    for i in $(seq 50); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# check NAME TEXT: the screen shows TEXT (waiting for it)
check() {
    if wait_for "$2"; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL $1: screen does not show '$2':"
        screen | sed 's/^/    | /'
    fi
}

keys() { t send-keys -t repl "$@"; }
# keys typed while an input still runs meet the terminal in cooked mode;
# a short pause after each line keeps typing at a person's pace
type_line() { t send-keys -t repl -l "$1"; t send-keys -t repl Enter; sleep 0.15; }

if ! command -v tmux >/dev/null; then
    echo "FAIL: tmux is not installed (./dev setup installs it)"
    echo "0 passed, 1 failed"
    exit 1
fi

start
check "banner" ':help for help'

# line editing: arrow keys move the cursor, typing inserts there
t send-keys -t repl -l '40 + 2'
keys Left Left Left Left
t send-keys -t repl -l '0'
keys Enter
check "editing with arrow keys" '402'

# tab completion: a package member, then a session name
t send-keys -t repl -l 'strings.ToU'
keys Tab
t send-keys -t repl -l '("tab")'
keys Enter
check "completion of a package member" 'TAB'
type_line 'lengthyName := 5'
t send-keys -t repl -l 'lengthyN'
keys Tab
t send-keys -t repl -l ' * 3'
keys Enter
check "completion of a session name" '15'

type_line 'type Pet struct{ Name string }'
type_line 'func (p Pet) Greeting() string { return "hi " + p.Name }'
type_line 'pet := Pet{"rex"}'
t send-keys -t repl -l 'pet.Gr'
keys Tab
t send-keys -t repl -l '()'
keys Enter
check "completion of a method of a variable" 'hi rex'

t send-keys -t repl -l ':gor'
keys Tab
keys Enter
check "completion of a command" 'goroutine 1 [running]: repl'

# Ctrl-C stops a running loop; the session goes on
type_line 'for {}'
sleep 0.5
keys C-c
check "Ctrl-C interrupts a loop" 'interrupted'
type_line 'lengthyName + 100'
check "state kept after Ctrl-C" '105'

# ... and a receive nobody will answer before a timer far away
type_line 'c := make(chan int)'
type_line 'go func() { time.Sleep(time.Hour); c <- 1 }()'
type_line '<-c'
sleep 0.3
keys C-c
type_line '"after the receive"'
check "Ctrl-C interrupts a blocked receive" 'after the receive'

# ... a loop inside a method the runtime calls (fmt calling String)
type_line 'type Spin int'
type_line 'func (Spin) String() string { for {} }'
type_line 'Spin(1)'
sleep 0.5
keys C-c
type_line '"after String"'
check "Ctrl-C interrupts a loop inside String" 'after String'

# goroutine output while a line is being typed: it gets its own line and
# the prompt comes back with the typed text
type_line 'go func() { time.Sleep(300 * time.Millisecond); fmt.Println("from the background") }()'
t send-keys -t repl -l 'half'
sleep 0.8
check "background output on its own line" 'from the background'
check "the typed text survives" 'gol> half'
keys C-u

# no CPU at the prompt with 1,000 parked goroutines
type_line 'block := make(chan int)'
type_line 'for i := 0; i < 1000; i++ { go func() { <-block }() }'
type_line 'runtime.NumGoroutine()'
# 1,000, the prompt's own and the one sleeping for an hour
check "1,000 goroutines parked" '1002'
pid=$(pgrep -n -f "^$GOL\$" || true)
if [ -n "$pid" ]; then
    ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
    before=$(ticks)
    sleep 2
    after=$(ticks)
    if [ $((after - before)) -le 5 ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL idle CPU: $((after - before)) clock ticks in 2 s at the prompt"
    fi
else
    FAIL=$((FAIL + 1))
    echo "FAIL idle CPU: no gol process found"
fi

# an interrupted sleep leaves no sleeper behind: in a fresh session a
# receive nobody can answer is then a deadlock at once
type_line ':reset'
type_line 'time.Sleep(time.Hour)'
sleep 0.3
keys C-c
type_line '<-make(chan int)'
check "an interrupted sleep leaves no sleeper behind" 'all goroutines are asleep'

type_line 'historyMarker := 7'
# a key typed while an input still runs reaches the terminal in cooked
# mode, where Ctrl-D is no character: let the prompt come back first
sleep 0.5
keys C-d
check "Ctrl-D leaves" 'EXITED 0'

# a second session: the history of the first one is there
start
keys Up
check "history from the last session (Up)" 'gol> historyMarker := 7'
keys Enter
# the recalled input runs first: Ctrl-R must reach the prompt, not the
# terminal in cooked mode while the input still runs
sleep 0.5
keys C-r
sleep 0.2
t send-keys -t repl -l 'strings.T'
keys Enter
check "Ctrl-R finds an earlier input" 'TAB'
type_line 'historyMarker * 6'
check "a recalled input runs" '42'
type_line ':quit'
check ":quit leaves" 'EXITED 0'
# libedit writes the file vis(3)-encoded (a space is \040)
if grep -qF 'historyMarker' "$HOME/.gol_history"; then
    PASS=$((PASS + 1))
else
    FAIL=$((FAIL + 1))
    echo "FAIL history file: ~/.gol_history lacks the input"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
