/// The bio a step acts on, named by its owner: at most one direct or
/// bounce bio per writer, at most one writeback bio per folio.
public enum BioOwner: Hashable, Sendable {
    /// The direct or bounce bio of the writer with this index.
    case writer(Int)
    /// The writeback bio of the folio of this file block.
    case writeback(Int)
}
