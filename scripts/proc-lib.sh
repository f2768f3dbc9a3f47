# proc-lib.sh: stopping what a script started, never waiting forever.
# Sourced by scripts/bench-lib.sh and tests/cli/lib.bash.
#
#   proc_stop PID [WHAT]
#       SIGTERM to PID (a child of the calling shell), then waits for it
#       at most PROC_STOP_SECONDS (30; a server stops within 10 s, README).
#       Still there: says so on stderr with where its threads wait
#       (proc_report), SIGKILLs it and returns 1.
#   proc_report PID...
#       each PID and its descendants: state, age, what the kernel says each
#       thread waits in, and with gdb installed every thread's stack.
#   proc_watchdog SECONDS
#       in the background: when the calling shell still runs SECONDS later,
#       proc_report of everything it started, on stderr, then SIGTERM and
#       SIGKILL to those processes, so that a step that hangs fails with
#       its stacks instead of the whole script being killed by a test
#       runner's timeout with nothing said. Ends with the shell (checked
#       every 0.2 s).

proc_alive() { [ -d "/proc/$1" ] && [ "$(sed 's/.*) //; s/ .*//' "/proc/$1/stat" 2> /dev/null)" != Z ]; }

# The descendants of PID, parents first (not PID itself), but not SKIP
# nor SKIP's descendants.
proc_tree() {
	local kid
	for kid in $(cat /proc/"$1"/task/*/children 2> /dev/null); do
		[ "$kid" = "${2:-}" ] && continue
		echo "$kid"
		proc_tree "$kid" "${2:-}"
	done
}

proc_report() {
	local p t w
	for p in "$@"; do
		for t in "$p" $(proc_tree "$p"); do
			proc_alive "$t" || continue
			echo "-- pid $t, $(ps -o etimes= -p "$t" | tr -d ' ') s old: $(tr '\0' ' ' < "/proc/$t/cmdline" | cut -c1-200)"
			for w in /proc/"$t"/task/*; do
				echo "   thread ${w##*/} $(sed 's/.*) //; s/ .*//' "$w/stat" 2> /dev/null) in $(cat "$w/wchan" 2> /dev/null)"
			done
			if command -v gdb > /dev/null && [ "$(readlink "/proc/$t/exe")" != "$(readlink /proc/$$/exe)" ]; then
				timeout 30 gdb -p "$t" -batch -nx -ex 'thread apply all bt 10' 2> /dev/null | grep '^#\|^Thread' | cut -c1-160
			fi
		done
	done
}

proc_stop() {
	local p=$1 what=${2:-"process $1"} i
	[ -n "$p" ] || return 0
	kill "$p" 2> /dev/null || { wait "$p" 2> /dev/null; return 0; }
	for ((i = 0; i < ${PROC_STOP_SECONDS:-30} * 10; i++)); do
		proc_alive "$p" || { wait "$p" 2> /dev/null; return 0; }
		sleep 0.1
	done
	{
		echo "FAIL: $what still running ${PROC_STOP_SECONDS:-30} s after SIGTERM; where it waits:"
		proc_report "$p"
	} >&2
	kill -9 "$p" $(proc_tree "$p") 2> /dev/null
	wait "$p" 2> /dev/null
	return 1
}

proc_watchdog() {
	local shell=$$ limit=$1
	(
		me=$BASHPID
		for ((i = 0; i < limit * 5; i++)); do
			proc_alive "$shell" || exit 0
			sleep 0.2
		done
		kids=$(proc_tree "$shell" "$me")
		{
			echo "FAIL: still running after $limit s; what it started and where each waits:"
			for k in $kids; do [ "$(sed 's/.*) //' "/proc/$k/stat" 2> /dev/null | cut -d' ' -f2)" = "$shell" ] && proc_report "$k"; done
		} >&2
		kill $kids 2> /dev/null
		sleep 5
		kill -9 $kids 2> /dev/null
	) < /dev/null &
	proc_watchdog_pid=$!
}
