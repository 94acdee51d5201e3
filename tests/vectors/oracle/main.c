/*
 * nanoremap-oracle: reads `nanoremap eval` case lines (the contract in
 * README / eval-contract) on stdin and prints the contract's output line for
 * each case, computed by the C kernel model in model.h.
 *
 *   oracle [--trace]     eval lines on stdin -> result lines on stdout
 *   oracle --selftest    cross-check __simple_ioremap_prep of every word model
 *                        against an exact (128-bit) restatement
 *
 * The oracle is deliberately stricter than the CLI: it does not print
 * `error=` lines, it refuses (message on stderr, exit 2) any line it does not
 * fully understand, and it requires explicit `model=` and `arch=` on every
 * case (vector lines never rely on nf.config defaults). page_shift defaults to
 * 12, the contract's default.
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

struct oracle_kernel K;

const char *const warn_site_names[WARN_NR_SITES] = {
	[WARN_REMAP_START_RANGE] = "mmap_action_remap: start < desc->start || start >= desc->end",
	[WARN_REMAP_END_RANGE] = "mmap_action_remap: start + size > desc->end",
	[WARN_CHECK_MMAP_ACTION] = "check_mmap_action: invalid error_override",
	[WARN_MMU_PREPARE_UNKNOWN] = "mmap_action_prepare: unknown action type",
	[WARN_MMU_COMPLETE_UNDELEGATED] = "mmap_action_complete: should have been delegated",
	[WARN_NOMMU_PREPARE] = "mmap_action_prepare (nommu): nommu cannot handle these",
	[WARN_NOMMU_COMPLETE] = "mmap_action_complete (nommu): nommu cannot handle this",
	[WARN_REMAP_INTERNAL_UNALIGNED] = "remap_pfn_range_internal: !PAGE_ALIGNED(addr)",
	[WARN_REMAP_INTERNAL_BUG] = "remap_pfn_range_internal: BUG_ON(addr >= end)",
};

static unsigned long lineno;

void oracle_reset_kernel(int page_shift)
{
	bool trace = K.trace;

	memset(&K, 0, sizeof(K));
	K.trace = trace;
	K.page_shift = page_shift;
}

bool oracle_warn_on_once(enum warn_site site, bool cond)
{
	if (!cond)
		return false;
	K.hits[site]++;
	K.total_hits++;
	if (!K.latched[site]) {
		K.latched[site] = true;
		if (K.trace)
			fprintf(stderr, "line %lu: WARN_ON_ONCE %s\n", lineno, warn_site_names[site]);
	}
	return true;
}

static _Noreturn void refuse(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "oracle: line %lu: ", lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* ------------------------------------------------------------------ */
/* keys                                                                */

enum key {
	K_OP, K_MODEL, K_ARCH, K_PAGE_SHIFT,
	K_VM_LEN, K_VM_START, K_VM_END, K_PGOFF, K_FLAGS, K_PROT,
	K_PHYS, K_SIZE, K_LEN, K_ADDR, K_PFN, K_START, K_NR_PAGES,
	K_ACTION, K_RAW_TYPE, K_ERROR_OVERRIDE, K_MAPPED_RC, K_SKIP_PREPARE, K_MERGED,
	K_FLOW,
	K_NR
};

enum kind { KIND_WORD, KIND_ULONG, KIND_PHYS, KIND_U64, KIND_U32, KIND_INT32, KIND_BOOL, KIND_SHIFT };

static const struct {
	const char *name;
	enum kind kind;
} keys[K_NR] = {
	[K_OP] = { "op", KIND_WORD },
	[K_MODEL] = { "model", KIND_WORD },
	[K_ARCH] = { "arch", KIND_WORD },
	[K_PAGE_SHIFT] = { "page_shift", KIND_SHIFT },
	[K_VM_LEN] = { "vm_len", KIND_ULONG },
	[K_VM_START] = { "vm_start", KIND_ULONG },
	[K_VM_END] = { "vm_end", KIND_ULONG },
	[K_PGOFF] = { "pgoff", KIND_ULONG },
	[K_FLAGS] = { "flags", KIND_ULONG },
	[K_PROT] = { "prot", KIND_U64 },
	[K_PHYS] = { "phys", KIND_PHYS },
	[K_SIZE] = { "size", KIND_ULONG },
	[K_LEN] = { "len", KIND_ULONG },
	[K_ADDR] = { "addr", KIND_ULONG },
	[K_PFN] = { "pfn", KIND_ULONG },
	[K_START] = { "start", KIND_ULONG },
	[K_NR_PAGES] = { "nr_pages", KIND_ULONG },
	[K_ACTION] = { "action", KIND_WORD },
	[K_RAW_TYPE] = { "raw_type", KIND_U32 },
	[K_ERROR_OVERRIDE] = { "error_override", KIND_INT32 },
	[K_MAPPED_RC] = { "mapped_rc", KIND_INT32 },
	[K_SKIP_PREPARE] = { "skip_prepare", KIND_BOOL },
	[K_MERGED] = { "merged", KIND_BOOL },
	[K_FLOW] = { "flow", KIND_WORD },
};

#define BIT(k) (UINT32_C(1) << (k))

static const char *const action_names[] = {
	[ACT_NOTHING] = "nothing",
	[ACT_REMAP] = "remap",
	[ACT_REMAP_FULL] = "remap_full",
	[ACT_IOREMAP] = "ioremap",
	[ACT_IOREMAP_FULL] = "ioremap_full",
	[ACT_SIMPLE_IOREMAP] = "simple_ioremap",
	[ACT_MAP_KERNEL_PAGES] = "map_kernel_pages",
	[ACT_MAP_KERNEL_PAGES_FULL] = "map_kernel_pages_full",
	[ACT_RAW] = "raw",
};

/* Keys each action takes (all of them required). */
static const uint32_t action_keys[] = {
	[ACT_NOTHING] = 0,
	[ACT_REMAP] = BIT(K_START) | BIT(K_PFN) | BIT(K_SIZE),
	[ACT_REMAP_FULL] = BIT(K_PFN),
	[ACT_IOREMAP] = BIT(K_START) | BIT(K_PFN) | BIT(K_SIZE),
	[ACT_IOREMAP_FULL] = BIT(K_PFN),
	[ACT_SIMPLE_IOREMAP] = BIT(K_PHYS) | BIT(K_SIZE),
	[ACT_MAP_KERNEL_PAGES] = BIT(K_START) | BIT(K_NR_PAGES),
	[ACT_MAP_KERNEL_PAGES_FULL] = 0,
	[ACT_RAW] = BIT(K_RAW_TYPE),
};

static const char *const type_names[] = {
	"nothing", "remap_pfn", "io_remap_pfn", "simple_ioremap", "map_kernel_pages",
};

enum arch { ARCH_ILP32, ARCH_ILP32_PHYS64, ARCH_LP64 };

/* ------------------------------------------------------------------ */
/* numbers                                                             */

static bool parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	int base = 10;

	if (s[0] == '0' && s[1] == 'x') {
		base = 16;
		s += 2;
	}
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			return false;
		if (v > (UINT64_MAX - d) / (uint64_t)base)
			return false;	/* does not fit 64 bits */
		v = v * (uint64_t)base + d;
	}
	*out = v;
	return true;
}

/* error_override / mapped_rc: negative decimal, or 0x hex as 32-bit two's complement. */
static int32_t parse_int32(const char *name, const char *s)
{
	uint64_t v;

	if (s[0] == '-') {
		if (s[1] == '0' && s[2] == 'x')
			refuse("%s=%s: negative hex is not a contract number", name, s);
		if (!parse_u64(s + 1, &v) || v > UINT64_C(0x80000000))
			refuse("%s=%s does not fit int", name, s);
		return (int32_t)(-(int64_t)v);
	}
	if (!parse_u64(s, &v))
		refuse("%s=%s is not a number", name, s);
	if (s[0] == '0' && s[1] == 'x') {
		if (v > UINT32_MAX)
			refuse("%s=%s does not fit 32 bits", name, s);
		return (int32_t)(uint32_t)v;	/* two's complement on every gcc target */
	}
	if (v > INT32_MAX)
		refuse("%s=%s does not fit int", name, s);
	return (int32_t)v;
}

/* ------------------------------------------------------------------ */
/* one case line                                                       */

static void print_result(const struct oracle_case *c, const struct oracle_result *r)
{
	printf("rc=%d", r->rc);
	switch (c->op) {
	case OP_PREP:
		if (r->rc == 0)
			printf(" pfn=0x%" PRIx64, r->pfn);
		break;
	case OP_IOMAP:
		if (r->rc == 0)
			printf(" pfn=0x%" PRIx64 " pgoff=0x%" PRIx64 " flags=0x%" PRIx64,
			       r->pfn, r->pgoff, r->flags);
		break;
	case OP_REMAP_PFN_RANGE:
		if (r->rc == 0)
			printf(" pgoff=0x%" PRIx64 " flags=0x%" PRIx64, r->pgoff, r->flags);
		break;
	case OP_MMAP:
		if (r->prepare_skipped)
			printf(" prepare=skip");
		else
			printf(" prepare=%d", r->prepare);
		if (r->complete_skipped)
			printf(" complete=skip");
		else
			printf(" complete=%d", r->complete);
		if (r->type < sizeof(type_names) / sizeof(type_names[0]))
			printf(" type=%s", type_names[r->type]);
		else
			printf(" type=%" PRIu32, r->type);
		if (r->have_pfn)
			printf(" pfn=0x%" PRIx64, r->pfn);
		printf(" pgoff=0x%" PRIx64 " flags=0x%" PRIx64 " warns=%d", r->pgoff, r->flags, r->warns);
		break;
	}
	putchar('\n');
}

static void eval_line(char *line)
{
	const char *val[K_NR] = { 0 };
	uint32_t seen = 0, allowed, required;
	struct oracle_case c;
	struct oracle_result r;
	enum arch arch;
	uint64_t ulong_max, phys_max;
	int bits;
	char *hash, *tok, *save;

	hash = strchr(line, '#');
	if (hash)
		*hash = '\0';	/* trailing comment */

	for (tok = strtok_r(line, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		int k;

		if (!eq || eq == tok || !eq[1] || strchr(eq + 1, '='))
			refuse("token '%s' is not key=value", tok);
		*eq = '\0';
		for (k = 0; k < K_NR; k++)
			if (!strcmp(tok, keys[k].name))
				break;
		if (k == K_NR)
			refuse("unknown key '%s'", tok);
		if (seen & BIT(k))
			refuse("duplicated key '%s'", tok);
		seen |= BIT(k);
		val[k] = eq + 1;
	}
	if (!seen)
		return;	/* blank or comment-only line */

	memset(&c, 0, sizeof(c));

	/* op, model, arch */
	if (!val[K_OP])
		refuse("missing op=");
	if (!strcmp(val[K_OP], "prep"))
		c.op = OP_PREP;
	else if (!strcmp(val[K_OP], "iomap"))
		c.op = OP_IOMAP;
	else if (!strcmp(val[K_OP], "remap_pfn_range"))
		c.op = OP_REMAP_PFN_RANGE;
	else if (!strcmp(val[K_OP], "mmap"))
		c.op = OP_MMAP;
	else
		refuse("unknown op '%s'", val[K_OP]);

	if (!val[K_MODEL])
		refuse("vector lines must carry model=");
	if (!strcmp(val[K_MODEL], "nommu"))
		c.model = MODEL_NOMMU;
	else if (!strcmp(val[K_MODEL], "mmu"))
		c.model = MODEL_MMU;
	else
		refuse("unknown model '%s'", val[K_MODEL]);

	if (!val[K_ARCH])
		refuse("vector lines must carry arch=");
	if (!strcmp(val[K_ARCH], "ilp32"))
		arch = ARCH_ILP32;
	else if (!strcmp(val[K_ARCH], "ilp32-phys64"))
		arch = ARCH_ILP32_PHYS64;
	else if (!strcmp(val[K_ARCH], "lp64"))
		arch = ARCH_LP64;
	else
		refuse("unknown arch '%s'", val[K_ARCH]);
	bits = arch == ARCH_LP64 ? 64 : 32;
	ulong_max = bits == 64 ? UINT64_MAX : UINT32_MAX;
	phys_max = arch == ARCH_ILP32 ? UINT32_MAX : UINT64_MAX;

	/* which keys this op (and action) takes */
	allowed = BIT(K_OP) | BIT(K_MODEL) | BIT(K_ARCH) | BIT(K_PAGE_SHIFT);
	required = BIT(K_OP) | BIT(K_MODEL) | BIT(K_ARCH);
	switch (c.op) {
	case OP_PREP:
		allowed |= BIT(K_VM_LEN) | BIT(K_PGOFF) | BIT(K_PHYS) | BIT(K_SIZE);
		break;
	case OP_IOMAP:
		required |= BIT(K_VM_START) | BIT(K_VM_END) | BIT(K_PHYS) | BIT(K_LEN);
		allowed |= required | BIT(K_PGOFF) | BIT(K_FLAGS);
		break;
	case OP_REMAP_PFN_RANGE:
		required |= BIT(K_VM_START) | BIT(K_VM_END) | BIT(K_ADDR) | BIT(K_PFN) | BIT(K_SIZE);
		allowed |= required | BIT(K_PGOFF) | BIT(K_FLAGS) | BIT(K_PROT);
		break;
	case OP_MMAP: {
		size_t a;

		if (!val[K_ACTION])
			refuse("missing action=");
		for (a = 0; a < sizeof(action_names) / sizeof(action_names[0]); a++)
			if (!strcmp(val[K_ACTION], action_names[a]))
				break;
		if (a == sizeof(action_names) / sizeof(action_names[0]))
			refuse("unknown action '%s'", val[K_ACTION]);
		c.action = (enum oracle_action)a;
		required |= BIT(K_VM_START) | BIT(K_VM_END) | BIT(K_ACTION) | action_keys[a];
		allowed |= required | BIT(K_PGOFF) | BIT(K_FLAGS) | BIT(K_PROT) |
			   BIT(K_ERROR_OVERRIDE) | BIT(K_SKIP_PREPARE) | BIT(K_MERGED) |
			   BIT(K_MAPPED_RC) | BIT(K_FLOW);
		break;
	}
	}
	for (int k = 0; k < K_NR; k++) {
		if ((seen & BIT(k)) && !(allowed & BIT(k)))
			refuse("key '%s' is not taken by this op/action", keys[k].name);
		if ((required & BIT(k)) && !(seen & BIT(k)))
			refuse("missing key '%s'", keys[k].name);
	}

	/* numbers, checked against their C type in this word model */
	c.page_shift = 12;
	for (int k = 0; k < K_NR; k++) {
		uint64_t v = 0;

		if (!val[k] || keys[k].kind == KIND_WORD)
			continue;
		if (keys[k].kind == KIND_INT32) {
			int32_t i = parse_int32(keys[k].name, val[k]);

			if (k == K_ERROR_OVERRIDE)
				c.error_override = i;
			else
				c.mapped_rc = i;
			continue;
		}
		if (!parse_u64(val[k], &v))
			refuse("%s=%s is not a number (or does not fit 64 bits)", keys[k].name, val[k]);
		switch (keys[k].kind) {
		case KIND_ULONG:
			if (v > ulong_max)
				refuse("%s=%s does not fit unsigned long", keys[k].name, val[k]);
			break;
		case KIND_PHYS:
			if (v > phys_max)
				refuse("%s=%s does not fit phys_addr_t", keys[k].name, val[k]);
			break;
		case KIND_U32:
			if (v > UINT32_MAX)
				refuse("%s=%s does not fit the enum", keys[k].name, val[k]);
			break;
		case KIND_BOOL:
			if (v > 1)
				refuse("%s=%s must be 0 or 1", keys[k].name, val[k]);
			break;
		case KIND_SHIFT:
			if (v < 1 || v > (uint64_t)(bits - 1))
				refuse("page_shift=%s outside 1..%d", val[k], bits - 1);
			break;
		default:
			break;
		}
		switch (k) {
		case K_PAGE_SHIFT: c.page_shift = (int)v; break;
		case K_VM_LEN: c.vm_len = v; break;
		case K_VM_START: c.vm_start = v; break;
		case K_VM_END: c.vm_end = v; break;
		case K_PGOFF: c.pgoff = v; break;
		case K_FLAGS: c.flags = v; break;
		case K_PROT: c.prot = v; break;
		case K_PHYS: c.phys = v; break;
		case K_SIZE: c.size = v; break;
		case K_LEN: c.len = v; break;
		case K_ADDR: c.addr = v; break;
		case K_PFN: c.pfn = v; break;
		case K_START: c.start = v; break;
		case K_NR_PAGES: c.nr_pages = v; break;
		case K_RAW_TYPE: c.raw_type = (uint32_t)v; break;
		case K_SKIP_PREPARE: c.skip_prepare = v; break;
		case K_MERGED: c.merged = v; break;
		default: break;
		}
	}
	if (c.merged && c.model != MODEL_MMU)
		refuse("merged=1 is MMU only");

	/*
	 * flow=: who calls mmap_action_complete. Default: the model's own caller,
	 * __mmap_region (is_compat=false) with an MMU, compat_vma_mmap
	 * (is_compat=true) without one.
	 */
	c.flow = c.model == MODEL_MMU ? FLOW_REGION : FLOW_COMPAT;
	if (val[K_FLOW]) {
		if (!strcmp(val[K_FLOW], "region"))
			c.flow = FLOW_REGION;
		else if (!strcmp(val[K_FLOW], "compat"))
			c.flow = FLOW_COMPAT;
		else
			refuse("unknown flow '%s'", val[K_FLOW]);
	}
	if (c.merged && c.flow == FLOW_COMPAT)
		refuse("merged=1 cannot go with flow=compat");

	oracle_reset_kernel(c.page_shift);	/* fresh kernel per case */
	switch (arch) {
	case ARCH_ILP32:
		oracle_run_ilp32(&c, &r);
		break;
	case ARCH_ILP32_PHYS64:
		oracle_run_ilp32_phys64(&c, &r);
		break;
	case ARCH_LP64:
		oracle_run_lp64(&c, &r);
		break;
	}
	print_result(&c, &r);
}

/* ------------------------------------------------------------------ */
/* --selftest                                                          */

typedef unsigned __int128 u128;

/*
 * __simple_ioremap_prep restated with exact integers: a wrap in C is a sum
 * reaching 2^width. Independent of the C-typed code in model.h.
 */
static int exact_prep(int lbits, int pbits, int shift, uint64_t vm_len, uint64_t pgoff,
		      uint64_t phys, uint64_t size, uint64_t *pfn_out)
{
	const u128 L = (u128)1 << lbits, P = (u128)1 << pbits, PS = (u128)1 << shift;
	u128 sz, pfn, pages;

	if ((u128)phys + size >= P)
		return -22;
	sz = ((u128)size + (phys % PS)) % L;
	pfn = ((u128)phys / PS) % L;
	pages = ((sz + PS - 1) % L) / PS;
	if (pfn + pages >= L)
		return -22;
	if (pgoff > pages)
		return -22;
	pfn += pgoff;
	pages -= pgoff;
	if ((u128)vm_len / PS > pages)
		return -22;
	*pfn_out = (uint64_t)pfn;
	return 0;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

/* Interesting values: near 0, near page boundaries, near 2^32 and 2^64. */
static uint64_t pick(uint64_t max, int shift)
{
	uint64_t ps = UINT64_C(1) << shift, v;

	switch (rnd() % 8) {
	case 0: v = rnd() % 4; break;
	case 1: v = (rnd() % 16) * ps + rnd() % 3 - 1; break;
	case 2: v = max - rnd() % (4 * ps); break;
	case 3: v = UINT64_C(0xffffffff) - rnd() % (4 * ps); break;
	case 4: v = (UINT64_C(1) << (32 + shift)) - rnd() % (4 * ps); break;
	case 5: v = rnd() % (64 * ps); break;
	default: v = rnd(); break;
	}
	return v & max;
}

static int selftest(void)
{
	static const struct {
		const char *name;
		int lbits, pbits;
		int (*prep)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t *);
	} m[] = {
		{ "ilp32", 32, 32, oracle_prep_ilp32 },
		{ "ilp32-phys64", 32, 64, oracle_prep_ilp32_phys64 },
		{ "lp64", 64, 64, oracle_prep_lp64 },
	};
	static const int shifts[] = { 12, 14, 16, 1, 20 };
	long n = 0, bad = 0;

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		const uint64_t lmax = m[i].lbits == 64 ? UINT64_MAX : UINT32_MAX;
		const uint64_t pmax = m[i].pbits == 64 ? UINT64_MAX : UINT32_MAX;

		for (size_t s = 0; s < sizeof(shifts) / sizeof(shifts[0]); s++) {
			for (int t = 0; t < 200000; t++) {
				const int sh = shifts[s];
				uint64_t vm_len = pick(lmax, sh), pgoff = pick(lmax, sh) >> (rnd() % 2 ? sh : 0);
				uint64_t phys = pick(pmax, sh), size = pick(lmax, sh);
				uint64_t p1 = 0, p2 = 0;
				int r1, r2;

				if (rnd() % 4 == 0)
					pgoff %= 8;
				if (rnd() % 4 == 0)
					vm_len = ((rnd() % 8) << sh) & lmax;
				oracle_reset_kernel(sh);
				r1 = m[i].prep(vm_len, pgoff, phys, size, &p1);
				r2 = exact_prep(m[i].lbits, m[i].pbits, sh, vm_len, pgoff, phys, size, &p2);
				n++;
				if (r1 != r2 || (r1 == 0 && p1 != p2)) {
					if (bad++ < 10)
						fprintf(stderr,
							"selftest %s shift %d: vm_len=0x%" PRIx64 " pgoff=0x%" PRIx64
							" phys=0x%" PRIx64 " size=0x%" PRIx64 ": C rc=%d pfn=0x%" PRIx64
							", exact rc=%d pfn=0x%" PRIx64 "\n",
							m[i].name, sh, vm_len, pgoff, phys, size, r1, p1, r2, p2);
				}
			}
		}
	}
	fprintf(stderr, "selftest: %ld prep cases, %ld mismatches\n", n, bad);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--trace"))
			K.trace = true;
		else if (!strcmp(argv[i], "--selftest"))
			return selftest();
		else {
			fprintf(stderr, "usage: %s [--trace | --selftest] < cases\n", argv[0]);
			return 2;
		}
	}
	while (getline(&line, &cap, stdin) != -1) {
		size_t n = strlen(line);

		lineno++;
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		eval_line(line);
	}
	free(line);
	if (ferror(stdin) || fflush(stdout) != 0) {
		fprintf(stderr, "oracle: I/O error\n");
		return 2;
	}
	return 0;
}
