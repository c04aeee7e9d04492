#!/usr/bin/env bash
# Speed benchmark: Extractor's whole pipeline vs poppler's `pdftotext -layout` on the same files, one core each.
# Usage: bench/compare.sh [FILES_OR_FOLDERS…]   (default: the seed and synth fixtures and the real corpus)
# Needs poppler-utils for the reference (apt-get install -y poppler-utils); the Extractor side needs only dotnet.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(fixtures/*.pdf fixtures/synth fixtures/corpus)

dotnet build src/Extractor.Cli -c Release -v q -nologo >/dev/null
files=()
for i in "${inputs[@]}"; do
  if [ -d "$i" ]; then while IFS= read -r f; do files+=("$f"); done < <(find "$i" -name '*.pdf' | sort); else files+=("$i"); fi
done

if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
  pages=0
  for f in "${files[@]}"; do n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'); pages=$((pages + ${n:-0})); done
  start=$(date +%s.%N)
  for f in "${files[@]}"; do taskset -c 0 pdftotext -layout "$f" - >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  echo "pdftotext -layout: $pages pages in $(echo "$end - $start" | bc) s = $(echo "scale=1; $pages / ($end - $start)" | bc) pages/s (one core)"
else
  echo "pdftotext not installed: apt-get install -y poppler-utils for the reference figure"
fi
taskset -c 0 dotnet src/Extractor.Cli/bin/Release/net10.0/extractor-cli.dll bench "${files[@]}" --rounds 3 --stages
