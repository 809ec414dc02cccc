// `import ExtentCheck` is all a test or another package needs: the scenario, policy, property,
// condition and state-view types of Extent, the model-file reader of ModelFile, and the verdicts
// and search options of Explorer are part of this library's API. What those modules keep for the
// checker itself (the transition system, the search, the solver) is not shown here: it is
// `@_spi(Search)` where the search must still specialize and inline it across modules (package
// access stops both), `package` elsewhere.
@_exported public import Extent
@_exported public import ModelFile
@_exported public import Explorer
