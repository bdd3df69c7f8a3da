#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thread's scanner over a shared `KeywordAutomaton`, caching transitions as it meets them.
final class KeywordScanner {
    let automaton: KeywordAutomaton
    /// Dense states × classes; 0 means not yet known, otherwise the next state's row offset
    /// (state × classes) + 1, negated when that state has outputs (one load per byte tells both).
    /// Zeroed pages cost nothing until touched, so only the states text actually reaches take
    /// memory.
    private let table: UnsafeMutablePointer<Int32>
    private let count: Int
    /// `marks[owner] == generation` once `owner` was reported in the current `scan(_:into:)`.
    // Touched once per scan, by this scanner alone: no run-time exclusivity checks.
    @exclusivity(unchecked) private var marks: [UInt32]
    /// The same for the second text of a paired scan.
    @exclusivity(unchecked) private var otherMarks: [UInt32]
    @exclusivity(unchecked) private var generation: UInt32 = 0

    init(_ automaton: KeywordAutomaton) {
        self.automaton = automaton
        marks = Array(repeating: 0, count: (automaton.outputs.lazy.compactMap { $0.max() }.max() ?? -1) + 1)
        otherMarks = marks
        count = max(automaton.stateCount * automaton.width, 1)
        precondition(count < Int(Int32.max), "keyword automaton too large for 32-bit row offsets")
        // An anonymous mapping: the kernel hands out zeroed pages as they are first touched.
        // (calloc would zero the whole table up front when it comes from the heap, which the
        // CLI's allocator settings make likely.)
        let bytes = count * MemoryLayout<Int32>.stride
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            fatalError("out of memory for the keyword table")
        }
        table = raw.bindMemory(to: Int32.self, capacity: count)
    }

    deinit {
        munmap(table, count * MemoryLayout<Int32>.stride)
    }

    /// Appends each owner with a keyword in `text` to `owners`, once per call: a keyword met
    /// many times (a digit) adds its owner once, so callers have little to sort.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into owners: inout [Int]) {
        let generation = nextGeneration()
        marks.withUnsafeMutableBufferPointer { marks in
            scan(text) { owner in
                if marks[owner] != generation {
                    marks[owner] = generation
                    owners.append(owner)
                }
            }
        }
    }

    /// Appends the owners with a keyword in `first` to `firstOwners` and those in `second` to
    /// `secondOwners`, exactly as two `scan(_:into:)` calls would, reading the texts side by side.
    ///
    /// Each byte's step waits on the table load of the byte before; two texts read in one loop
    /// are two independent chains of loads, which the processor overlaps.
    func scan(
        _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, into firstOwners: inout [Int],
        _ secondOwners: inout [Int]
    ) {
        guard automaton.stateCount > 1, let a = first.baseAddress, let b = second.baseAddress else {
            scan(first, into: &firstOwners)
            scan(second, into: &secondOwners)
            return
        }
        let generation = nextGeneration()
        marks.withUnsafeMutableBufferPointer { marks in
            otherMarks.withUnsafeMutableBufferPointer { otherMarks in
                automaton.classes.withUnsafeBufferPointer { classes in
                    guard let classOf = classes.baseAddress else { return }
                    func foundFirst(_ owner: Int) {
                        if marks[owner] != generation {
                            marks[owner] = generation
                            firstOwners.append(owner)
                        }
                    }
                    func foundSecond(_ owner: Int) {
                        if otherMarks[owner] != generation {
                            otherMarks[owner] = generation
                            secondOwners.append(owner)
                        }
                    }
                    var row = 0
                    var otherRow = 0
                    let common = min(first.count, second.count)
                    for k in 0..<common {
                        step(&row, a[k], classOf, foundFirst)
                        step(&otherRow, b[k], classOf, foundSecond)
                    }
                    for k in common..<first.count { step(&row, a[k], classOf, foundFirst) }
                    for k in common..<second.count { step(&otherRow, b[k], classOf, foundSecond) }
                }
            }
        }
    }

    /// The generation for a new scan; all marks cleared when the counter wraps (marks of old
    /// scans could equal the new generation).
    private func nextGeneration() -> UInt32 {
        generation &+= 1
        if generation == 0 {
            for k in marks.indices { marks[k] = 0 }
            for k in otherMarks.indices { otherMarks[k] = 0 }
            generation = 1
        }
        return generation
    }

    /// Calls `found` for each owner with a keyword in `text` (possibly more than once). ASCII
    /// capitals match lowercase keywords; other text must be lowercased by the caller.
    func scan(_ text: UnsafeBufferPointer<UInt8>, found: (Int) -> Void) {
        guard automaton.stateCount > 1, let base = text.baseAddress else { return }
        automaton.classes.withUnsafeBufferPointer { classes in
            guard let classOf = classes.baseAddress else { return }
            var row = 0
            for k in 0..<text.count { step(&row, base[k], classOf, found) }
        }
    }

    /// Reads one byte: moves `row` (the current state as the offset of its row, state × width:
    /// the next slot is one add away, with no multiply in the chain of loads that every byte
    /// waits on) to the next state's, and reports the owners of keywords that end there.
    @inline(__always)
    private func step(_ row: inout Int, _ byte: UInt8, _ classOf: UnsafePointer<UInt8>, _ found: (Int) -> Void) {
        let slot = row &+ Int(classOf[Int(byte)])
        var n = Int(table[slot])
        if n == 0 {
            let a = automaton
            let w = a.width
            let next = a.step(row / w, slot &- row)
            n = next &* w &+ 1
            if a.accepting[next] != 0 { n = -n }
            table[slot] = Int32(n)
        }
        if n > 0 {
            row = n &- 1
        } else {
            row = -n &- 1
            for owner in automaton.outputs[row / automaton.width] { found(owner) }
        }
    }
}
