@testable import Explorer
import Testing

/// A value whose copies share one object, which counts the values alive.
private final class Tally {
    var alive = 0
}

private final class Counted {
    let tally: Tally
    let value: Int
    init(_ value: Int, tally: Tally) {
        (self.value, self.tally) = (value, tally)
        tally.alive += 1
    }
    deinit { tally.alive -= 1 }
}

struct ReusableSlotsTests {
    @Test func slotsFilledAgainFromTheStartHoldTheNewValuesPastTheirFirstCapacity() {
        var slots = ReusableSlots<Int>()
        for round in 0..<4 {
            // A longer run each round, past the storage's first capacity and its growth.
            let count = 5 + 9 * round
            for index in 0..<count { slots.put(100 * round + index, at: index) }
            #expect((0..<count).map { slots.base[$0] } == (0..<count).map { 100 * round + $0 })
            #expect(slots.initialized == count && slots.capacity >= count)
        }
        // A shorter run leaves the slots past it initialized, holding the longer run's values.
        for index in 0..<3 { slots.put(-index, at: index) }
        #expect((0..<5).map { slots.base[$0] } == [0, -1, -2, 303, 304])
    }

    @Test func anExchangeLeavesTheValueHeldBeforeAndAFirstFillLeavesACopy() {
        let tally = Tally()
        do {
            var slots = ReusableSlots<Counted>()
            var value = Counted(1, tally: tally)
            slots.exchange(&value, at: 0)
            // The first fill of a slot copies: both hold the same object.
            #expect(value.value == 1 && slots.base[0] === value)
            value = Counted(2, tally: tally)
            slots.exchange(&value, at: 0)
            #expect(value.value == 1 && slots.base[0].value == 2)
            for index in 1..<20 { slots.put(Counted(10 + index, tally: tally), at: index) }
            #expect(tally.alive == 21)
        }
        // Every value the slots held is released with them.
        #expect(tally.alive == 0)
    }
}
