#!/usr/bin/env bash
# The gate's false-alarm rate on A/A runs (issue 19 A4): runs the CI's product job (`run smoke`, as .ci/run does)
# N times on this one commit and machine, and gates
#   - every run alone with gate/ci-policy.yaml, as .ci/run does, and
#   - every run against the one before it with the built-in default policy (--baseline run i-1, --candidate run i),
# so any FAIL is a false alarm: nothing changed but the noise. Prints runs, gate evaluations and fails per policy
# with the rules that failed; keeps every run, gate table (.txt) and verdicts (.json) under the output directory.
#
#   scripts/gate-aa.sh N [--out DIR] [--max-minutes M] [run options ...]
#
# N: 1..50 runs. --out: where runs and gate outputs go (default runs-aa/<date-time>). --max-minutes (default 120):
# no run starts after that much time, and a run still going then is interrupted (SIGINT, as Ctrl-C). Any other
# option is passed to `./reactorbench run smoke` (e.g. --designs engine-epoll,netty-epoll or --set trials=3).
# Smoke takes a few minutes per run on 2 cores. Results: docs/ci.md, "False alarms on A/A runs".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: scripts/gate-aa.sh N [--out DIR] [--max-minutes M] [run options ...]"
max_runs=50

runs=${1:-}
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 1 ] || [ "$runs" -gt "$max_runs" ]; then
  echo "gate-aa: N must be a whole number from 1 to $max_runs, got '${runs}'" >&2
  echo "$usage" >&2
  exit 2
fi
shift
out="runs-aa/$(date -u +%Y%m%d-%H%M%S)"
max_minutes=120
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "gate-aa: --out needs a directory" >&2; exit 2; }; out=$2; shift 2 ;;
    --max-minutes)
      if [ $# -lt 2 ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
        echo "gate-aa: --max-minutes needs a whole number of minutes above 0" >&2; exit 2
      fi
      max_minutes=$2; shift 2 ;;
    *) run_args+=("$1"); shift ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$here"

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && commit="$commit (with uncommitted changes)"
deadline=$(( $(date +%s) + max_minutes * 60 ))

# The one run directory `run --out PARENT` made (PARENT holds nothing else).
run_dir() { find "$1" -mindepth 2 -maxdepth 2 -name run.json -printf '%h\n' | sort | tail -n 1; }

# gate NAME ARGS...: one gate evaluation, its table in NAME.txt and its verdicts in NAME.json.
gate() {
  local name=$1; shift
  local rc=0
  ./reactorbench gate "$@" --json "$out/$name.json" > "$out/$name.txt" 2>&1 || rc=$?
  printf '%s\t%s\n' "$name" "$rc" >> "$out/gates.tsv"
  echo "gate $name: exit $rc ($(tail -n 1 "$out/$name.txt"))"
}

echo "gate-aa: $runs run(s) of 'run smoke ${run_args[*]}' on commit $commit, into $out (stops starting runs after" \
  "$max_minutes min)"
made=()
for i in $(seq 1 "$runs"); do
  left=$(( deadline - $(date +%s) ))
  if [ "$left" -le 0 ]; then
    echo "gate-aa: --max-minutes $max_minutes reached: started $(( i - 1 )) of $runs run(s)"
    break
  fi
  parent="$out/run-$i"
  rc=0
  timeout --signal=INT --kill-after=60 "$left" \
    ./reactorbench run smoke --out "$parent" "${run_args[@]}" > "$out/run-$i.log" 2>&1 || rc=$?
  dir="$(run_dir "$parent")"
  echo "run $i: exit $rc, ${dir:-no run directory} (log $out/run-$i.log)"
  if [ "$rc" -ne 0 ] || [ -z "$dir" ]; then
    # Not a gate's false alarm but a failed CI job all the same: counted apart, and the pair chain restarts.
    echo "$i" >> "$out/failed-runs"
    made+=("")
    continue
  fi
  gate "ci-$i" --candidate "$dir" --policy gate/ci-policy.yaml
  previous=
  [ "${#made[@]}" -gt 0 ] && previous="${made[$(( ${#made[@]} - 1 ))]}"
  if [ -n "$previous" ]; then
    gate "pair-$(( i - 1 ))-$i" --baseline "$previous" --candidate "$dir"
  fi
  made+=("$dir")
done

# Tally: an evaluation is a false alarm when the gate exits 1; its JSON's failing rows name the rules.
python3 - "$out" "${#made[@]}" <<'EOF' | tee "$out/summary.txt"
import json, pathlib, sys
from collections import Counter

out, started = pathlib.Path(sys.argv[1]), int(sys.argv[2])
failed_runs = (out / "failed-runs").read_text().split() if (out / "failed-runs").exists() else []
gates = [line.split("\t") for line in (out / "gates.tsv").read_text().splitlines()] \
    if (out / "gates.tsv").exists() else []
print(f"runs: {started} started, {started - len(failed_runs)} completed"
      + (f", failed: run {', '.join(failed_runs)}" if failed_runs else ""))
for prefix, title in (("ci-", "gate/ci-policy.yaml, each run alone"),
                      ("pair-", "built-in default policy, each run against the one before it")):
    exits, rules, checks, correction = Counter(), Counter(), 0, None
    for name, rc in (g for g in gates if g[0].startswith(prefix)):
        exits[rc] += 1
        verdicts = out / (name + ".json")
        if verdicts.exists():
            report = json.loads(verdicts.read_text())
            failing = [row for row in report["rows"] if row["verdict"] not in ("pass", "inconclusive")]
            checks += len(failing)
            rules.update({row["rule"] for row in failing})
            if any(row.get("pValue") is not None for row in report["rows"]):  # only regression checks have one
                correction = f"{report.get('correction')} at alpha {report.get('alpha')}"
    evaluations = sum(exits.values())
    if evaluations == 0:
        print(f"{title}: no gate evaluations")
        continue
    named = ", ".join(f"{rule} ({n})" for rule, n in rules.most_common()) or "none"
    print(f"{title}: {evaluations} gate evaluations, {exits['1']} false alarms (exit 1; {checks} failing checks; "
          f"rules failing, in how many evaluations: {named}), {exits['2']} cannot judge (exit 2), "
          f"{exits['0']} pass or inconclusive (exit 0)" + (f"; correction {correction}" if correction else ""))
EOF
