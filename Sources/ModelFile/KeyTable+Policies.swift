internal import Extent

extension KeyTable {
    /// The columns of a custom policy: the five of the policy table, which must be given, then those
    /// of §8, which default to what leaves the rows of §3 as they are.
    enum PolicyColumn: String, ModelFileKey {
        case name
        case dioPath = "dio-path"
        case dioChecksum = "dio-checksum"
        case bufferedChecksum = "buffered-checksum"
        case stablePages = "stable-pages"
        case verify
        case deviceCheck = "device-check"
        case userPages = "user-pages"
        case writebackSource = "writeback-source"

        /// A policy whose optional columns take their defaults: the values a column not given takes.
        static let defaults = Policy(
            name: "", directIOPath: .direct, directIOChecksum: false, bufferedChecksum: false, stablePages: false)

        /// The columns a custom policy must give, in order.
        static var required: [Self] { allCases.filter(\.declaration.isRequired) }

        static let definition = "custom-policy"
        static let summary = "A policy defined from the columns of the policy table."

        var declaration: KeyDeclaration {
            switch self {
            case .name:
                KeyDeclaration(
                    .name(excluding: Policy.builtIn.map(\.name)), "The policy's name, which no built-in policy has.",
                    required: true)
            case .dioPath:
                KeyDeclaration(
                    .word(Policy.DirectIOPath.allCases.map(\.rawValue)), "The path an O_DIRECT write takes.", required: true)
            case .dioChecksum:
                KeyDeclaration(.boolean, "Whether data written by O_DIRECT (direct or bounce) is checksummed.", required: true)
            case .bufferedChecksum:
                KeyDeclaration(.boolean, "Whether data written back from the page cache is checksummed.", required: true)
            case .stablePages:
                KeyDeclaration(.boolean, "Whether folios under writeback are held stable (AS_STABLE_WRITES).", required: true)
            case .verify, .deviceCheck, .userPages, .writebackSource:
                optional
            }
        }

        /// The declarations of the columns of §8.
        private var optional: KeyDeclaration {
            let defaults = Self.defaults
            return switch self {
            case .verify:
                KeyDeclaration(
                    .word(Policy.Verify.allCases.map(\.rawValue)),
                    "after-dma: a direct bio's complete re-reads its source and checks it first (OpenZFS).",
                    default: .string(defaults.verify.rawValue))
            case .deviceCheck:
                KeyDeclaration(
                    .word(Policy.DeviceCheck.allCases.map(\.rawValue)),
                    "guard: the device checks what it received against the bio's checksums (T10 PI).",
                    default: .string(defaults.deviceCheck.rawValue))
            case .userPages:
                KeyDeclaration(
                    .word(Policy.UserPages.allCases.map(\.rawValue)),
                    "write-protected: a buffer's writers wait for the direct bio reading it (FreeBSD).",
                    default: .string(defaults.userPages.rawValue))
            default:
                KeyDeclaration(
                    .word(Policy.WritebackSource.allCases.map(\.rawValue)),
                    "copy: writeback reads a copy taken when it starts (bcachefs).",
                    default: .string(defaults.writebackSource.rawValue))
            }
        }
    }
}
