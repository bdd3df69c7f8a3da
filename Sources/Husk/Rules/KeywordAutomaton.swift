/// Aho-Corasick automaton over the rules' keywords: one pass over a block's bytes tells which
/// rules can possibly match, so most blocks never reach a regex.
struct KeywordAutomaton {
    private var transitions: [Int32] = []  // states × 256, complete after construction
    private var outputs: [[Int]] = []  // per state: owners with a keyword ending here

    /// `keywords[k]` are the lowercase literals of owner `k`.
    init(keywords: [[String]]) {
        var goto = [Int32](repeating: -1, count: 256)
        var out: [[Int]] = [[]]
        for (owner, words) in keywords.enumerated() {
            for word in words where !word.isEmpty {
                var state = 0
                for b in word.utf8 {
                    let slot = state * 256 + Int(b)
                    if goto[slot] >= 0 {
                        state = Int(goto[slot])
                    } else {
                        let next = out.count
                        goto.append(contentsOf: repeatElement(-1, count: 256))
                        out.append([])
                        goto[slot] = Int32(next)
                        state = next
                    }
                }
                if out[state].last != owner { out[state].append(owner) }
            }
        }
        var fail = [Int](repeating: 0, count: out.count)
        var queue: [Int] = []
        for b in 0..<256 {
            if goto[b] > 0 {
                queue.append(Int(goto[b]))
            } else {
                goto[b] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            if !out[fail[r]].isEmpty { out[r] = Array(Set(out[r] + out[fail[r]])).sorted() }
            for b in 0..<256 {
                let slot = r * 256 + b
                let s = goto[slot]
                if s >= 0 {
                    fail[Int(s)] = Int(goto[fail[r] * 256 + b])
                    queue.append(Int(s))
                } else {
                    goto[slot] = goto[fail[r] * 256 + b]
                }
            }
        }
        transitions = goto
        outputs = out
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
