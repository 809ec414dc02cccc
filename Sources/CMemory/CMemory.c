#include "CMemory.h"

#include <stdlib.h>
#include <sys/mman.h>

// Below this, a table comes from the heap: mapping and unmapping small tables often, as each
// thread's table of one level does, costs every thread a TLB flush each time.
enum { mapped_table = 256u << 10 };

void *table_allocate(size_t bytes) {
    if (bytes < mapped_table) return calloc(bytes, 1);
    void *table = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return table == MAP_FAILED ? NULL : table;
}

void table_deallocate(void *table, size_t bytes) {
    if (bytes < mapped_table) {
        free(table);
    } else {
        munmap(table, bytes);
    }
}
