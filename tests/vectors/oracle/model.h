/*
 * The kernel model of the oracle, written once and compiled three times
 * (model_ilp32.c, model_ilp32_phys64.c, model_lp64.c), each time with the
 * real C types of one word model:
 *
 *   ulong_t        the target's `unsigned long` (uint32_t or uint64_t)
 *   phys_addr_t  the target's phys_addr_t     (uint32_t or uint64_t)
 *   BITS_PER_LONG, MODEL_RUN (entry point name), MODEL_PREP (bare prep)
 *
 * so every wrap-around, truncation and promotion below is the one C makes on
 * that target. The code paraphrases, function by function, the latest mm tree
 * as described in /work/shared/reference/kernel-semantics.md (sections 2-6):
 * include/linux/mm.h helpers, mm/util.c (CONFIG_MMU and !CONFIG_MMU dispatch,
 * mmap_action_finish), mm/memory.c + mm/internal.h (remap/ioremap/
 * simple_ioremap/map_kernel_pages prepare and complete, vm_iomap_memory,
 * remap_pfn_range) and mm/nommu.c (remap_pfn_range, vm_iomap_memory).
 * Function names follow the kernel; MMU / !MMU twins carry an mmu_ / nommu_
 * prefix because both models live in one binary.
 *
 * Only integer types of at least `unsigned int` rank are used for ulong_t and
 * phys_addr_t, so no integer promotion to (signed) int can sneak in.
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "oracle.h"

_Static_assert(sizeof(ulong_t) * 8 == BITS_PER_LONG, "ulong_t width");
_Static_assert(sizeof(ulong_t) >= sizeof(unsigned int), "no promotion to int");
_Static_assert(sizeof(phys_addr_t) >= sizeof(ulong_t), "phys_addr_t at least as wide as long");
_Static_assert((ulong_t)-1 > 0 && (phys_addr_t)-1 > 0, "unsigned types");

typedef ulong_t pgoff_t;
typedef uint64_t pgprot_t;	/* opaque; never observable in eval output */

#define EFAULT		14
#define EINVAL		22
#define MAX_ERRNO	4095

/* PAGE_SIZE is `_AC(1, UL) << PAGE_SHIFT`: an unsigned long. */
#define PAGE_SHIFT	(K.page_shift)
#define PAGE_SIZE	((ulong_t)1 << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	(((ulong_t)(x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(x)	(((ulong_t)(x) & (PAGE_SIZE - 1)) == 0)
/* include/linux/err.h: the value is taken as unsigned long. */
#define IS_ERR_VALUE(x)	((ulong_t)(x) >= (ulong_t)-MAX_ERRNO)

#define WARN_ON_ONCE(site, cond)	oracle_warn_on_once((site), (cond))

/* Flag bits (include/linux/mm.h, tools/testing/vma/include/dup.h). */
#define VM_SHARED	((ulong_t)1 << 3)
#define VM_MAYWRITE	((ulong_t)1 << 5)
#define VM_PFNMAP	((ulong_t)1 << 10)
#define VM_IO		((ulong_t)1 << 14)
#define VM_DONTEXPAND	((ulong_t)1 << 18)
#define VM_DONTDUMP	((ulong_t)1 << 26)
#define VM_MIXEDMAP	((ulong_t)1 << 28)
#define VMA_REMAP_FLAGS	(VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP)

/* include/linux/mm_types.h (latest) */
enum mmap_action_type {
	MMAP_NOTHING,
	MMAP_REMAP_PFN,
	MMAP_IO_REMAP_PFN,
	MMAP_SIMPLE_IO_REMAP,
	MMAP_MAP_KERNEL_PAGES,
};

struct mmap_action {
	/*
	 * The kernel's anonymous union. Aliasing is real here too, but it is
	 * not observable through eval: every member read in the flows below
	 * was last written through that same member (or the union is still
	 * all zero, for `raw` types), and pfn= is only printed for the remap
	 * types, whose fields the helpers and simple_ioremap_prepare write.
	 * `pages` is a token of ulong_t width (no host pointer), so the layout
	 * matches the target's.
	 */
	union {
		struct {
			ulong_t start;
			ulong_t start_pfn;
			ulong_t size;
			pgprot_t pgprot;
		} remap;
		struct {
			phys_addr_t start_phys_addr;
			ulong_t size;
		} simple_ioremap;
		struct {
			ulong_t start;
			ulong_t pages;
			ulong_t nr_pages;
			pgoff_t pgoff;
		} map_kernel;
	};
	/*
	 * GCC gives an enum with only non-negative enumerators the type
	 * `unsigned int`; `raw_type=N` stores N here as the hook would by
	 * writing action->type directly.
	 */
	unsigned int type;
	int error_override;
	bool hide_from_rmap_until_complete;
};

struct vm_area_desc {
	ulong_t start, end;	/* immutable */
	pgoff_t pgoff;
	ulong_t vma_flags;	/* vma_flags_t is a BITS_PER_LONG bitmap */
	pgprot_t page_prot;
	struct mmap_action action;
};

struct vm_area_struct {
	ulong_t vm_start, vm_end;
	pgoff_t vm_pgoff;
	ulong_t vm_flags;
	pgprot_t vm_page_prot;
	/* vm_ops->mapped: present iff has_mapped, returns mapped_rc */
	bool has_mapped;
	int mapped_rc;
};

/* ------------------------------------------------------------------ */
/* include/linux/mm.h helpers                                          */

static ulong_t vma_desc_size(const struct vm_area_desc *desc)
{
	return desc->end - desc->start;
}

static ulong_t vma_desc_pages(const struct vm_area_desc *desc)
{
	return vma_desc_size(desc) >> PAGE_SHIFT;
}

static bool is_cow_mapping(ulong_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

static bool vma_desc_is_cow_mapping(const struct vm_area_desc *desc)
{
	return is_cow_mapping(desc->vma_flags);
}

/* No check that inner_start < inner_end: an empty inner range passes. */
static bool range_is_subset(ulong_t outer_start, ulong_t outer_end,
			    ulong_t inner_start, ulong_t inner_end)
{
	return outer_start <= inner_start && inner_end <= outer_end;
}

static bool range_in_vma_desc(const struct vm_area_desc *desc, ulong_t start, ulong_t end)
{
	if (!desc)
		return false;
	return range_is_subset(desc->start, desc->end, start, end);
}

/* Two WARN sites, diagnostics only: the helper carries on either way. */
static void mmap_action_remap(struct vm_area_desc *desc, ulong_t start,
			      ulong_t start_pfn, ulong_t size)
{
	struct mmap_action *action = &desc->action;

	WARN_ON_ONCE(WARN_REMAP_START_RANGE, start < desc->start || start >= desc->end);
	WARN_ON_ONCE(WARN_REMAP_END_RANGE, start + size > desc->end);

	action->type = MMAP_REMAP_PFN;
	action->remap.start = start;
	action->remap.start_pfn = start_pfn;
	action->remap.size = size;
	action->remap.pgprot = desc->page_prot;	/* snapshot, taken now */
}

static void mmap_action_remap_full(struct vm_area_desc *desc, ulong_t start_pfn)
{
	mmap_action_remap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

static void mmap_action_ioremap(struct vm_area_desc *desc, ulong_t start,
				ulong_t start_pfn, ulong_t size)
{
	mmap_action_remap(desc, start, start_pfn, size);
	desc->action.type = MMAP_IO_REMAP_PFN;
}

static void mmap_action_ioremap_full(struct vm_area_desc *desc, ulong_t start_pfn)
{
	mmap_action_ioremap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

static void mmap_action_simple_ioremap(struct vm_area_desc *desc,
				       phys_addr_t start_phys_addr, ulong_t size)
{
	struct mmap_action *action = &desc->action;

	action->simple_ioremap.start_phys_addr = start_phys_addr;
	action->simple_ioremap.size = size;
	action->type = MMAP_SIMPLE_IO_REMAP;
}

static void mmap_action_map_kernel_pages(struct vm_area_desc *desc, ulong_t start,
					 ulong_t pages, ulong_t nr_pages)
{
	struct mmap_action *action = &desc->action;

	action->type = MMAP_MAP_KERNEL_PAGES;
	action->map_kernel.start = start;
	action->map_kernel.pages = pages;
	action->map_kernel.nr_pages = nr_pages;
	action->map_kernel.pgoff = desc->pgoff;
}

static void mmap_action_map_kernel_pages_full(struct vm_area_desc *desc, ulong_t pages)
{
	mmap_action_map_kernel_pages(desc, desc->start, pages, vma_desc_pages(desc));
}

/* io_remap_pfn_range_pfn() and pgprot_decrypted() are the identity. */
static ulong_t io_remap_pfn_range_pfn(ulong_t pfn, ulong_t size)
{
	(void)size;
	return pfn;
}

static pgprot_t pgprot_decrypted(pgprot_t prot)
{
	return prot;
}

/* ------------------------------------------------------------------ */
/* mm/memory.c + mm/internal.h (CONFIG_MMU)                            */

/* The "horrible special case" for COW mappings. */
static int get_remap_pgoff(bool is_cow, ulong_t addr, ulong_t end, ulong_t vm_start,
			   ulong_t vm_end, ulong_t pfn, pgoff_t *vm_pgoff_p)
{
	if (is_cow) {
		if (addr != vm_start || end != vm_end)
			return -EINVAL;
		*vm_pgoff_p = pfn;
	}
	return 0;
}

/*
 * remap_pfn_range_internal(): the page-table walk itself is modelled as
 * success; only the WARN and the BUG_ON (modelled as a second WARN site plus
 * -EINVAL) are kept. VM_WARN_ON_ONCE on the remap flags is compiled out
 * (CONFIG_DEBUG_VM=n). Tracking (pfnmap_track / setup_cachemode) succeeds.
 */
static int remap_pfn_range_internal(struct vm_area_struct *vma, ulong_t addr,
				    ulong_t pfn, ulong_t size, pgprot_t prot)
{
	const ulong_t end = addr + PAGE_ALIGN(size);

	(void)vma; (void)pfn; (void)prot;
	if (WARN_ON_ONCE(WARN_REMAP_INTERNAL_UNALIGNED, !PAGE_ALIGNED(addr)))
		return -EINVAL;
	/* VM_WARN_ON_ONCE(!vma_test_all_flags_mask(vma, VMA_REMAP_FLAGS)): compiled out */
	if (WARN_ON_ONCE(WARN_REMAP_INTERNAL_BUG, addr >= end))	/* BUG_ON(addr >= end) */
		return -EINVAL;
	return 0;
}

static int do_remap_pfn_range(struct vm_area_struct *vma, ulong_t addr,
			      ulong_t pfn, ulong_t size, pgprot_t prot)
{
	return remap_pfn_range_internal(vma, addr, pfn, size, prot);
}

static int remap_pfn_range_prepare(struct vm_area_desc *desc)
{
	const struct mmap_action *action = &desc->action;
	const ulong_t start = action->remap.start;
	const ulong_t end = start + action->remap.size;	/* not page-aligned */
	const ulong_t pfn = action->remap.start_pfn;
	const bool is_cow = vma_desc_is_cow_mapping(desc);
	int err;

	/* The -EFAULT range rule comes before the COW rule. */
	if (!range_in_vma_desc(desc, start, end))
		return -EFAULT;

	err = get_remap_pgoff(is_cow, start, end, desc->start, desc->end, pfn,
			      &desc->pgoff);
	if (err)
		return err;

	desc->vma_flags |= VMA_REMAP_FLAGS;	/* only on success */
	return 0;
}

static int remap_pfn_range_complete(struct vm_area_struct *vma, struct mmap_action *action)
{
	return do_remap_pfn_range(vma, action->remap.start, action->remap.start_pfn,
				  action->remap.size, action->remap.pgprot);
}

static int io_remap_pfn_range_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *action = &desc->action;
	const ulong_t orig_pfn = action->remap.start_pfn;
	const pgprot_t orig_pgprot = action->remap.pgprot;
	const ulong_t size = action->remap.size;
	int err;

	action->remap.start_pfn = io_remap_pfn_range_pfn(orig_pfn, size);
	action->remap.pgprot = pgprot_decrypted(orig_pgprot);
	err = remap_pfn_range_prepare(desc);
	if (err)
		return err;	/* type stays MMAP_IO_REMAP_PFN */

	/* Remap does the actual work. */
	action->type = MMAP_REMAP_PFN;
	return 0;
}

/*
 * __simple_ioremap_prep (v3+ parameter order). Each step is commented with
 * its number in kernel-semantics.md section 4 / section 9.2.
 */
static int __simple_ioremap_prep(ulong_t vm_len, pgoff_t vm_pgoff,
				 phys_addr_t start_phys, ulong_t size, ulong_t *pfnp)
{
	ulong_t pfn, pages;

	/* 1. phys overflow: `size` is promoted to phys_addr_t width here. */
	if (start_phys + size < start_phys)
		return -EINVAL;
	/* 2. add the sub-page offset; the result is truncated to ulong_t. */
	size += start_phys & ~PAGE_MASK;
	/* 3. pfn, truncated to ulong_t (64-bit phys on 32-bit long: above 2^(32+PAGE_SHIFT)). */
	pfn = start_phys >> PAGE_SHIFT;
	/* 3. pages, rounded up in ulong_t arithmetic: can wrap to 0. */
	pages = (size + ~PAGE_MASK) >> PAGE_SHIFT;
	/* 4. pfn + pages wrap, in ulong_t (not phys width). */
	if (pfn + pages < pfn)
		return -EINVAL;
	/* 5. vm_pgoff == pages is allowed here. */
	if (vm_pgoff > pages)
		return -EINVAL;
	pfn += vm_pgoff;
	pages -= vm_pgoff;
	/* 6. "Can we fit all of the mapping?" A larger physical range is fine. */
	if ((vm_len >> PAGE_SHIFT) > pages)
		return -EINVAL;

	*pfnp = pfn;	/* written only on success */
	return 0;
}

/* v3+/latest: delegates straight to the I/O remap prepare (no recursion). */
static int simple_ioremap_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *action = &desc->action;
	const phys_addr_t start = action->simple_ioremap.start_phys_addr;
	const ulong_t size = action->simple_ioremap.size;
	ulong_t pfn;
	int err;

	err = __simple_ioremap_prep(vma_desc_size(desc), desc->pgoff, start, size, &pfn);
	if (err)
		return err;	/* action and desc untouched */

	/*
	 * Through the helper, so its two WARN sites are live here too: they
	 * fire for an empty or inverted desc (start >= end).
	 */
	mmap_action_ioremap_full(desc, pfn);
	return io_remap_pfn_range_prepare(desc);
}

static int map_kernel_pages_prepare(struct vm_area_desc *desc)
{
	const struct mmap_action *action = &desc->action;
	const ulong_t addr = action->map_kernel.start;
	ulong_t nr_pages, end;

	if (!(desc->vma_flags & VM_MIXEDMAP)) {
		/* VM_WARN_ON_ONCE(...) x2: compiled out */
		desc->vma_flags |= VM_MIXEDMAP;	/* set before the range check */
	}

	nr_pages = action->map_kernel.nr_pages;
	end = addr + PAGE_SIZE * nr_pages;
	if (!range_in_vma_desc(desc, addr, end))
		return -EFAULT;
	return 0;
}

/* insert_pages(): modelled as success (the eval contract has no page array). */
static int map_kernel_pages_complete(struct vm_area_struct *vma, struct mmap_action *action)
{
	(void)vma; (void)action;
	return 0;
}

static int mmu_remap_pfn_range_prepare_vma(struct vm_area_struct *vma, ulong_t addr,
					   ulong_t pfn, ulong_t size)
{
	const ulong_t end = addr + PAGE_ALIGN(size);
	const bool is_cow = is_cow_mapping(vma->vm_flags);
	int err;

	err = get_remap_pgoff(is_cow, addr, end, vma->vm_start, vma->vm_end,
			      pfn, &vma->vm_pgoff);
	if (err)
		return err;

	vma->vm_flags |= VMA_REMAP_FLAGS;
	return 0;
}

static int mmu_remap_pfn_range(struct vm_area_struct *vma, ulong_t addr, ulong_t pfn,
			       ulong_t size, pgprot_t prot)
{
	int err;

	err = mmu_remap_pfn_range_prepare_vma(vma, addr, pfn, size);
	if (err)
		return err;
	return do_remap_pfn_range(vma, addr, pfn, size, prot);
}

static int mmu_vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
			       ulong_t len, ulong_t *pfn_out)
{
	const ulong_t vm_start = vma->vm_start;
	const ulong_t vm_end = vma->vm_end;
	const ulong_t vm_len = vm_end - vm_start;
	ulong_t pfn;
	int err;

	err = __simple_ioremap_prep(vm_len, vma->vm_pgoff /* vma_start_pgoff() */,
				    start, len, &pfn);
	if (err)
		return err;

	/* io_remap_pfn_range() -> remap_pfn_range() with the identity hooks */
	*pfn_out = io_remap_pfn_range_pfn(pfn, vm_len);
	return mmu_remap_pfn_range(vma, vma->vm_start, *pfn_out, vm_len,
				   pgprot_decrypted(vma->vm_page_prot));
}

/* ------------------------------------------------------------------ */
/* mm/nommu.c                                                          */

static int nommu_remap_pfn_range(struct vm_area_struct *vma, ulong_t addr, ulong_t pfn,
				 ulong_t size, pgprot_t prot)
{
	(void)size; (void)prot;	/* ignored on nommu */
	if (addr != (pfn << PAGE_SHIFT))	/* ulong_t shift: can wrap */
		return -EINVAL;

	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	return 0;
}

/* No __simple_ioremap_prep checks: len ignored, sub-page offset dropped. */
static int nommu_vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
				 ulong_t len, ulong_t *pfn_out)
{
	ulong_t pfn = start >> PAGE_SHIFT;
	ulong_t vm_len = vma->vm_end - vma->vm_start;

	(void)len;
	pfn += vma->vm_pgoff;
	*pfn_out = pfn;
	return nommu_remap_pfn_range(vma, vma->vm_start, pfn, vm_len, vma->vm_page_prot);
}

/* ------------------------------------------------------------------ */
/* mm/util.c                                                           */

static int call_vma_mapped(struct vm_area_struct *vma)
{
	if (!vma->has_mapped)
		return 0;
	return vma->mapped_rc;	/* private_data bookkeeping: not observable */
}

static void maybe_rmap_unlock_action(struct vm_area_struct *vma, struct mmap_action *action)
{
	(void)vma;
	action->hide_from_rmap_until_complete = false;
}

static int mmap_action_finish(struct vm_area_struct *vma, struct mmap_action *action,
			      int err, bool is_compat)
{
	/* 1. ->mapped only on success */
	if (!err)
		err = call_vma_mapped(vma);
	/* 2. release the rmap lock before any unmap */
	maybe_rmap_unlock_action(vma, action);
	/* 3. compat (nommu always) returns here: no unmap, no error_override */
	if (!err || is_compat)
		return err;
	/* 4. do_munmap() of the new VMA: no observable effect in eval */
	/* 5. */
	return action->error_override ? action->error_override : err;
}

static int check_mmap_action(struct mmap_action *action)
{
	/* int -> unsigned long: sign-extended, so -1..-4095 are the valid errnos */
	const ulong_t override = (ulong_t)action->error_override;

	if (WARN_ON_ONCE(WARN_CHECK_MMAP_ACTION, override && !IS_ERR_VALUE(override)))
		return -EINVAL;
	return 0;
}

static int mmu_mmap_action_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *action = &desc->action;
	int err;

	err = check_mmap_action(action);	/* before the type dispatch */
	if (err)
		return err;

	switch (action->type) {
	case MMAP_NOTHING:
		return 0;
	case MMAP_REMAP_PFN:
		return remap_pfn_range_prepare(desc);
	case MMAP_IO_REMAP_PFN:
		return io_remap_pfn_range_prepare(desc);
	case MMAP_SIMPLE_IO_REMAP:
		return simple_ioremap_prepare(desc);
	case MMAP_MAP_KERNEL_PAGES:
		return map_kernel_pages_prepare(desc);
	}

	WARN_ON_ONCE(WARN_MMU_PREPARE_UNKNOWN, true);
	return -EINVAL;
}

static int mmu_mmap_action_complete(struct vm_area_struct *vma,
				    struct mmap_action *action, bool is_compat)
{
	int err = 0;

	switch (action->type) {
	case MMAP_NOTHING:
		break;
	case MMAP_REMAP_PFN:
		err = remap_pfn_range_complete(vma, action);
		break;
	case MMAP_MAP_KERNEL_PAGES:
		err = map_kernel_pages_complete(vma, action);
		break;
	case MMAP_IO_REMAP_PFN:
	case MMAP_SIMPLE_IO_REMAP:
		/* Should have been delegated. One site for both labels. */
		WARN_ON_ONCE(WARN_MMU_COMPLETE_UNDELEGATED, true);
		err = -EINVAL;
		break;
	}
	/* no default: a type outside the enum completes with 0 */

	return mmap_action_finish(vma, action, err, is_compat);
}

static int nommu_mmap_action_prepare(struct vm_area_desc *desc)
{
	/* no check_mmap_action, no default case */
	switch (desc->action.type) {
	case MMAP_NOTHING:
		break;
	case MMAP_REMAP_PFN:
	case MMAP_IO_REMAP_PFN:
	case MMAP_SIMPLE_IO_REMAP:
	case MMAP_MAP_KERNEL_PAGES:
		WARN_ON_ONCE(WARN_NOMMU_PREPARE, true);	/* nommu cannot handle these. */
		break;
	}
	return 0;	/* even for these types, even outside the enum */
}

static int nommu_mmap_action_complete(struct vm_area_struct *vma,
				      struct mmap_action *action, bool is_compat)
{
	int err = 0;

	switch (action->type) {
	case MMAP_NOTHING:
		break;
	case MMAP_REMAP_PFN:
	case MMAP_IO_REMAP_PFN:
	case MMAP_SIMPLE_IO_REMAP:
	case MMAP_MAP_KERNEL_PAGES:
		WARN_ON_ONCE(WARN_NOMMU_COMPLETE, true);	/* nommu cannot handle this. */
		err = -EINVAL;
		break;
	}
	return mmap_action_finish(vma, action, err, is_compat);
}

/* ------------------------------------------------------------------ */
/* The eval flows                                                      */

static void run_prep(const struct oracle_case *c, struct oracle_result *r)
{
	ulong_t pfn = 0;

	r->rc = __simple_ioremap_prep((ulong_t)c->vm_len, (pgoff_t)c->pgoff,
				      (phys_addr_t)c->phys, (ulong_t)c->size, &pfn);
	r->have_pfn = r->rc == 0;
	r->pfn = pfn;
}

static void make_vma(const struct oracle_case *c, struct vm_area_struct *vma)
{
	memset(vma, 0, sizeof(*vma));
	vma->vm_start = (ulong_t)c->vm_start;
	vma->vm_end = (ulong_t)c->vm_end;
	vma->vm_pgoff = (pgoff_t)c->pgoff;
	vma->vm_flags = (ulong_t)c->flags;
	vma->vm_page_prot = (pgprot_t)c->prot;
}

static void run_iomap(const struct oracle_case *c, struct oracle_result *r)
{
	struct vm_area_struct vma;
	ulong_t pfn = 0;

	make_vma(c, &vma);
	if (c->model == MODEL_MMU)
		r->rc = mmu_vm_iomap_memory(&vma, (phys_addr_t)c->phys, (ulong_t)c->len, &pfn);
	else
		r->rc = nommu_vm_iomap_memory(&vma, (phys_addr_t)c->phys, (ulong_t)c->len, &pfn);
	r->have_pfn = r->rc == 0;
	r->pfn = pfn;
	r->pgoff = vma.vm_pgoff;
	r->flags = vma.vm_flags;
}

static void run_remap_pfn_range(const struct oracle_case *c, struct oracle_result *r)
{
	struct vm_area_struct vma;

	make_vma(c, &vma);
	if (c->model == MODEL_MMU)
		r->rc = mmu_remap_pfn_range(&vma, (ulong_t)c->addr, (ulong_t)c->pfn,
					    (ulong_t)c->size, (pgprot_t)c->prot);
	else
		r->rc = nommu_remap_pfn_range(&vma, (ulong_t)c->addr, (ulong_t)c->pfn,
					      (ulong_t)c->size, (pgprot_t)c->prot);
	r->pgoff = vma.vm_pgoff;
	r->flags = vma.vm_flags;
}

/* The driver's f_op->mmap_prepare hook of an eval case. */
static void driver_mmap_prepare(const struct oracle_case *c, struct vm_area_desc *desc)
{
	switch (c->action) {
	case ACT_NOTHING:
		break;
	case ACT_REMAP:
		mmap_action_remap(desc, (ulong_t)c->start, (ulong_t)c->pfn, (ulong_t)c->size);
		break;
	case ACT_REMAP_FULL:
		mmap_action_remap_full(desc, (ulong_t)c->pfn);
		break;
	case ACT_IOREMAP:
		mmap_action_ioremap(desc, (ulong_t)c->start, (ulong_t)c->pfn, (ulong_t)c->size);
		break;
	case ACT_IOREMAP_FULL:
		mmap_action_ioremap_full(desc, (ulong_t)c->pfn);
		break;
	case ACT_SIMPLE_IOREMAP:
		mmap_action_simple_ioremap(desc, (phys_addr_t)c->phys, (ulong_t)c->size);
		break;
	case ACT_MAP_KERNEL_PAGES:
		mmap_action_map_kernel_pages(desc, (ulong_t)c->start, 1 /* pages token */,
					     (ulong_t)c->nr_pages);
		break;
	case ACT_MAP_KERNEL_PAGES_FULL:
		mmap_action_map_kernel_pages_full(desc, 1 /* pages token */);
		break;
	case ACT_RAW:
		desc->action.type = c->raw_type;	/* no fields: the union stays zero */
		break;
	}
	desc->action.error_override = c->error_override;
}

/* mmap_action_prepare / _complete of the case's model (one kernel is built with or without CONFIG_MMU). */
static int model_mmap_action_prepare(const struct oracle_case *c, struct vm_area_desc *desc)
{
	return c->model == MODEL_MMU ? mmu_mmap_action_prepare(desc) : nommu_mmap_action_prepare(desc);
}

static int model_mmap_action_complete(const struct oracle_case *c, struct vm_area_struct *vma,
				      struct mmap_action *action, bool is_compat)
{
	return c->model == MODEL_MMU ? mmu_mmap_action_complete(vma, action, is_compat)
				     : nommu_mmap_action_complete(vma, action, is_compat);
}

/* prepare, unless the case models it as skipped; records prepare= and the desc after it. */
static int run_prepare(const struct oracle_case *c, struct vm_area_desc *desc, struct oracle_result *r)
{
	int err = 0;

	if (c->skip_prepare) {
		r->prepare_skipped = true;
	} else {
		err = model_mmap_action_prepare(c, desc);
		r->prepare = err;
	}
	r->type = desc->action.type;
	r->have_pfn = desc->action.type == MMAP_REMAP_PFN || desc->action.type == MMAP_IO_REMAP_PFN;
	r->pfn = desc->action.remap.start_pfn;
	r->pgoff = desc->pgoff;
	r->flags = desc->vma_flags;
	return err;
}

static void vma_from_desc(const struct oracle_case *c, const struct vm_area_desc *desc,
			  struct vm_area_struct *vma)
{
	memset(vma, 0, sizeof(*vma));
	vma->vm_start = desc->start;
	vma->vm_end = desc->end;
	vma->vm_pgoff = desc->pgoff;
	vma->vm_flags = desc->vma_flags;
	vma->vm_page_prot = desc->page_prot;
	vma->has_mapped = c->mapped_rc != 0;
	vma->mapped_rc = c->mapped_rc;
}

/*
 * __mmap_region (mm/vma.c): set_desc_from_map, call_mmap_prepare (hook, then
 * mmap_action_prepare; an error aborts before any VMA exists), merge or
 * __mmap_new_vma, and only for a new VMA mmap_action_complete(.., false).
 */
static void mmap_region(const struct oracle_case *c, struct vm_area_desc *desc,
			struct oracle_result *r)
{
	struct vm_area_struct vma;
	int err;

	driver_mmap_prepare(c, desc);
	err = run_prepare(c, desc, r);
	if (err) {
		r->complete_skipped = true;	/* abort_munmap: nothing was created */
		r->rc = err;
		return;
	}
	if (c->merged) {
		r->complete_skipped = true;	/* merged: no complete, no ->mapped */
		r->rc = 0;
		return;
	}
	vma_from_desc(c, desc, &vma);
	err = model_mmap_action_complete(c, &vma, &desc->action, false);
	r->complete = err;
	r->rc = err;
}

/*
 * __compat_vma_mmap (mm/util.c): compat_set_desc_from_vma, the hook,
 * hide_from_rmap_until_complete = false, mmap_action_prepare,
 * compat_set_vma_from_desc, mmap_action_complete(.., true). An error of the
 * hook or prepare goes straight back to the legacy ->mmap caller.
 */
static void compat_vma_mmap(const struct oracle_case *c, struct vm_area_desc *desc,
			    struct oracle_result *r)
{
	struct vm_area_struct vma;
	int err;

	driver_mmap_prepare(c, desc);
	/* being invoked from .mmap means we don't have to enforce this. */
	desc->action.hide_from_rmap_until_complete = false;
	err = run_prepare(c, desc, r);
	if (err) {
		r->complete_skipped = true;
		r->rc = err;
		return;
	}
	vma_from_desc(c, desc, &vma);
	err = model_mmap_action_complete(c, &vma, &desc->action, true);
	r->complete = err;
	r->rc = err;
}

/*
 * op=mmap. The desc starts zeroed with type MMAP_NOTHING (set_desc_from_map /
 * compat_set_desc_from_vma). prepare= / complete= are "ran" flags plus a
 * value: any int, INT_MIN included, is a result (->mapped's is passed on).
 */
static void run_mmap(const struct oracle_case *c, struct oracle_result *r)
{
	struct vm_area_desc desc;

	memset(&desc, 0, sizeof(desc));
	desc.start = (ulong_t)c->vm_start;
	desc.end = (ulong_t)c->vm_end;
	desc.pgoff = (pgoff_t)c->pgoff;
	desc.vma_flags = (ulong_t)c->flags;
	desc.page_prot = (pgprot_t)c->prot;
	desc.action.type = MMAP_NOTHING;

	if (c->flow == FLOW_COMPAT)
		compat_vma_mmap(c, &desc, r);
	else
		mmap_region(c, &desc, r);
	r->warns = K.total_hits;
}

int MODEL_PREP(uint64_t vm_len, uint64_t pgoff, uint64_t phys, uint64_t size, uint64_t *pfnp)
{
	ulong_t pfn = 0;
	int rc = __simple_ioremap_prep((ulong_t)vm_len, (pgoff_t)pgoff, (phys_addr_t)phys,
				       (ulong_t)size, &pfn);
	*pfnp = pfn;
	return rc;
}

void MODEL_RUN(const struct oracle_case *c, struct oracle_result *r)
{
	memset(r, 0, sizeof(*r));
	switch (c->op) {
	case OP_PREP:
		run_prep(c, r);
		break;
	case OP_IOMAP:
		run_iomap(c, r);
		break;
	case OP_REMAP_PFN_RANGE:
		run_remap_pfn_range(c, r);
		break;
	case OP_MMAP:
		run_mmap(c, r);
		break;
	}
}
