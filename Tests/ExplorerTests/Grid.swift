@_spi(Search) import Explorer

/// A walker on a `width` × `height` grid, starting at the origin, stepping right or up.
/// Reaching `(width-1, height-1)` is finishing; cells listed in `walls` cannot be entered,
/// so a walker boxed in by them is stuck.
struct Grid: TransitionSystem {
    struct Cell: Hashable, StableHashable, CustomStringConvertible {
        var x: Int
        var y: Int
        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(x)
            hasher.combine(y)
        }
        var description: String { "(\(x),\(y))" }
    }

    enum Move: Hashable { case right, up }

    var width: Int
    var height: Int
    var walls: Set<Cell> = []

    func initialStates() -> [Cell] { [Cell(x: 0, y: 0)] }

    func successors(of cell: Cell, into successors: inout [(action: Move, state: Cell)]) {
        let right = Cell(x: cell.x + 1, y: cell.y)
        if right.x < width, !walls.contains(right) { successors.append((.right, right)) }
        let up = Cell(x: cell.x, y: cell.y + 1)
        if up.y < height, !walls.contains(up) { successors.append((.up, up)) }
    }

    func isFinished(_ cell: Cell) -> Bool { cell.x == width - 1 && cell.y == height - 1 }
}

extension PropertyOutcome {
    /// The path to the violation, if the property is violated at a reachable state.
    var violation: Path<State, Action>? { verdict == .violated ? path : nil }
}
