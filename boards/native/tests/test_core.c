/* Unit tests of the native core against the generated allow-lists and a simulated address space. */
#include <stdio.h>
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
#include "test_check.h"

static void test_tables_sorted_and_inside_bus(const nr_board_t *b)
{
    for (uint32_t i = 0; i < b->block_count; i++) {
        const nr_block_t *k = &b->blocks[i];
        CHECK(k->base >= b->bus_base);
        CHECK((uint64_t)k->base + k->size <= (uint64_t)b->bus_base + b->bus_size);
        CHECK((k->base & 3u) == 0 && (k->size & 3u) == 0 && k->size != 0);
        if (i > 0) {
            CHECK((uint64_t)b->blocks[i - 1].base + b->blocks[i - 1].size <= k->base);
        }
        /* every word of a block is found by the binary search, and the words around it are not in it */
        CHECK(nr_find_block(b, k->base) == k);
        CHECK(nr_find_block(b, k->base + k->size - 4) == k);
        CHECK(nr_find_block(b, k->base + k->size) != k);
        CHECK(k->base == 0 || nr_find_block(b, k->base - 4) != k);
    }
}

static void test_gpio_read_write(const nr_board_t *b)
{
    const nr_block_t *gpio = block_named(b, "GPIO");
    CHECK(gpio != 0 && gpio->allowed);
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_bus(&s, 1);
    uint32_t out = gpio->base + 0x04;
    CHECK(nr_write32(b, &bus, out, 0x00000004u) == NR_OK);
    CHECK(s.writes == 1 && s.last_addr == out && sim_peek(&s, out) == 4u);
    uint32_t v = 0;
    CHECK(nr_read32(b, &bus, out, &v) == NR_OK);
    CHECK(v == 4u && s.reads == 1 && s.dport_reads == 0);
}

static void test_refusals_touch_nothing(const nr_board_t *b)
{
    const nr_block_t *aes = block_named(b, "AES");
    const nr_block_t *gpio = block_named(b, "GPIO");
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_bus(&s, 1);
    uint32_t v = 0x12345678u;

    CHECK(aes != 0 && !aes->allowed);
    CHECK(nr_read32(b, &bus, aes->base, &v) == NR_DENIED);
    CHECK(nr_write32(b, &bus, aes->base + 4, 1) == NR_DENIED);
    CHECK(nr_read32(b, &bus, gpio->base + 2, &v) == NR_MISALIGNED);
    CHECK(nr_write32(b, &bus, gpio->base + 1, 1) == NR_MISALIGNED);
    CHECK(nr_read32(b, &bus, 0x00000000u, &v) == NR_UNMAPPED);
    CHECK(nr_write32(b, &bus, b->bus_base + b->bus_size, 1) == NR_UNMAPPED);
    CHECK(nr_read32(b, &bus, 0xFFFFFFFCu, &v) == NR_UNMAPPED);
    CHECK(v == 0x12345678u);
    CHECK(sim_accesses(&s) == 0);
}

static void test_esp32_fifo_and_dport(void)
{
    const nr_board_t *b = &nr_board_esp32;
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_bus(&s, 1);
    uint32_t v = 0;

    CHECK(b->has_dport && b->fifo_count == 5);
    for (uint32_t i = 0; i < b->fifo_count; i++) {
        if (b->fifo[i] == 0x3FF40000u) {
            /* UART0's FIFO is the console's: denied (a read pops a byte of the wire protocol), writes too */
            CHECK(nr_read32(b, &bus, b->fifo[i], &v) == NR_DENIED);
            CHECK(nr_write32(b, &bus, b->fifo[i], 0x41) == NR_DENIED);
            continue;
        }
        CHECK(nr_read32(b, &bus, b->fifo[i], &v) == NR_FIFO);   /* errata CPU-3.21: reads refused */
        CHECK(nr_write32(b, &bus, b->fifo[i], 0x41) == NR_OK);  /* writing the TX FIFO is fine */
    }
    CHECK(s.reads == 0 && s.dport_reads == 0 && s.writes == 4);

    /* DPORT block reads go through the DPORT-safe hook, writes are plain (DPORT_REG_WRITE) */
    CHECK(nr_read32(b, &bus, 0x3FF00104u, &v) == NR_DPORT);
    CHECK(s.dport_reads == 1 && s.reads == 0);
    CHECK(nr_write32(b, &bus, 0x3FF00104u, 7) == NR_READONLY); /* the interrupt matrix is the firmware's */
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 11) == NR_OK); /* PERIP_RST_EN: LEDC_RST, a driver's bit */
    CHECK(s.writes == 5 && s.dport_reads == 2);

    /* the crypto blocks inside the DPORT range stay denied */
    CHECK(nr_check(b, 0x3FF01000u, 1) == NR_DENIED);
    /* the flash MMU tables (0x3FF10000..) are no SVD peripheral: unmapped, refused all the same */
    CHECK(nr_check(b, 0x3FF13FFCu, 1) == NR_UNMAPPED);

    /* a bus without the DPORT-safe read cannot read DPORT registers */
    sim_bus_t s2;
    sim_init(&s2);
    nr_bus_t plain = sim_as_bus(&s2, 0);
    CHECK(nr_read32(b, &plain, 0x3FF00104u, &v) == NR_EBUS);
    CHECK(sim_accesses(&s2) == 0);
}

static void test_s3_c3_have_no_errata(void)
{
    CHECK(!nr_board_esp32s3.has_dport && nr_board_esp32s3.fifo_count == 0);
    CHECK(!nr_board_esp32c3.has_dport && nr_board_esp32c3.fifo_count == 0);
    /* a UART FIFO is an ordinary register there (UART1); UART0's is the console's: denied */
    CHECK(nr_check(&nr_board_esp32s3, 0x60010000u, 1) == NR_OK);
    CHECK(nr_check(&nr_board_esp32c3, 0x60010000u, 1) == NR_OK);
    CHECK(nr_check(&nr_board_esp32s3, 0x60000000u, 1) == NR_DENIED);
    CHECK(nr_check(&nr_board_esp32c3, 0x60000000u, 1) == NR_DENIED);
    /* the C3 eFuse controller sits at +0x800 in the RTC page: readable, not writable; the word before it is
       RTC_CNTL's, which the firmware owns, and no register: denied */
    CHECK(nr_check(&nr_board_esp32c3, 0x600087FCu, 1) == NR_DENIED);
    CHECK(nr_check(&nr_board_esp32c3, 0x60008800u, 1) == NR_OK);
    CHECK(nr_check(&nr_board_esp32c3, 0x60008800u, 0) == NR_READONLY);
}

/* Every policy entry of a board refuses what it says, in both accessors, touching nothing it should not. */
static void test_policy_entries(const nr_board_t *b)
{
    CHECK(b->policy_count > 0 && b->clock_count > 0);
    for (uint32_t i = 0; i < b->policy_count; i++) {
        const nr_reg_policy_t *p = &b->policy[i];
        uint32_t size = p->size == 0 ? 4u : p->size;
        uint32_t last = p->addr + size - 4;
        CHECK(i == 0 || b->policy[i - 1].addr + b->policy[i - 1].size <= p->addr);
        CHECK(nr_find_policy(b, p->addr) == p && nr_find_policy(b, last) == p);
        sim_bus_t s;
        sim_init(&s);
        nr_bus_t bus = sim_as_bus(&s, 1);
        uint32_t v = 0x5A5A5A5Au;
        if (p->kind == NR_POLICY_DENY) {
            CHECK(nr_read32(b, &bus, last, &v) == NR_DENIED && v == 0x5A5A5A5Au);
            CHECK(nr_write32(b, &bus, p->addr, 0) == NR_DENIED);
            CHECK(sim_accesses(&s) == 0);
        } else if (p->kind == NR_POLICY_RO) {
            int rc = nr_read32(b, &bus, last, &v);
            CHECK(rc == NR_OK || rc == NR_DPORT);
            CHECK(nr_write32(b, &bus, p->addr, 0) == NR_READONLY);
            CHECK(s.writes == 0);
        } else {
            CHECK(p->kind == NR_POLICY_PROTECT && p->mask != 0 && size == 4);
            /* register reads 0 (fresh sim slot): setting a protected bit is refused, after one read */
            CHECK(nr_write32(b, &bus, p->addr, p->mask) == NR_DENIED);
            CHECK(s.writes == 0 && s.reads + s.dport_reads == 1);
            /* the other bits are writable */
            CHECK(nr_write32(b, &bus, p->addr, ~p->mask) == NR_OK || ~p->mask == 0);
            CHECK(nr_check_write_value(b, p->addr, p->mask, 0) == NR_DENIED);
            CHECK(nr_check_write_value(b, p->addr, p->mask, p->mask) == NR_OK);
        }
    }
}

/* The policy's examples on the classic ESP32 (issues 7 and 14), decided by the C core with the generated table. */
static void test_esp32_policy(void)
{
    const nr_board_t *b = &nr_board_esp32;
    sim_bus_t s;
    sim_init(&s);
    nr_bus_t bus = sim_as_bus(&s, 1);
    uint32_t v = 0;
    CHECK(nr_write32(b, &bus, 0x3FF00040u, 0) == NR_READONLY);        /* DPORT_PRO_CACHE_CTRL <- 0 */
    CHECK(nr_check(b, 0x3FF00058u, 1) == NR_DPORT);                   /* DPORT_APP_CACHE_CTRL: reads work */
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 1) == NR_DENIED);    /* DPORT_PERIP_RST_EN bit 1: SPI01 */
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 11) == NR_OK);       /* LEDC_RST is fine */
    CHECK(nr_write32(b, &bus, 0x3FF48000u, 1u << 31) == NR_READONLY); /* RTC_CNTL_SW_SYS_RST */
    CHECK(nr_check(b, 0x3FF49060u, 0) == NR_READONLY);                /* IO_MUX GPIO6: flash SD_CLK, not written */
    CHECK(nr_read32(b, &bus, 0x3FF49060u, &v) == NR_OK);              /* ... but its configuration reads */
    CHECK(nr_read32(b, &bus, 0x3FF5A004u, &v) == NR_OK);              /* eFuse BLK0 word 1: MAC */
    CHECK(nr_write32(b, &bus, 0x3FF5A104u, 1) == NR_READONLY);        /* EFUSE_CMD: programming */

    /* issue 14: every write it lists, refused; the watchdog configuration still reads */
    static const uint32_t ro_writes[] = {
        0x3FF480A4u, /* RTC_CNTL.WDTWPROTECT */      0x3FF4808Cu, /* RTC_CNTL.WDTCONFIG0 */
        0x3FF5F048u, /* TIMG0.WDTCONFIG0 */          0x3FF5F064u, /* TIMG0.WDTWPROTECT */
        0x3FF60048u, /* TIMG1.WDTCONFIG0 */          0x3FF48070u, /* RTC_CNTL.CLK_CONF (SOC_CLK_SEL) */
        0x3FF48000u, /* RTC_CNTL.OPTIONS0 (BBPLL_FORCE_PD, XTL_FORCE_PD) */ 0x3FF4807Cu, /* RTC_CNTL.REG */
        0x3FF66000u, /* APB_CTRL.SYSCLK_CONF */      0x3FF00098u, /* DPORT.SRAM_PD_CTRL_0 */
        0x3FF0008Cu, /* DPORT.MEM_PD_MASK */         0x3FF000D0u, /* DPORT.CORE_RST_EN */
        0x3FF00154u, /* DPORT.PRO_TG1_WDT_LEVEL_INT_MAP */ 0x3FF000DCu, /* DPORT.CPU_INTR_FROM_CPU_0 */
        0x3FF40020u, /* UART0.CONF0 */               0x3FF4904Cu, /* IO_MUX.GPIO16 (PSRAM CS) */
        0x3FF49050u, /* IO_MUX.GPIO17 (PSRAM CLK) */ 0x3FF44570u, /* GPIO.FUNC16_OUT_SEL_CFG */
        0x3FF44574u, /* GPIO.FUNC17_OUT_SEL_CFG */   0x3FF44134u, /* GPIO.FUNC1_IN_SEL_CFG (flash SPIQ) */
        0x3FF44140u, /* GPIO.FUNC4_IN_SEL_CFG */     0x3FF4F030u, /* I2S0.OUT_LINK */
        0x3FF64104u, /* SPI2.DMA_OUT_LINK */         0x3FF54024u, /* UHCI0.DMA_OUT_LINK */
        0x3FF5803Cu, /* SLC._0RX_LINK */             0x3FF69010u, /* EMAC_DMA.DMATXBASEADDR */
        0x3FF68088u, /* SDHOST.DBADDR */             0x3FF5F070u, /* TIMG0.LACTCONFIG (esp_timer) */
    };
    for (size_t i = 0; i < sizeof ro_writes / sizeof ro_writes[0]; i++) {
        int before = sim_accesses(&s);
        CHECK(nr_write32(b, &bus, ro_writes[i], 0x1u) == NR_READONLY);
        CHECK(nr_modify32(b, &bus, ro_writes[i], 0, 0x1u, 0, NULL) == NR_READONLY);
        CHECK(sim_accesses(&s) == before);
        int rc = nr_read32(b, &bus, ro_writes[i], &v);
        CHECK(rc == NR_OK || rc == NR_DPORT);
    }
    /* DPORT.PERIP_RST_EN: UART0 (UART_RST, bit 2), TIMG0 (bit 13), TIMG1 (bit 15): protected bits */
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 2) == NR_DENIED);
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 13) == NR_DENIED);
    CHECK(nr_write32(b, &bus, 0x3FF000C4u, 1u << 15) == NR_DENIED);
    /* UART0.FIFO: a read would pop the wire protocol's byte */
    CHECK(nr_read32(b, &bus, 0x3FF40000u, &v) == NR_DENIED);

    /* a driver's ordinary writes */
    static const uint32_t ok_writes[] = {
        0x3FF44008u, /* GPIO.OUT_W1TS */ 0x3FF59000u, /* LEDC.HSCH0_CONF0 */ 0x3FF50020u, /* UART1.CONF0 */
        0x3FF53004u, /* I2C0.CTR */      0x3FF56020u, /* RMT.CH0CONF0 */     0x3FF60000u, /* TIMG1.T0CONFIG */
        0x3FF5F000u, /* TIMG0.T0CONFIG */
    };
    for (size_t i = 0; i < sizeof ok_writes / sizeof ok_writes[0]; i++) {
        CHECK(nr_write32(b, &bus, ok_writes[i], 0x1u) == NR_OK);
    }
}

static void test_names(void)
{
    CHECK(strcmp(nr_check_name(NR_OK), "ok") == 0);
    CHECK(strcmp(nr_check_name(NR_DPORT), "dport") == 0);
    CHECK(strcmp(nr_check_name(NR_FIFO), "fifo") == 0);
    CHECK(strcmp(nr_check_name(NR_READONLY), "read-only") == 0);
    CHECK(strcmp(nr_check_name(42), "?") == 0);
}

int main(void)
{
    const nr_board_t *boards[] = { &nr_board_esp32, &nr_board_esp32s2, &nr_board_esp32s3, &nr_board_esp32c3,
                                   &nr_board_esp32c5, &nr_board_esp32c6, &nr_board_esp32h2 };
    for (int i = 0; i < 7; i++) {
        test_tables_sorted_and_inside_bus(boards[i]);
        test_gpio_read_write(boards[i]);
        test_refusals_touch_nothing(boards[i]);
        test_policy_entries(boards[i]);
    }
    test_esp32_policy();
    test_esp32_fifo_and_dport();
    test_s3_c3_have_no_errata();
    test_names();
    printf("test_core: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
