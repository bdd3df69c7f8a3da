/// Aho-Corasick automaton over the rules' keywords: one pass over a block's bytes tells which
/// rules can possibly match, so most blocks never reach a regex.
///
/// Bytes are first mapped to classes (each byte that occurs in some keyword gets its own class,
/// all others share class 0), so the transition table is states × classes, not states × 256:
/// building it stays cheap with hundreds of localized rules.
struct KeywordAutomaton {
    private var classes = [UInt8](repeating: 0, count: 256)
    private var width = 1
    private var transitions: [Int32] = []  // states × width, complete after construction
    private var outputs: [[Int]] = []  // per state: owners with a keyword ending here

    /// `keywords[k]` are the lowercase literals of owner `k`.
    init(keywords: [[String]]) {
        var seen = [Bool](repeating: false, count: 256)
        for words in keywords { for word in words { for b in word.utf8 { seen[Int(b)] = true } } }
        var next: UInt8 = 1
        for b in 0..<256 where seen[b] && next < 255 {
            classes[b] = next
            next += 1
        }
        let w = Int(next)
        width = w
        var goto = [Int32](repeating: -1, count: w)
        var out: [[Int]] = [[]]
        for (owner, words) in keywords.enumerated() {
            for word in words where !word.isEmpty {
                var state = 0
                for b in word.utf8 {
                    let slot = state * w + Int(classes[Int(b)])
                    if goto[slot] >= 0 {
                        state = Int(goto[slot])
                    } else {
                        let fresh = out.count
                        goto.append(contentsOf: repeatElement(-1, count: w))
                        out.append([])
                        goto[slot] = Int32(fresh)
                        state = fresh
                    }
                }
                if out[state].last != owner { out[state].append(owner) }
            }
        }
        var fail = [Int](repeating: 0, count: out.count)
        var queue: [Int] = []
        for c in 0..<w {
            if goto[c] > 0 {
                queue.append(Int(goto[c]))
            } else {
                goto[c] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            if !out[fail[r]].isEmpty { out[r] = Array(Set(out[r] + out[fail[r]])).sorted() }
            let base = r * w
            let failBase = fail[r] * w
            for c in 0..<w {
                let s = goto[base + c]
                if s >= 0 {
                    fail[Int(s)] = Int(goto[failBase + c])
                    queue.append(Int(s))
                } else {
                    goto[base + c] = goto[failBase + c]
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
        let w = width
        classes.withUnsafeBufferPointer { classOf in
            transitions.withUnsafeBufferPointer { t in
                for b in lowercased {
                    state = Int(t[state &* w &+ Int(classOf[Int(b)])])
                    if !outputs[state].isEmpty {
                        for owner in outputs[state] { found(owner) }
                    }
                }
            }
        }
    }
}
