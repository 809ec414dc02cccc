/// The seen set of a search: every state it has reached, by key.
///
/// Lookups may run on several threads at once, and so may `insert(batches:workers:)`'s own threads;
/// nothing else may run beside an insertion.
@usableFromInline
protocol SeenStates: AnyObject {
    associatedtype State
    associatedtype Key: Equatable

    /// An empty set, for the whole of a search (`lastsTheSearch`) or for one level of it.
    init(lastsTheSearch: Bool)
    /// The number of states seen.
    var count: Int { get }
    /// The key under which `state` is stored.
    func key(of state: State) -> Key
    /// Records `key`; false if it was seen before.
    func insert(_ key: Key) -> Bool
    /// Whether `key` has been seen.
    func contains(_ key: Key) -> Bool
    /// Starts bringing in the memory that looking up `key` reads, so that a lookup soon after waits
    /// less for it.
    func prefetch(_ key: Key)
    /// The bytes inserting `key`, if new, allocates at once (a table that grows); 0 if none.
    func bytesOfGrowth(inserting key: Key) -> Int
    /// The bytes inserting every key of `batches` would at most allocate.
    func bytesOfGrowth(inserting batches: [[Key]]) -> Int
    /// Records every key of `batches` in order, batch after batch, on up to `workers` threads, and
    /// says for each whether it was new: the answers are those of inserting them one by one.
    func insert(batches: [[Key]], workers: Int) -> [[Bool]]
}

/// Seen states stored whole: exact, and larger.
@usableFromInline
final class ExactStateTable<State: Hashable>: SeenStates, @unchecked Sendable {
    @usableFromInline var states: Set<State> = []

    @inlinable
    init(lastsTheSearch: Bool) {}

    @inlinable
    var count: Int { states.count }

    @inlinable
    func key(of state: State) -> State { state }

    @inlinable
    func insert(_ key: State) -> Bool { states.insert(key).inserted }

    @inlinable
    func contains(_ key: State) -> Bool { states.contains(key) }

    /// A set's buckets are not to be reached from outside.
    @inlinable
    func prefetch(_ key: State) {}

    /// A set grows too, but by amounts the periodic check of resident memory sees coming.
    @inlinable
    func bytesOfGrowth(inserting key: State) -> Int { 0 }

    @inlinable
    func bytesOfGrowth(inserting batches: [[State]]) -> Int { 0 }

    @inlinable
    func insert(batches: [[State]], workers: Int) -> [[Bool]] {
        batches.map { keys in keys.map { states.insert($0).inserted } }
    }
}
