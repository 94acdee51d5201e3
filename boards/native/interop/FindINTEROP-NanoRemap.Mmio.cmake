#
# NanoRemap interop library for the nanoFramework firmware build (nf-interpreter).
# Copy this file to CMake/Modules/ and the staged sources to InteropAssemblies/NanoRemap.Mmio/
# (boards/native/interop/stage.sh does both), then add "NanoRemap.Mmio" to NF_INTEROP_ASSEMBLIES.
# Layout of the MetadataProcessor's CMakeModuleTemplate for interop libraries, plus the portable core
# and the generated allow-lists, which the template does not know about.
#

# native code directory
set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/NanoRemap.Mmio)

# set include directories
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND NanoRemap.Mmio_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})

# source files
set(NanoRemap.Mmio_SRCS

    NanoRemap_Mmio.cpp
    NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess_mshl.cpp
    NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp

    # portable core and firmware glue
    nanoremap_mmio.c
    nanoremap_firmware.c

    # generated allow-lists (only the one of CONFIG_IDF_TARGET_* is referenced)
    nanoremap_board_esp32.c
    nanoremap_board_esp32s3.c
    nanoremap_board_esp32c3.c
    nanoremap_board_esp32s2.c
    nanoremap_board_esp32c5.c
    nanoremap_board_esp32c6.c
    nanoremap_board_esp32h2.c
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

FIND_PACKAGE_HANDLE_STANDARD_ARGS(NanoRemap DEFAULT_MSG NanoRemap.Mmio_INCLUDE_DIRS NanoRemap.Mmio_SOURCES)
