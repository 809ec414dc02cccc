#!/bin/sh
# The race a model found, on this machine's kernel, beside the model's verdicts: the runner
# extentcheck reproduce writes, with the model's part where this script includes reproduction.sh.
#
# Usage: ./run.sh [--seconds S] [--slots N] [--policy P] [--dm-crypt] [--device DEV]... [--record LOG]
#   --seconds S   how long the writers race, and the readers where memory changes under their reads
#   --policy P    compare with the model's verdicts under P (default: the policy the model's part
#                 names); the file is set up as P says: chattr +C where P checksums nothing. btrfs
#                 runs a checksummed file as dio-csum before 968f19c5b1b7 and as buffered-fallback
#                 since; it runs a chattr +C file as nodatasum (dup-fallback on RAID1 since the
#                 duplication fallback). A policy whose scrub compares copies (md-raid1) runs on md
#                 RAID1: an array (mdadm) over the two devices, btrfs (one device, chattr +C file)
#                 on it, and md's check (sync_action, mismatch_cnt) as the scrubber.
#   --dm-crypt    put a dm-crypt mapping (aes-cbc-plain64, a random key; dmsetup) over each device
#                 and make btrfs on the mappings: the model's write passes through dm-crypt's copy.
#   --device DEV  make the file system on DEV (one per mirror of the model; their contents are
#                 lost) instead of on loop devices over files in a temporary directory.
#   --record LOG  write the run's events to LOG, as docs/conformance.md's NDJSON log: the program's own
#                 (its --log, writers and readers) merged with the kernel's, which tracefs records while
#                 the writers race: function tracing of btrfs's write path where the kernel allows it,
#                 btrfs tracepoints otherwise (trace_clock mono). The header's observes says which.
# Needs root, btrfs-progs, chattr and lsattr, and cc unless the program is built beside this script;
# mdadm for md RAID1, dmsetup and blockdev for --dm-crypt.
# Exit status: 0 every invariant agrees, 1 one does not, 2 bad usage or a missing tool, 3 setup
# failed, 4 this kernel lacks what the run needs (md RAID1, or device-mapper's crypt target).
set -eu

# The model: its name and story, program_name, mirrors, page_cache_mutator, its readers and its
# scrubbers' passes (scrub_passes), the default policy and the policies checked, the name of the
# property each kernel outcome below is compared as (*_property), and the functions setting,
# scrub_kind and model_verdict. extentcheck reproduce writes it here.
. ./reproduction.sh

here=$(cd "$(dirname "$0")" && pwd)
program="$here/$program_name"
seconds=10
slots=256
devices=""
dm_crypt=no
record=""

usage() {
    echo "usage: $0 [--seconds S] [--slots N] [--policy P] [--dm-crypt] [--device DEV]... [--record LOG]" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
        --slots) [ $# -ge 2 ] || usage; slots=$2; shift 2 ;;
        --policy) [ $# -ge 2 ] || usage; policy=$2; shift 2 ;;
        --device) [ $# -ge 2 ] || usage; devices="$devices $2"; shift 2 ;;
        --dm-crypt) dm_crypt=yes; shift ;;
        --record) [ $# -ge 2 ] || usage; record=$2; shift 2 ;;
        *) usage ;;
    esac
done

# The writers have ten minutes past --seconds (which may have a fraction) to finish.
case $seconds in
    *[!0-9.]* | *.*.* | . | "") usage ;;
esac
whole_seconds=${seconds%.*}
limit=$((${whole_seconds:-0} + 601))

file_setting=$(setting "$policy")
if [ -z "$file_setting" ]; then
    echo "run.sh: the model was not checked under policy $policy; it was under: $policies" >&2
    exit 2
fi
# md RAID1 where the policy's scrub compares copies, as md's check does; btrfs alone otherwise.
md_raid1=no
[ "$(scrub_kind "$policy")" = compare-copies ] && md_raid1=yes
if [ $md_raid1 = yes ]; then
    if [ "$mirrors" -ne 2 ] || [ $dm_crypt = yes ]; then
        echo "run.sh: md RAID1 (policy $policy) needs a model with two mirrors, and no --dm-crypt" >&2
        exit 2
    fi
    # The raid1 personality, loaded now if it can be; /proc/mdstat lists it.
    grep -qw raid1 /proc/mdstat 2>/dev/null || { [ "$(id -u)" = 0 ] && modprobe -q raid1 2>/dev/null; } || true
    if ! grep -qw raid1 /proc/mdstat 2>/dev/null; then
        echo "run.sh: under $policy the scrubber compares copies, as md RAID1's check does (mismatch_cnt)," \
            "and this runner runs it on md RAID1, but this kernel has no md RAID1 (no raid1 in /proc/mdstat$(
            [ "$(id -u)" = 0 ] || echo '; loading the raid1 module needs root')):" \
            "it cannot run here. Choose a policy btrfs runs, from: $policies" >&2
        exit 4
    fi
fi
if [ "$(id -u)" != 0 ]; then
    echo "run.sh: needs root, to make and mount a file system" >&2
    exit 2
fi
tools="mkfs.btrfs btrfs mount umount chattr lsattr timeout cmp"
[ $md_raid1 = yes ] && tools="$tools mdadm"
[ $dm_crypt = yes ] && tools="$tools dmsetup blockdev"
# shellcheck disable=SC2086 # split on purpose: $tools is a list
for tool in $tools; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run.sh: $tool not found (Debian: btrfs-progs, e2fsprogs, coreutils, diffutils, mdadm, dmsetup, util-linux)" >&2
        exit 2
    fi
done
if [ $dm_crypt = yes ]; then
    dmsetup targets 2>/dev/null | grep -q '^crypt ' || modprobe -q dm_crypt 2>/dev/null || true
    if ! dmsetup targets 2>/dev/null | grep -q '^crypt '; then
        echo "run.sh: --dm-crypt needs device-mapper's crypt target, and this kernel has none" \
            "(dmsetup targets lists no crypt): it cannot run here" >&2
        exit 4
    fi
    # No udev: the library makes the /dev/mapper nodes itself.
    DM_DISABLE_UDEV=1
    export DM_DISABLE_UDEV
fi

work=$(mktemp -d)
tracefs=""
loops=""
md=""
legs=""
mappings=""
cleanup() {
    [ -z "$tracefs" ] || trace_reset
    umount "$work/mnt" 2>/dev/null || true
    for name in $mappings; do dmsetup remove "$name" 2>/dev/null || true; done
    if [ -n "$md" ]; then
        mdadm --stop "$md" >/dev/null 2>&1 || true
        # shellcheck disable=SC2086 # split on purpose: $legs is a list
        mdadm --zero-superblock $legs >/dev/null 2>&1 || true
    fi
    for loop in $loops; do losetup -d "$loop" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 3' INT TERM

if [ ! -x "$program" ]; then
    if ! command -v cc >/dev/null 2>&1; then
        echo "run.sh: no $program and no cc to build it from $program.c" >&2
        exit 2
    fi
    cc -O2 -Wall -pthread -o "$work/program" "$program.c"
    program="$work/program"
fi

if [ -z "$devices" ]; then
    i=0
    while [ $i -lt $mirrors ]; do
        truncate -s 512M "$work/disk$i"
        loop=$(losetup -f --show "$work/disk$i") || { echo "run.sh: no loop device" >&2; exit 3; }
        loops="$loops $loop"
        devices="$devices $loop"
        i=$((i + 1))
    done
fi
# The devices, a word each: from here on they are the positional parameters.
# shellcheck disable=SC2086 # split on purpose: $devices is a list
set -- $devices
if [ $# -ne $mirrors ]; then
    echo "run.sh: the model has $mirrors mirror(s): give $mirrors devices, not $#" >&2
    exit 2
fi
if [ $md_raid1 = yes ]; then
    # md RAID1 over the two devices, in sync from the start (nothing on them matters yet), no
    # bitmap; 256 MiB and the file's room, so that md's check and the comparison stay short.
    i=100
    while [ -e /sys/block/md$i ] && [ $i -lt 127 ]; do i=$((i + 1)); done
    md=/dev/md$i
    legs="$1 $2"
    mdadm --create "$md" --run --level=1 --raid-devices=2 --metadata=1.2 --assume-clean --bitmap=none \
        --size=$((262144 + slots * 64)) "$1" "$2" </dev/null >"$work/mdadm.out" 2>&1 \
        || { cat "$work/mdadm.out" >&2; md=""; exit 3; }
    md_sys=/sys/block/${md#/dev/}/md
    devices=$md
    set -- "$md"
elif [ $dm_crypt = yes ]; then
    # A crypt mapping over each device: AES-CBC with plain64 IVs (built into Debian's kernels) and
    # a key nobody keeps. btrfs goes on the mappings.
    mapped=""
    i=0
    for device in "$@"; do
        key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
        name=extentcheck-crypt$i-$$
        dmsetup create "$name" --table "0 $(blockdev --getsz "$device") crypt aes-cbc-plain64 $key 0 $device 0" \
            >"$work/dmsetup.out" 2>&1 || { cat "$work/dmsetup.out" >&2; exit 3; }
        mappings="$mappings $name"
        mapped="$mapped /dev/mapper/$name"
        i=$((i + 1))
    done
    devices=$mapped
    # shellcheck disable=SC2086 # split on purpose: $mapped is a list
    set -- $mapped
fi
first=$1
profile=""
[ $# -eq 2 ] && profile="-d raid1 -m raid1"
mkdir -p "$work/mnt"
# shellcheck disable=SC2086 # split on purpose: $profile is no option or four words
mkfs.btrfs -f -q $profile "$@" >"$work/mkfs.out" 2>&1 || { cat "$work/mkfs.out" >&2; exit 3; }
btrfs device scan "$@" >/dev/null 2>&1 || true
mount "$first" "$work/mnt" || exit 3
file="$work/mnt/race"
touch "$file"
[ "$file_setting" = nodatasum ] && chattr +C "$file"

# --record: the kernel's events of the race, from tracefs (docs/conformance.md, "Recording"). Each kind
# of event comes from one source, the first this kernel has: a btrfs function (function tracer), or a
# btrfs tracepoint filtered to the file's inode. A kind is observed only when every event of it is
# traced; the functions are traced whole, the tracepoints of the file alone.
record_kinds=""
record_sources=""
submit_source=none
complete_source=none
trace_clock_before=""
buffer_size_before=""
# traced_function NAME: whether this kernel can trace NAME
traced_function() {
    awk -v name="$1" '$1 == name { found = 1 } END { exit !found }' "$tracefs/available_filter_functions" 2>/dev/null
}
# trace_event NAME INODE: enable btrfs's tracepoint NAME for the inode; fails where there is none
trace_event() {
    [ -d "$tracefs/events/btrfs/$1" ] || return 1
    { echo "ino == $2" >"$tracefs/events/btrfs/$1/filter"; } 2>/dev/null || return 1
    { echo 1 >"$tracefs/events/btrfs/$1/enable"; } 2>/dev/null || return 1
    trace_events="$trace_events $1"
}
trace_events=""
trace_functions=""
trace_reset() {
    { echo 0 >"$tracefs/tracing_on"; } 2>/dev/null || true
    { echo nop >"$tracefs/current_tracer"; } 2>/dev/null || true
    { true >"$tracefs/set_ftrace_filter"; } 2>/dev/null || true
    for event in $trace_events; do
        { echo 0 >"$tracefs/events/btrfs/$event/enable"; } 2>/dev/null || true
        { echo 0 >"$tracefs/events/btrfs/$event/filter"; } 2>/dev/null || true
    done
    trace_events=""
    { echo 0 >"$tracefs/options/raw"; } 2>/dev/null || true
    [ -z "$trace_clock_before" ] || { echo "$trace_clock_before" >"$tracefs/trace_clock"; } 2>/dev/null || true
    [ -z "$buffer_size_before" ] || { echo "$buffer_size_before" >"$tracefs/buffer_size_kb"; } 2>/dev/null || true
    { true >"$tracefs/trace"; } 2>/dev/null || true
    tracefs=""
}
record_start() { # the file, whose inode the tracepoints are filtered to
    for dir in /sys/kernel/tracing /sys/kernel/debug/tracing; do
        if [ ! -f "$dir/trace" ] && [ "$dir" = /sys/kernel/tracing ]; then
            mount -t tracefs nodev "$dir" 2>/dev/null || true
        fi
        if [ -f "$dir/trace" ]; then
            tracefs=$dir
            break
        fi
    done
    if [ -z "$tracefs" ]; then
        echo "run.sh: --record: no tracefs here: the log has the program's events only" >&2
        return 0
    fi
    trace_clock_before=$(sed -n 's/.*\[\(.*\)\].*/\1/p' "$tracefs/trace_clock")
    echo 0 >"$tracefs/tracing_on"
    if ! { echo mono >"$tracefs/trace_clock"; } 2>/dev/null; then
        echo "run.sh: --record: this kernel's tracefs has no mono clock: the log has the program's events only" >&2
        trace_reset
        return 0
    fi
    echo nop >"$tracefs/current_tracer"
    buffer_size_before=$(sed 's/ .*//' "$tracefs/buffer_size_kb")
    { echo 16384 >"$tracefs/buffer_size_kb"; } 2>/dev/null || true
    true >"$tracefs/trace"
    inode=$(stat -c %i "$1")
    # The functions: a kind is traced by functions only when every one its kernel has is filtered.
    for function in btrfs_submit_direct btrfs_dio_submit_io btrfs_csum_one_bio btrfs_end_dio_bio btrfs_dio_end_io \
        end_bio_extent_writepage end_bbio_data_write submit_one_bio; do
        if traced_function "$function" && { echo "$function" >>"$tracefs/set_ftrace_filter"; } 2>/dev/null; then
            trace_functions="$trace_functions $function"
        fi
    done
    case " $trace_functions " in
        *" btrfs_submit_direct "* | *" btrfs_dio_submit_io "*) submit_source=function ;;
    esac
    case " $trace_functions " in
        *" btrfs_csum_one_bio "*) record_kinds="$record_kinds csum" ;;
    esac
    case " $trace_functions " in
        *" btrfs_end_dio_bio "*"end_bio_extent_writepage "* | *" btrfs_dio_end_io "*"end_bbio_data_write "*)
            complete_source=function ;;
    esac
    if [ -n "$trace_functions" ] && ! { echo function >"$tracefs/current_tracer"; } 2>/dev/null; then
        trace_functions="" submit_source=none complete_source=none record_kinds=""
    fi
    # The tracepoints: a folio's writeback, with its index; the end of an ordered extent's IO, with
    # its offset (the functions' complete takes its offset from it); an ordered extent made, DIRECT
    # for an O_DIRECT write.
    trace_event __extent_writepage "$inode" || trace_event extent_writepage "$inode" || true
    case " $trace_events " in *" extent_writepage "* | *" __extent_writepage "*) record_kinds="$record_kinds writeback" ;; esac
    if trace_event btrfs_finish_ordered_extent "$inode"; then
        [ $complete_source = function ] || complete_source=tracepoint
    else
        trace_event btrfs_writepage_end_io_hook "$inode" || true
    fi
    if [ $submit_source = none ] && trace_event btrfs_ordered_extent_add "$inode"; then
        submit_source=tracepoint
    fi
    [ $submit_source = none ] || record_kinds="dio-submit $record_kinds"
    [ $complete_source = none ] || record_kinds="$record_kinds complete"
    record_sources="tracefs on $(uname -r), trace_clock mono:"
    [ -z "$trace_functions" ] || record_sources="$record_sources functions$trace_functions;"
    [ -z "$trace_events" ] || record_sources="$record_sources btrfs tracepoints$trace_events (ino $inode);"
    echo 1 >"$tracefs/tracing_on"
}
# record_stop: tracing off; the trace as text and again raw, whose lines carry the nanoseconds
record_stop() {
    [ -n "$tracefs" ] || return 0
    echo 0 >"$tracefs/tracing_on"
    grep -v '^#' "$tracefs/trace" >"$work/trace.txt" || true
    echo 1 >"$tracefs/options/raw"
    grep -v '^#' "$tracefs/trace" >"$work/trace.raw" || true
    echo 0 >"$tracefs/options/raw"
    trace_lost=$(cat "$tracefs"/per_cpu/cpu*/stats 2>/dev/null | awk '$1 == "overrun:" { n += $2 } END { print n + 0 }')
    trace_reset
}

finished=yes
if [ -n "$record" ]; then
    record_start "$file"
    timeout "$limit" "$program" write "$file" --seconds "$seconds" --slots "$slots" \
        --log "$work/write.log" >"$work/write.out" || finished=no
    record_stop
else
    timeout "$limit" "$program" write "$file" --seconds "$seconds" --slots "$slots" >"$work/write.out" \
        || finished=no
fi
sync
# A fresh mount: nothing of the file is left in the page cache.
remount() {
    umount "$work/mnt"
    # shellcheck disable=SC2086 # split on purpose: $devices is a list
    btrfs device scan $devices >/dev/null 2>&1 || true
    mount "$first" "$work/mnt" || exit 3
}
remount
btrfs scrub start -B -r "$work/mnt" >"$work/scrub.out" 2>&1 || true
# A read of a bad checksummed copy fails or is repaired from the other copy; read-only with
# checksums ignored, each copy reads back as it is stored. Buffered reads: 6.1's O_DIRECT
# reads still check checksums there, against zero.
compared_how="as stored, checksums ignored"
[ $md_raid1 = yes ] && compared_how="as stored on md RAID1's two devices, every block of the array"
compare_copies() { # with the file system unmounted; leaves it so
    if [ $md_raid1 = yes ]; then
        compare_legs
    elif mount -o ro,rescue=ignoredatacsums "$first" "$work/mnt" 2>/dev/null; then
        "$program" read "$file" --slots "$slots" --buffered >"$work/mirrors.out"
        umount "$work/mnt"
    else
        compared_how="through the file system's reads (no rescue=ignoredatacsums here)"
        if [ ! -f "$work/read.out" ]; then
            mount "$first" "$work/mnt" || exit 3
            "$program" read "$file" --slots "$slots" >"$work/read.out"
            umount "$work/mnt"
        fi
        cp "$work/read.out" "$work/mirrors.out"
    fi
}
# md RAID1: each device's data area read as it is (its cache dropped), compared 4 KiB by 4 KiB.
compare_legs() {
    sync
    echo 3 >/proc/sys/vm/drop_caches
    bytes=$(($(cat "$md_sys/component_size") * 1024))
    skips=""
    for leg in $legs; do
        skips="$skips $(($(cat "$md_sys/dev-${leg##*/}/offset") * 512))"
    done
    # shellcheck disable=SC2086 # split on purpose: $legs and $skips are lists
    differing=$(cmp -l -n "$bytes" $legs $skips 2>/dev/null \
        | awk '{ block = int(($1 - 1) / 4096); if (!(block in seen)) { seen[block] = 1; n++ } } END { print n + 0 }')
    printf 'mirrors-compared=%d\nmirrors-differ=%d\n' $((bytes / 4096)) "$differing" >"$work/mirrors.out"
}
# md's check: it compares the copies of every block of the array and counts, in mismatch_cnt, the
# sectors of each window of its reads where they differ; it repairs nothing.
md_check() { # with the file system unmounted
    echo check >"$md_sys/sync_action"
    sleep 1
    waited=0
    until [ "$(cat "$md_sys/sync_action")" = idle ] && [ "$(cat "$md_sys/last_sync_action" 2>/dev/null || echo check)" = check ]; do
        sleep 1
        waited=$((waited + 1))
        if [ $waited -gt 1200 ]; then
            echo "run.sh: md's check did not finish in 20 minutes" >&2
            exit 3
        fi
    done
    cat "$md_sys/mismatch_cnt"
}
mismatch_cnt=0
after_reads=0
scrubber_errors=0
corrected=0
uncorrectable=0
if [ "$readers" -gt 0 ] || [ "$scrub_passes" -gt 0 ]; then
    # Readers and scrubbers come after the writes, one after the other, as the model lets them run
    # only while no write is in flight. The copies are compared first: a read repairs a bad copy,
    # and the scrubber rewrites one.
    if [ $mirrors -eq 2 ]; then
        umount "$work/mnt"
        compare_copies
        btrfs device scan "$@" >/dev/null 2>&1 || true
        mount "$first" "$work/mnt" || exit 3
    fi
    if [ "$readers" -gt 0 ]; then
        if [ -n "$record" ]; then
            "$program" readers "$file" --seconds "$seconds" --slots "$slots" --log "$work/readers.log" >"$work/readers.out"
        else
            "$program" readers "$file" --seconds "$seconds" --slots "$slots" >"$work/readers.out"
        fi
        remount
        # What the reads left: a repair from a buffer that changed after the check stores damage.
        btrfs scrub start -B -r "$work/mnt" >"$work/scrub-after-reads.out" 2>&1 || true
        after_reads=$(sed -n 's/.*csum=\([0-9]*\).*/\1/p' "$work/scrub-after-reads.out" | head -n 1)
    fi
    pass=1
    [ $md_raid1 = yes ] && [ "$scrub_passes" -gt 0 ] && umount "$work/mnt"
    while [ $pass -le "$scrub_passes" ]; do
        if [ $md_raid1 = yes ]; then
            md_check >"$work/scrubber$pass.out"
        else
            btrfs scrub start -B "$work/mnt" >"$work/scrubber$pass.out" 2>&1 || true
        fi
        pass=$((pass + 1))
    done
    if [ "$scrub_passes" -gt 0 ] && [ $md_raid1 = yes ]; then
        # mismatch_cnt counts 512-byte sectors; reported blocks are 4 KiB.
        mismatch_cnt=$(cat "$work/scrubber1.out")
        scrubber_errors=$((mismatch_cnt / 8))
        mount "$first" "$work/mnt" || exit 3
    elif [ "$scrub_passes" -gt 0 ]; then
        # The first pass is the one that meets the damage. Every error of its summary counts as
        # reported (csum, read, verify, ...); btrfs-progs before 5.x said "error details:".
        summary=$(sed -n -e 's/^.*Error summary: *//p' -e 's/^.*error details: *//p' "$work/scrubber1.out" | head -n 1)
        for item in $summary; do
            case $item in *=[0-9]*) scrubber_errors=$((scrubber_errors + ${item#*=})) ;; esac
        done
        corrected=$(sed -n 's/^ *Corrected: *\([0-9]*\).*/\1/p; s/.*corrected errors: *\([0-9]*\).*/\1/p' "$work/scrubber1.out" | head -n 1)
        uncorrectable=$(sed -n 's/^ *Uncorrectable: *\([0-9]*\).*/\1/p; s/.*uncorrectable errors: *\([0-9]*\).*/\1/p' "$work/scrubber1.out" | head -n 1)
        remount
    fi
    "$program" read "$file" --slots "$slots" >"$work/read.out"
    attributes=$(lsattr "$file" | cut -d' ' -f1)
    umount "$work/mnt"
else
    "$program" read "$file" --slots "$slots" >"$work/read.out"
    attributes=$(lsattr "$file" | cut -d' ' -f1)
    umount "$work/mnt"
    [ $mirrors -eq 2 ] && compare_copies
fi

# --record: the program's events and the kernel's, merged into one log (docs/conformance.md).
kernel_events() { # the traced events, a line each: t kind pid offset (-1 where the source gives none)
    [ -s "$work/trace.txt" ] || return 0
    # shellcheck disable=SC2015 # the awk's status, kept from the pipe
    { awk -v raw="$work/trace.raw" -v submit="$submit_source" -v complete="$complete_source" \
        -v slot_bytes=$((file_blocks * 4096)) '
        function field(name,   i, rest) {
            i = index(text, " " name "=")
            if (!i) return -1
            rest = substr(text, i + length(name) + 2)
            return substr(rest, 1, match(rest, /[^0-9]/) ? RSTART - 1 : length(rest)) + 0
        }
        # A bio may hold the folios of several slots (writeback takes the dirty folios of the whole
        # file, and their new places on the disk may be adjacent): its csum and its complete are then
        # one event of each slot, at the same time. folios[who]: the offsets of the folios the task
        # took for writeback since its last csum. A bio that is submitted because the next folio
        # does not fit it (submit_one_bio called from submit_extent_page or submit_extent_folio)
        # holds all of them but that next one, which starts the next bio.
        # A bio ends in interrupt context, on top of whichever task was running (the idle task, pid 0,
        # on every CPU): the end and the ranges that follow it are paired by task and CPU, "where".
        function slot_of(offset) { return int(offset / slot_bytes) }
        function flush(where) {
            if ((where in pending) && !(where in resolved)) print pending[where] "\tcomplete\t" task_of[where] "\t-1"
            delete pending[where]; delete resolved[where]; delete done[where]
        }
        # The slots from start for bytes, each once for key: printed as events of kind at t.
        function each_slot(t, kind, who, key, start, bytes,   slot, last) {
            last = slot_of(start + bytes - 1)
            for (slot = slot_of(start); slot <= last; slot++) {
                if (index(done[key], "|" slot "|")) continue
                done[key] = done[key] "|" slot "|"
                print t "\t" kind "\t" who "\t" slot * slot_bytes
            }
        }
        {
            if ((getline line < raw) <= 0) { print "run.sh: the raw trace has fewer lines than the text" | "cat >&2"; exit 1 }
            split(line, r, " ")
            if (!match($0, /\[[0-9]+\] [^ ]* +[0-9]+\.[0-9]+: /)) next
            stamp = substr($0, RSTART, RLENGTH); sub(/: $/, "", stamp); sub(/.* /, "", stamp)
            split(stamp, parts, ".")
            # The text has microseconds, rounded (newer kernels) or cut (older ones).
            # (busybox awk reads a number with a leading 0 as octal)
            sub(/^0+/, "", parts[2])
            micro = parts[1] * 1000000 + parts[2]
            if (int((r[3] + 500) / 1000) != micro && int(r[3] / 1000) != micro) {
                print "run.sh: the raw trace does not match the text at " stamp | "cat >&2"; exit 1
            }
            t = r[3]; who = r[1]; where = who "/" r[2]; task_of[where] = who
            text = substr($0, RSTART + RLENGTH)
            name = text; sub(/[: ].*/, "", name)
            if (name == "btrfs_submit_direct" || name == "btrfs_dio_submit_io") {
                # A direct bio: no folio; its csum belongs to its call.
                flush(where); delete folios[who]; print t "\tdio-submit\t" who "\t-1"
            } else if (name == "submit_one_bio") {
                flush(where)
                if (text ~ /<-submit_extent_(page|folio)/) split_off[who] = 1
                next
            } else if (name == "btrfs_csum_one_bio") {
                flush(where)
                count = split(folios[who], list, " ")
                carried = ""
                if ((who in split_off) && count > 1) { carried = list[count]; count-- }
                delete split_off[who]
                if (count == 0) print t "\tcsum\t" who "\t-1"
                done["csum"] = ""
                for (i = 1; i <= count; i++) each_slot(t, "csum", who, "csum", list[i] + 0, 4096)
                delete done["csum"]
                folios[who] = carried
            } else if (name ~ /^(btrfs_end_dio_bio|btrfs_dio_end_io|end_bio_extent_writepage|end_bbio_data_write)$/) {
                # The end of a bio: its ranges follow, from the same task, in the tracepoints below.
                flush(where); pending[where] = t
            } else if (name == "__extent_writepage" || name == "extent_writepage") {
                flush(where)
                offset = field("page_index") * 4096
                print t "\twriteback\t" who "\t" offset
                folios[who] = folios[who] " " offset
            } else if (name == "btrfs_finish_ordered_extent" || name == "btrfs_writepage_end_io_hook") {
                start = field("start")
                bytes = name == "btrfs_finish_ordered_extent" ? field("len") : field("end") - start + 1
                if (where in pending) {
                    each_slot(pending[where], "complete", who, where, start, bytes); resolved[where] = 1
                    next
                } else if (complete == "tracepoint") {
                    # One per folio on some kernels: the folios of one bio end together (within
                    # 100 us in the same task), contiguous; a bio is one complete of each slot.
                    if (!(where in next_start) || next_start[where] != start || t - ended[where] > 100000) delete done[where]
                    each_slot(t, "complete", who, where, start, bytes)
                    next_start[where] = start + bytes
                    ended[where] = t
                    next
                }
            } else if (name == "btrfs_ordered_extent_add") {
                if (submit == "tracepoint" && text ~ /flags=[^ ]*DIRECT/) print t "\tdio-submit\t" who "\t" field("file_offset")
            } else {
                flush(where)
            }
            delete next_start[where]
        }
        END { for (where in pending) flush(where) }
    ' "$work/trace.txt" && : >"$work/trace.ok" || true; } | sort -n -s -k1,1
    [ -f "$work/trace.ok" ]
}
merge_log() { # the merged log on stdout
    kernel_events >"$work/kernel.tsv" || return 1
    sed -n 's/^writer-tid=//p' "$work/write.out" >"$work/tids"
    observes='"dio-write", "write", "fsync", "return", "mutate", "read", "dio-read", "read-return"'
    for kind in $record_kinds; do observes="$observes, \"$kind\""; done
    [ -f "$work/readers.log" ] || : >"$work/readers.log"
    awk -v kernel="$work/kernel.tsv" -v tids="$work/tids" -v readers="$work/readers.log" -v file_blocks="$file_blocks" \
        -v model="$model" -v release="$(uname -r)" -v observes="$observes" \
        -v sources="the reproducer's program (--log); ${record_sources:-no kernel events (no tracefs)}" '
        # The program writes its lines with their keys in one order: {"t":T,"event":"E","slot":S,
        # "pass":P,"actor":"A" and then "result", or "block", "word" and "since"; split at colons and
        # commas, the values are the even fields.
        function emit(t, line) {
            if (t + 0 < last + 0) { print "run.sh: the merged log goes back in time at " t | "cat >&2"; failed = 1; exit 1 }
            last = t
            print line
            events++
        }
        # A run of the model: "slot pass". Its mutates since its last other event, one per word: the
        # changes that follow, with no other event of the run between, are collapsed into them.
        function program_event(line, shift,   f, t, event, slot, pass, actor, run, key) {
            split(line, f, /[:,]/)
            t = f[2]; event = f[4]; gsub(/"/, "", event); slot = f[6] + 0; pass = f[8] + 0
            actor = f[10]; gsub(/["}]/, "", actor)
            if (shift && slot in last_pass) {
                pass += last_pass[slot]
                sub(/"pass":[0-9]+/, "\"pass\":" pass, line)
            }
            run = slot " " pass
            if (event == "mutate") {
                key = "|" actor " " (f[12] + 0) " " (f[14] + 0) "|"
                if (index(open[run], key)) { collapsed++; return }
                open[run] = open[run] key
            } else {
                delete open[run]
            }
            if (!shift && event ~ /^(dio-write|write|fsync)$/) {
                busy[actor] = run; busy_since[actor] = t; latest = run
                if (!(slot in last_pass) || pass > last_pass[slot]) last_pass[slot] = pass
            } else if (event == "return") {
                delete busy[actor]
            }
            emit(t, line)
        }
        # A kernel event belongs to the run of its slot where the source gives an offset; else to the
        # run whose call is in progress in the task that logged it, else in any task (the earliest
        # started; for a complete, the earliest with a bio in flight), else to the run of the latest
        # call. in_flight[run]: its bios submitted or written back and not yet complete.
        function kernel_event(t, kind, task, offset,   run, actor, block, slot, earliest, r) {
            same = ""
            # A bio ends in interrupt context: the task it interrupted says nothing of whose bio it is.
            actor = (task in tid) && kind != "complete" ? tid[task] : ""
            if (offset >= 0) {
                block = int(offset / 4096)
                slot = int(block / file_blocks)
                run = slot " " ((slot in last_pass) ? last_pass[slot] : 0)
                block = block % file_blocks
            } else if (actor != "" && (actor in busy)) {
                run = busy[actor]
            } else {
                earliest = ""
                for (actor in busy) {
                    if (kind == "complete" && !in_flight[busy[actor]]) continue
                    if (earliest == "" || busy_since[actor] + 0 < busy_since[earliest] + 0) earliest = actor
                }
                if (earliest == "" && kind == "complete")
                    for (actor in busy) if (earliest == "" || busy_since[actor] + 0 < busy_since[earliest] + 0) earliest = actor
                run = earliest != "" ? busy[earliest] : latest
            }
            if (run == "") return
            if (kind == "dio-submit" || kind == "writeback") in_flight[run]++
            else if (kind == "complete" && in_flight[run] > 0) in_flight[run]--
            delete open[run]
            split(run, r, " ")
            emit(t, "{\"t\":" t ",\"event\":\"" kind "\",\"slot\":" r[1] ",\"pass\":" r[2] \
                 (kind == "writeback" ? ",\"block\":" block : "") "}")
        }
        function kernel_until(limit) {
            while (k <= count && kt[k] + 0 < limit + 0) {
                if (kt[k] + 0 >= start + 0) kernel_event(kt[k], kk[k], kp[k], ko[k] + 0)
                k++
            }
        }
        BEGIN {
            while ((getline line < tids) > 0) { split(line, f, " "); tid[f[2]] = f[1] }
            while ((getline line < kernel) > 0) { split(line, f, "\t"); count++; kt[count] = f[1]; kk[count] = f[2]; kp[count] = f[3]; ko[count] = f[4] }
            k = 1; last = 0; start = ""; next_kernel = count ? kt[1] : ""
            printf "{\"format\": \"extentcheck-events\", \"version\": 1, \"model\": \"%s\", \"kernel\": \"%s\", \"observes\": [%s], \"recorder\": \"%s\"}\n", model, release, observes, sources
        }
        # A change of the word the event before changed, none of the kernel due: collapsed at once.
        # (The group keeps its first change: its since and t.)
        function change_key(rest,   at) {
            at = index(rest, ",\"since\":")
            return at ? substr(rest, 1, at) : rest
        }
        {
            comma = index($0, ",")
            t = substr($0, 6, comma - 6)
            rest = change_key(substr($0, comma))
            if (rest == same && (k > count || kt[k] + 0 >= t + 0)) { collapsed++; next }
            if (substr($0, 1, 9) == "{\"format\"") next
            if (rest == ",\"event\":\"end\"}") { end = t; next }
            if (start == "") start = t
            kernel_until(t)
            program_event($0, 0)
            same = index(rest, ",\"event\":\"mutate\"") == 1 ? rest : ""
        }
        END {
            if (failed) exit 1
            if (start != "") kernel_until(end + 1)
            same = ""
            while ((getline line < readers) > 0) {
                rest = change_key(substr(line, index(line, ",")))
                if (rest == same) { collapsed++; continue }
                if (substr(line, 1, 9) == "{\"format\"") continue
                if (rest == ",\"event\":\"end\"}") { end = substr(line, 6, index(line, ",") - 6); continue }
                program_event(line, 1)
                same = index(rest, ",\"event\":\"mutate\"") == 1 ? rest : ""
            }
            printf "{\"t\":%s,\"event\":\"end\"}\n", (end + 0 > last + 0 ? end : last)
            printf "run.sh: --record: %d events (%d more changes of a word collapsed into them)\n", events, collapsed | "cat >&2"
        }
    ' "$work/write.log"
}
# A log that would miss an event is not written: the run's verdicts stand without it.
if [ -n "$record" ]; then
    if [ "${trace_lost:-0}" -gt 0 ]; then
        echo "run.sh: --record: the trace lost $trace_lost events (its buffer overran): no log written" >&2
    else
        # A thread whose log filled stopped early: the log is whole, the race shorter.
        cat "$work/write.out" "$work/readers.out" 2>/dev/null | sed -n 's/^log-full=/run.sh: --record: /p' >&2
        if merge_log >"$work/record.ndjson"; then
            cp "$work/record.ndjson" "$record"
        else
            echo "run.sh: --record: merging the events failed: no log written" >&2
        fi
    fi
fi

value() { sed -n "s/^$1=//p" "$2" | tail -n 1; }
writes=$(value writes "$work/write.out")
failed=$(value failed-writes "$work/write.out")
blocks=$(value blocks "$work/read.out")
eio=$(value eio-blocks "$work/read.out")
compared=0
differ=0
if [ $mirrors -eq 2 ]; then
    compared=$(value mirrors-compared "$work/mirrors.out")
    differ=$(value mirrors-differ "$work/mirrors.out")
fi
csum_errors=$(sed -n 's/.*csum=\([0-9]*\).*/\1/p' "$work/scrub.out" | head -n 1)
csum_errors=${csum_errors:-0}
: "${writes:=0}" "${failed:=0}" "${blocks:=0}" "${eio:=0}" "${compared:=0}" "${differ:=0}"
: "${after_reads:=0}" "${corrected:=0}" "${uncorrectable:=0}"
buffered_reads=0 buffered_eio=0 direct_reads=0 direct_eio=0 failed_ranges=0 false_alarms=0 rounds=0
if [ "$readers" -gt 0 ]; then
    buffered_reads=$(value buffered-reads "$work/readers.out")
    buffered_eio=$(value buffered-eio "$work/readers.out")
    direct_reads=$(value direct-reads "$work/readers.out")
    direct_eio=$(value direct-eio "$work/readers.out")
    failed_ranges=$(value failed-ranges "$work/readers.out")
    false_alarms=$(value false-alarms "$work/readers.out")
    rounds=$(value read-rounds "$work/readers.out")
    : "${buffered_reads:=0}" "${buffered_eio:=0}" "${direct_reads:=0}" "${direct_eio:=0}" "${failed_ranges:=0}"
    : "${false_alarms:=0}" "${rounds:=0}"
fi

layers=""
[ $md_raid1 = yes ] && layers=" (md RAID1)"
[ $dm_crypt = yes ] && layers=" (on dm-crypt)"
echo "$model on Linux $(uname -r): $file_setting file, $mirrors mirror(s)$layers, $slots slots, $seconds s"
echo "  $writes writes, $failed failed; $blocks blocks read back, $eio EIO; scrub: $csum_errors checksum errors"
[ $mirrors -eq 2 ] && echo "  mirrors: $differ of $compared blocks differ between the copies, read $compared_how"
[ "$readers" -gt 0 ] && echo "  reads: $buffered_reads buffered, $buffered_eio EIO; $direct_reads O_DIRECT, $direct_eio EIO;" \
    "$rounds round(s); of the reads that failed, $false_alarms of $failed_ranges read back intact; then scrub: $after_reads checksum errors"
if [ $md_raid1 = yes ]; then
    [ "$scrub_passes" -gt 0 ] && echo "  md check: $scrub_passes pass(es); the first counted mismatch_cnt $mismatch_cnt" \
        "(512-byte sectors: $scrubber_errors blocks of 4 KiB)"
else
    [ "$scrub_passes" -gt 0 ] && echo "  scrubber: $scrub_passes pass(es); the first reported $scrubber_errors errors," \
        "$corrected corrected, $uncorrectable uncorrectable"
fi

disagreements=0
report() { # invariant, kernel verdict (violated or not-seen), what the kernel showed
    expected=$(model_verdict "$policy" "$1")
    [ -n "$expected" ] || return 0
    if { [ "$2" = violated ] && [ "$expected" = violated ]; } || { [ "$2" = not-seen ] && [ "$expected" = holds ]; }; then
        agreement=agrees
    else
        agreement=DISAGREES
        disagreements=$((disagreements + 1))
    fi
    detail=$3
    if [ $agreement = DISAGREES ] && [ "$2" = not-seen ] && [ $page_cache_mutator = yes ]; then
        detail="$detail (an mmap write leaves the folio dirty, and the next writeback stores it again:"
        detail="$detail the damage lasts until then, and a run reads only the final state)"
    fi
    printf '%-18s kernel: %-9s model (%s): %-9s %-10s %s\n' "$1" "$2" "$policy" "$expected" "$agreement" "$detail"
}

if [ "$eio" -gt 0 ] || [ "$csum_errors" -gt 0 ] || [ "$after_reads" -gt 0 ]; then kernel=violated; else kernel=not-seen; fi
if [ "$readers" -gt 0 ]; then
    report "$eio_property" $kernel "$eio of $blocks blocks read back EIO; scrub: $csum_errors checksum errors before the reads, $after_reads after"
else
    report "$eio_property" $kernel "$eio of $blocks blocks read back EIO; scrub: $csum_errors checksum errors"
fi
case "$attributes" in
    *C*) report "$nodatasum_property" violated "the file is NODATASUM (lsattr: $attributes): no checksum is stored" ;;
    *) report "$nodatasum_property" not-seen "the file's data is checksummed (lsattr: $attributes)" ;;
esac
if [ $mirrors -eq 2 ]; then
    if [ "$differ" -gt 0 ]; then kernel=violated; else kernel=not-seen; fi
    report "$mirrors_property" $kernel "$differ of $compared blocks differ between the copies"
fi
if [ "$failed" -gt 0 ]; then kernel=violated; else kernel=not-seen; fi
report "$failed_write_property" $kernel "$failed of $writes writes and fsyncs returned an error"
if [ "$readers" -gt 0 ]; then
    if [ $((buffered_eio + direct_eio)) -gt 0 ]; then kernel=violated; else kernel=not-seen; fi
    report "$reads_property" $kernel "$buffered_eio of $buffered_reads buffered reads and $direct_eio of $direct_reads O_DIRECT reads returned EIO"
    if [ "$false_alarms" -gt 0 ]; then kernel=violated; else kernel=not-seen; fi
    report "$false_alarm_property" $kernel "$false_alarms of $failed_ranges reads that failed (each read of each slot once) read back intact with nothing changing"
fi
if [ "$scrub_passes" -gt 0 ]; then
    # Blocks damaged before the scrubber, at least: copies that differ, and a checksum error per
    # block (per copy, with two). A scrub reports an error for every damaged block it finds.
    checked=$csum_errors
    [ "$readers" -gt 0 ] && checked=$after_reads
    damaged=$(((checked + mirrors - 1) / mirrors))
    [ "$differ" -gt "$damaged" ] && damaged=$differ
    if [ "$scrubber_errors" -lt "$damaged" ]; then kernel=violated; else kernel=not-seen; fi
    if [ $md_raid1 = yes ]; then
        report "$scrub_property" $kernel "md check: mismatch_cnt $mismatch_cnt ($scrubber_errors blocks); $differ blocks differ between the copies"
    else
        report "$scrub_property" $kernel "scrub reported $scrubber_errors errors; at least $damaged blocks were damaged ($differ differ between the copies, $checked checksum errors)"
    fi
fi
if [ $finished = yes ]; then kernel=not-seen; else kernel=violated; fi
report "$unfinished_property" $kernel "the writers $([ $finished = yes ] && echo finished || echo "did not finish in $limit s")"

[ $disagreements -eq 0 ]
