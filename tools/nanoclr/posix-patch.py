#!/usr/bin/env python3
"""Apply steps 2 and 3 of boards/README.md ("A simulated board for the nanoCLR on Linux") to a writable copy of
nf-interpreter's posix target, after boards/native/interop/stage.sh staged the library (step 1):

  tools/nanoclr/posix-patch.py <nf-interpreter copy> [--board esp32|esp32s2|esp32s3|esp32c3|esp32c5|esp32c6|esp32h2]

- targets/posix/nanoCLR/CMakeLists.txt: the NF_NANOREMAP_MMIO_SRCS block before `list(APPEND NANOCLR_POSIX_SOURCES`,
  that list extended with it, the staged folder added to the nanoFramework.nanoCLR include directories after
  `src/CLR/CorLib`, and for a board other than esp32 `target_compile_definitions(... NR_POSIX_BOARD_<CHIP>)`;
- targets/posix/nanoCLR/posix_stubs.cpp: `extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;`
  before the `g_CLR_InteropAssembliesNativeData[]` table and `&g_CLR_AssemblyNative_NanoRemap_Mmio,` before its
  `nullptr` sentinel.

Every edit is anchored on text of nf-interpreter's file; when an anchor is missing, ambiguous, or the file is already
patched, the script names the file and the anchor and exits 1 without writing anything.
"""
import argparse
import os
import sys

CHIPS = ("esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2")
MARK = "NanoRemap.Mmio on a simulated board"

CMAKE_BLOCK = """# ─── NanoRemap.Mmio on a simulated board ─────────────────────────────────────
# (added by NanoRemap's tools/nanoclr/posix-patch.py: boards/README.md, step 2)
set(NANOREMAP_MMIO_DIR ${REPO_ROOT}/InteropAssemblies/NanoRemap.Mmio)
file(GLOB NANOREMAP_MMIO_BOARD_SRCS ${NANOREMAP_MMIO_DIR}/nanoremap_board_*.c)
set(NF_NANOREMAP_MMIO_SRCS
    ${NANOREMAP_MMIO_DIR}/NanoRemap_Mmio.cpp
    ${NANOREMAP_MMIO_DIR}/NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp
    ${NANOREMAP_MMIO_DIR}/NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp
    ${NANOREMAP_MMIO_DIR}/nanoremap_core.c
    ${NANOREMAP_MMIO_DIR}/nanoremap_firmware_posix.c
    ${NANOREMAP_MMIO_DIR}/nanoremap_sim_model.c
    ${NANOREMAP_MMIO_BOARD_SRCS}
)

"""


class PatchError(Exception):
    pass


def once(text, anchor, path):
    """The index of the one occurrence of anchor in text; a missing or repeated anchor is an error."""
    count = text.count(anchor)
    if count != 1:
        what = "not found" if count == 0 else f"found {count} times"
        raise PatchError(f"{path}: anchor {anchor.strip()!r} {what} (nf-interpreter's posix target changed?)")
    return text.index(anchor)


def patch_cmake(text, path, board):
    if MARK in text:
        raise PatchError(f"{path}: already patched ('{MARK}' is there); patch a fresh copy")
    anchor = "list(APPEND NANOCLR_POSIX_SOURCES\n"
    at = once(text, anchor, path)
    text = text[:at] + CMAKE_BLOCK + anchor + "    ${NF_NANOREMAP_MMIO_SRCS}\n" + text[at + len(anchor):]

    # the include directory, in the nanoFramework.nanoCLR target's list (the one that has src/CLR/CorLib)
    target = "target_include_directories(\n    nanoFramework.nanoCLR\n"
    start = once(text, target, path)
    end = text.index(")", start)
    inc = "    ${REPO_ROOT}/src/CLR/CorLib\n"
    rel = text[start:end].find(inc)
    if rel < 0:
        raise PatchError(f"{path}: anchor {inc.strip()!r} not found in target_include_directories(nanoFramework.nanoCLR ...)")
    at = start + rel + len(inc)
    text = text[:at] + "    ${REPO_ROOT}/InteropAssemblies/NanoRemap.Mmio\n" + text[at:]

    if board != "esp32":
        once(text, "add_library(nanoFramework.nanoCLR SHARED", path)
        text += ("\n# NanoRemap.Mmio: the simulated board (boards/README.md, step 2)\n"
                 f"target_compile_definitions(nanoFramework.nanoCLR PRIVATE NR_POSIX_BOARD_{board.upper()})\n")
    return text


def patch_stubs(text, path):
    if "g_CLR_AssemblyNative_NanoRemap_Mmio" in text:
        raise PatchError(f"{path}: already patched (g_CLR_AssemblyNative_NanoRemap_Mmio is there); patch a fresh copy")
    table = "const CLR_RT_NativeAssemblyData *g_CLR_InteropAssembliesNativeData[] = {\n"
    at = once(text, table, path)
    sentinel = "    nullptr,\n};"
    rel = text.find(sentinel, at)
    if rel < 0:
        raise PatchError(f"{path}: anchor {sentinel!r} (the table's sentinel) not found after {table.strip()!r}")
    text = text[:rel] + "    &g_CLR_AssemblyNative_NanoRemap_Mmio,\n" + text[rel:]
    decl = ("// NanoRemap.Mmio on a simulated board (added by NanoRemap's tools/nanoclr/posix-patch.py: boards/README.md, step 3)\n"
            "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;\n\n")
    return text[:at] + decl + text[at:]


def main():
    parser = argparse.ArgumentParser(
        description="Patch a writable copy of nf-interpreter's posix target so that it links the staged "
                    "NanoRemap.Mmio interop library (boards/README.md, steps 2 and 3).")
    parser.add_argument("nf", help="the nf-interpreter copy (stage.sh already run into it)")
    parser.add_argument("--board", default="esp32", choices=CHIPS,
                        help="the simulated board the glue is compiled for (default esp32)")
    args = parser.parse_args()

    posix = os.path.join(args.nf, "targets", "posix", "nanoCLR")
    cmake = os.path.join(posix, "CMakeLists.txt")
    stubs = os.path.join(posix, "posix_stubs.cpp")
    staged = os.path.join(args.nf, "InteropAssemblies", "NanoRemap.Mmio")
    try:
        for f in (cmake, stubs):
            if not os.path.isfile(f):
                raise PatchError(f"{f}: not found (is {args.nf} a copy of nf-interpreter's posix sources?)")
        if not os.path.isfile(os.path.join(staged, "nanoremap_firmware_posix.c")):
            raise PatchError(f"{staged}: the library is not staged (run boards/native/interop/stage.sh {args.nf} first)")
        if not os.path.isfile(os.path.join(staged, f"nanoremap_board_{args.board}.h")):
            raise PatchError(f"{staged}: no board table nanoremap_board_{args.board}.h for --board {args.board}")
        with open(cmake, encoding="utf-8") as f:
            new_cmake = patch_cmake(f.read(), cmake, args.board)
        with open(stubs, encoding="utf-8") as f:
            new_stubs = patch_stubs(f.read(), stubs)
    except PatchError as e:
        print(f"posix-patch: {e}", file=sys.stderr)
        return 1
    # both edits computed: only now write (nothing half-patched on a failure)
    with open(cmake, "w", encoding="utf-8") as f:
        f.write(new_cmake)
    with open(stubs, "w", encoding="utf-8") as f:
        f.write(new_stubs)
    print(f"posix-patch: {cmake} and {stubs} patched (board {args.board})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
