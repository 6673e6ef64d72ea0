#!/bin/sh
# fuzz.sh: runs each libFuzzer harness for SECONDS over its seeds
# (tests/fuzz/seeds/TARGET) and a working corpus kept in build-fuzz/corpus,
# then prints executions, coverage and findings per harness. A crash, leak
# or timeout leaves its input in build-fuzz/artifacts/TARGET/ and makes the
# script fail once every harness has run: minimise it, and put it in
# tests/fuzz/regress/TARGET/ so make test replays it from then on.
#   scripts/fuzz.sh SECONDS TARGET...
set -u
secs=$1
shift
fz=build-fuzz
failed=0
rows=
for t in "$@"; do
	corpus=$fz/corpus/$t
	art=$fz/artifacts/$t
	log=$fz/$t.log
	mkdir -p "$corpus" "$art"
	set -- -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 \
		-print_final_stats=1 -artifact_prefix="$art/"
	case $t in
	html|json|resume) set -- "$@" -max_len=65536 ;;
	*) set -- "$@" -max_len=8192 ;;
	esac
	[ -f "tests/fuzz/$t.dict" ] && set -- "$@" -dict="tests/fuzz/$t.dict"
	echo "fuzz: $t for ${secs}s" >&2
	# the bundled examples seed the page and resume harnesses too
	extra=
	case $t in
	html) extra=corpora/examples/postings ;;
	resume) extra=corpora/examples ;;
	esac
	# shellcheck disable=SC2086
	"$fz/fuzz_$t" "$@" "$corpus" "tests/fuzz/seeds/$t" $extra > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
		tail -n 1)
	last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	units=$(ls "$corpus" | wc -l)
	found=$(ls "$art" | wc -l)
	if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
		failed=1
		echo "fuzz: $t: exit $rc; see $log and $art/" >&2
		grep -E '^(==[0-9]+==ERROR|SUMMARY|Test unit written)' "$log" >&2
	fi
	rows="$rows$(printf '%-8s %10s %7s %7s %7s %8s' "$t" "${execs:-?}" \
		"${cov:-?}" "${ft:-?}" "$units" "$found")
"
done
printf '%-8s %10s %7s %7s %7s %8s\n' harness execs cov ft corpus findings
printf '%s' "$rows"
exit $failed
