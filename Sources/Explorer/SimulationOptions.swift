/// How a simulation walks a system: how many walks, how deep, from which seed, and how each step
/// is chosen among the enabled ones.
public struct SimulationOptions: Hashable, Sendable {
    /// How a walk chooses its next step.
    public enum Bias: String, Hashable, Sendable, CaseIterable {
        /// Every enabled step equally likely.
        case uniform
        /// The last step's actor goes on, if it can, nine times in ten: few context switches, in
        /// the spirit of PCT, which finds most races with few of them.
        case fewSwitches = "few-switches"
    }

    /// The number of walks.
    public var walks: Int
    /// The most steps of one walk.
    public var depth: Int
    /// The seed of the first walk's choices; the same seed gives the same walks.
    public var seed: UInt64
    /// How steps are chosen.
    public var bias: Bias
    /// Stop walking after this long; nil walks them all.
    public var timeout: Duration?
    /// A flag that stops walking when set, polled before every walk; nil for none.
    public var cancellation: SearchCancellation?

    /// Creates options; by default 1,000 walks of at most 100 steps from seed 1, chosen uniformly.
    public init(
        walks: Int = 1000, depth: Int = 100, seed: UInt64 = 1, bias: Bias = .uniform, timeout: Duration? = nil,
        cancellation: SearchCancellation? = nil
    ) {
        self.walks = walks
        self.depth = depth
        self.seed = seed
        self.bias = bias
        self.timeout = timeout
        self.cancellation = cancellation
    }
}
