/// Opens an input path (or `-`) for reading, decompressing gzip transparently.
///
/// Gzip is recognised by its magic bytes, not the file name, so `page.txt` that is really gzip
/// and gzip on standard input both work.
public enum InputOpener {
    public static func open(_ path: String, maximumGzipRatio: Int = 200) throws(IOError) -> ByteSource {
        let file = try FileSource(path: path)
        var head = [UInt8](repeating: 0, count: 2)
        var filled = 0
        while filled < 2 {
            let n = try file.read(into: &head, from: filled)
            if n == 0 { break }
            filled += n
        }
        head.removeLast(2 - filled)
        let replay = ReplaySource(file, pending: head)
        if head == [0x1F, 0x8B] {
            return try GzipSource(replay, path: path, maximumRatio: maximumGzipRatio)
        }
        return replay
    }
}
