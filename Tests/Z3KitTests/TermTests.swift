import Testing
import Z3Kit

@Suite("Terms")
struct TermTests {
    @Test("bit-vector operations fold to the expected numerals")
    func bitVectorOperations() throws {
        let context = Z3Context()
        let a = try context.bitVector(0xF0F0, bits: 16)
        let b = try context.bitVector(0x0FF0, bits: 16)
        func value(_ term: Z3Term) -> UInt64? { term.simplified().unsignedValue }
        #expect(try value(a.xor(b)) == 0xFF00)
        #expect(try value(a.and(b)) == 0x00F0)
        #expect(try value(a.or(b)) == 0xFFF0)
        #expect(try value(a.complemented()) == 0x0F0F)
        #expect(try value(a.shiftRight(4)) == 0x0F0F)
        #expect(try value(a.shiftLeft(4)) == 0x0F00)
        #expect(try value(a.shiftRight(16)) == 0)
        #expect(try value(a.shiftLeft(100)) == 0)
        #expect(try value(a.shiftRight(0)) == 0xF0F0)
        #expect(try value(a.extract(high: 7, low: 4)) == 0xF)
        #expect(try value(a.extract(high: 15, low: 12).concatenated(with: b.extract(high: 3, low: 0))) == 0xF0)
        #expect(try value(a.plus(b)) == 0x00E0)
        #expect(try value(b.minus(a)) == 0x1F00)
        #expect(try value(a.times(b)) == (0xF0F0 * 0x0FF0) & 0xFFFF)
        #expect(try value(a.zeroExtended(by: 48)) == 0xF0F0)
        #expect(try a.zeroExtended(by: 48).sort.bits == 64)
        #expect(try a.unsignedLessThan(b).simplified().booleanValue == false)
        #expect(try b.unsignedLessThanOrEqual(a).simplified().booleanValue == true)
        #expect(try a.unsignedGreaterThanOrEqual(a).simplified().booleanValue == true)
        #expect(try value(context.bitVector(.max, bits: 64)) == .max)
        #expect(try value(context.bitVector(1, bits: 1).shiftLeft(1)) == 0)
    }

    @Test("Boolean operations fold to the expected literals")
    func booleanOperations() throws {
        let context = Z3Context()
        let yes = context.boolean(true)
        let no = context.boolean(false)
        #expect(try no.not().simplified().booleanValue == true)
        #expect(try yes.implies(no).simplified().booleanValue == false)
        #expect(try no.implies(no).simplified().booleanValue == true)
        #expect(try yes.iff(no).simplified().booleanValue == false)
        #expect(try yes.equals(no).simplified().booleanValue == false)
        #expect(try yes.notEquals(no).simplified().booleanValue == true)
        let picked = try no.ifThenElse(context.bitVector(1, bits: 8), context.bitVector(2, bits: 8))
        #expect(picked.simplified().unsignedValue == 2)
    }

    @Test("sorts, descriptions and values of non-literals")
    func sortsAndDescriptions() throws {
        let context = Z3Context()
        let word = try context.bitVectorSort(bits: 32)
        let x = try context.constant(named: "x", sort: word)
        let flag = try context.constant(named: "flag", sort: context.booleanSort())
        #expect(x.sort == word)
        #expect(x.bits == 32)
        #expect(flag.sort.isBoolean && flag.sort.bits == nil && flag.bits == nil)
        #expect(context.booleanSort() != word)
        #expect(word.description == "(_ BitVec 32)")
        #expect(x.description == "x")
        #expect(try x.plus(x).description.contains("bvadd"))
        #expect(x.unsignedValue == nil)
        #expect(flag.booleanValue == nil)
        #expect(try context.bitVector(7, bits: 4).unsignedValue == 7)
    }

    @Test("== on terms is structural identity, consistent with hashing")
    func structuralIdentity() throws {
        let context = Z3Context()
        let word = try context.bitVectorSort(bits: 32)
        let x = try context.constant(named: "x", sort: word)
        let y = try context.constant(named: "y", sort: word)
        let first = try x.xor(y)
        let second = try context.constant(named: "x", sort: word).xor(y)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(try first != y.xor(x))
        #expect(Set([first, second, x]).count == 2)
    }
}
