/*
 * NanoRemap conformance oracle: declarations shared by the driver (main.c)
 * and the three word-model builds of the kernel model (model.h).
 *
 * The oracle is an independent re-statement of the kernel arithmetic in C,
 * compiled with the real C types of each word model, so the expected values
 * of the tests/vectors .vec files come from C, never from the C# implementation.
 */
#ifndef NANOREMAP_ORACLE_H
#define NANOREMAP_ORACLE_H

#include <stdbool.h>
#include <stdint.h>

enum oracle_op { OP_PREP, OP_IOMAP, OP_REMAP_PFN_RANGE, OP_MMAP };
enum oracle_model { MODEL_NOMMU, MODEL_MMU };

/*
 * Who runs op=mmap's action: __mmap_region (mm/vma.c, is_compat=false) or
 * compat_vma_mmap (mm/util.c, is_compat=true). nommu's only real caller is
 * compat; FLOW_REGION on nommu runs its mmap_action_complete with false.
 */
enum oracle_flow { FLOW_REGION, FLOW_COMPAT };

/* What the driver's mmap_prepare hook does (eval `action=`). */
enum oracle_action {
	ACT_NOTHING,
	ACT_REMAP,
	ACT_REMAP_FULL,
	ACT_IOREMAP,
	ACT_IOREMAP_FULL,
	ACT_SIMPLE_IOREMAP,
	ACT_MAP_KERNEL_PAGES,
	ACT_MAP_KERNEL_PAGES_FULL,
	ACT_RAW,
};

/*
 * One eval case. Every number is carried as uint64_t here; the driver has
 * already checked that it fits the C type of its key in the chosen word
 * model, and the model narrows it to that type (ulong / phys_addr_t).
 */
struct oracle_case {
	enum oracle_op op;
	enum oracle_model model;
	int page_shift;

	uint64_t vm_len, vm_start, vm_end, pgoff, flags, prot;
	uint64_t phys, size, len, addr, pfn, start, nr_pages;

	enum oracle_action action;
	uint32_t raw_type;
	int32_t error_override;
	int32_t mapped_rc;
	bool skip_prepare, merged;
	enum oracle_flow flow;
};

struct oracle_result {
	int rc;
	bool have_pfn;		/* pfn= is printed */
	uint64_t pfn, pgoff, flags;
	/* op=mmap only */
	bool prepare_skipped, complete_skipped;
	int prepare, complete;
	uint32_t type;		/* enum mmap_action_type after prepare */
	int warns;
};

/*
 * WARN_ON_ONCE call sites. Each has its own latch; `warns=` is the number of
 * hits of all sites during one case (a latched site still counts its hits:
 * WARN_ON_ONCE only suppresses the *log*, its condition still applies).
 */
enum warn_site {
	WARN_REMAP_START_RANGE,		/* mmap_action_remap: start outside desc */
	WARN_REMAP_END_RANGE,		/* mmap_action_remap: start + size > end */
	WARN_CHECK_MMAP_ACTION,		/* check_mmap_action: bad error_override */
	WARN_MMU_PREPARE_UNKNOWN,	/* mmap_action_prepare (MMU): type outside the enum */
	WARN_MMU_COMPLETE_UNDELEGATED,	/* mmap_action_complete (MMU): IO + SIMPLE share it */
	WARN_NOMMU_PREPARE,		/* mmap_action_prepare (!MMU) */
	WARN_NOMMU_COMPLETE,		/* mmap_action_complete (!MMU) */
	WARN_REMAP_INTERNAL_UNALIGNED,	/* remap_pfn_range_internal: !PAGE_ALIGNED(addr) */
	WARN_REMAP_INTERNAL_BUG,	/* remap_pfn_range_internal: BUG_ON(addr >= end) */
	WARN_NR_SITES
};

/* The per-case "fresh kernel". */
struct oracle_kernel {
	int page_shift;
	bool latched[WARN_NR_SITES];
	int hits[WARN_NR_SITES];
	int total_hits;
	bool trace;		/* --trace: name each WARN hit on stderr */
};

extern struct oracle_kernel K;
extern const char *const warn_site_names[WARN_NR_SITES];

void oracle_reset_kernel(int page_shift);
bool oracle_warn_on_once(enum warn_site site, bool cond);

/* One entry point per word model (model_*.c). */
void oracle_run_ilp32(const struct oracle_case *c, struct oracle_result *r);
void oracle_run_ilp32_phys64(const struct oracle_case *c, struct oracle_result *r);
void oracle_run_lp64(const struct oracle_case *c, struct oracle_result *r);

/* The bare __simple_ioremap_prep of each word model, for --selftest. */
int oracle_prep_ilp32(uint64_t vm_len, uint64_t pgoff, uint64_t phys, uint64_t size, uint64_t *pfn);
int oracle_prep_ilp32_phys64(uint64_t vm_len, uint64_t pgoff, uint64_t phys, uint64_t size, uint64_t *pfn);
int oracle_prep_lp64(uint64_t vm_len, uint64_t pgoff, uint64_t phys, uint64_t size, uint64_t *pfn);

#endif
