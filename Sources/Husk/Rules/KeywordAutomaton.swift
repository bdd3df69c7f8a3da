/// Aho-Corasick automaton over the rules' keywords: one pass over a block's bytes tells which
/// rules can possibly match, so most blocks never reach a regex.
struct KeywordAutomaton {
    private var transitions: [Int32] = []  // states × 256
    private var outputs: [[Int]] = []  // per state: keyword-owner ids ending here (after failure merge)

    /// `keywords[k]` are the lowercase literals of owner `k`.
    init(keywords: [[String]]) {
        var goto: [[UInt8: Int]] = [[:]]
        var out: [[Int]] = [[]]
        for (owner, words) in keywords.enumerated() {
            for word in words where !word.isEmpty {
                var state = 0
                for b in word.utf8 {
                    if let next = goto[state][b] {
                        state = next
                    } else {
                        goto.append([:])
                        out.append([])
                        goto[state][b] = goto.count - 1
                        state = goto.count - 1
                    }
                }
                if out[state].last != owner { out[state].append(owner) }
            }
        }
        let count = goto.count
        var fail = [Int](repeating: 0, count: count)
        var table = [Int32](repeating: 0, count: count * 256)
        var queue: [Int] = []
        for b in 0..<256 {
            if let s = goto[0][UInt8(b)] {
                table[b] = Int32(s)
                queue.append(s)
            }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            out[r].append(contentsOf: out[fail[r]])
            for b in 0..<256 {
                if let s = goto[r][UInt8(b)] {
                    fail[s] = Int(table[fail[r] * 256 + b])
                    table[r * 256 + b] = Int32(s)
                    queue.append(s)
                } else {
                    table[r * 256 + b] = table[fail[r] * 256 + b]
                }
            }
        }
        transitions = table
        outputs = out.map { Array(Set($0)).sorted() }
    }

    /// Calls `found` for each owner with a keyword in `lowercased` (possibly more than once).
    func scan(_ lowercased: [UInt8], found: (Int) -> Void) {
        guard !transitions.isEmpty else { return }
        var state = 0
        transitions.withUnsafeBufferPointer { t in
            for b in lowercased {
                state = Int(t[state &* 256 &+ Int(b)])
                if !outputs[state].isEmpty {
                    for owner in outputs[state] { found(owner) }
                }
            }
        }
    }
}
