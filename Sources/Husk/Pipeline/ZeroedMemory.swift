#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zero-filled memory from `calloc`, whose pages cost nothing until they are written.
///
/// The lookup tables that fill as characters are met (case facts, sentence classes) span
/// hundreds of kilobytes, of which a page of English text touches a few pages. Writing zeros
/// over them at start-up faulted in every page; memory fresh from the system is zero already,
/// and `calloc` knows when it need not clear it. For plain values only (integers).
enum ZeroedMemory {
    static func allocate<T: BitwiseCopyable>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        guard let raw = calloc(count, MemoryLayout<T>.stride) else { fatalError("out of memory for a \(count)-entry table") }
        return raw.bindMemory(to: T.self, capacity: count)
    }

    static func release<T: BitwiseCopyable>(_ pointer: UnsafeMutablePointer<T>) {
        free(pointer)
    }
}
