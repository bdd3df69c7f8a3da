import Husk

/// A problem with one input, reported as one line naming the file (and byte offset when known).
struct InputError: Error, CustomStringConvertible {
    var path: String
    var offset: Int?
    var message: String

    init(path: String, offset: Int?, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    init(path: String, offset: Int?, error: HuskError) {
        var at = offset
        if case .binaryInput(let position) = error { at = position }
        self.init(path: path, offset: at, message: error.description)
    }

    var description: String {
        let name = path == "-" ? "<stdin>" : path
        if let offset { return "\(name): byte \(offset): \(message)" }
        return "\(name): \(message)"
    }
}
