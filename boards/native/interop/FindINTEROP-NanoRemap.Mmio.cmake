#
# NanoRemap interop library for the nanoFramework firmware build (nf-interpreter).
# Copy this file to CMake/Modules/ and the staged sources to InteropAssemblies/NanoRemap.Mmio/
# (boards/native/interop/stage.sh does both), then add "NanoRemap.Mmio" to NF_INTEROP_ASSEMBLIES.
# Layout of the MetadataProcessor's CMakeModuleTemplate for interop libraries, plus the portable core
# and the generated allow-lists, which the template does not know about. The package name given to
# FIND_PACKAGE_HANDLE_STANDARD_ARGS is this module's, INTEROP-NanoRemap.Mmio (CMake warns otherwise).
# .ci/steps/12-interop-compile.sh stages the library the same way and compiles the C sources below for the seven
# IDF targets against ESP-IDF v5.5.4 and the C++ ones against the nanoCLR headers (../shared), warnings as errors.
#

# native code directory
set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/NanoRemap.Mmio)

# set include directories
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
# corlib_native.h: the exception a refusal raises gets its message (NanoRemap_Mmio_..._NativeRegisterAccess.cpp)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/CorLib)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})

# source files
set(NanoRemap.Mmio_SRCS

    NanoRemap_Mmio.cpp
    NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp
    NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp

    # portable core and firmware glue; the glue compiles the generated board table of CONFIG_IDF_TARGET_*
    # (nanoremap_board_<chip>.c, staged beside it) in its own translation unit, with ESP-IDF's periph_module_t
    # values for the clock table, so the board tables are not listed here
    nanoremap_core.c
    nanoremap_firmware.c
)

foreach(SRC_FILE ${NanoRemap.Mmio_SRCS})

    set(NanoRemap.Mmio_SRC_FILE SRC_FILE-NOTFOUND)

    find_file(NanoRemap.Mmio_SRC_FILE ${SRC_FILE}
        PATHS
            ${BASE_PATH_FOR_THIS_MODULE}
            ${TARGET_BASE_LOCATION}
            ${PROJECT_SOURCE_DIR}/src/NanoRemap

        CMAKE_FIND_ROOT_PATH_BOTH
    )

    if (BUILD_VERBOSE)
        message("${SRC_FILE} >> ${NanoRemap.Mmio_SRC_FILE}")
    endif()

    list(APPEND NanoRemap.Mmio_SOURCES ${NanoRemap.Mmio_SRC_FILE})

endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoRemap.Mmio DEFAULT_MSG NanoRemap.Mmio_INCLUDE_DIRS NanoRemap.Mmio_SOURCES)
