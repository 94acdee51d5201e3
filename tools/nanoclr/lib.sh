# shellcheck shell=bash
# Shared helpers of tools/nanoclr (sourced, not run): where the real nanoCLR artefacts are, and the one check that a
# CI step makes before using them. ../shared (beside the repository; NANOREMAP_SHARED overrides it) holds the real
# nanoCLR, MetadataProcessor and TestFramework (shared/nanoclr/README.md) and nf-interpreter's posix sources
# (shared/nf-interpreter-posix/README.md). A user's clone has no ../shared: callers skip and say so.

nanoclr_repo_root() { (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd); }

# The shared folder, absolute, or nothing when it does not exist.
nanoclr_shared_dir() {
  local dir="${NANOREMAP_SHARED:-$(nanoclr_repo_root)/../shared}"
  [ -d "${dir}" ] && (cd "${dir}" && pwd)
}

# nanoclr_require_shared STEP SUBDIR...: prints "STEP: skipped: ..." and returns 1 when one of the shared
# subfolders (nanoclr, nf-interpreter-posix) is missing, so a caller does `nanoclr_require_shared x nanoclr || exit 0`.
nanoclr_require_shared() {
  local step="$1"; shift
  local shared; shared=$(nanoclr_shared_dir || true)
  if [ -z "${shared}" ]; then
    echo "${step}: skipped: ${NANOREMAP_SHARED:-../shared} (the real nanoCLR, MetadataProcessor and nf-interpreter sources) is not beside this clone"
    return 1
  fi
  local sub
  for sub in "$@"; do
    if [ ! -e "${shared}/${sub}" ]; then
      echo "${step}: skipped: ${shared}/${sub} is missing"
      return 1
    fi
  done
  return 0
}

# Seconds since the epoch, for step timings.
nanoclr_now() { date +%s; }

# nanoclr_run CLR_DIR PE...: runs the nanoCLR of CLR_DIR (bin/nanoFramework.nanoCLR.test, lib/nanoFramework.nanoCLR.so:
# ../shared/nanoclr or a posix build's build folder) with ../shared/nanoclr/pe/mscorlib.pe first and the given .pe
# files, output with CR dropped on stdout. Fails (1) when the binary is missing or the run exceeds
# NANOCLR_TIMEOUT seconds (default 600); the nanoCLR itself always exits 0, so the caller reads the output
# (nanoclr_link_failure).
nanoclr_run() {
  local clr="$1"; shift
  local shared; shared=$(nanoclr_shared_dir) || { echo "nanoclr: ${NANOREMAP_SHARED:-../shared} not found" >&2; return 1; }
  [ -x "${clr}/bin/nanoFramework.nanoCLR.test" ] || { echo "nanoclr: ${clr}/bin/nanoFramework.nanoCLR.test not found" >&2; return 1; }
  local pe
  for pe in "$@"; do [ -f "${pe}" ] || { echo "nanoclr: ${pe}: no such .pe" >&2; return 1; }; done
  local rc=0
  set -o pipefail
  LD_LIBRARY_PATH="${clr}/lib" timeout "${NANOCLR_TIMEOUT:-600}" "${clr}/bin/nanoFramework.nanoCLR.test" \
    "${shared}/nanoclr/pe/mscorlib.pe" "$@" 2>&1 | tr -d '\r' || rc=$?
  if [ "${rc}" = 124 ]; then
    echo "nanoclr: the run did not end within ${NANOCLR_TIMEOUT:-600} s (NANOCLR_TIMEOUT)" >&2; return 1
  elif [ "${rc}" != 0 ]; then
    echo "nanoclr: the nanoCLR process failed (exit ${rc}$([ "${rc}" -gt 128 ] && echo ", signal $((rc - 128))"))" >&2; return 1
  fi
}

# nanoclr_link_failure FILE: prints the nanoCLR's link-failure lines of a run's output and succeeds when there are
# any ("Link failure: some assembly references cannot be resolved!!", "Assembly: X needs assembly 'Y'", a native
# assembly whose checksum differs: "Invalid native checksum", a .pe the host could not load: "error: ...",
# "CreateInstance failed", a resolution error: "Error: <hr>").
nanoclr_link_failure() {
  grep -E "Link failure|needs assembly|Invalid native checksum|^error: |CreateInstance failed|^Error: " "$1"
}
