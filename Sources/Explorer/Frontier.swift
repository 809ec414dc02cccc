/// The states a depth-first search has yet to expand, with the number the search gave each and its depth.
@usableFromInline
protocol Frontier {
    associatedtype State
    mutating func append(_ state: State, number: UInt32, depth: Int)
    /// The entry appended last: depth-first order.
    mutating func popLast() -> (state: State, number: UInt32, depth: Int)?
}

/// States kept as values: for systems whose states do not pack.
@usableFromInline
struct ValueFrontier<State>: Frontier {
    @usableFromInline var entries = [(state: State, number: UInt32, depth: Int)]()

    @inlinable
    init() {}

    @inlinable
    mutating func append(_ state: State, number: UInt32, depth: Int) { entries.append((state, number, depth)) }

    @inlinable
    mutating func popLast() -> (state: State, number: UInt32, depth: Int)? { entries.popLast() }
}

extension PackedFrontier: Frontier {}
