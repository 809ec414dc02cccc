/*
 * crash-workload: the writes fidelity/crash logs, and the reads it makes after each replay.
 *
 *   crash-workload prepare FILE           the file's old content: one 4 KiB block of the tag XCOLD,
 *                                         written and fsynced (the file exists, chattr +C or not)
 *   crash-workload dio FILE               an O_DIRECT write of the new content (tag XCNEW) over
 *                                         block 0, then fsync
 *   crash-workload mmap FILE              a buffered write of the new content, then WRITEBACKS
 *                                         writebacks (sync_file_range, each waited for) while a
 *                                         thread changes the block's first half through a shared
 *                                         mmap (tag XCMUT and a counter) as fast as it can; then
 *                                         fsync, which writes back what the thread left
 *   crash-workload copies FILE            the block read once by a thread of even id and once by
 *                                         one of odd id (btrfs reads RAID1 copy pid % 2), through
 *                                         the page cache, dropped first: prints
 *                                         "copies <differ 0|1> <copy 0> <copy 1>"
 *   crash-workload readback FILE          the block read with O_DIRECT and buffered (cache
 *                                         dropped): prints "readback <reads> <eio> <direct> <buffered>"
 *
 * A block's content is named by its tags: old, new, new+mut#N (the first half changed by the
 * mmap thread's N-th store), zero, or other. Exit status 0, 1 when a write fails (said on
 * stderr), 2 for bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BLOCK 4096
#define TAG_BYTES 8
/* The mmap row's writebacks while the thread stores: each is one more chance for a store to land
 * between the two mirrors' transfers of the block, and a crash after it keeps what it wrote. */
#define WRITEBACKS 4

static void die(const char *what)
{
    fprintf(stderr, "crash-workload: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* fill: every 8 bytes of [from, to) get TAG (8 characters). */
static void fill(unsigned char *block, size_t from, size_t to, const char *tag)
{
    for (size_t i = from; i + TAG_BYTES <= to; i += TAG_BYTES)
        memcpy(block + i, tag, TAG_BYTES);
}

static unsigned char *aligned_block(void)
{
    void *memory;
    if (posix_memalign(&memory, BLOCK, BLOCK) != 0)
        die("posix_memalign");
    memset(memory, 0, BLOCK);
    return memory;
}

static void write_block(int fd, const unsigned char *block, const char *what)
{
    ssize_t done = pwrite(fd, block, BLOCK, 0);
    if (done != BLOCK) {
        if (done >= 0)
            errno = EIO;
        die(what);
    }
}

static int prepare(const char *path)
{
    unsigned char *block = aligned_block();
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        die(path);
    fill(block, 0, BLOCK, "XCOLD---");
    write_block(fd, block, "writing the old content");
    if (fsync(fd) != 0)
        die("fsync");
    close(fd);
    return 0;
}

static int dio(const char *path)
{
    unsigned char *block = aligned_block();
    int fd = open(path, O_WRONLY | O_DIRECT);
    if (fd < 0)
        die(path);
    fill(block, 0, BLOCK, "XCNEW---");
    write_block(fd, block, "the O_DIRECT write");
    if (fsync(fd) != 0)
        die("fsync");
    close(fd);
    return 0;
}

static atomic_int mutator_stop;
static atomic_long mutator_stores;

/* The mmap writer: the first half of the block, again and again, each time with its count, with
 * no pause between stores, so that a window between the mirrors' transfers, however short, meets
 * one (a store the kernel makes wait, at a write fault during writeback, waits there). */
static void *mutate(void *map)
{
    unsigned char *page = map;
    char tag[TAG_BYTES + 1];
    long n = 0;
    while (!atomic_load(&mutator_stop)) {
        snprintf(tag, sizeof tag, "XCMUT%03ld", ++n % 1000);
        fill(page, 0, BLOCK / 2, tag);
        atomic_store(&mutator_stores, n);
    }
    return NULL;
}

static int mmap_writer(const char *path)
{
    unsigned char *block = aligned_block();
    int fd = open(path, O_RDWR);
    if (fd < 0)
        die(path);
    fill(block, 0, BLOCK, "XCNEW---");
    write_block(fd, block, "the buffered write");
    void *map = mmap(NULL, BLOCK, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        die("mmap");
    pthread_t thread;
    if (pthread_create(&thread, NULL, mutate, map) != 0)
        die("pthread_create");
    usleep(5000);
    /* Writebacks of what the page holds, while the thread goes on storing. */
    for (int round = 0; round < WRITEBACKS; round++) {
        if (sync_file_range(fd, 0, BLOCK, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) != 0)
            die("sync_file_range");
        usleep(20000);
    }
    atomic_store(&mutator_stop, 1);
    pthread_join(thread, NULL);
    if (fsync(fd) != 0)
        die("fsync");
    fprintf(stderr, "crash-workload: the mmap writer stored %ld times over %d writebacks and fsync\n",
            atomic_load(&mutator_stores), WRITEBACKS);
    munmap(map, BLOCK);
    close(fd);
    return 0;
}

/* name: what a block holds, by its tags. */
static const char *name(const unsigned char *block, char *out, size_t size)
{
    static const unsigned char zeros[BLOCK];
    if (memcmp(block, zeros, BLOCK) == 0)
        return "zero";
    if (memcmp(block, "XCOLD---", TAG_BYTES) == 0)
        return "old";
    if (memcmp(block + BLOCK / 2, "XCNEW---", TAG_BYTES) != 0)
        return "other";
    if (memcmp(block, "XCNEW---", TAG_BYTES) == 0)
        return "new";
    if (memcmp(block, "XCMUT", 5) == 0) {
        snprintf(out, size, "new+mut#%.3s", (const char *)block + 5);
        return out;
    }
    return "other";
}

struct copy_read {
    const char *path;
    int parity;
    unsigned char block[BLOCK];
    int status; /* 0 read, else errno */
};

/* read_copy: in a thread whose id has the wanted parity, the block through a dropped cache. */
static void *read_copy(void *argument)
{
    struct copy_read *read = argument;
    long tid = syscall(SYS_gettid);
    if (tid % 2 != read->parity)
        return (void *)1;
    int fd = open(read->path, O_RDONLY);
    if (fd < 0) {
        read->status = errno;
        return NULL;
    }
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ssize_t got = pread(fd, read->block, BLOCK, 0);
    read->status = got == BLOCK ? 0 : got < 0 ? errno : EIO;
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    close(fd);
    return NULL;
}

static void read_with_parity(struct copy_read *read)
{
    for (int tries = 0; tries < 64; tries++) {
        pthread_t thread;
        void *wrong;
        if (pthread_create(&thread, NULL, read_copy, read) != 0)
            die("pthread_create");
        pthread_join(thread, &wrong);
        if (!wrong)
            return;
    }
    fprintf(stderr, "crash-workload: no thread of id parity %d in 64 tries\n", read->parity);
    exit(1);
}

static int copies(const char *path)
{
    static struct copy_read reads[2];
    char names[2][32];
    for (int parity = 0; parity < 2; parity++) {
        reads[parity].path = path;
        reads[parity].parity = parity;
        read_with_parity(&reads[parity]);
    }
    const char *what[2];
    for (int i = 0; i < 2; i++)
        what[i] = reads[i].status ? "EIO" : name(reads[i].block, names[i], sizeof names[i]);
    int differ = reads[0].status || reads[1].status || memcmp(reads[0].block, reads[1].block, BLOCK) != 0;
    printf("copies %d %s %s\n", differ, what[0], what[1]);
    return 0;
}

/* read_once: 0 and the block's name in OUT, or the errno. */
static int read_once(const char *path, int flags, char *out, size_t size)
{
    unsigned char *block = aligned_block();
    char label[32];
    int status = 0;
    int fd = open(path, O_RDONLY | flags);
    if (fd < 0)
        return errno;
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ssize_t got = pread(fd, block, BLOCK, 0);
    if (got != BLOCK)
        status = got < 0 ? errno : EIO;
    else
        snprintf(out, size, "%s", name(block, label, sizeof label));
    close(fd);
    free(block);
    return status;
}

static int readback(const char *path)
{
    char direct[32] = "EIO", buffered[32] = "EIO";
    int direct_status = read_once(path, O_DIRECT, direct, sizeof direct);
    int buffered_status = read_once(path, 0, buffered, sizeof buffered);
    if (direct_status && direct_status != EIO)
        snprintf(direct, sizeof direct, "error-%d", direct_status);
    if (buffered_status && buffered_status != EIO)
        snprintf(buffered, sizeof buffered, "error-%d", buffered_status);
    printf("readback 2 %d %s %s\n", (direct_status == EIO) + (buffered_status == EIO), direct, buffered);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: crash-workload prepare|dio|mmap|copies|readback FILE\n");
        return 2;
    }
    if (strcmp(argv[1], "prepare") == 0)
        return prepare(argv[2]);
    if (strcmp(argv[1], "dio") == 0)
        return dio(argv[2]);
    if (strcmp(argv[1], "mmap") == 0)
        return mmap_writer(argv[2]);
    if (strcmp(argv[1], "copies") == 0)
        return copies(argv[2]);
    if (strcmp(argv[1], "readback") == 0)
        return readback(argv[2]);
    fprintf(stderr, "crash-workload: unknown mode %s\n", argv[1]);
    return 2;
}
