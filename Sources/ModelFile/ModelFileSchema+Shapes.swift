internal import Extent

extension ModelFileSchema {
    /// The schemas of the mappings met while writing the schema, each once, by definition name,
    /// in the order they were first met.
    struct Definitions {
        /// The definitions, in order.
        private(set) var members: [JSONValue.Member] = []

        /// The schema of a value of `shape`; a mapping is a reference to its definition, added if new.
        mutating func schema(of shape: ValueShape) -> [JSONValue.Member] {
            switch shape {
            case .alone: []
            case .text: [.init("type", .string("string"))]
            case .name(let excluded): name(excluding: excluded)
            case .integer(let range):
                [
                    .init("type", .string("integer")), .init("minimum", .integer(range.lowerBound)),
                    .init("maximum", .integer(range.upperBound)),
                ]
            case .boolean: [.init("type", .string("boolean"))]
            case .word(let words): [.init("type", .string("string")), .init("enum", .strings(words))]
            case .pattern(let pattern): [.init("type", .string("string")), .init("pattern", .string(pattern))]
            case .mapping(let mapping): reference(to: mapping)
            case .names(let name, let value, let limit):
                [.init("type", .string("object")), .init("propertyNames", .object(schema(of: name))),
                 .init("additionalProperties", .object(schema(of: value)))]
                    + (limit.map { [.init("maxProperties", .integer($0))] } ?? [])
            case .sequence(let item, let minimum, let limit, let unique):
                [.init("type", .string("array")), .init("items", .object(schema(of: item)))]
                    + (minimum > 0 ? [.init("minItems", .integer(minimum))] : [])
                    + (limit.map { [.init("maxItems", .integer($0))] } ?? [])
                    + (unique ? [.init("uniqueItems", .boolean(true))] : [])
            case .either(let shapes):
                [.init("anyOf", .array(shapes.map { .object(schema(of: $0)) }))]
            }
        }

        /// The schema of `mapping` itself: its keys, those it requires, and no other key.
        mutating func body(of mapping: MappingShape) -> JSONValue {
            var properties: [JSONValue.Member] = []
            for key in mapping.valuedKeys {
                properties.append(.init(key.name, .object(property(key.declaration))))
            }
            let required = mapping.valuedKeys.filter(\.declaration.isRequired).map(\.name)
            var members: [JSONValue.Member] = [
                .init("description", .string(mapping.summary)), .init("type", .string("object")),
                .init("properties", .object(properties)),
            ]
            if !required.isEmpty { members.append(.init("required", .strings(required))) }
            members.append(.init("additionalProperties", .boolean(false)))
            if mapping.takesOne {
                members += [.init("minProperties", .integer(1)), .init("maxProperties", .integer(1))]
            }
            return .object(members)
        }

        /// The schema of a key's value with what the key means and its default; a reference is
        /// wrapped in `allOf`, since draft 7 ignores whatever stands beside `$ref`.
        private mutating func property(_ declaration: KeyDeclaration) -> [JSONValue.Member] {
            var value = schema(of: declaration.shape)
            if value.first?.name == "$ref" { value = [.init("allOf", .array([.object(value)]))] }
            let annotations = declaration.defaultValue.map { [JSONValue.Member("default", $0)] } ?? []
            return [.init("description", .string(declaration.summary))] + value + annotations
        }

        /// A reference to the definition of `mapping`, written the first time it is met.
        private mutating func reference(to mapping: MappingShape) -> [JSONValue.Member] {
            if !members.contains(where: { $0.name == mapping.definition }) {
                // Placed before its body is written, so that the mappings inside it follow it.
                let index = members.count
                members.append(.init(mapping.definition, .object([])))
                members[index].value = body(of: mapping)
            }
            return [.init("$ref", .string("#/definitions/\(mapping.definition)"))]
        }

        /// A name: not empty, within `Scenario.maximumNameLength`, none of `excluded`.
        private func name(excluding excluded: [String]) -> [JSONValue.Member] {
            [
                .init("type", .string("string")), .init("minLength", .integer(1)),
                .init("maxLength", .integer(Scenario.maximumNameLength)),
            ] + (excluded.isEmpty ? [] : [.init("not", .object([.init("enum", .strings(excluded))]))])
        }
    }
}
