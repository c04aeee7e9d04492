#!/usr/bin/env bash
# Speed benchmark of the job a user runs: `extractor-cli batch -j 1` as a process over a folder (coordinator + worker
# process, start-up and JIT included) against a `pdftotext -layout` loop over the same files, both on one core
# (`taskset -c 0`), alternated round by round, each timed by /usr/bin/time (user+sys CPU seconds, wall seconds, peak
# resident set of the largest process). Then the same over the folder repeated 4× (memory must stay flat) and, when
# the machine has two cores, 1 vs 2 workers (throughput per wall second).
#
# Usage: bench/compare.sh [--rounds N] [--quick] [--no-4x] [--no-jobs] [--r2r] [FILES_OR_FOLDERS…]
#   default input: fixtures/corpus; default 3 rounds. --quick = 1 round, no 4× and no 2-worker run (a smoke test).
#   Measures the native CLI (published with -p:Native=true; needs clang or gcc), --r2r the ReadyToRun one;
#   EXTRACTOR_CLI=/path/to/extractor-cli (or a .dll) measures that build instead of publishing one.
# Needs poppler-utils (pdftotext, pdfinfo) and GNU time: apt-get install -y poppler-utils time
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 four=1 jobs=1 form=native inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --quick) rounds=1 four=0 jobs=0; shift ;;
    --no-4x) four=0; shift ;;
    --no-jobs) jobs=0; shift ;;
    --r2r) form=r2r; shift ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ ${#inputs[@]} -gt 0 ] || inputs=(fixtures/corpus)
for tool in pdftotext pdfinfo taskset /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found (apt-get install -y poppler-utils time util-linux)" >&2; exit 2; }
done

# The fastest form users install (README, Install): the native CLI (Native AOT: nothing is JIT-compiled in the
# coordinator or any worker), when a C toolchain is there to link it (a few minutes to build); else, or with --r2r,
# the framework-dependent CLI published ReadyToRun.
work=bench/.work
mkdir -p "$work"
if [ -n "${EXTRACTOR_CLI:-}" ]; then
  form="EXTRACTOR_CLI"
else
  if [ "$form" = native ] && ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
    echo "compare.sh: no clang or gcc to link the native CLI: measuring the ReadyToRun form (apt-get install -y clang)" >&2
    form=r2r
  fi
  rm -rf "$work/publish"
  if [ "$form" = native ]; then
    dotnet publish src/Extractor.Cli -c Release -p:Native=true -o "$work/publish" -v q -nologo >/dev/null
  else
    dotnet publish src/Extractor.Cli -c Release -p:PublishReadyToRun=true -o "$work/publish" -v q -nologo >/dev/null
  fi
  EXTRACTOR_CLI="$work/publish/extractor-cli"
fi
cli=("$EXTRACTOR_CLI")
[[ "$EXTRACTOR_CLI" == *.dll ]] && cli=(dotnet "$EXTRACTOR_CLI")

# One folder of the inputs (links, named apart), and the same 4 times over (hard links where possible: a symlink would
# resolve to the same document, which a batch runs once).
files=()
for i in "${inputs[@]}"; do
  if [ -d "$i" ]; then while IFS= read -r f; do files+=("$f"); done < <(find "$i" -name '*.pdf' | sort); else files+=("$i"); fi
done
[ ${#files[@]} -gt 0 ] || { echo "compare.sh: no PDF in ${inputs[*]}" >&2; exit 2; }
link() { ln "$1" "$2" 2>/dev/null || cp "$1" "$2"; }
rm -rf "$work/x1" "$work/x4"
mkdir -p "$work/x1" "$work/x4"
n=0 pages=0
for f in "${files[@]}"; do
  n=$((n + 1))
  link "$f" "$work/x1/$(printf %04d "$n")-$(basename "$f")"
  for r in 1 2 3 4; do link "$f" "$work/x4/$r-$(printf %04d "$n")-$(basename "$f")"; done
  p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  pages=$((pages + ${p:-0}))
done

# time_of LABEL CMD…: runs CMD under GNU time, prints "cpu wall rss_mib"
time_of() {
  local t="$work/time.txt"
  /usr/bin/time -o "$t" -f '%U %S %e %M' "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$t" | awk '{printf "%.2f %.2f %.0f\n", $1 + $2, $3, $4 / 1024}' # GNU time may first say "Command exited with non-zero status 4"
}
pdftotext_loop() { for f in "$1"/*.pdf; do pdftotext -layout "$f" - >/dev/null 2>&1 || true; done; }
export -f pdftotext_loop
# --ocr never: pdftotext reads the text layer only, and so does this comparison. With the batch's default (auto) a
# scanned document is OCR'd by tesseract (the corpus' 7-page scan: 21 CPU-s, more than the other 48 files together,
# and tesseract's own resident set), which is another job than the one measured here.
batch() { # batch DIR JOBS CPUS
  rm -rf "$work/out"
  time_of taskset -c "$3" "${cli[@]}" batch "$1" -j "$2" --no-warehouse --ocr never -o "$work/out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# compare DIR PAGES LABEL: alternated rounds, then medians and the ratio
compare() {
  local dir="$1" p="$2" label="$3" ref=() ext=() r
  echo "== $label: $(ls "$dir" | wc -l) files, $p pages, $rounds rounds alternated, one core (taskset -c 0)"
  for r in $(seq "$rounds"); do
    read -r c w m < <(time_of taskset -c 0 bash -c "pdftotext_loop $dir")
    ref+=("$c $w $m"); printf '  round %d  pdftotext -layout loop   %6.2f CPU-s %6.2f wall-s %5d MiB peak RSS\n' "$r" "$c" "$w" "$m"
    read -r c w m < <(batch "$dir" 1 0)
    ext+=("$c $w $m"); printf '  round %d  extractor-cli batch -j 1 %6.2f CPU-s %6.2f wall-s %5d MiB peak RSS\n' "$r" "$c" "$w" "$m"
  done
  local rc ec rw ew rmax emax
  rc=$(printf '%s\n' "${ref[@]}" | awk '{print $1}' | median); ec=$(printf '%s\n' "${ext[@]}" | awk '{print $1}' | median)
  rw=$(printf '%s\n' "${ref[@]}" | awk '{print $2}' | median); ew=$(printf '%s\n' "${ext[@]}" | awk '{print $2}' | median)
  rmax=$(printf '%s\n' "${ref[@]}" | awk '{print $3}' | sort -n | tail -1); emax=$(printf '%s\n' "${ext[@]}" | awk '{print $3}' | sort -n | tail -1)
  awk -v p="$p" -v rc="$rc" -v ec="$ec" -v rw="$rw" -v ew="$ew" -v rm="$rmax" -v em="$emax" 'BEGIN {
    printf "  median   pdftotext -layout loop   %6.2f CPU-s (%4.0f pages per CPU-s) %6.2f wall-s  peak RSS %4d MiB\n", rc, p / rc, rw, rm
    printf "  median   extractor-cli batch -j 1 %6.2f CPU-s (%4.0f pages per CPU-s) %6.2f wall-s  peak RSS %4d MiB\n", ec, p / ec, ew, em
    printf "  ratio    %.2f (Extractor CPU-s / pdftotext CPU-s; <= 1.0 is as fast per core)\n", ec / rc }'
}

echo "extractor: ${cli[*]} (${form}); load: $(cut -d' ' -f1-3 /proc/loadavg)"
compare "$work/x1" "$pages" "corpus ×1"
[ "$four" = 1 ] && compare "$work/x4" $((pages * 4)) "corpus ×4 (memory must not grow with the number of documents)"
if [ "$jobs" = 1 ]; then
  if [ "$(nproc)" -ge 2 ]; then
    echo "== 1 vs 2 workers on two cores (taskset -c 0,1), $pages pages, wall-clock throughput"
    read -r c1 w1 m1 < <(batch "$work/x1" 1 0,1)
    read -r c2 w2 m2 < <(batch "$work/x1" 2 0,1)
    awk -v p="$pages" -v c1="$c1" -v w1="$w1" -v c2="$c2" -v w2="$w2" 'BEGIN {
      printf "  -j 1  %6.2f wall-s %6.2f CPU-s  %4.0f pages/s\n  -j 2  %6.2f wall-s %6.2f CPU-s  %4.0f pages/s\n  speed-up %.2f× (target >= 1.8)\n",
        w1, c1, p / w1, w2, c2, p / w2, w1 / w2 }'
  else
    echo "== 1 vs 2 workers: skipped (one core)"
  fi
fi
rm -rf "$work/out" "$work/x1" "$work/x4"
