/// A value handed to other threads of one search, which the search keeps from being used by two
/// threads at once: each thread takes its own part, and the threads are joined before anything else
/// touches it.
@usableFromInline
struct Unchecked<Value>: @unchecked Sendable {
    @usableFromInline let value: Value

    @inlinable
    init(_ value: Value) { self.value = value }
}
