// Tests that generate workloads use the checker and the fuzzer's types too: `import ExtentCheckTesting`
// brings them.
@_exported public import ExtentCheck
@_exported public import Fuzzing
