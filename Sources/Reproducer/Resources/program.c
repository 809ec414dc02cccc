#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
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
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define WORD_BYTES (BLOCK_SIZE / BLOCK_WORDS)
#define PAGE_CACHE (-1)

/* A mutator runs while the writers write (WRITE_PHASE), while the readers read into the buffer it
   changes (READ_PHASE), or both. */
#define WRITE_PHASE 1
#define READ_PHASE 2

enum op_kind { DIRECT_WRITE, BUFFERED_WRITE, FSYNC };
struct op { enum op_kind kind; int buffer, at, blocks; };
enum read_kind { BUFFERED_READ, DIRECT_READ };
struct read_op { enum read_kind kind; int buffer, at, blocks; };
struct buffer { const char *name; int blocks; const uint32_t *initial; unsigned char *memory; };
struct writer { const char *name; const struct op *ops; int count; };
struct reader_script { const char *name; const struct read_op *ops; int count; };
struct change { int buffer, block, word; uint32_t from, to; };
struct mutator { const char *name; const struct change *changes; int count; int phases; };

/* The model: BLOCK_SIZE, FILE_BLOCKS, BLOCK_WORDS, MIRRORS, WRITERS, READERS and MUTATORS, the stored
   file's words (stored_initial), and the buffers, writers, readers and mutators. extentcheck reproduce
   writes them here. */
#include "reproduction.h"

static int slots = 256;
static int quiet, buffered_reads;
static int direct_fd = -1, buffered_fd = -1;
static unsigned char *file_map;
static atomic_int writers_stop, mutators_stop, readers_stop;
/* The slot the first writer is on, from the return of its run's first call: the page cache's slot a
   page-cache mutator changes. -1 until then. */
static atomic_int writing_slot = -1;
static atomic_long writes, failed_writes;
static atomic_long buffered_reads_done, buffered_eio, direct_reads_done, direct_eio, other_read_errors;

static void fail(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, strerror(errno));
    exit(1);
}

/* --log FILE: the program's own events, as NDJSON lines of docs/conformance.md (its event log), for
   the racing phase only. Each thread keeps its events in memory of its own, allocated before the race,
   so that an event costs a clock read and a store; the lines are written once the race is over. A
   mutator logs every change it makes: when its memory is full it stops changing, and says so, rather
   than make a change no line shows. */
static const char *log_path;
static long log_changes = 4L << 20;

enum event_kind { DIO_WRITE_EVENT, WRITE_EVENT, FSYNC_EVENT, RETURN_EVENT, READ_EVENT, DIO_READ_EVENT, READ_RETURN_EVENT };
static const char *const event_names[] = {"dio-write", "write", "fsync", "return", "read", "dio-read", "read-return"};
struct event { uint64_t t; int slot, pass; unsigned char kind, failed; };
struct event_log { struct event *events; long count, capacity; int full; };
/* The times of a mutator's changes, two a change: when its first store begins and once the word holds
   the value (the change happens between, and preemption can only widen the two; the log's mutate has
   them as since and t). Change f (times 2f and 2f + 1) is its changes[(f / 2) % count], to the new
   value for an even f and back for an odd one; for the page cache, slots[f / (2 * count)] is the slot
   of the round. */
struct change_log { uint64_t *times; int *slots; long count, capacity; };

static struct event_log writer_logs[WRITERS + 1], reader_logs[READERS + 1];
static struct change_log mutator_logs[MUTATORS + 1];
static int writer_tids[WRITERS + 1];

static uint64_t now_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

/* Memory for a log, its pages touched now rather than during the race. */
static void *log_memory(size_t bytes)
{
    void *memory = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (memory == MAP_FAILED)
        fail("allocating the event log");
    return memory;
}

static void log_event(struct event_log *log, enum event_kind kind, int slot, int pass, int failed)
{
    if (log)
        log->events[log->count++] = (struct event){now_ns(), slot, pass, (unsigned char)kind, (unsigned char)failed};
}

/* Whether the mutator may make one more change: only while its log has room for its two times. */
static int change_allowed(struct change_log *log)
{
    return !log || log->count + 2 <= log->capacity;
}

static void log_change(struct change_log *log)
{
    if (log)
        log->times[log->count++] = now_ns();
}

/* Every 32-bit unit of the word's bytes gets the value; volatile, so that no store is elided. */
static void fill_word(unsigned char *block, int word, uint32_t value)
{
    volatile uint32_t *unit = (volatile uint32_t *)(block + (size_t)word * WORD_BYTES);
    for (size_t i = 0; i < WORD_BYTES / sizeof(uint32_t); i++)
        unit[i] = value;
}

static void fill_blocks(unsigned char *memory, const uint32_t *words, int blocks)
{
    for (int block = 0; block < blocks; block++)
        for (int word = 0; word < BLOCK_WORDS; word++)
            fill_word(memory + (size_t)block * BLOCK_SIZE, word, words[block * BLOCK_WORDS + word]);
}

/* Returns whether the write failed. */
static int write_range(const struct writer *writer, const struct op *op, int slot, struct event_log *log, int pass)
{
    int fd = op->kind == DIRECT_WRITE ? direct_fd : buffered_fd;
    size_t length = (size_t)op->blocks * BLOCK_SIZE;
    off_t offset = ((off_t)slot * FILE_BLOCKS + op->at) * BLOCK_SIZE;
    log_event(log, op->kind == DIRECT_WRITE ? DIO_WRITE_EVENT : WRITE_EVENT, slot, pass, 0);
    ssize_t done = pwrite(fd, buffers[op->buffer].memory, length, offset);
    int saved = errno;
    log_event(log, RETURN_EVENT, slot, pass, done != (ssize_t)length);
    atomic_fetch_add(&writes, 1);
    if (done != (ssize_t)length) {
        atomic_fetch_add(&failed_writes, 1);
        if (quiet)
            printf("%s: write of slot %d block %d failed: %s\n", writer->name, slot, op->at,
                   done < 0 ? strerror(saved) : "short write");
        return 1;
    }
    return 0;
}

static void *run_writer(void *argument)
{
    const struct writer *writer = argument;
    struct event_log *log = log_path ? &writer_logs[writer - writers] : NULL;
    writer_tids[writer - writers] = (int)syscall(SYS_gettid);
    int pass = 0;
    /* Whole rounds: every slot's last write is one the mutators raced. */
    do {
        for (int slot = 0; slot < slots; slot++) {
            /* A slot's whole script, or nothing: a full log stops the writer between two runs. */
            if (log && log->count + 2L * writer->count > log->capacity) {
                log->full = 1;
                return NULL;
            }
            for (int step = 0; step < writer->count; step++) {
                const struct op *op = &writer->ops[step];
                if (op->kind == FSYNC) {
                    log_event(log, FSYNC_EVENT, slot, pass, 0);
                    int failed = fsync(buffered_fd) != 0;
                    int saved = errno;
                    log_event(log, RETURN_EVENT, slot, pass, failed);
                    if (failed) {
                        atomic_fetch_add(&failed_writes, 1);
                        if (quiet)
                            printf("%s: fsync failed: %s\n", writer->name, strerror(saved));
                    }
                } else {
                    write_range(writer, op, slot, log, pass);
                }
                if (writer == &writers[0])
                    atomic_store(&writing_slot, slot);
            }
        }
        pass++;
    } while (!atomic_load(&writers_stop));
    return NULL;
}

static void *run_mutator(void *argument)
{
    const struct mutator *mutator = argument;
    struct change_log *log = log_path ? &mutator_logs[mutator - mutators] : NULL;
    int slot = 0;
    while (!atomic_load(&mutators_stop)) {
        /* The page cache of the slot the writer is on: the folio its writeback takes next. */
        if (mutator->changes[0].buffer == PAGE_CACHE) {
            slot = atomic_load(&writing_slot);
            if (slot < 0)
                continue;
            if (log && change_allowed(log))
                log->slots[log->count / (4L * mutator->count)] = slot;
        }
        for (int i = 0; i < mutator->count; i++) {
            const struct change *change = &mutator->changes[i];
            unsigned char *block = change->buffer == PAGE_CACHE
                ? file_map + ((size_t)slot * FILE_BLOCKS + change->block) * BLOCK_SIZE
                : buffers[change->buffer].memory + (size_t)change->block * BLOCK_SIZE;
            if (!change_allowed(log))
                return NULL;
            log_change(log);
            fill_word(block, change->word, change->to);
            log_change(log);
            if (!change_allowed(log))
                return NULL;
            log_change(log);
            fill_word(block, change->word, change->from);
            log_change(log);
        }
    }
    return NULL;
}

/* The runs of the model in a thread's log: its script on one slot in one pass (for a reader, one
   round), from the start of its first call to the return of its last. */
struct run { uint64_t first, last; int slot, pass; };
struct runs { struct run *runs; long count; };

static struct runs runs_of(const struct event_log *log)
{
    struct runs out = {calloc((size_t)(log->count ? log->count : 1), sizeof(struct run)), 0};
    if (!out.runs)
        fail("allocating");
    for (long i = 0; i < log->count; i++) {
        const struct event *event = &log->events[i];
        struct run *last = out.count ? &out.runs[out.count - 1] : NULL;
        if (last && last->slot == event->slot && last->pass == event->pass) {
            last->last = event->t;
        } else {
            out.runs[out.count++] = (struct run){event->t, event->t, event->slot, event->pass};
        }
    }
    return out;
}

static void json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (; *text; text++) {
        if (*text == '"' || *text == '\\')
            fputc('\\', out);
        fputc(*text, out);
    }
    fputc('"', out);
}

/* A stream of the log: a thread's events, or a mutator's changes, each in the order of their times. */
struct stream {
    const struct event_log *events;
    const struct change_log *changes;
    const char *actor;
    const struct mutator *mutator;
    const struct runs *runs; /* the runs a mutator's changes belong to */
    long next, run;
};

static uint64_t stream_time(const struct stream *stream)
{
    if (stream->events)
        return stream->next < stream->events->count ? stream->events->events[stream->next].t : UINT64_MAX;
    /* A change is placed at its end, the time of its line. */
    return stream->next + 1 < stream->changes->count ? stream->changes->times[stream->next + 1] : UINT64_MAX;
}

/* The run a mutator's change at time t belongs to. A change of a buffer belongs to the run in progress
   in the thread that uses the buffer, or, between two runs, to the next one, whose call takes the
   buffer as it is; after the last run, to the last. A change of the page cache belongs to the run of
   the slot it changes that started last, or to the slot's first. */
static void change_run(struct stream *stream, const struct change *change, int slot, uint64_t t, int *run_slot,
                       int *run_pass)
{
    const struct runs *runs = stream->runs;
    *run_slot = slot;
    *run_pass = 0;
    if (!runs || runs->count == 0)
        return;
    if (change->buffer == PAGE_CACHE) {
        long low = 0, high = (runs->count - 1 - slot) / slots; /* passes that reached the slot: 0..high */
        if (slot >= runs->count || runs->runs[slot].first > t)
            return;
        while (low < high) {
            long middle = (low + high + 1) / 2;
            if (runs->runs[middle * slots + slot].first <= t)
                low = middle;
            else
                high = middle - 1;
        }
        *run_pass = runs->runs[low * slots + slot].pass;
        return;
    }
    while (stream->run < runs->count - 1 && runs->runs[stream->run].last < t)
        stream->run++;
    *run_slot = runs->runs[stream->run].slot;
    *run_pass = runs->runs[stream->run].pass;
}

/* The log of one mode of the program (write or readers): the header, every event in the order of its
   time, and the end record. */
static void write_log(const char *mode, struct stream *streams, int count)
{
    FILE *out = fopen(log_path, "w");
    if (!out)
        fail(log_path);
    static char buffer[1 << 20];
    setvbuf(out, buffer, _IOFBF, sizeof(buffer));
    struct utsname system;
    const char *release = uname(&system) == 0 ? system.release : "unknown";
    fprintf(out, "{\"format\":\"extentcheck-events\",\"version\":1,\"model\":");
    json_string(out, MODEL_NAME);
    fprintf(out, ",\"kernel\":");
    json_string(out, release);
    if (strcmp(mode, "write") == 0)
        fprintf(out, ",\"observes\":[\"dio-write\",\"write\",\"fsync\",\"return\",\"mutate\"]");
    else
        fprintf(out, ",\"observes\":[\"read\",\"dio-read\",\"read-return\",\"mutate\"]");
    fprintf(out, ",\"recorder\":\"the reproducer's program (%s --log): its own calls and changes\"}\n", mode);
    long lines = 0;
    for (;;) {
        struct stream *first = NULL;
        for (int i = 0; i < count; i++)
            if (stream_time(&streams[i]) != UINT64_MAX && (!first || stream_time(&streams[i]) < stream_time(first)))
                first = &streams[i];
        if (!first)
            break;
        if (first->events) {
            const struct event *event = &first->events->events[first->next++];
            fprintf(out, "{\"t\":%llu,\"event\":\"%s\",\"slot\":%d,\"pass\":%d,\"actor\":", (unsigned long long)event->t,
                    event_names[event->kind], event->slot, event->pass);
            json_string(out, first->actor);
            if (event->kind == RETURN_EVENT)
                fprintf(out, ",\"result\":\"%s\"", event->failed ? "error" : "ok");
            else if (event->kind == READ_RETURN_EVENT)
                fprintf(out, ",\"result\":\"%s\"", event->failed ? "eio" : "ok");
            fprintf(out, "}\n");
        } else {
            long k = first->next;
            first->next += 2;
            uint64_t since = first->changes->times[k], t = first->changes->times[k + 1];
            const struct mutator *mutator = first->mutator;
            const struct change *change = &mutator->changes[(k / 4) % mutator->count];
            int slot = first->changes->slots ? first->changes->slots[k / (4L * mutator->count)] : 0, run_slot, run_pass;
            change_run(first, change, slot, t, &run_slot, &run_pass);
            fprintf(out, "{\"t\":%llu,\"event\":\"mutate\",\"slot\":%d,\"pass\":%d,\"actor\":", (unsigned long long)t,
                    run_slot, run_pass);
            json_string(out, mutator->name);
            fprintf(out, ",\"block\":%d,\"word\":%d,\"since\":%llu}\n", change->block, change->word,
                    (unsigned long long)since);
        }
        lines++;
    }
    fprintf(out, "{\"t\":%llu,\"event\":\"end\"}\n", (unsigned long long)now_ns());
    if (fclose(out) != 0)
        fail(log_path);
    if (!quiet)
        printf("log-events=%ld\n", lines);
}

/* The streams of the mutators of `phase`: each change's run is found among the runs of the first of
   `logs` whose script uses the changed buffer (uses(i, buffer)), else of the first. */
static int mutator_streams(struct stream *streams, int phase, const struct event_log *logs, int actors,
                           int (*uses)(int actor, int buffer), struct runs *runs)
{
    int count = 0;
    for (int i = 0; i < MUTATORS; i++) {
        if (!(mutators[i].phases & phase))
            continue;
        int chosen = -1;
        for (int a = 0; a < actors && chosen < 0; a++)
            if (mutators[i].changes[0].buffer == PAGE_CACHE || uses(a, mutators[i].changes[0].buffer))
                chosen = a;
        if (chosen < 0 && actors > 0)
            chosen = 0;
        streams[count++] = (struct stream){NULL, &mutator_logs[i], mutators[i].name, &mutators[i],
                                           chosen >= 0 ? &runs[chosen] : NULL, 0, 0};
        if (!quiet && mutator_logs[i].count == mutator_logs[i].capacity)
            printf("log-full=mutator %s stopped after %ld changes: its log had no room for more\n", mutators[i].name,
                   mutator_logs[i].count);
    }
    return count;
}

static int writer_uses(int writer, int buffer)
{
    for (int step = 0; step < writers[writer].count; step++)
        if (writers[writer].ops[step].kind != FSYNC && writers[writer].ops[step].buffer == buffer)
            return 1;
    return 0;
}

static int reader_uses(int reader, int buffer)
{
    for (int step = 0; step < readers[reader].count; step++)
        if (readers[reader].ops[step].kind == DIRECT_READ && readers[reader].ops[step].buffer == buffer)
            return 1;
    return 0;
}

/* Room for the events of the threads that run in `phase` and for the changes of its mutators. */
static void allocate_logs(int phase)
{
    if (!log_path)
        return;
    long events = log_changes / 4 > 1024 ? log_changes / 4 : 1024;
    if (phase == WRITE_PHASE)
        for (int i = 0; i < WRITERS; i++)
            writer_logs[i] = (struct event_log){log_memory((size_t)events * sizeof(struct event)), 0, events, 0};
    else
        for (int i = 0; i < READERS; i++)
            reader_logs[i] = (struct event_log){log_memory((size_t)events * sizeof(struct event)), 0, events, 0};
    for (int i = 0; i < MUTATORS; i++)
        if (mutators[i].phases & phase)
            mutator_logs[i] = (struct change_log){
                log_memory((size_t)log_changes * sizeof(uint64_t)),
                mutators[i].changes[0].buffer == PAGE_CACHE ? log_memory((size_t)log_changes * sizeof(int)) : NULL, 0,
                log_changes};
}

static void allocate_buffers(void)
{
    for (size_t i = 0; i < sizeof(buffers) / sizeof(buffers[0]) && buffers[i].name; i++) {
        if (posix_memalign((void **)&buffers[i].memory, BLOCK_SIZE, (size_t)buffers[i].blocks * BLOCK_SIZE) != 0)
            fail("posix_memalign");
        fill_blocks(buffers[i].memory, buffers[i].initial, buffers[i].blocks);
    }
}

/* Starts a thread for every mutator of `phase`; returns how many. */
static int start_mutators(pthread_t *threads, int phase)
{
    int started = 0;
    for (int i = 0; i < MUTATORS; i++)
        if (mutators[i].phases & phase) {
            if (pthread_create(&threads[started], NULL, run_mutator, (void *)&mutators[i]) != 0)
                fail("pthread_create");
            started++;
        }
    return started;
}

static int write_mode(const char *path, double seconds)
{
    size_t file_bytes = (size_t)slots * FILE_BLOCKS * BLOCK_SIZE;
    buffered_fd = open(path, O_RDWR | O_CREAT, 0644);
    if (buffered_fd < 0)
        fail(path);
    direct_fd = open(path, O_RDWR | O_DIRECT);
    if (direct_fd < 0)
        fail("O_DIRECT open");

    /* The stored file of the model's initial state, in every slot. */
    unsigned char *initial;
    if (posix_memalign((void **)&initial, BLOCK_SIZE, FILE_BLOCKS * BLOCK_SIZE) != 0)
        fail("posix_memalign");
    fill_blocks(initial, stored_initial, FILE_BLOCKS);
    for (int slot = 0; slot < slots; slot++)
        if (pwrite(buffered_fd, initial, FILE_BLOCKS * BLOCK_SIZE, (off_t)slot * FILE_BLOCKS * BLOCK_SIZE)
            != FILE_BLOCKS * BLOCK_SIZE)
            fail("filling the file");
    if (fsync(buffered_fd) != 0)
        fail("fsync");
    free(initial);

    allocate_buffers();
    for (int i = 0; i < MUTATORS; i++)
        for (int j = 0; j < mutators[i].count; j++)
            if (mutators[i].changes[j].buffer == PAGE_CACHE && !file_map) {
                file_map = mmap(NULL, file_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, buffered_fd, 0);
                if (file_map == MAP_FAILED)
                    fail("mmap");
            }

    /* Without a writer the file as filled is the file the readers read: nothing to race. */
    allocate_logs(WRITE_PHASE);
    if (WRITERS > 0) {
        pthread_t writer_threads[WRITERS + 1], mutator_threads[MUTATORS + 1];
        int racing = start_mutators(mutator_threads, WRITE_PHASE);
        for (int i = 0; i < WRITERS; i++)
            if (pthread_create(&writer_threads[i], NULL, run_writer, (void *)&writers[i]) != 0)
                fail("pthread_create");
        struct timespec pause = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
        nanosleep(&pause, NULL);
        atomic_store(&writers_stop, 1);
        for (int i = 0; i < WRITERS; i++)
            pthread_join(writer_threads[i], NULL);
        atomic_store(&mutators_stop, 1);
        for (int i = 0; i < racing; i++)
            pthread_join(mutator_threads[i], NULL);
    }
    if (file_map)
        munmap(file_map, file_bytes);
    if (fsync(buffered_fd) != 0)
        fail("fsync");

    if (!quiet) {
        printf("writes=%ld\n", atomic_load(&writes));
        printf("failed-writes=%ld\n", atomic_load(&failed_writes));
    }
    if (log_path) {
        struct stream streams[WRITERS + MUTATORS + 1];
        struct runs runs[WRITERS + 1];
        int count = 0;
        for (int i = 0; i < WRITERS; i++) {
            runs[i] = runs_of(&writer_logs[i]);
            streams[count++] = (struct stream){&writer_logs[i], NULL, writers[i].name, NULL, NULL, 0, 0};
            if (!quiet) {
                printf("writer-tid=%s %d\n", writers[i].name, writer_tids[i]);
                if (writer_logs[i].full)
                    printf("log-full=writer %s stopped after %ld events: its log had no room for another run\n",
                           writers[i].name, writer_logs[i].count);
            }
        }
        count += mutator_streams(&streams[count], WRITE_PHASE, writer_logs, WRITERS, writer_uses, runs);
        write_log("write", streams, count);
    }
    close(direct_fd);
    close(buffered_fd);
    return 0;
}

struct reader { int fd; int blocks; unsigned char *data; int *failed; int parity; };

static void *run_reader(void *argument)
{
    struct reader *reader = argument;
    reader->parity = (int)(syscall(SYS_gettid) % 2);
    /* Each thread must read from the disk: a read served from the page cache shows one copy
       twice. Drop the cache first; an O_DIRECT read falls back to the page cache where the
       buffer's pages are not yet faulted in, so they are written first. */
    posix_fadvise(reader->fd, 0, 0, POSIX_FADV_DONTNEED);
    memset(reader->data, 0, (size_t)reader->blocks * BLOCK_SIZE);
    for (int block = 0; block < reader->blocks; block++) {
        ssize_t done = pread(reader->fd, reader->data + (size_t)block * BLOCK_SIZE, BLOCK_SIZE,
                             (off_t)block * BLOCK_SIZE);
        reader->failed[block] = done == BLOCK_SIZE ? 0 : done < 0 ? errno : EIO;
    }
    return NULL;
}

static int read_mode(const char *path)
{
    int blocks = slots * FILE_BLOCKS;
    int fd = open(path, buffered_reads ? O_RDONLY : O_RDONLY | O_DIRECT);
    if (fd < 0)
        fail(path);
    /* One read of every block per mirror: threads until each parity of thread id has read. */
    struct reader readers[2] = {{0}};
    int have[2] = {0, 0};
    for (int attempt = 0; attempt < 64 && have[0] + have[1] < MIRRORS; attempt++) {
        struct reader reader = {fd, blocks, NULL, calloc((size_t)blocks, sizeof(int)), -1};
        if (posix_memalign((void **)&reader.data, BLOCK_SIZE, (size_t)blocks * BLOCK_SIZE) != 0 || !reader.failed)
            fail("allocating");
        pthread_t thread;
        if (pthread_create(&thread, NULL, run_reader, &reader) != 0)
            fail("pthread_create");
        pthread_join(thread, NULL);
        if (!have[reader.parity]) {
            have[reader.parity] = 1;
            readers[have[0] + have[1] - 1] = reader;
        } else {
            free(reader.data);
            free(reader.failed);
        }
    }

    int eio = 0, other = 0, differ = 0, compared = 0;
    for (int block = 0; block < blocks; block++) {
        int error = readers[0].failed[block];
        if (MIRRORS > 1 && have[0] && have[1] && !error && readers[1].failed[block])
            error = readers[1].failed[block];
        if (error == EIO)
            eio++;
        else if (error)
            other++;
        if (error && quiet)
            printf("slot %d block %d: read failed: %s\n", block / FILE_BLOCKS, block % FILE_BLOCKS,
                   strerror(error));
        if (MIRRORS > 1 && have[0] && have[1] && !readers[0].failed[block] && !readers[1].failed[block]) {
            compared++;
            if (memcmp(readers[0].data + (size_t)block * BLOCK_SIZE, readers[1].data + (size_t)block * BLOCK_SIZE,
                       BLOCK_SIZE) != 0) {
                differ++;
                if (quiet)
                    printf("slot %d block %d: the mirrors differ\n", block / FILE_BLOCKS, block % FILE_BLOCKS);
            }
        }
    }
    if (!quiet) {
        printf("blocks=%d\n", blocks);
        printf("eio-blocks=%d\n", eio);
        printf("other-read-errors=%d\n", other);
        printf("mirrors-compared=%d\n", compared);
        printf("mirrors-differ=%d\n", differ);
    }
    close(fd);
    return 0;
}

/* A reader's script on every slot, round after round. failed[step * slots + slot] is set when that
   read returned an error. */
struct reader_run { const struct reader_script *script; int rounds; char *failed; };

static void read_range(struct reader_run *run, int step, int slot)
{
    const struct read_op *op = &run->script->ops[step];
    size_t length = (size_t)op->blocks * BLOCK_SIZE;
    off_t offset = ((off_t)slot * FILE_BLOCKS + op->at) * BLOCK_SIZE;
    struct event_log *log = log_path ? &reader_logs[run->script - readers] : NULL;
    ssize_t done;
    if (op->kind == DIRECT_READ) {
        log_event(log, DIO_READ_EVENT, slot, run->rounds, 0);
        done = pread(direct_fd, buffers[op->buffer].memory, length, offset);
    } else {
        static _Thread_local unsigned char *page;
        if (!page && posix_memalign((void **)&page, BLOCK_SIZE, FILE_BLOCKS * BLOCK_SIZE) != 0)
            fail("posix_memalign");
        log_event(log, READ_EVENT, slot, run->rounds, 0);
        done = pread(buffered_fd, page, length, offset);
    }
    int error = done < 0 ? errno : EIO;
    /* Any failure is logged as eio: the vocabulary knows no other. */
    log_event(log, READ_RETURN_EVENT, slot, run->rounds, done != (ssize_t)length);
    atomic_fetch_add(op->kind == DIRECT_READ ? &direct_reads_done : &buffered_reads_done, 1);
    if (done == (ssize_t)length)
        return;
    if (error == EIO)
        atomic_fetch_add(op->kind == DIRECT_READ ? &direct_eio : &buffered_eio, 1);
    else
        atomic_fetch_add(&other_read_errors, 1);
    /* With --quiet a line for each read of the script that failed, the first time it fails. */
    int first = !run->failed[step * slots + slot];
    run->failed[step * slots + slot] = 1;
    if (quiet && first)
        printf("%s: %s of slot %d block %d failed: %s\n", run->script->name,
               op->kind == DIRECT_READ ? "O_DIRECT read" : "read", slot, op->at,
               done < 0 ? strerror(error) : "short read");
}

static int racing_reads;

static void *run_reader_script(void *argument)
{
    struct reader_run *run = argument;
    /* One round, or, while a mutator changes a buffer the reads land in, rounds until told to stop.
       Each round starts with the file's pages dropped, so that a buffered read goes to the disk. */
    struct event_log *log = log_path ? &reader_logs[run->script - readers] : NULL;
    do {
        /* A whole round, or none: a full log stops the reader between two rounds. */
        if (log && log->count + 2L * run->script->count * slots > log->capacity) {
            log->full = 1;
            break;
        }
        posix_fadvise(buffered_fd, 0, 0, POSIX_FADV_DONTNEED);
        for (int slot = 0; slot < slots; slot++)
            for (int step = 0; step < run->script->count; step++)
                read_range(run, step, slot);
        run->rounds++;
    } while (racing_reads && !atomic_load(&readers_stop));
    return NULL;
}

static int readers_mode(const char *path, double seconds)
{
    buffered_fd = open(path, O_RDONLY);
    if (buffered_fd < 0)
        fail(path);
    direct_fd = open(path, O_RDONLY | O_DIRECT);
    if (direct_fd < 0)
        fail("O_DIRECT open");
    allocate_buffers();
    allocate_logs(READ_PHASE);

    pthread_t reader_threads[READERS + 1], mutator_threads[MUTATORS + 1];
    struct reader_run runs[READERS + 1];
    int racing = start_mutators(mutator_threads, READ_PHASE);
    racing_reads = racing > 0;
    for (int i = 0; i < READERS; i++) {
        runs[i] = (struct reader_run){&readers[i], 0, calloc((size_t)readers[i].count * slots, 1)};
        if (!runs[i].failed)
            fail("calloc");
        if (pthread_create(&reader_threads[i], NULL, run_reader_script, &runs[i]) != 0)
            fail("pthread_create");
    }
    if (racing) {
        struct timespec pause = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
        nanosleep(&pause, NULL);
        atomic_store(&readers_stop, 1);
    }
    for (int i = 0; i < READERS; i++)
        pthread_join(reader_threads[i], NULL);
    atomic_store(&mutators_stop, 1);
    for (int i = 0; i < racing; i++)
        pthread_join(mutator_threads[i], NULL);

    /* Was a failed read's range intact? With nothing changing memory any more and the file's pages
       dropped, it is read again through the page cache, into memory of the program's own: a range
       that reads back now failed although its blocks verify (a false alarm); one that fails again
       is damaged on every copy. */
    posix_fadvise(buffered_fd, 0, 0, POSIX_FADV_DONTNEED);
    unsigned char *page;
    if (posix_memalign((void **)&page, BLOCK_SIZE, FILE_BLOCKS * BLOCK_SIZE) != 0)
        fail("posix_memalign");
    long failed = 0, false_alarms = 0, rounds = 0;
    for (int i = 0; i < READERS; i++) {
        rounds = i == 0 || runs[i].rounds < rounds ? runs[i].rounds : rounds;
        for (int step = 0; step < readers[i].count; step++)
            for (int slot = 0; slot < slots; slot++) {
                if (!runs[i].failed[step * slots + slot])
                    continue;
                const struct read_op *op = &readers[i].ops[step];
                size_t length = (size_t)op->blocks * BLOCK_SIZE;
                off_t offset = ((off_t)slot * FILE_BLOCKS + op->at) * BLOCK_SIZE;
                failed++;
                if (pread(buffered_fd, page, length, offset) == (ssize_t)length) {
                    false_alarms++;
                    if (quiet)
                        printf("%s: slot %d block %d failed to read but reads back intact\n", readers[i].name, slot,
                               op->at);
                }
            }
    }
    if (!quiet) {
        printf("read-rounds=%ld\n", rounds);
        printf("buffered-reads=%ld\n", atomic_load(&buffered_reads_done));
        printf("buffered-eio=%ld\n", atomic_load(&buffered_eio));
        printf("direct-reads=%ld\n", atomic_load(&direct_reads_done));
        printf("direct-eio=%ld\n", atomic_load(&direct_eio));
        printf("other-read-errors=%ld\n", atomic_load(&other_read_errors));
        printf("failed-ranges=%ld\n", failed);
        printf("false-alarms=%ld\n", false_alarms);
    }
    if (log_path) {
        struct stream streams[READERS + MUTATORS + 1];
        struct runs runs[READERS + 1];
        int count = 0;
        for (int i = 0; i < READERS; i++) {
            runs[i] = runs_of(&reader_logs[i]);
            streams[count++] = (struct stream){&reader_logs[i], NULL, readers[i].name, NULL, NULL, 0, 0};
            if (!quiet && reader_logs[i].full)
                printf("log-full=reader %s stopped after %ld events: its log had no room for another round\n",
                       readers[i].name, reader_logs[i].count);
        }
        count += mutator_streams(&streams[count], READ_PHASE, reader_logs, READERS, reader_uses, runs);
        write_log("readers", streams, count);
    }
    close(direct_fd);
    close(buffered_fd);
    return 0;
}

static void usage(const char *name)
{
    fprintf(stderr, "usage: %s write FILE [--seconds S] [--slots N] [--quiet] [--log LOG [--log-changes N]]\n"
                    "       %s read FILE [--slots N] [--quiet] [--buffered]\n"
                    "       %s readers FILE [--seconds S] [--slots N] [--quiet] [--log LOG [--log-changes N]]\n",
            name, name, name);
    exit(2);
}

int main(int argc, char **argv)
{
    double seconds = 10;
    if (argc < 3)
        usage(argv[0]);
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (strcmp(argv[i], "--slots") == 0 && i + 1 < argc)
            slots = atoi(argv[++i]);
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--buffered") == 0 && strcmp(argv[1], "read") == 0)
            buffered_reads = 1;
        else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc && strcmp(argv[1], "read") != 0)
            log_path = argv[++i];
        else if (strcmp(argv[i], "--log-changes") == 0 && i + 1 < argc && strcmp(argv[1], "read") != 0)
            log_changes = atol(argv[++i]);
        else
            usage(argv[0]);
    }
    if (slots < 1 || seconds < 0 || log_changes < 2)
        usage(argv[0]);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (strcmp(argv[1], "write") == 0)
        return write_mode(argv[2], seconds);
    if (strcmp(argv[1], "read") == 0)
        return read_mode(argv[2]);
    if (strcmp(argv[1], "readers") == 0)
        return readers_mode(argv[2], seconds);
    usage(argv[0]);
    return 2;
}
