#!/bin/sh
# fidelity/crash-guest.sh: the guest side of fidelity/crash. Run by the payload's main in a guest
# of fidelity/boot (busybox sh) with four disks: /dev/vda and /dev/vdb hold the file system (and
# its replays), /dev/vdc and /dev/vdd the dm-log-writes logs of /dev/vda and /dev/vdb.
#
#   sh crash-guest.sh ROW ...     ROW: nodatasum-dio, nodatasum-mmap, cow-dio or md-dio
#
# For each row: dm-log-writes over /dev/vda and /dev/vdb, the file system made on them (btrfs
# RAID1, or md RAID1 with btrfs on it), the file's old content written and synced, a mark
# "ready" in both logs, the workload, unmount; then the logs are replayed onto /dev/vda and
# /dev/vdb, zeroed first, up to each replay point, and the replayed file system examined. Lines
# for fidelity/crash, '|' between fields:
#   @@log|ROW|DEVICE|ENTRIES|FLUSH/FUA ENTRIES AFTER ready|WRITES OF THE BLOCK AFTER ready
#   @@point|ROW|LABEL|COUNT0|COUNT1|DIFFER|COPIES|EIO|READS|READBACK|SCRUB ERRORS|SCRUB|NOTE
# DIFFER is 1 when the copies differ in the state the model judges (after md's resync on md
# RAID1), COPIES says what each copy held. Anything else it prints is progress. Exit status 0,
# or 3 when a row could not be set up (its lines say which).
set -u
export DM_DISABLE_UDEV=1
here=$(dirname "$0")
replay_log=$here/replay-log
workload=$here/crash-workload
mnt=/mnt/crash
work=/tmp/crash
md=/dev/md0
mkdir -p "$mnt" "$work"

say() { echo "crash-guest: $*" >&2; }

# A row: its layout (btrfs RAID1 or md RAID1 under btrfs), its file and its writer.
row_layout() { case $1 in md-*) echo md ;; *) echo btrfs ;; esac; }
row_nocow() { case $1 in cow-*) echo no ;; *) echo yes ;; esac; }
row_writer() { case $1 in *-mmap) echo mmap ;; *) echo dio ;; esac; }

zero_disks() {
    "$replay_log" zero /dev/vda && "$replay_log" zero /dev/vdb
}

logged_create() {
    for i in 0 1; do
        dev=/dev/vd$(echo ab | cut -c$((i + 1)))
        log=/dev/vd$(echo cd | cut -c$((i + 1)))
        dmsetup create "lw$i" --table "0 $(blockdev --getsz "$dev") log-writes $dev $log" || return 1
    done
}

mark() {
    dmsetup message lw0 0 mark "$1" && dmsetup message lw1 0 mark "$1"
}

# make_fs LAYOUT -> the device to mount, on the logged devices
make_fs() {
    if [ "$1" = md ]; then
        # As fidelity's runner makes md RAID1: in sync from the start, no bitmap, 256 MiB.
        mdadm --create "$md" --run --level=1 --raid-devices=2 --metadata=1.2 --assume-clean \
            --bitmap=none --size=262144 /dev/mapper/lw0 /dev/mapper/lw1 >"$work/mdadm.out" 2>&1 ||
            { cat "$work/mdadm.out" >&2; return 1; }
        mkfs.btrfs -f -q -K "$md" >&2 || return 1
        echo "$md"
    else
        mkfs.btrfs -f -q -K -d raid1 -m raid1 /dev/mapper/lw0 /dev/mapper/lw1 >&2 || return 1
        echo /dev/mapper/lw0
    fi
}

# record ROW: the workload on logged devices; the logs left on /dev/vdc and /dev/vdd.
record() {
    row=$1 layout=$(row_layout "$1")
    zero_disks || return 1
    logged_create || return 1
    device=$(make_fs "$layout") || return 1
    scan_devices "$layout" /dev/mapper/lw0 /dev/mapper/lw1
    mount "$device" "$mnt" || return 1
    touch "$mnt/file"
    [ "$(row_nocow "$row")" = yes ] && chattr +C "$mnt/file"
    "$workload" prepare "$mnt/file" || return 1
    sync
    # md marks the array clean after 200 ms without writes; the workload's write marks it dirty.
    sleep 1
    mark ready || return 1
    "$workload" "$(row_writer "$row")" "$mnt/file" || return 1
    sync
    mark written
    umount "$mnt"
    if [ "$layout" = md ]; then
        sleep 1
        mdadm --stop "$md" >/dev/null 2>&1
    fi
    dmsetup remove lw0 && dmsetup remove lw1
}

# teardown: what a row that failed left mounted, assembled or mapped
teardown() {
    umount "$mnt" 2>/dev/null
    mdadm --stop "$md" >/dev/null 2>&1
    dmsetup remove lw0 2>/dev/null
    dmsetup remove lw1 2>/dev/null
    return 0
}

# list_logs ROW: each log's entries into $work/log0 and $work/log1, and an @@log line each
list_logs() {
    for i in 0 1; do
        log=/dev/vd$(echo cd | cut -c$((i + 1)))
        "$replay_log" list "$log" XCNEW >"$work/log$i" || return 1
        awk -v row="$1" -v dev="$i" '
            /^#/ { entries = $2; next }
            $5 == "ready" { ready = 1; next }
            ready && $4 ~ /flush|fua/ { flushes = flushes (flushes == "" ? "" : " ") $1 "(" $4 ")" }
            ready && $6 == "XCNEW" { writes = writes (writes == "" ? "" : " ") $1 }
            END { printf "@@log|%s|%s|%d|%s|%s\n", row, dev, entries, flushes, writes }' "$work/log$i"
    done
}

# points ROW -> "LABEL|COUNT0|COUNT1" per replay point: COUNTi entries of log i replayed.
#   before the write: both logs through their mark "ready"
#   flush/FUA k: both logs through their k-th flush or FUA entry after "ready"
#   write j, copy 0 only (copy 1 only): log 0 through its j-th write of the block after "ready",
#     log 1 up to just before its j-th (and the reverse)
#   between writes 1 and 2: both logs through their first write of the block, before the second
points() {
    awk -v row="$1" '
        FNR == 1 { dev = (FILENAME ~ /log0$/) ? 0 : 1 }
        /^#/ { next }
        $5 == "ready" { ready[dev] = $1; next }
        !(dev in ready) { next }
        $4 ~ /flush|fua/ { flush[dev, ++nflush[dev]] = $1; kind[dev, nflush[dev]] = ($4 ~ /flush/) ? "a flush" : "a FUA write" }
        $6 == "XCNEW" { write[dev, ++nwrite[dev]] = $1 }
        END {
            printf "before the write|%d|%d\n", ready[0] + 1, ready[1] + 1
            n = nwrite[0] < nwrite[1] ? nwrite[0] : nwrite[1]
            for (j = 1; j <= n; j++) {
                printf "write %d of the block: copy 0 only|%d|%d\n", j, write[0, j] + 1, write[1, j]
                printf "write %d of the block: copy 1 only|%d|%d\n", j, write[0, j], write[1, j] + 1
                if (j < n)
                    printf "between writes %d and %d of the block|%d|%d\n", j, j + 1, write[0, j] + 1, write[1, j] + 1
            }
            n = nflush[0] < nflush[1] ? nflush[0] : nflush[1]
            for (k = 1; k <= n; k++)
                printf "flush/FUA entry %d after ready (%s)|%d|%d\n", k, kind[0, k], flush[0, k] + 1, flush[1, k] + 1
        }' "$work/log0" "$work/log1"
}

replay() {
    zero_disks || return 1
    "$replay_log" replay /dev/vdc /dev/vda "$1" && "$replay_log" replay /dev/vdd /dev/vdb "$2"
}

# scrub_summary FILE -> "ERRORS|TEXT": ERRORS adds every count of the summary (csum, read,
# verify, ...) but super=, which counts superblock copies: btrfs writes the copies at 64 MiB and
# beyond without FUA, so they reach the log only with the next flush, and a replay to a point
# before it holds the previous generation's copies, which scrub counts. The text keeps them.
scrub_summary() {
    summary=$(sed -n -e 's/^.*Error summary: *//p' -e 's/^.*error details: *//p' "$1" | head -n 1)
    errors=0
    for item in $summary; do
        case $item in
            super=*) ;;
            *=[0-9]*) errors=$((errors + ${item#*=})) ;;
        esac
    done
    if grep -q 'no errors found' "$1"; then
        echo "0|no errors found"
    elif [ -n "$summary" ]; then
        echo "$errors|$summary"
    else
        echo "0|did not run: $(grep -v '^$' "$1" | tail -n 1)"
    fi
}

# scan_devices LAYOUT DEV0 DEV1: btrfs told of the file system's devices, and of no other: a log
# device holds copies of btrfs's superblocks too (and without udev nothing scans by itself).
scan_devices() {
    btrfs device scan --forget >/dev/null 2>&1
    if [ "$1" = md ]; then
        btrfs device scan "$md" >/dev/null 2>&1
    else
        btrfs device scan "$2" "$3" >/dev/null 2>&1
    fi
}

# mount_replayed LAYOUT OPTIONS -> the note: how it mounted; status 1 when it did not
mount_replayed() {
    scan_devices "$1" /dev/vda /dev/vdb
    device=/dev/vda
    [ "$1" = md ] && device=$md
    if mount -o "$2" "$device" "$mnt" 2>"$work/mount.err"; then
        echo "mounted"
    elif mount -o "$2,degraded" "$device" "$mnt" 2>>"$work/mount.err"; then
        echo "mounted only with -o degraded"
    else
        echo "did not mount: $(tail -n 1 "$work/mount.err")"
        return 1
    fi
}

# examine_btrfs -> "DIFFER|COPIES|EIO|READS|READBACK|SCRUB ERRORS|SCRUB|NOTE". The next mount
# first, read-write, as after a power loss (it replays a tree log the replayed fsync left), with a
# read-only scrub that repairs nothing; then the copies compared on a read-only mount with
# checksums ignored (each copy reads back as it is stored; a read-only mount that has a tree log
# to replay with rescue=ignoredatacsums oopses Debian's 6.1.192, in write_all_supers, the csum
# root not being loaded); then the file read back on a read-write mount.
examine_btrfs() {
    echo 3 >/proc/sys/vm/drop_caches
    note=$(mount_replayed btrfs rw) || { echo "0|-|0|0|-|0|-|$note"; return; }
    btrfs scrub start -B -r "$mnt" >"$work/scrub.out" 2>&1
    scrub=$(scrub_summary "$work/scrub.out")
    umount "$mnt"
    copies="copies 0 unread unread"
    if mount_replayed btrfs ro,rescue=ignoredatacsums >/dev/null; then
        copies=$("$workload" copies "$mnt/file") || copies="copies 0 unread unread"
        umount "$mnt"
    fi
    readback="readback 0 0 unread unread"
    if mount_replayed btrfs rw >/dev/null; then
        readback=$("$workload" readback "$mnt/file") || readback="readback 0 0 unread unread"
        umount "$mnt"
    fi
    # shellcheck disable=SC2086 # split on purpose: "copies DIFFER COPY0 COPY1", then "readback READS EIO DIRECT BUFFERED"
    set -- $copies $readback
    echo "$2|copy 0 $3, copy 1 $4|$7|$6|O_DIRECT $8, buffered $9|$scrub|$note"
}

# examine_mounted DIFFER COPIES NOTE: btrfs on md RAID1, read-only scrub and read-back
examine_mounted() {
    echo 3 >/proc/sys/vm/drop_caches
    note=$(mount_replayed md rw) || { echo "$1|$2|0|0|-|0|-|$3; then $note"; return; }
    btrfs scrub start -B -r "$mnt" >"$work/scrub.out" 2>&1
    readback=$("$workload" readback "$mnt/file") || readback="readback 0 0 unread unread"
    umount "$mnt"
    # shellcheck disable=SC2086 # split on purpose: "readback READS EIO DIRECT BUFFERED"
    set -- "$1" "$2" "$3" $readback
    echo "$1|$2|$6|$5|O_DIRECT $7, buffered $8|$(scrub_summary "$work/scrub.out")|$3"
}

# md_wait: until md's sync_action is idle again
md_wait() {
    sys=/sys/block/${md#/dev/}/md
    waited=0
    sleep 1
    while [ "$(cat "$sys/sync_action")" != idle ] && [ $waited -lt 600 ]; do
        sleep 1
        waited=$((waited + 1))
    done
}

# md_legs -> the 4 KiB blocks of the array's data area that differ between its two devices
md_legs() {
    sys=/sys/block/${md#/dev/}/md
    bytes=$(($(cat "$sys/component_size") * 1024))
    off0=$(($(cat "$sys/dev-vda/offset") * 512))
    off1=$(($(cat "$sys/dev-vdb/offset") * 512))
    sync
    echo 3 >/proc/sys/vm/drop_caches
    "$replay_log" compare /dev/vda "$off0" /dev/vdb "$off1" "$bytes" | awk '{ print $4 }'
}

# examine_md: assembled read-only first (no resync yet), the legs compared; then read-write, md
# resyncs if the array was not clean; the legs again, md's check, and btrfs on the array.
examine_md() {
    sys=/sys/block/${md#/dev/}/md
    if ! mdadm --assemble --readonly --run "$md" /dev/vda /dev/vdb >"$work/mdadm.out" 2>&1; then
        echo "0|-|0|0|-|0|-|md did not assemble: $(tail -n 1 "$work/mdadm.out")"
        return
    fi
    before=$(md_legs)
    resync_start=$(cat "$sys/resync_start")
    mdadm --readwrite "$md" >/dev/null 2>&1
    md_wait
    last=$(cat "$sys/last_sync_action" 2>/dev/null || echo unknown)
    after=$(md_legs)
    echo check >"$sys/sync_action"
    md_wait
    mismatch=$(cat "$sys/mismatch_cnt")
    differ=0
    [ "$after" -gt 0 ] && differ=1
    copies="before resync $before block(s) differ (resync_start $resync_start); last_sync_action $last; after it $after differ; check: mismatch_cnt $mismatch"
    examine_mounted "$differ" "$copies" "assembled"
    mdadm --stop "$md" >/dev/null 2>&1
}

run_row() {
    row=$1
    say "$row: recording"
    if ! record "$row"; then
        say "$row: the workload could not be recorded"
        teardown
        echo "@@failed|$row|the workload could not be recorded"
        return 3
    fi
    list_logs "$row" || { echo "@@failed|$row|the logs could not be read"; return 3; }
    points "$row" >"$work/points"
    while IFS='|' read -r label count0 count1; do
        say "$row: replaying to: $label ($count0 and $count1 entries)"
        if ! replay "$count0" "$count1"; then
            echo "@@point|$row|$label|$count0|$count1|0|-|0|0|-|0|-|the replay failed"
            continue
        fi
        if [ "$(row_layout "$row")" = md ]; then
            result=$(examine_md)
        else
            result=$(examine_btrfs)
        fi
        echo "@@point|$row|$label|$count0|$count1|$result"
    done <"$work/points"
}

status=0
for row in "$@"; do
    started=$(date +%s)
    run_row "$row" || status=3
    say "$row: $(($(date +%s) - started)) s"
done
exit $status
