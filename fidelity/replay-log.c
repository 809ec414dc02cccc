/*
 * replay-log: read a dm-log-writes log, and write its first entries onto a device.
 *
 *   replay-log list LOGDEV [TAG ...]      one line per entry: index, sector, sectors, flags, mark,
 *                                         and which TAGs (strings) the entry's data holds
 *   replay-log replay LOGDEV TARGET COUNT write entries 0 .. COUNT-1 onto TARGET, in order
 *   replay-log zero DEVICE                zero the whole DEVICE (BLKZEROOUT)
 *   replay-log compare DEV0 OFFSET0 DEV1 OFFSET1 BYTES
 *                                         the 4 KiB blocks that differ between BYTES of DEV0 from
 *                                         byte OFFSET0 and of DEV1 from OFFSET1: prints
 *                                         "compared <blocks> differ <blocks>"
 *
 * The log's format, as drivers/md/dm-log-writes.c writes it and its documentation
 * (Documentation/admin-guide/device-mapper/log-writes.rst) describes it: at byte 0 a super
 * (magic, version, number of entries, all little-endian 64-bit, then the sector size as 32 bits);
 * from byte SECTORSIZE on, each entry is one sector holding its header (sector, number of sectors,
 * flags, data length: 64 bits each) and, for a mark, the mark's name after the header; then, but
 * for a discard, the entry's data, number-of-sectors sectors of it. Sectors count in the log's
 * sector size (the device's logical block size). The target writes an entry only once the write
 * has completed and, but for FUA writes, a later flush has completed: so the log is the order in
 * which writes reached stable media, and a prefix of it is what a power loss can leave.
 *
 * Replaying: a write's data goes to its sector; a flush or a FUA write is an fdatasync of the
 * target; a discard is skipped (the logged device ignored discards too: the virtio disks under
 * the guests offer none, and dm-log-writes then completes them without passing them on); a mark
 * writes nothing. Exit status 0, 1 on any error (said on stderr), 2 for bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOG_MAGIC 0x6a736677736872ULL
#define LOG_VERSION 1
#define FLAG_FLUSH (1u << 0)
#define FLAG_FUA (1u << 1)
#define FLAG_DISCARD (1u << 2)
#define FLAG_MARK (1u << 3)
#define FLAG_METADATA (1u << 4)
#define MAX_SECTOR_SIZE 4096

struct entry {
    uint64_t index, sector, sectors, flags, data_len;
    char mark[MAX_SECTOR_SIZE];
    unsigned char *data; /* sectors * sector_size bytes, or NULL */
    size_t data_bytes;
};

struct log {
    int fd;
    uint64_t entries, sector_size;
    off_t next; /* byte offset of the next entry's header */
};

static void die(const char *what)
{
    fprintf(stderr, "replay-log: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void die_format(const char *what)
{
    fprintf(stderr, "replay-log: %s\n", what);
    exit(1);
}

static uint64_t le64(const unsigned char *p)
{
    uint64_t value = 0;
    for (int i = 7; i >= 0; i--)
        value = value << 8 | p[i];
    return value;
}

static void read_exactly(int fd, void *buffer, size_t length, off_t offset, const char *what)
{
    size_t done = 0;
    while (done < length) {
        ssize_t got = pread(fd, (char *)buffer + done, length - done, offset + (off_t)done);
        if (got < 0)
            die(what);
        if (got == 0)
            die_format("the log ends inside an entry");
        done += (size_t)got;
    }
}

static void write_exactly(int fd, const void *buffer, size_t length, off_t offset)
{
    size_t done = 0;
    while (done < length) {
        ssize_t put = pwrite(fd, (const char *)buffer + done, length - done, offset + (off_t)done);
        if (put < 0)
            die("writing the target");
        done += (size_t)put;
    }
}

static void open_log(struct log *log, const char *path)
{
    unsigned char super[32];
    log->fd = open(path, O_RDONLY);
    if (log->fd < 0)
        die(path);
    read_exactly(log->fd, super, sizeof super, 0, "reading the log's super");
    if (le64(super) != LOG_MAGIC)
        die_format("not a dm-log-writes log: bad magic");
    if (le64(super + 8) != LOG_VERSION)
        die_format("unknown dm-log-writes log version");
    log->entries = le64(super + 16);
    log->sector_size = (uint64_t)super[24] | (uint64_t)super[25] << 8 | (uint64_t)super[26] << 16 |
                       (uint64_t)super[27] << 24;
    if (log->sector_size < 512 || log->sector_size > MAX_SECTOR_SIZE ||
        (log->sector_size & (log->sector_size - 1)))
        die_format("bad sector size in the log's super");
    log->next = (off_t)log->sector_size;
}

/* read_entry: the next entry's header, and its data (for a write) into entry->data. */
static void read_entry(struct log *log, struct entry *entry, uint64_t index)
{
    unsigned char header[MAX_SECTOR_SIZE];
    read_exactly(log->fd, header, log->sector_size, log->next, "reading an entry");
    entry->index = index;
    entry->sector = le64(header);
    entry->sectors = le64(header + 8);
    entry->flags = le64(header + 16);
    entry->data_len = le64(header + 24);
    entry->mark[0] = 0;
    if (entry->flags & FLAG_MARK) {
        size_t length = entry->data_len < log->sector_size - 32 ? entry->data_len : log->sector_size - 33;
        memcpy(entry->mark, header + 32, length);
        entry->mark[length] = 0;
    }
    log->next += (off_t)log->sector_size;
    entry->data_bytes = 0;
    if (entry->flags & FLAG_DISCARD || entry->sectors == 0)
        return;
    if (entry->sectors > (1ULL << 30) / log->sector_size)
        die_format("an entry larger than 1 GiB: the log is damaged");
    entry->data_bytes = entry->sectors * log->sector_size;
    entry->data = realloc(entry->data, entry->data_bytes);
    if (!entry->data)
        die("allocating an entry's data");
    read_exactly(log->fd, entry->data, entry->data_bytes, log->next, "reading an entry's data");
    log->next += (off_t)entry->data_bytes;
}

static void print_flags(uint64_t flags)
{
    static const struct { uint64_t bit; const char *name; } names[] = {
        {FLAG_FLUSH, "flush"}, {FLAG_FUA, "fua"}, {FLAG_DISCARD, "discard"},
        {FLAG_MARK, "mark"}, {FLAG_METADATA, "metadata"},
    };
    int printed = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit)
            printf("%s%s", printed++ ? "," : "", names[i].name);
    if (!printed)
        printf("write");
}

static int list(const char *path, int tags, char **tag)
{
    struct log log;
    struct entry entry = {0};
    open_log(&log, path);
    printf("# %" PRIu64 " entries, sector size %" PRIu64 "\n", log.entries, log.sector_size);
    for (uint64_t i = 0; i < log.entries; i++) {
        read_entry(&log, &entry, i);
        printf("%" PRIu64 " %" PRIu64 " %" PRIu64 " ", i, entry.sector, entry.sectors);
        print_flags(entry.flags);
        printf(" %s", entry.mark[0] ? entry.mark : "-");
        int found = 0;
        for (int t = 0; t < tags; t++)
            if (entry.data_bytes && memmem(entry.data, entry.data_bytes, tag[t], strlen(tag[t])))
                printf("%s%s", found++ ? "," : " ", tag[t]);
        if (!found)
            printf(" -");
        printf("\n");
    }
    free(entry.data);
    return 0;
}

static int replay(const char *path, const char *target_path, uint64_t count)
{
    struct log log;
    struct entry entry = {0};
    open_log(&log, path);
    if (count > log.entries) {
        fprintf(stderr, "replay-log: the log has %" PRIu64 " entries, not %" PRIu64 "\n", log.entries, count);
        return 1;
    }
    int target = open(target_path, O_WRONLY);
    if (target < 0)
        die(target_path);
    for (uint64_t i = 0; i < count; i++) {
        read_entry(&log, &entry, i);
        if (entry.data_bytes && !(entry.flags & FLAG_MARK))
            write_exactly(target, entry.data, entry.data_bytes, (off_t)(entry.sector * log.sector_size));
        if (entry.flags & (FLAG_FLUSH | FLAG_FUA) && fdatasync(target) != 0)
            die("flushing the target");
    }
    if (fsync(target) != 0)
        die("flushing the target");
    close(target);
    free(entry.data);
    return 0;
}

static int zero(const char *path)
{
    uint64_t range[2] = {0, 0};
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        die(path);
    if (ioctl(fd, BLKGETSIZE64, &range[1]) != 0)
        die("BLKGETSIZE64 (not a block device?)");
    if (ioctl(fd, BLKZEROOUT, range) != 0)
        die("BLKZEROOUT");
    close(fd);
    return 0;
}

static uint64_t number(const char *text)
{
    char *end;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno || *end || end == text) {
        fprintf(stderr, "replay-log: not a number: %s\n", text);
        exit(2);
    }
    return value;
}

static int compare(char **argv)
{
    static unsigned char a[1 << 20], b[1 << 20];
    int fd[2] = {open(argv[0], O_RDONLY), open(argv[2], O_RDONLY)};
    uint64_t offset[2] = {number(argv[1]), number(argv[3])}, bytes = number(argv[4]);
    uint64_t differ = 0;
    if (fd[0] < 0 || fd[1] < 0)
        die("opening the devices to compare");
    for (uint64_t done = 0; done < bytes; done += sizeof a) {
        size_t length = bytes - done < sizeof a ? bytes - done : sizeof a;
        read_exactly(fd[0], a, length, (off_t)(offset[0] + done), "reading the first device");
        read_exactly(fd[1], b, length, (off_t)(offset[1] + done), "reading the second device");
        for (size_t block = 0; block < length; block += 4096) {
            size_t size = length - block < 4096 ? length - block : 4096;
            differ += memcmp(a + block, b + block, size) != 0;
        }
    }
    printf("compared %" PRIu64 " differ %" PRIu64 "\n", (bytes + 4095) / 4096, differ);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: replay-log list LOGDEV [TAG ...]\n"
                    "       replay-log replay LOGDEV TARGET COUNT\n"
                    "       replay-log zero DEVICE\n"
                    "       replay-log compare DEV0 OFFSET0 DEV1 OFFSET1 BYTES\n");
    return 2;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "list") == 0)
        return list(argv[2], argc - 3, argv + 3);
    if (argc == 5 && strcmp(argv[1], "replay") == 0)
        return replay(argv[2], argv[3], number(argv[4]));
    if (argc == 3 && strcmp(argv[1], "zero") == 0)
        return zero(argv[2]);
    if (argc == 7 && strcmp(argv[1], "compare") == 0)
        return compare(argv + 2);
    return usage();
}
