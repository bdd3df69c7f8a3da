/// A set of nonzero 64-bit keys with open addressing and a multiplicative hash.
///
/// Stopword lookups are the innermost step of counting features and identifying languages
/// (millions per run), and `Set<UInt64>` hashes each probe with SipHash. The keys are packed
/// words, not attacker-chosen hash inputs that a hostile page could collide on a large scale:
/// the table is built from the stoplists, and a probe costs one multiply and a short scan.
struct PackedKeySet: Sendable {
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// A key's home slot in a table of `mask + 1` slots (also used by `StopwordIndex`).
    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds `key`; zero is not a valid key (it marks empty slots) and is ignored.
    mutating func insert(_ key: UInt64) {
        guard key != 0, !contains(key) else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Self.slot(key, mask: mask)
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = key
        count += 1
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.slot(key, mask: mask)
            while true {
                let found = slots[i]
                if found == key { return true }
                if found == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Every key in the set, in no particular order.
    var keys: [UInt64] { slots.filter { $0 != 0 } }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 { insert(key) }
    }
}
