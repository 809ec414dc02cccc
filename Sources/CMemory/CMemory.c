#define _GNU_SOURCE
#include "CMemory.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

// Below this, a table comes from the heap: mapping and unmapping small tables often, as each
// thread's table of one level does, costs every thread a TLB flush each time.
enum { mapped_table = 256u << 10 };

// `bytes` of zeroed memory from the system, its pages in place at once where `populated`: one call
// for a table's pages rather than a fault for each, which costs most where the process runs threads.
static void *map_zeroed(size_t bytes, int populated) {
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
    if (populated) flags |= MAP_POPULATE;
#endif
    void *memory = mmap(NULL, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
    return memory == MAP_FAILED ? NULL : memory;
}

void *table_allocate(size_t bytes) { return bytes < mapped_table ? calloc(bytes, 1) : map_zeroed(bytes, 0); }

void table_deallocate(void *table, size_t bytes) { table_deallocate_mapped_from(table, bytes, mapped_table); }

// A fingerprint table's values fall evenly over it, so every page of a table is written soon.
void *table_allocate_mapped_from(size_t bytes, size_t mapped) {
    return bytes < mapped ? calloc(bytes, 1) : map_zeroed(bytes, 1);
}

void table_deallocate_mapped_from(void *table, size_t bytes, size_t mapped) {
    if (bytes < mapped) {
        free(table);
    } else {
        munmap(table, bytes);
    }
}

void *buffer_resize(void *buffer, size_t old_bytes, size_t new_bytes) {
    if (old_bytes < mapped_table && new_bytes < mapped_table) return realloc(buffer, new_bytes ? new_bytes : 1);
#ifdef MREMAP_MAYMOVE
    if (old_bytes >= mapped_table && new_bytes >= mapped_table) {
        void *moved = mremap(buffer, old_bytes, new_bytes, MREMAP_MAYMOVE);
        return moved == MAP_FAILED ? NULL : moved;
    }
#endif
    void *resized = table_allocate(new_bytes);
    if (resized == NULL) return NULL;
    if (buffer != NULL) {
        memcpy(resized, buffer, old_bytes < new_bytes ? old_bytes : new_bytes);
        table_deallocate(buffer, old_bytes);
    }
    return resized;
}

void heap_trim(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
