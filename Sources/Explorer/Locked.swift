internal import Dispatch
internal import Synchronization

/// A value that threads of one search share, changed under a lock.
@usableFromInline
final class Locked<Value>: @unchecked Sendable {
    private let mutex: Mutex<Unchecked<Value>>

    @usableFromInline
    init(_ value: Value) { mutex = Mutex(Unchecked(value)) }

    /// Runs `body` on the value, no other thread touching it meanwhile.
    @usableFromInline
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { box in
            var value = box.value
            defer { box = Unchecked(value) }
            return body(&value)
        }
    }
}

/// Runs `body` once for each thread number below `threads`, at once on as many threads, and returns
/// when all have returned.
///
/// `body` is not checked for sending: each call must touch only what its thread number gives it, or
/// what it reads and no call changes, or what a lock guards. Every change a call makes is seen
/// once this returns.
@usableFromInline
func runConcurrently(threads: Int, _ body: (Int) -> Void) {
    withoutActuallyEscaping(body) { body in
        let body = Unchecked(body)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in body.value(thread) }
    }
}
