#ifndef EXTENTCHECK_CMEMORY_H
#define EXTENTCHECK_CMEMORY_H

#include <stddef.h>

/// Asks the processor to bring the cache line at `address` in for reading, without waiting for it:
/// a search looks up several states' fingerprints at once, so that their cache misses overlap.
static inline void prefetch_for_reading(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// `bytes` of zeroed memory; a large table straight from the system, which takes it back whole when
/// the table is given back, so that a seen set that grows leaves no freed table in the heap. NULL
/// if there is no memory to give.
void *table_allocate(size_t bytes);

/// Gives back memory `table_allocate` gave, `bytes` long.
void table_deallocate(void *table, size_t bytes);

/// `table_allocate` with its own threshold, for a table that is written all over: one of `mapped`
/// bytes or more comes from the system with its pages in place.
void *table_allocate_mapped_from(size_t bytes, size_t mapped);

/// Gives back memory `table_allocate_mapped_from` gave, `bytes` long, with the same `mapped`.
void table_deallocate_mapped_from(void *table, size_t bytes, size_t mapped);

/// `buffer`, memory `table_allocate` or this function gave `old_bytes` long (NULL for none), made
/// `new_bytes` long, its first bytes kept: a large buffer from the system, moved without copying
/// where the system can, so that a buffer that grows and is given back leaves nothing in the heap.
/// NULL if there is no memory to give, and then `buffer` is left as it was.
void *buffer_resize(void *buffer, size_t old_bytes, size_t new_bytes);

/// Gives the heap's free pages back to the system, where the C library can: what a large level of
/// a search freed would otherwise stay resident beside the seen set, which grows on.
void heap_trim(void);

#endif
