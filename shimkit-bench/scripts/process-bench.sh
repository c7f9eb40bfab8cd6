#!/usr/bin/env bash
# Whole-process figures of shimkit-execute: wall time, CPU time (user+sys) and peak RSS, medians over N runs,
# printed as a markdown table. Builds nothing: first run, at the repository root,
#   mvn -B -q install -DskipTests
# (or: mvn -B -q package -DskipTests -pl shimkit-dist,shimkit-bench -am).
#
# Usage: shimkit-bench/scripts/process-bench.sh [-n RUNS] [-k CASES] [-r ROWS] [-c CASES_FILE] [-v VARIANTS]
#   -n RUNS       measured runs per case and variant (default 15, at least 10); one unmeasured run goes first
#   -k CASES      comma-separated subset of the cases by name (default: all)
#   -r ROWS       rows of the sqlite-1M case's database (default 1000000)
#   -c CASES_FILE more cases, one per line: "<name> <shimkit-execute args without --output-prefix>";
#                 a line may start with "env:NAME=VALUE ..." words, set for that case only (e.g. SHIMKIT_CLASSPATH)
#   -v VARIANTS   comma-separated subset of: appcds (the launcher as shipped, with lib/shimkit-execute.jsa),
#                 jdkcds (SHIMKIT_CDS=off: only the JDK's own CDS archive), nocds (SHIMKIT_CDS=off and -Xshare:off),
#                 extractlib (as appcds, but sqlite-jdbc extracts its native library per process, as without
#                 the copy bin/shimkit-cds-archive makes in lib/native/)
#                 default: appcds,jdkcds,nocds
# Environment: SHIMKIT_DIST (default shimkit-dist/target/shimkit), JAVA_HOME (the JVM the launcher uses).
#
# Cases built in (written by dev.shimkit.bench.ProcessBenchSetup): java-task (a JavaTask x+1, user jar on
# SHIMKIT_CLASSPATH), template-task (a customized container task whose executor formats a string), sqlite-3rows
# (a SQLite3Task as flytekit's example: zipped database, limit input 3) and sqlite-1M (a SQLite3Task writing
# 1,000,000 rows of id, name, score to parquet). Each run's outputs and raw data are deleted after it.
# Runs of all variants are interleaved so that drift of the machine hits every variant alike.
set -euo pipefail

runs=15
cases_file=""
variants="appcds,jdkcds,nocds"
only=""
sqlite_rows=1000000
while getopts "n:c:v:k:r:" opt; do
  case "$opt" in
    n) runs=$OPTARG ;;
    k) only=$OPTARG ;;
    r) sqlite_rows=$OPTARG ;;
    c) cases_file=$OPTARG ;;
    v) variants=$OPTARG ;;
    *) sed -n '2,24p' "$0"; exit 2 ;;
  esac
done
if [ "$runs" -lt 10 ]; then echo "process-bench: -n must be at least 10" >&2; exit 2; fi

root=$(cd "$(dirname "$0")/../.." && pwd -P)
dist=${SHIMKIT_DIST:-$root/shimkit-dist/target/shimkit}
bench_jar=$(ls "$root"/shimkit-bench/target/shimkit-bench-*.jar 2>/dev/null | head -1 || true)
launcher=$dist/bin/shimkit-execute
time_bin=/usr/bin/time
if [ ! -x "$launcher" ] || [ -z "$bench_jar" ]; then
  echo "process-bench: build first: mvn -B -q install -DskipTests (missing $launcher or shimkit-bench jar)" >&2
  exit 2
fi
if [ ! -x "$time_bin" ]; then
  echo "process-bench: $time_bin is missing: apt-get install -y time" >&2
  exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shimkit-process-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$java" -cp "$dist/lib/*:$bench_jar" dev.shimkit.bench.ProcessBenchSetup "$work/setup" "$sqlite_rows" > "$work/cases"
sed -i -E "s#^(java-task|template-task) #\1 env:SHIMKIT_CLASSPATH=$bench_jar #" "$work/cases"
if [ -n "$cases_file" ]; then cat "$cases_file" >> "$work/cases"; fi
if [ -n "$only" ]; then
  grep -E "^(${only//,/|}) " "$work/cases" > "$work/cases.only" || { echo "process-bench: no case named $only" >&2; exit 2; }
  mv "$work/cases.only" "$work/cases"
fi

# one run: prints "wall_s user_s sys_s maxrss_kib" (wall from the clock around it, ms resolution); fails loudly when the task did not write outputs.pb
run_once() { # case_line variant out_dir
  local line=$1 variant=$2 out=$3 name
  local -a envs=() args=()
  read -r -a words <<< "$line"
  name=${words[0]}
  for w in "${words[@]:1}"; do
    if [[ $w == env:* ]]; then envs+=("${w#env:}"); else args+=("$w"); fi
  done
  case "$variant" in
    appcds) ;;
    jdkcds) envs+=("SHIMKIT_CDS=off") ;;
    nocds) envs+=("SHIMKIT_CDS=off" "SHIMKIT_JAVA_OPTS=-Xshare:off ${SHIMKIT_JAVA_OPTS:-}") ;;
    extractlib) envs+=("SHIMKIT_JAVA_OPTS=-Dorg.sqlite.lib.path=$work/no-native-library ${SHIMKIT_JAVA_OPTS:-}") ;;
    *) echo "process-bench: unknown variant $variant" >&2; exit 2 ;;
  esac
  local t0 t1
  t0=$(date +%s%N)
  if ! env "${envs[@]}" "$time_bin" -f "%U %S %M" -o "$work/time" "$launcher" --output-prefix "$out" "${args[@]}" \
      > "$work/stdout" 2> "$work/stderr" || [ ! -f "$out/outputs.pb" ]; then
    echo "process-bench: case $name ($variant) failed:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  rm -rf "$out" "$work/setup/raw"
  echo "$(( (t1 - t0) / 1000000 ))e-3 $(tail -1 "$work/time")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

IFS=, read -r -a variant_list <<< "$variants"
n=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  name=${line%% *}
  for v in "${variant_list[@]}"; do run_once "$line" "$v" "$work/out/warm-$name-$v" > /dev/null; done
  for i in $(seq 1 "$runs"); do
    for v in "${variant_list[@]}"; do
      run_once "$line" "$v" "$work/out/$name-$v-$i" >> "$work/samples-$name-$v"
    done
  done
  n=$((n + 1))
done < "$work/cases"

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "shimkit-execute, $runs runs per row (medians; wall min-max of the runs); $(nproc) CPUs ($cpu);" \
  "$("$java" -version 2>&1 | head -1)"
echo
echo "| case | variant | wall median (s) | wall min-max (s) | CPU user+sys median (s) | peak RSS median (MiB) |"
echo "|---|---|---:|---:|---:|---:|"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  name=${line%% *}
  for v in "${variant_list[@]}"; do
    f="$work/samples-$name-$v"
    wall=$(awk '{ print $1 }' "$f" | median)
    lo=$(awk '{ print $1 }' "$f" | sort -g | head -1)
    hi=$(awk '{ print $1 }' "$f" | sort -g | tail -1)
    cpu_s=$(awk '{ print $2 + $3 }' "$f" | median)
    rss=$(awk '{ print $4 / 1024 }' "$f" | median)
    printf "| %s | %s | %.3f | %.3f-%.3f | %.2f | %.0f |\n" "$name" "$v" "$wall" "$lo" "$hi" "$cpu_s" "$rss"
  done
done < "$work/cases"
