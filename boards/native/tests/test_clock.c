/* Unit tests of nr_clock (nanoremap_core.h): the clock ownership rule the ESP-IDF glue and the posix board share,
 * against the classic ESP32's generated clock table (LEDC: DPORT.PERIP_CLK_EN / PERIP_RST_EN, read DPORT-safe) on a
 * simulated address space, with a driver that keeps ESP-IDF's reference count the way periph_module_enable does. */
#include <stdio.h>
#include <string.h>

#include "nanoremap_board_esp32.h"
#include "nanoremap_core.h"
#include "sim_bus.h"
#include "test_check.h"

/* periph_module_enable / _disable on the simulated bits, with IDF's count (periph_ctrl.c) and the lock depth */
typedef struct idf_like {
    sim_bus_t *sim;
    int count;      /* IDF's reference count of the module; must stay 0 or 1 (NanoRemap holds at most one) */
    int min_count;
    int max_count;
    int enables, disables, resets;
    int depth;      /* enter / exit nesting */
    int outside;    /* operations called without the lock held (must stay 0) */
} idf_like_t;

static void set_bits(sim_bus_t *s, uint32_t addr, uint32_t mask, int set)
{
    uint32_t v = sim_peek(s, addr);
    sim_poke(s, addr, set ? (v | mask) : (v & ~mask));
}

static void d_enter(void *ctx) { ((idf_like_t *)ctx)->depth++; }
static void d_exit(void *ctx) { ((idf_like_t *)ctx)->depth--; }

static void track(idf_like_t *d)
{
    if (d->depth != 1) {
        d->outside++;
    }
    if (d->count < d->min_count) {
        d->min_count = d->count;
    }
    if (d->count > d->max_count) {
        d->max_count = d->count;
    }
}

static void d_enable(void *ctx, const nr_clock_t *c)
{
    idf_like_t *d = ctx;
    if (d->count++ == 0) {
        set_bits(d->sim, c->en_reg, c->en_mask, 1);
        set_bits(d->sim, c->rst_reg, c->rst_mask, 0);
    }
    d->enables++;
    track(d);
}

static void d_disable(void *ctx, const nr_clock_t *c)
{
    idf_like_t *d = ctx;
    if (--d->count == 0) {
        set_bits(d->sim, c->en_reg, c->en_mask, 0);
        set_bits(d->sim, c->rst_reg, c->rst_mask, 1);
    }
    d->disables++;
    track(d);
}

static void d_reset(void *ctx, const nr_clock_t *c)
{
    idf_like_t *d = ctx;
    set_bits(d->sim, c->rst_reg, c->rst_mask, 1);
    set_bits(d->sim, c->rst_reg, c->rst_mask, 0);
    d->resets++;
    track(d);
}

int main(void)
{
    const nr_board_t *b = &nr_board_esp32;
    const nr_clock_t *ledc = &b->clocks[0];
    CHECK(strcmp(ledc->name, "LEDC") == 0);
    sim_bus_t s;
    idf_like_t d;
    uint8_t owned[64];
    nr_bus_t bus;
    nr_clock_driver_t drv = { d_enter, d_exit, d_enable, d_disable, d_reset, &d };

#define FRESH()                                     \
    do {                                            \
        sim_init(&s);                               \
        bus = sim_as_bus(&s, 1);                    \
        memset(&d, 0, sizeof(d));                   \
        d.sim = &s;                                 \
        memset(owned, 0, sizeof(owned));            \
    } while (0)

    /* a gated clock: NanoRemap turns it on and owns it; enabling it again changes nothing */
    FRESH();
    CHECK(!nr_clock_running(b, &bus, ledc));
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK);
    CHECK(owned[0] == 1 && d.enables == 1 && d.count == 1 && nr_clock_running(b, &bus, ledc));
    CHECK(s.dport_reads > 0); /* the DPORT registers are read DPORT-safe */
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK);
    CHECK(d.enables == 1 && d.count == 1);
    /* an owned clock resets and disables */
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_RESET) == NR_OK && d.resets == 1 && nr_clock_running(b, &bus, ledc));
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_DISABLE) == NR_OK);
    CHECK(owned[0] == 0 && d.disables == 1 && d.count == 0 && !nr_clock_running(b, &bus, ledc));
    CHECK((sim_peek(&s, ledc->rst_reg) & ledc->rst_mask) == ledc->rst_mask); /* gated with the reset asserted */
    /* a disable or reset without ownership is refused and calls nothing: the count does not go below zero */
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_DISABLE) == NR_NOT_OWNED);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_RESET) == NR_NOT_OWNED);
    CHECK(d.disables == 1 && d.resets == 1 && d.count == 0);

    /* a clock the firmware's driver turned on with its LL functions (no count): left alone, never owned */
    FRESH();
    sim_poke(&s, ledc->en_reg, ledc->en_mask | 0x1u);
    sim_poke(&s, ledc->rst_reg, 0x2u);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK);
    CHECK(owned[0] == 0 && d.enables == 0 && d.count == 0);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_DISABLE) == NR_NOT_OWNED);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_RESET) == NR_NOT_OWNED);
    CHECK(sim_peek(&s, ledc->en_reg) == (ledc->en_mask | 0x1u) && sim_peek(&s, ledc->rst_reg) == 0x2u);
    CHECK(d.disables == 0 && d.resets == 0);

    /* clock enabled but held in reset is not running: NanoRemap turns it on and owns it */
    FRESH();
    sim_poke(&s, ledc->en_reg, ledc->en_mask);
    sim_poke(&s, ledc->rst_reg, ledc->rst_mask);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK && owned[0] == 1 && d.enables == 1);

    /* an owned clock a driver gated since: our reference is given back before it is taken again (count stays 1) */
    FRESH();
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK);
    set_bits(&s, ledc->en_reg, ledc->en_mask, 0);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, NR_CLOCK_ENABLE) == NR_OK);
    CHECK(owned[0] == 1 && d.disables == 1 && d.enables == 2 && d.count == 1 && nr_clock_running(b, &bus, ledc));

    /* no count can wrap: any sequence keeps IDF's count in 0..1 and the flag in 0..1; every call under the lock */
    FRESH();
    uint32_t x = 12345u;
    for (int i = 0; i < 20000; i++) {
        x = x * 1103515245u + 12345u;
        int op = (int)((x >> 16) % 4u);
        if (op == 3) { /* the firmware's own driver switches the bits with its LL functions */
            set_bits(&s, ledc->en_reg, ledc->en_mask, (x >> 8) & 1u);
            set_bits(&s, ledc->rst_reg, ledc->rst_mask, (x >> 9) & 1u);
            continue;
        }
        int rc = nr_clock(b, &bus, &drv, owned, 0, op);
        CHECK(rc == NR_OK || (rc == NR_NOT_OWNED && op != NR_CLOCK_ENABLE));
        if (op == NR_CLOCK_ENABLE) {
            CHECK(nr_clock_running(b, &bus, ledc));
        }
    }
    CHECK(d.min_count >= 0 && d.max_count <= 1 && owned[0] <= 1 && d.count == owned[0]);
    CHECK(d.outside == 0 && d.depth == 0);

    /* bad index and operation touch nothing */
    FRESH();
    CHECK(nr_clock(b, &bus, &drv, owned, (int)b->clock_count, NR_CLOCK_ENABLE) == NR_UNMAPPED);
    CHECK(nr_clock(b, &bus, &drv, owned, -1, NR_CLOCK_ENABLE) == NR_UNMAPPED);
    CHECK(nr_clock(b, &bus, &drv, owned, 0, 3) == NR_MISALIGNED);
    CHECK(d.enables == 0 && sim_accesses(&s) == 0 && d.depth == 0);
    CHECK(strcmp(nr_check_name(NR_NOT_OWNED), "not owned") == 0);

    printf("test_clock: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
