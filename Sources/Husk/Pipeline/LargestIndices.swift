/// The positions of the `count` largest keys, largest first and equal keys in position order:
/// what `indices.sorted { key($0) > key($1) }.prefix(count)` gives (Swift's sort is stable),
/// without sorting every block of a window to keep ten of them.
enum LargestIndices {
    static func of<Key: Comparable>(_ n: Int, count: Int, key: (Int) -> Key) -> [Int] {
        guard count > 0 else { return [] }
        var top: [(index: Int, key: Key)] = []
        top.reserveCapacity(count + 1)
        for i in 0..<n {
            let k = key(i)
            if top.count == count, let last = top.last, k <= last.key { continue }
            // After every kept key at least as large: equal keys stay in position order.
            var at = top.count
            while at > 0 && top[at - 1].key < k { at -= 1 }
            top.insert((i, k), at: at)
            if top.count > count { top.removeLast() }
        }
        return top.map(\.index)
    }
}
