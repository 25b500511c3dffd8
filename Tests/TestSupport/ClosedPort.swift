import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A port on 127.0.0.1 that refuses connections for as long as this value lives: bound, so no
/// other server of the test process can take it, but never listening.
///
/// Better than a stopped ``TestHTTPServer`` for "endpoint down" cases: a stopped server's port
/// can be handed to the next server another test starts, which then answers in its place.
public final class ClosedPort: @unchecked Sendable {
  public let port: UInt16
  private let descriptor: Int32

  public init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestHTTPServer.ServerError.socket(errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      close(descriptor)
      throw TestHTTPServer.ServerError.socket(errno)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    port = UInt16(bigEndian: actual.sin_port)
  }

  deinit { close(descriptor) }

  public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
}

/// Anything tests can point an endpoint at: a live server or a port that refuses connections.
public protocol HasBaseURL {
  var baseURL: URL { get }
}

extension TestHTTPServer: HasBaseURL {}
extension ClosedPort: HasBaseURL {}
