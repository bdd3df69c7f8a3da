/// Which of a group of stoplists hold a word, in one lookup: a table from each word's probe key
/// to a bit per list.
///
/// Language identification asks every candidate language's stoplist about every sampled word
/// (eighteen lists for Latin script); one lookup that answers for all of them replaces eighteen.
struct StopwordIndex: Sendable {
    /// Keys and masks in open addressing; a key of 0 marks an empty slot (probe keys are never 0:
    /// packed words have a byte, hashed ones are FNV-1a values, and 0 is skipped on insert).
    private var keys: [UInt64]
    private var masks: [UInt64]
    /// Packed and hashed keys live in separate tables: the two key spaces may share numbers.
    private var hashedKeys: [UInt64]
    private var hashedMasks: [UInt64]

    /// An index over `sets`, list k answering on bit k (at most 64 lists).
    init(_ sets: [StopwordSet]) {
        precondition(sets.count <= 64, "a stopword index holds at most 64 lists")
        let packedCount = sets.reduce(0) { $0 + $1.packedKeys.count }
        let hashedCount = sets.reduce(0) { $0 + $1.hashedKeys.count }
        (keys, masks) = Self.table(capacity: packedCount)
        (hashedKeys, hashedMasks) = Self.table(capacity: hashedCount)
        for (k, set) in sets.enumerated() {
            for key in set.packedKeys { Self.insert(key, bit: k, &keys, &masks) }
            for key in set.hashedKeys { Self.insert(key, bit: k, &hashedKeys, &hashedMasks) }
        }
    }

    /// The lists that hold the probed word, a bit per list.
    @inline(__always)
    func lists(holding probe: StopwordSet.Probe) -> UInt64 {
        probe.packed ? Self.mask(probe.key, keys, masks) : Self.mask(probe.key, hashedKeys, hashedMasks)
    }

    private static func table(capacity: Int) -> ([UInt64], [UInt64]) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        return (Array(repeating: 0, count: size), Array(repeating: 0, count: size))
    }

    private static func insert(_ key: UInt64, bit: Int, _ keys: inout [UInt64], _ masks: inout [UInt64]) {
        guard key != 0 else { return }
        let mask = keys.count - 1
        var i = PackedKeySet.slot(key, mask: mask)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        keys[i] = key
        masks[i] |= 1 << UInt64(bit)
    }

    @inline(__always)
    private static func mask(_ key: UInt64, _ keys: [UInt64], _ masks: [UInt64]) -> UInt64 {
        guard key != 0 else { return 0 }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var i = PackedKeySet.slot(key, mask: mask)
            while true {
                let found = keys[i]
                if found == key { return masks[i] }
                if found == 0 { return 0 }
                i = (i + 1) & mask
            }
        }
    }
}
