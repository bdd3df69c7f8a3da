import Foundation
import XCTest

/// Runs the binary with files for stdin, stdout and stderr and measures its own wall time and
/// peak memory (wait4's rusage of that one child), for the adversarial corpus's bounds.
struct BoundedRun {
    var status: Int32
    var signal: Int32?
    var seconds: Double
    var peakMiB: Double
    var stdout: URL
    var stderr: String

    static func run(_ arguments: [String], stdin: URL?, in dir: URL, environment: [String: String] = [:], limitFileBytes: Int? = nil) throws -> BoundedRun {
        let out = dir.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = dir.appendingPathComponent("stderr-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = []
        var command = [HuskBinary.binary.path] + arguments
        if let limitFileBytes {
            // ulimit -f counts 1024-byte blocks; the shell execs husk so rusage is husk's own.
            command = ["/bin/sh", "-c", "ulimit -f \(limitFileBytes / 1024) && exec \"$0\" \"$@\""] + command
        }
        for a in command { argv.append(strdup(a)) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") }
        envp.append(nil)
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw NSError(domain: "spawn", code: Int(spawned)) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return BoundedRun(
            status: exited ? (status >> 8) & 0xFF : -1, signal: exited ? nil : status & 0x7F,
            seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024, stdout: out, stderr: stderr)
    }

    var output: Data { (try? Data(contentsOf: stdout)) ?? Data() }
}
