/* Drives the posix simulated board (boards/native/interop/nanoremap_firmware_posix.c) through the portable core the
 * way the interop library does on the nanoCLR: the simulated register file must behave as the managed
 * RegisterSimulator with the chip's SVD model (reset values, rw / ro / wo, W1TS / W1TC aliases, read-only bits,
 * words with no register) and refuse what the allow-list refuses. */
#include <stdio.h>
#include <string.h>

#include "nanoremap_core.h"
#include "nanoremap_firmware.h"
#include "nanoremap_firmware_posix.h"
#include "test_check.h"

/* classic ESP32 (the default board of the posix glue), IDF soc/esp32 gpio_reg.h / board.map */
#define GPIO_OUT 0x3FF44004u
#define GPIO_OUT_W1TS 0x3FF44008u
#define GPIO_OUT_W1TC 0x3FF4400Cu
#define GPIO_IN 0x3FF4403Cu
#define EFUSE 0x3FF5A000u /* mapped, every register read-only */
#define AES 0x3FF01000u   /* denied block */
#define UART0_FIFO 0x3FF40000u

/* the SVD model (boards/esp32/registers.txt, the facts SimulatorModels.ForChip builds the managed model from) */
#define UART0_INT_CLR 0x3FF40010u  /* reg UART0.INT_CLR 0x3FF40010 wo 0x00000000 */
#define UART0_CLKDIV 0x3FF40014u   /* reg UART0.CLKDIV 0x3FF40014 rw 0x000002B6 */
#define UART0_CONF0 0x3FF40020u    /* reg UART0.CONF0 0x3FF40020 rw 0x0800001C */
#define UART0_LOWPULSE 0x3FF40028u /* reg UART0.LOWPULSE 0x3FF40028 ro 0x000FFFFF */
#define UART0_HOLE 0x3FF40070u     /* between UART0.NEGPULSE (0x3FF4006C) and UART0.DATE (0x3FF40078): no register */
#define GPIO_PIN0 0x3FF44088u      /* reg GPIO.PIN0 rw 0: fields PAD_DRIVER 2/1, INT_TYPE 7/3, WAKEUP_ENABLE 10/1, CONFIG 11/2, INT_ENA 13/5 */
#define GPIO_PIN0_FIELDS 0x0003FF84u /* bit 2 and bits 7..17; every other bit is reserved, so read-only */

int main(void)
{
    const nr_board_t *b = nr_firmware_board();
    const nr_bus_t *bus = nr_firmware_bus();
    uint32_t v = 0;
    CHECK(strcmp(b->chip, "esp32") == 0);
    nr_posix_reset();

    /* plain register, and the aliases: one store each, reading as zero */
    CHECK(nr_read32(b, bus, GPIO_OUT, &v) == NR_OK && v == 0);
    CHECK(nr_write32(b, bus, GPIO_OUT, 0x1u) == NR_OK);
    CHECK(nr_write32(b, bus, GPIO_OUT_W1TS, 0x6u) == NR_OK && nr_posix_peek(GPIO_OUT) == 0x7u);
    CHECK(nr_write32(b, bus, GPIO_OUT_W1TC, 0x2u) == NR_OK && nr_posix_peek(GPIO_OUT) == 0x5u);
    CHECK(nr_read32(b, bus, GPIO_OUT_W1TS, &v) == NR_OK && v == 0);
    CHECK(nr_posix_stats()->writes == 3 && nr_posix_stats()->reads == 2);

    /* read-only: the pins drive GPIO_IN, writes are ignored */
    nr_posix_poke(GPIO_IN, 0x1234u);
    CHECK(nr_write32(b, bus, GPIO_IN, 0xFFFFu) == NR_OK && nr_posix_stats()->ignored_writes == 1);
    CHECK(nr_read32(b, bus, GPIO_IN, &v) == NR_OK && v == 0x1234u);

    /* the atomic read-modify-write and block transfers of the interop library */
    uint32_t old = 0;
    CHECK(nr_modify32(b, bus, GPIO_OUT, 0x1u, 0x100u, 0x80000000u, &old) == NR_OK);
    CHECK(old == 0x5u && nr_posix_peek(GPIO_OUT) == 0x80000104u);
    uint32_t src[2] = { 0x11u, 0x22u };
    uint32_t dst[2] = { 0u, 0u };
    CHECK(nr_write_block(b, bus, GPIO_OUT, 4, src, 2, NULL) == NR_OK); /* OUT := 0x11, OUT_W1TS sets 0x22 */
    CHECK(nr_read_block(b, bus, GPIO_OUT, 4, dst, 2, NULL) == NR_OK && dst[0] == 0x33u && dst[1] == 0u);

    /* DPORT reads take the DPORT-safe path, FIFO blocks the errata-safe one */
    CHECK(nr_read32(b, bus, 0x3FF000C0u, &v) == NR_DPORT && nr_posix_stats()->dport_reads == 1);
    nr_posix_poke(UART0_FIFO, 0x41u);
    CHECK(nr_read32(b, bus, UART0_FIFO, &v) == NR_FIFO);
    CHECK(nr_read_block(b, bus, UART0_FIFO, 0, dst, 2, NULL) == NR_OK && dst[0] == 0x41u && nr_posix_stats()->fifo_reads == 2);

    /* refusals touch nothing */
    uint32_t before = nr_posix_stats()->reads + nr_posix_stats()->writes;
    CHECK(nr_read32(b, bus, AES, &v) == NR_DENIED);
    CHECK(nr_write32(b, bus, GPIO_OUT + 1, 0) == NR_MISALIGNED);
    CHECK(nr_modify32(b, bus, AES, 0, 1, 0, NULL) == NR_DENIED);
    CHECK(nr_modify32(b, bus, EFUSE, 0, 1, 0, NULL) == NR_READONLY);
    CHECK(nr_write32(b, bus, EFUSE, 1) == NR_READONLY);
    CHECK(nr_posix_stats()->reads + nr_posix_stats()->writes == before && nr_posix_peek(EFUSE) == 0);
    CHECK(nr_read32(b, bus, EFUSE, &v) == NR_OK); /* eFuse reads work: MAC address, chip revision */

    /* without a clock table in the generated board tables every clock operation is refused */
    int rc = nr_firmware_clock(0, NR_CLOCK_ENABLE);
#if defined(NR_POLICY_PROTECT)
    CHECK(rc == NR_OK || rc == NR_UNMAPPED);
#else
    CHECK(rc == NR_UNMAPPED);
#endif

    /* the SVD model, as the managed simulator applies it: reset values ... */
    nr_posix_reset();
    CHECK(nr_read32(b, bus, UART0_CLKDIV, &v) == NR_OK && v == 0x000002B6u);
    CHECK(nr_read32(b, bus, UART0_CONF0, &v) == NR_OK && v == 0x0800001Cu);
    CHECK(nr_read32(b, bus, UART0_LOWPULSE, &v) == NR_OK && v == 0x000FFFFFu);
    /* ... a read-only register keeps its value, reserved (read-only) bits of a read/write register keep theirs ... */
    CHECK(nr_write32(b, bus, UART0_LOWPULSE, 0u) == NR_OK);
    CHECK(nr_read32(b, bus, UART0_LOWPULSE, &v) == NR_OK && v == 0x000FFFFFu);
    CHECK(nr_write32(b, bus, GPIO_PIN0, 0xFFFFFFFFu) == NR_OK);
    CHECK(nr_read32(b, bus, GPIO_PIN0, &v) == NR_OK && v == GPIO_PIN0_FIELDS);
    CHECK(nr_write32(b, bus, UART0_CONF0, 0u) == NR_OK && nr_posix_peek(UART0_CONF0) == 0u);
    /* ... a write-only register reads as zero (its written bits are stored) ... */
    CHECK(nr_write32(b, bus, UART0_INT_CLR, 0x1u) == NR_OK && nr_posix_peek(UART0_INT_CLR) == 0x1u);
    CHECK(nr_read32(b, bus, UART0_INT_CLR, &v) == NR_OK && v == 0u);
    /* ... and a word with no register reads as zero and ignores writes */
    uint32_t ignored = nr_posix_stats()->ignored_writes;
    nr_posix_poke(UART0_HOLE, 0x5Au);
    CHECK(nr_read32(b, bus, UART0_HOLE, &v) == NR_OK && v == 0u);
    CHECK(nr_write32(b, bus, UART0_HOLE, 0x1234u) == NR_OK && nr_posix_peek(UART0_HOLE) == 0x5Au);
    CHECK(nr_posix_stats()->ignored_writes == ignored + 1u);
    /* the reset puts every register back to its reset value */
    nr_posix_reset();
    CHECK(nr_posix_peek(GPIO_OUT) == 0 && nr_posix_stats()->writes == 0);
    CHECK(nr_posix_peek(UART0_CONF0) == 0x0800001Cu && nr_posix_peek(GPIO_PIN0) == 0u);
    printf("test_posix_sim: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
