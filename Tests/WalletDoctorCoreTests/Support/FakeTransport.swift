import Foundation

@testable import WalletDoctorCore

/// A transport that answers from a closure and records every request: the core tested without
/// any socket.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [HTTPRequest] = []
  private let respond: @Sendable (HTTPRequest) throws -> HTTPResponse

  init(_ respond: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
    self.respond = respond
  }

  var requests: [HTTPRequest] { lock.withLock { recorded } }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    lock.withLock { recorded.append(request) }
    return try respond(request)
  }

  static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
  }
}
