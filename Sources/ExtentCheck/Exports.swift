// The domain's types (Scenario, Policy, Invariant, Trace, ...), search options and model-file errors are part of this library's API:
// `import ExtentCheck` is all a test or another package needs.
@_exported public import Extent
@_exported public import ModelFile
@_exported public import Explorer
