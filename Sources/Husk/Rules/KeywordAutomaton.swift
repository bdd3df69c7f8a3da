/// Aho-Corasick automaton over the rules' keywords: one pass over a block's bytes tells which
/// rules can possibly match, so most blocks never reach a regex.
///
/// Bytes are first mapped to classes (each byte that occurs in some keyword gets its own class,
/// all others share class 0). The trie is stored sparsely and built, in time linear in the
/// keywords, when a rule matcher first meets a document language; its `KeywordScanner` fills a
/// dense transition table lazily, so start-up never pays for states × classes and scanning
/// still costs one load per byte.
final class KeywordAutomaton: Sendable {
    let classes: [UInt8]
    let width: Int
    /// Trie edges: each state's (class, next state) pairs, searched linearly (few per state).
    private let children: [[(UInt8, Int32)]]
    /// The root's edges, dense by class: the root has many children and is left most often.
    private let rootEdges: [Int32]
    /// Failure links of Aho-Corasick, per state.
    private let fail: [Int32]
    /// Per state: owners with a keyword ending here (including through failure links).
    let outputs: [[Int]]
    /// Per state: 1 when `outputs` is not empty (checked per byte without touching the arrays).
    let accepting: [UInt8]

    var stateCount: Int { fail.count }

    /// `keywords[k]` are the lowercase literals of owner `k`.
    convenience init(keywords: [[String]]) {
        self.init(owners: keywords.enumerated().map { (owner: $0.offset, words: $0.element) })
    }

    /// Each owner's lowercase literals; owners are reported by their number and must come in
    /// ascending order (a rule matcher gives rule indices, leaving out rules that cannot apply).
    init(owners keywords: [(owner: Int, words: [String])]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var seen = [Bool](repeating: false, count: 256)
        for (_, words) in keywords { for word in words { for b in word.utf8 { seen[Int(b)] = true } } }
        var next: UInt8 = 1
        for b in 0..<256 where seen[b] && next < 255 {
            classes[b] = next
            next += 1
        }
        // Keywords are lowercase; ASCII capitals read as their lowercase letters, so ASCII text
        // is scanned as it is, with no folded copy.
        for upper in 0x41...0x5A { classes[upper] = classes[upper | 0x20] }
        let w = Int(next)
        var rootEdges = [Int32](repeating: -1, count: w)
        var children: [[(UInt8, Int32)]] = [[]]
        func edge(_ state: Int, _ c: UInt8) -> Int32? {
            if state == 0 { return rootEdges[Int(c)] >= 0 ? rootEdges[Int(c)] : nil }
            for (k, n) in children[state] where k == c { return n }
            return nil
        }
        var out: [[Int]] = [[]]
        for (owner, words) in keywords {
            for word in words where !word.isEmpty {
                var state = 0
                for b in word.utf8 {
                    let c = classes[Int(b)]
                    if let n = edge(state, c) {
                        state = Int(n)
                    } else {
                        let fresh = Int32(out.count)
                        out.append([])
                        children.append([])
                        if state == 0 { rootEdges[Int(c)] = fresh }
                        children[state].append((c, fresh))
                        state = Int(fresh)
                    }
                }
                if out[state].last != owner { out[state].append(owner) }
            }
        }
        // Breadth-first failure links over the sparse trie.
        var fail = [Int32](repeating: 0, count: out.count)
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let r = Int(queue[head])
            head += 1
            if !out[Int(fail[r])].isEmpty { out[r] = Self.mergeSorted(out[r], out[Int(fail[r])]) }
            for (c, s) in children[r] {
                var f = Int(fail[r])
                while true {
                    if let n = edge(f, c), n != s {
                        fail[Int(s)] = n
                        break
                    }
                    if f == 0 { break }
                    f = Int(fail[f])
                }
                queue.append(s)
            }
        }
        self.classes = classes
        self.width = w
        self.children = children
        self.rootEdges = rootEdges
        self.fail = fail
        self.outputs = out
        self.accepting = out.map { $0.isEmpty ? 0 : 1 }
    }

    /// The union of two ascending lists without repeats, ascending (owners are added in order).
    static func mergeSorted(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let next: Int
            if j >= b.count || (i < a.count && a[i] <= b[j]) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if out.last != next { out.append(next) }
        }
        return out
    }

    /// The state after reading class `c` in `state`, following failure links (slow path).
    func step(_ state: Int, _ c: Int) -> Int {
        var s = state
        while true {
            if s == 0 {
                return rootEdges[c] >= 0 ? Int(rootEdges[c]) : 0
            }
            for (k, n) in children[s] where Int(k) == c { return Int(n) }
            s = Int(fail[s])
        }
    }
}
