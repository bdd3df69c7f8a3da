#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks input paths lazily, in sorted order, yielding files to clean and problems to report.
///
/// Memory holds one directory listing per level, not the whole tree. Symlinks are followed;
/// a link back to an ancestor directory is reported as a loop and not entered. Sockets, FIFOs
/// and devices are reported and skipped.
public final class FileWalker {
    public enum Item {
        /// A file to clean, and its output path relative to the output root. `collided` is true
        /// when a sibling already took the short output name, so this one keeps its full name.
        case file(path: String, output: String, size: Int, collided: Bool)
        /// Something passed over, with why: skippable (loops, sockets) or a failure (unreadable).
        case skipped(IOError)
    }

    private struct Level {
        var path: String
        var relative: String
        var names: [String]
        var next = 0
        var identity: FileIdentity
        var claimed: Set<String> = []
    }

    private var roots: [String]
    private var rootIndex = 0
    private var stack: [Level] = []
    private let include: [String]
    private let exclude: [String]
    private let avoid: Set<FileIdentity>
    private let prefixRoots: Bool
    private let outputExtension: String

    /// `include` and `exclude` are glob patterns: with a `/` they match the relative path,
    /// without one the file or directory name. `avoid` lists directories never entered (the
    /// output directory when it sits inside an input).
    /// Output names swap the input's extension (after any `.gz`) for `outputExtension`.
    public init(
        roots: [String], outputExtension: String, include: [String] = [], exclude: [String] = [],
        avoid: [String] = []
    ) {
        self.roots = roots
        self.outputExtension = outputExtension
        self.include = include
        self.exclude = exclude
        self.avoid = Set(avoid.compactMap { FileIdentity(path: $0) })
        prefixRoots = roots.count > 1
    }

    public func next() -> Item? {
        while true {
            if stack.isEmpty {
                guard rootIndex < roots.count else { return nil }
                let root = roots[rootIndex]
                rootIndex += 1
                if let item = startRoot(root) { return item }
                continue
            }
            let top = stack.count - 1
            guard stack[top].next < stack[top].names.count else {
                stack.removeLast()
                continue
            }
            let name = stack[top].names[stack[top].next]
            stack[top].next += 1
            let path = stack[top].path == "/" ? "/" + name : stack[top].path + "/" + name
            let relative = stack[top].relative.isEmpty ? name : stack[top].relative + "/" + name
            if matches(exclude, name: name, relative: relative) { continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                if errno == ELOOP {
                    return .skipped(IOError(path: path, message: "symbolic link loop; not followed", isSkippable: true))
                }
                return .skipped(IOError(path: path, message: "cannot read: \(IOError.systemMessage(errno))"))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = FileIdentity(info)
                if avoid.contains(identity) { continue }
                if stack.contains(where: { $0.identity == identity }) {
                    return .skipped(IOError(path: path, message: "symbolic link loop (a link back to an enclosing directory); not followed", isSkippable: true))
                }
                if let problem = push(path: path, relative: relative, identity: identity) { return problem }
            case S_IFREG:
                if !include.isEmpty && !matches(include, name: name, relative: relative) { continue }
                var output = Self.outputName(name, extension: outputExtension)
                let collided = stack[top].claimed.contains(output)
                if collided { output = name + "." + outputExtension }
                stack[top].claimed.insert(output)
                let prefix = stack[top].relative
                return .file(
                    path: path, output: prefix.isEmpty ? output : prefix + "/" + output,
                    size: Int(info.st_size), collided: collided)
            default:
                return .skipped(IOError(path: path, message: "not a regular file; skipped", isSkippable: true))
            }
        }
    }

    private func startRoot(_ root: String) -> Item? {
        var info = stat()
        guard stat(root, &info) == 0 else {
            return .skipped(IOError(path: root, message: "cannot read: \(IOError.systemMessage(errno))"))
        }
        let base = Self.lastComponent(root)
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return push(path: root, relative: prefixRoots ? base : "", identity: FileIdentity(info))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .skipped(IOError(path: root, message: "not a regular file; skipped", isSkippable: true))
        }
        return .file(path: root, output: Self.outputName(base, extension: outputExtension), size: Int(info.st_size), collided: false)
    }

    private func push(path: String, relative: String, identity: FileIdentity) -> Item? {
        guard let dir = opendir(path) else {
            return .skipped(IOError(path: path, message: "cannot list: \(IOError.systemMessage(errno))"))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        stack.append(Level(path: path, relative: relative, names: names, identity: identity))
        return nil
    }

    private func matches(_ patterns: [String], name: String, relative: String) -> Bool {
        patterns.contains { pattern in
            pattern.contains("/")
                ? fnmatch(pattern, relative, FNM_PATHNAME) == 0
                : fnmatch(pattern, name, 0) == 0
        }
    }

    /// `page.txt.gz` → `page.json`; `README` → `README.json`; `.profile` → `.profile.json`.
    public static func outputName(_ name: String, extension ext: String) -> String {
        var base = Substring(name)
        if base.hasSuffix(".gz") && base.count > 3 { base = base.dropLast(3) }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return base + "." + ext
    }

    public static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }
}

/// A file's device and inode: the same directory however it was reached.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

extension FileWalker {
    /// The folder part of `path` ("" for a bare name or `-`): the site of a file for learning
    /// repeated lines. Written out because Foundation's `deletingLastPathComponent` traps on
    /// some one-character paths.
    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
