/* The CTest programs' shared check macro and helpers (host tests only; not staged into the firmware). Each test
 * program includes this once and prints its counts at the end: "<name>: N checks, M failed". */
#ifndef NANOREMAP_TEST_CHECK_H
#define NANOREMAP_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "nanoremap_core.h"

static int failures;
static int checks;

#define CHECK(cond)                                                            \
    do {                                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                      \
    } while (0)

/* The block of a board table by name, or NULL. */
static inline const nr_block_t *block_named(const nr_board_t *b, const char *name)
{
    for (uint32_t i = 0; i < b->block_count; i++) {
        if (strcmp(b->blocks[i].name, name) == 0) {
            return &b->blocks[i];
        }
    }
    return NULL;
}

#endif /* NANOREMAP_TEST_CHECK_H */
