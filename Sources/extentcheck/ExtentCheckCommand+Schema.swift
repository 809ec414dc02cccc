import ArgumentParser
import ModelFile

extension ExtentCheckCommand {
    /// `extentcheck schema`: the JSON Schema of model files.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 7) of model files.",
            discussion: """
                Editors with yaml-language-server complete and check a model file that names the schema on \
                its first line: # yaml-language-server: $schema=PATH. The repository ships it as \
                \(ModelFileSchema.path).
                """
        )

        func run() {
            print(ModelFileSchema.text, terminator: "")
        }
    }
}
