#!/usr/bin/env bash
# Check (or with --update, regenerate) the expected `=> ` lines of every
# tests/vectors/*.vec against the C oracle in this directory.
#
#   tests/vectors/oracle/check.sh            exit 1 with a diff on any mismatch
#   tests/vectors/oracle/check.sh --update   rewrite the .vec files in place
#
# Steps: build the oracle (cc -O2 -Wall -Wextra -Werror, C11), run its
# self-test, check the contract's worked examples verbatim, then for each .vec:
# drop the `=> ` lines, run the case lines through the oracle, put one `=> `
# line after each case line (comments and blank lines kept) and compare.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vecdir="$(dirname "$here")"
update=0
case "${1:-}" in
  "") ;;
  --update) update=1 ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"${CC:-cc}" -std=c11 -O2 -Wall -Wextra -Werror -o "$tmp/oracle" \
  "$here/main.c" "$here/model_ilp32.c" "$here/model_ilp32_phys64.c" "$here/model_lp64.c"
oracle="$tmp/oracle"

"$oracle" --selftest

# The worked examples of the eval contract, copied from its text (never from
# the oracle), so `--update` cannot silently bake an oracle regression into
# examples.vec. model=/arch= added where the contract relies on its defaults
# (nommu / ilp32).
cat > "$tmp/contract.in" <<'EOF'
op=prep model=nommu arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000
op=prep model=nommu arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff
op=prep model=nommu arch=ilp32-phys64 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff
op=prep model=nommu arch=ilp32 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000
op=prep model=nommu arch=lp64 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000
op=prep model=nommu arch=ilp32 vm_len=0 pgoff=2 phys=0x10000000 size=0x2000
op=prep model=nommu arch=ilp32 vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000
op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000 arch=ilp32
EOF
cat > "$tmp/contract.want" <<'EOF'
rc=0 pfn=0x3ff44
rc=-22
rc=0 pfn=0x0
rc=-22
rc=0 pfn=0xfffff
rc=0 pfn=0x10002
rc=-22
rc=-22 prepare=0 complete=-22 type=simple_ioremap pgoff=0x0 flags=0xbb warns=2
EOF
"$oracle" < "$tmp/contract.in" > "$tmp/contract.got"
if ! diff -u "$tmp/contract.want" "$tmp/contract.got"; then
  echo "check.sh: the oracle disagrees with the contract's worked examples" >&2
  exit 1
fi

shopt -s nullglob
files=("$vecdir"/*.vec)
if [ "${#files[@]}" -eq 0 ]; then
  echo "check.sh: no .vec files in $vecdir" >&2
  exit 1
fi

fail=0
total=0
for f in "${files[@]}"; do
  name="$(basename "$f")"
  # Every case line needs a `#` comment: trailing, or on the line just above.
  awk -v name="$name" '
    /^=> / { next }
    { line = $0; sub(/#.*/, "", line) }
    line ~ /[^ \t]/ {
      if ($0 !~ /#/ && prev !~ /^[ \t]*#/) {
        printf "%s:%d: case without a # comment\n", name, NR > "/dev/stderr"; bad = 1
      }
    }
    { prev = $0 }
    END { exit bad }' "$f" || { fail=1; continue; }

  { grep -v '^=> ' "$f" || true; } > "$tmp/stripped"
  if ! "$oracle" < "$tmp/stripped" > "$tmp/out"; then
    echo "check.sh: $name: the oracle refused a case (see above)" >&2
    fail=1
    continue
  fi
  awk -v outs="$tmp/out" -v name="$name" '
    { print }
    { line = $0; sub(/#.*/, "", line) }
    line ~ /[^ \t]/ {
      if ((getline res < outs) <= 0) { printf "%s: oracle output ran short\n", name > "/dev/stderr"; exit 1 }
      print "=> " res
      n++
    }
    END { if ((getline extra < outs) > 0) { printf "%s: oracle printed extra lines\n", name > "/dev/stderr"; exit 1 } }
  ' "$tmp/stripped" > "$tmp/new"
  total=$((total + $(grep -c '^=> ' "$tmp/new" || true)))

  if [ "$update" -eq 1 ]; then
    if ! cmp -s "$f" "$tmp/new"; then
      cp "$tmp/new" "$f"
      echo "updated $name"
    fi
  elif ! diff -u --label "$name (committed)" --label "$name (oracle)" "$f" "$tmp/new"; then
    fail=1
  fi
done

if [ "$fail" -ne 0 ]; then
  echo "check.sh: vector check FAILED" >&2
  exit 1
fi
echo "check.sh: ${#files[@]} files, $total cases agree with the oracle"
