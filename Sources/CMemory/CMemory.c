#include "CMemory.h"

#include <sys/mman.h>

void *table_allocate(size_t bytes) {
    void *table = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return table == MAP_FAILED ? NULL : table;
}

void table_deallocate(void *table, size_t bytes) {
    munmap(table, bytes);
}
