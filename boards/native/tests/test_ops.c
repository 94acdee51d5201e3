/* Unit tests of the native core's atomic read-modify-write and block transfers (nr_modify32, nr_read_block,
 * nr_write_block) against the generated allow-lists and a simulated address space with a lock seam. */
#include <stdio.h>
#include <string.h>

#include "nanoremap_board_esp32.h"
#include "nanoremap_board_esp32c3.h"
#include "nanoremap_board_esp32s3.h"
#include "nanoremap_core.h"
#include "sim_bus.h"
#include "test_check.h"

static void test_modify_semantics(const nr_board_t *b)
{
    const nr_block_t *gpio = block_named(b, "GPIO");
    uint32_t reg = gpio->base + 0x04;
    sim_bus_t s;
    sim_init(&s);
    s.check_lock = 1;
    nr_bus_t bus = sim_as_locked_bus(&s, 1);
    sim_poke(&s, reg, 0xF0F0F0F0u);

    uint32_t old = 0;
    CHECK(nr_modify32(b, &bus, reg, 0x000000F0u, 0x00000003u, 0x80000000u, &old) == NR_OK);
    CHECK(old == 0xF0F0F0F0u);
    CHECK(sim_peek(&s, reg) == ((((0xF0F0F0F0u & ~0xF0u) | 0x3u) ^ 0x80000000u)));
    CHECK(sim_peek(&s, reg) == 0x70F0F003u);
    /* one read and one write, both inside the lock */
    CHECK(s.reads == 1 && s.writes == 1 && s.locks == 1 && s.unlocked_rmw == 0 && !s.held);

    /* set-only, clear-only and toggle-only are the special cases */
    CHECK(nr_modify32(b, &bus, reg, 0, 0x0000000Cu, 0, NULL) == NR_OK && sim_peek(&s, reg) == 0x70F0F00Fu);
    CHECK(nr_modify32(b, &bus, reg, 0x70000000u, 0, 0, NULL) == NR_OK && sim_peek(&s, reg) == 0x00F0F00Fu);
    CHECK(nr_modify32(b, &bus, reg, 0, 0, 0x00000011u, NULL) == NR_OK && sim_peek(&s, reg) == 0x00F0F01Eu);
    CHECK(NR_MODIFY(0xFFu, 0x0Fu, 0x100u, 0x1u) == 0x1F1u);
}

static void test_modify_refusals_touch_nothing(const nr_board_t *b)
{
    const nr_block_t *aes = block_named(b, "AES");     /* a block denied on every chip */
    const nr_block_t *efuse = block_named(b, "EFUSE"); /* mapped, every register read-only */
    const nr_block_t *gpio = block_named(b, "GPIO");
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_locked_bus(&s, 1);
    uint32_t old = 0x5A5A5A5Au;
    CHECK(nr_modify32(b, &bus, aes->base, 0, 1, 0, &old) == NR_DENIED);
    CHECK(nr_modify32(b, &bus, efuse->base, 0, 1, 0, &old) == NR_READONLY);
    CHECK(nr_modify32(b, &bus, gpio->base + 2, 0, 1, 0, &old) == NR_MISALIGNED);
    CHECK(nr_modify32(b, &bus, 0x00000000u, 0, 1, 0, &old) == NR_UNMAPPED);
    CHECK(old == 0x5A5A5A5Au && sim_accesses(&s) == 0 && s.locks == 0);
}

/* A protected register's value check and write happen inside the lock, like nr_modify32's. */
static void test_esp32_protected_write_is_locked(void)
{
    const nr_board_t *b = &nr_board_esp32;
    const uint32_t perip_rst_en = 0x3FF000C4u; /* DPORT_PERIP_RST_EN_REG; SPI01_RST (bit 1) is protected */
    sim_bus_t s;
    sim_init(&s);
    s.check_lock = 1;
    nr_bus_t bus = sim_as_locked_bus(&s, 1);
    CHECK(nr_write32(b, &bus, perip_rst_en, 1u << 11) == NR_OK && s.locks == 1 && sim_peek(&s, perip_rst_en) == (1u << 11));
    CHECK(nr_write32(b, &bus, perip_rst_en, (1u << 11) | (1u << 1)) == NR_DENIED && s.locks == 2);
    CHECK(sim_peek(&s, perip_rst_en) == (1u << 11));
}

static void test_esp32_modify_dport_and_fifo(void)
{
    const nr_board_t *b = &nr_board_esp32;
    sim_bus_t s;
    sim_init(&s);
    s.check_lock = 1;
    nr_bus_t bus = sim_as_locked_bus(&s, 1);
    uint32_t old;
    /* a DPORT register: the read of the read-modify-write is the DPORT-safe one */
    sim_poke(&s, 0x3FF000C0u, 0x1u);
    CHECK(nr_modify32(b, &bus, 0x3FF000C0u, 0, 0x200u, 0, &old) == NR_DPORT);
    CHECK(old == 1u && sim_peek(&s, 0x3FF000C0u) == 0x201u && s.dport_reads == 1 && s.reads == 0 && s.writes == 1);
    CHECK(s.unlocked_rmw == 0);
    /* a FIFO register cannot be read-modify-written */
    CHECK(nr_modify32(b, &bus, b->fifo[1], 0, 1, 0, &old) == NR_FIFO);
    CHECK(s.writes == 1 && s.locks == 1);
    /* without the DPORT-safe hook nothing is touched */
    sim_bus_t s2;
    sim_init(&s2);
    nr_bus_t plain = sim_as_bus(&s2, 0);
    CHECK(nr_modify32(b, &plain, 0x3FF000C0u, 0, 1, 0, &old) == NR_EBUS && sim_accesses(&s2) == 0);
}

static void test_blocks(const nr_board_t *b)
{
    const nr_block_t *gpio = block_named(b, "GPIO");
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_locked_bus(&s, 1);
    uint32_t src[3] = { 1u, 2u, 3u };
    uint32_t dst[3] = { 0u, 0u, 0u };
    uint32_t bad = 0;
    uint32_t start = gpio->base + 0x04; /* GPIO.OUT, OUT_W1TS, OUT_W1TC on every chip */

    CHECK(nr_write_block(b, &bus, start, 4, src, 3, &bad) == NR_OK);
    CHECK(s.writes == 3);
    for (uint32_t i = 0; i < 3; i++) {
        CHECK(sim_peek(&s, start + 4 * i) == src[i]);
    }
    CHECK(nr_read_block(b, &bus, start, 4, dst, 3, &bad) == NR_OK);
    CHECK(memcmp(src, dst, sizeof src) == 0 && s.reads == 3);

    /* step 0: N writes of one register */
    CHECK(nr_write_block(b, &bus, start, 0, src, 3, &bad) == NR_OK);
    CHECK(sim_peek(&s, start) == 3u && s.writes == 6);

    /* count 0 touches nothing and succeeds */
    CHECK(nr_read_block(b, &bus, start, 4, dst, 0, &bad) == NR_OK && s.reads == 3);

    /* a range that leaves the allowed words (into a word of the owned GPIO block that no register describes, a
       gap or a denied block) is refused before the first access */
    int before = sim_accesses(&s);
    uint32_t last = gpio->base + gpio->size - 4;
    while (last > gpio->base + 8 && !(nr_check(b, last, 0) == NR_OK && nr_check(b, last, 1) == NR_OK
           && nr_check(b, last - 4, 1) == NR_OK && nr_check(b, last + 4, 0) != NR_OK && nr_check(b, last + 4, 1) != NR_OK)) {
        last -= 4;
    }
    CHECK(nr_write_block(b, &bus, last, 4, src, 2, &bad) != NR_OK);
    CHECK(bad == last + 4);
    CHECK(nr_read_block(b, &bus, last - 4, 4, dst, 3, &bad) != NR_OK && bad == last + 4);
    CHECK(nr_read_block(b, &bus, start, 8, dst, 2, &bad) == NR_MISALIGNED);
    CHECK(nr_read_block(b, &bus, 0xFFFFFFF8u, 4, dst, 4, &bad) == NR_UNMAPPED);
    CHECK(sim_accesses(&s) == before);
}

static void test_esp32_fifo_block_read(void)
{
    const nr_board_t *b = &nr_board_esp32;
    uint32_t fifo = b->fifo[1]; /* UART1_FIFO (UART0 is the console: denied) */
    uint32_t dst[3] = { 0u, 0u, 0u };
    uint32_t bad = 0;

    /* without the errata-safe hook: refused, as a plain read is */
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t plain = sim_as_bus(&s, 1);
    CHECK(nr_read_block(b, &plain, fifo, 0, dst, 3, &bad) == NR_FIFO && bad == fifo && sim_accesses(&s) == 0);

    /* with it: every pop through fifo_read32, each with the lock held (no interrupt inside the read) */
    sim_bus_t t;
    sim_init(&t);
    nr_bus_t bus = sim_as_locked_bus(&t, 1);
    sim_poke(&t, fifo, 0x41u);
    CHECK(nr_read_block(b, &bus, fifo, 0, dst, 3, &bad) == NR_OK);
    CHECK(dst[0] == 0x41u && dst[1] == 0x42u && dst[2] == 0x43u);
    CHECK(t.fifo_reads == 3 && t.reads == 0 && t.locks == 3 && t.unlocked_rmw == 0);

    /* a FIFO inside a consecutive (step 4) range stays refused */
    uint32_t d2[2];
    CHECK(nr_read_block(b, &bus, fifo - 4, 4, d2, 2, &bad) != NR_OK);
    /* the single-word read of a FIFO stays refused: only the paced block read is safe */
    uint32_t v;
    CHECK(nr_read32(b, &bus, fifo, &v) == NR_FIFO);
}

int main(void)
{
    const nr_board_t *boards[] = { &nr_board_esp32, &nr_board_esp32s3, &nr_board_esp32c3 };
    for (int i = 0; i < 3; i++) {
        test_modify_semantics(boards[i]);
        test_modify_refusals_touch_nothing(boards[i]);
        test_blocks(boards[i]);
    }
    test_esp32_modify_dport_and_fifo();
    test_esp32_protected_write_is_locked();
    test_esp32_fifo_block_read();
    printf("test_ops: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
