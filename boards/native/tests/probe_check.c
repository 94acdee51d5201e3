/*
 * nr_probe_check <chip> <probes.txt>: recomputes every decision of a generated probe file (the managed
 * map's NanoRemap.Boards.BoardMap.Check) with the C core and the generated C allow-list, and runs each
 * probe through nr_read32 / nr_write32 on a simulated bus to prove that a refused access touches nothing.
 * Fails on the first difference: the managed map and the native allow-list must agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nanoremap_board_esp32.h"
#include "nanoremap_board_esp32c3.h"
#include "nanoremap_board_esp32c5.h"
#include "nanoremap_board_esp32c6.h"
#include "nanoremap_board_esp32h2.h"
#include "nanoremap_board_esp32s2.h"
#include "nanoremap_board_esp32s3.h"
#include "nanoremap_core.h"
#include "sim_bus.h"

static const nr_board_t *board_named(const char *chip)
{
    if (strcmp(chip, "esp32") == 0) return &nr_board_esp32;
    if (strcmp(chip, "esp32s3") == 0) return &nr_board_esp32s3;
    if (strcmp(chip, "esp32c3") == 0) return &nr_board_esp32c3;
    if (strcmp(chip, "esp32s2") == 0) return &nr_board_esp32s2;
    if (strcmp(chip, "esp32c5") == 0) return &nr_board_esp32c5;
    if (strcmp(chip, "esp32c6") == 0) return &nr_board_esp32c6;
    if (strcmp(chip, "esp32h2") == 0) return &nr_board_esp32h2;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: nr_probe_check <chip> <probes.txt>\n");
        return 2;
    }
    const nr_board_t *board = board_named(argv[1]);
    FILE *f = fopen(argv[2], "r");
    if (!board || !f) {
        fprintf(stderr, "nr_probe_check: unknown chip '%s' or unreadable '%s'\n", argv[1], argv[2]);
        return 2;
    }

    char line[256];
    int probes = 0, mismatches = 0, chip_seen = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char a[64], r[32], w[32], x[64];
        if (sscanf(line, "chip %63s", a) == 1) {
            chip_seen = strcmp(a, board->chip) == 0;
            continue;
        }
        int fields = sscanf(line, "%63s %31s %31s %63s", a, r, w, x);
        if (fields != 3 && (fields != 4 || strncmp(x, "protect=", 8) != 0)) {
            fprintf(stderr, "malformed line: %s", line);
            mismatches++;
            continue;
        }
        uint32_t addr = (uint32_t)strtoul(a, 0, 16);
        /* protect=MASK: the managed map protects these bits; the native value check must agree */
        const nr_reg_policy_t *pol = nr_find_policy(board, addr);
        uint32_t mask = fields == 4 ? (uint32_t)strtoul(x + 8, 0, 16) : 0;
        int native_protect = pol != 0 && pol->kind == NR_POLICY_PROTECT;
        if ((fields == 4) != native_protect || (native_protect && pol->mask != mask)
            || (native_protect && (nr_check_write_value(board, addr, 0, mask) != NR_DENIED
                                   || nr_check_write_value(board, addr, mask, mask) != NR_OK))) {
            fprintf(stderr, "%s 0x%08X: managed protect mask 0x%08X, native %s 0x%08X\n", board->chip, addr, mask,
                    native_protect ? "protects" : "does not protect", native_protect ? pol->mask : 0);
            mismatches++;
        }
        int rd = nr_check(board, addr, 1);
        int wr = nr_check(board, addr, 0);
        if (strcmp(nr_check_name(rd), r) != 0 || strcmp(nr_check_name(wr), w) != 0) {
            fprintf(stderr, "%s 0x%08X: managed says read=%s write=%s, native says read=%s write=%s\n",
                    board->chip, addr, r, w, nr_check_name(rd), nr_check_name(wr));
            mismatches++;
        }

        /* the checked accessors touch the bus exactly when the decision allows it */
        sim_bus_t s;
        sim_init(&s);
        nr_bus_t bus = sim_as_bus(&s, 1);
        uint32_t v = 0;
        int allowed_read = rd == NR_OK || rd == NR_DPORT;
        nr_read32(board, &bus, addr, &v);
        if (sim_accesses(&s) != (allowed_read ? 1 : 0) || (rd == NR_DPORT) != (s.dport_reads == 1)) {
            fprintf(stderr, "%s 0x%08X: read touched the bus %d time(s) for decision %s\n", board->chip, addr,
                    sim_accesses(&s), nr_check_name(rd));
            mismatches++;
        }
        sim_init(&s);
        nr_write32(board, &bus, addr, 0);
        /* a protected register is read once before the write (the value check) */
        if (s.writes != (wr == NR_OK ? 1 : 0) || sim_accesses(&s) != (wr == NR_OK ? 1 + native_protect : 0)) {
            fprintf(stderr, "%s 0x%08X: write touched the bus %d time(s) for decision %s\n", board->chip, addr,
                    sim_accesses(&s), nr_check_name(wr));
            mismatches++;
        }
        probes++;
    }
    fclose(f);
    if (!chip_seen) {
        fprintf(stderr, "%s: the file is not the probe file of %s\n", argv[2], board->chip);
        return 1;
    }
    printf("nr_probe_check %s: %d probes, %d mismatches\n", board->chip, probes, mismatches);
    return mismatches == 0 && probes > 0 ? 0 : 1;
}
