import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests.
///
/// Each connection gets a thread of its own, so a handler may block (to simulate a slow node)
/// without holding up other connections. Besides ordinary responses a handler can return a
/// script of raw steps, which is how tests misbehave on purpose: trickle bytes, cut a body,
/// hang, or send something that is not HTTP at all.
public final class TestHTTPServer: @unchecked Sendable {
  /// A request as the server parsed it.
  public struct Request: Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    public var body: Data
    /// When the request finished arriving (monotonic), for overlap assertions.
    public var receivedAt: ContinuousClock.Instant

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
    public var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
  }

  /// One step of a hand-written reply.
  public enum Step: Sendable {
    case send(Data)
    case sleep(milliseconds: Int)
    /// Sends `data` in pieces of `chunk` bytes, `intervalMilliseconds` apart.
    case trickle(Data, chunk: Int, intervalMilliseconds: Int)
    /// Sends `count` bytes of `byte` in 64 KiB pieces (a huge body without holding it in memory).
    case stream(byte: UInt8, count: Int)
    /// Keeps the connection open, sending nothing, until the server stops.
    case hang
    case close
  }

  /// What a handler answers.
  public enum Reply: Sendable {
    case response(status: Int, headers: [String: String], body: Data, delayMilliseconds: Int)
    case script([Step])

    public static func json(_ text: String, status: Int = 200, delayMilliseconds: Int = 0) -> Reply {
      .response(
        status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8),
        delayMilliseconds: delayMilliseconds)
    }

    public static func text(
      _ text: String, status: Int = 200, contentType: String = "text/plain", headers: [String: String] = [:]
    ) -> Reply {
      var all = ["Content-Type": contentType]
      all.merge(headers) { _, given in given }
      return .response(status: status, headers: all, body: Data(text.utf8), delayMilliseconds: 0)
    }
  }

  /// One handled request and when its reply started going out, for ordering assertions.
  public struct Exchange: Sendable {
    public var request: Request
    public var repliedAt: ContinuousClock.Instant
  }

  public typealias Handler = @Sendable (Request) -> Reply

  public let port: UInt16
  public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

  private let handler: Handler
  private let listener: Int32
  private let lock = NSLock()
  private var stopped = false
  private var openConnections: Set<Int32> = []
  private var exchangeLog: [Exchange] = []
  private var arrivals: [Request] = []

  public init(handler: @escaping Handler) throws {
    self.handler = handler
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw ServerError.socket(errno) }
    var reuse: Int32 = 1
    setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(socketDescriptor, 128) == 0 else {
      close(socketDescriptor)
      throw ServerError.socket(errno)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
    }
    self.listener = socketDescriptor
    self.port = UInt16(bigEndian: actual.sin_port)
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  deinit { stop() }

  public enum ServerError: Error { case socket(Int32) }

  /// Every request whose reply has finished, in order of completion.
  public var exchanges: [Exchange] { lock.withLock { exchangeLog } }

  /// Every request received, in order of arrival (including those still being answered).
  public var requests: [Request] { lock.withLock { arrivals } }

  public var requestCount: Int { lock.withLock { arrivals.count } }

  /// Closes the listener and every open connection; hanging steps end.
  public func stop() {
    // Only shut the sockets down here; the threads that own them close them. Closing here would
    // free the descriptor number while another thread may still use it, and a new socket (of
    // another server in the same test process) could get that number and be disturbed. The lock
    // guarantees every descriptor in `openConnections` is still open while we shut it down.
    lock.withLock {
      guard !stopped else { return }
      stopped = true
      shutdown(listener, Int32(SHUT_RDWR))
      for connection in openConnections { shutdown(connection, Int32(SHUT_RDWR)) }
    }
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  private func acceptLoop() {
    defer { close(listener) }
    while !isStopped {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        if errno == EINTR { continue }
        return
      }
      let accepted = lock.withLock {
        if stopped { return false }
        openConnections.insert(connection)
        return true
      }
      guard accepted else {
        close(connection)
        return
      }
      let thread = Thread { [self] in serve(connection) }
      thread.start()
    }
  }

  private func serve(_ connection: Int32) {
    defer {
      lock.withLock {
        _ = openConnections.remove(connection)
        close(connection)
      }
    }
    var buffer = Data()
    while !isStopped {
      guard let request = readRequest(connection, buffer: &buffer) else { return }
      lock.withLock { arrivals.append(request) }
      let reply = handler(request)
      // The exchange is logged before the reply's bytes go out: a client that has read its reply
      // must find the exchange in the log (logging after the write raced with fast clients).
      let keepOpen = write(reply, to: connection) {
        lock.withLock { exchangeLog.append(Exchange(request: request, repliedAt: .now)) }
      }
      if !keepOpen { return }
    }
  }

  /// Reads one request; nil when the peer closed or sent garbage.
  private func readRequest(_ connection: Int32, buffer: inout Data) -> Request? {
    let separator = Data("\r\n\r\n".utf8)
    while buffer.range(of: separator) == nil {
      guard receiveMore(connection, into: &buffer) else { return nil }
    }
    let headerEnd = buffer.range(of: separator)!
    let head = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    let bodyStart = headerEnd.upperBound
    while buffer.count - (bodyStart - buffer.startIndex) < length {
      guard receiveMore(connection, into: &buffer) else { return nil }
    }
    let body = buffer[bodyStart..<(bodyStart + length)]
    let request = Request(
      method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body),
      receivedAt: .now)
    buffer = Data(buffer[(bodyStart + length)...])
    return request
  }

  private func receiveMore(_ connection: Int32, into buffer: inout Data) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = recv(connection, &chunk, chunk.count, 0)
    guard count > 0 else { return false }
    buffer.append(contentsOf: chunk[0..<count])
    return true
  }

  /// Writes the reply, calling `replying` just before its first byte is sent; returns whether the
  /// connection may serve another request.
  private func write(_ reply: Reply, to connection: Int32, replying: () -> Void) -> Bool {
    switch reply {
    case .response(let status, let headers, let body, let delay):
      if delay > 0 { Thread.sleep(forTimeInterval: Double(delay) / 1000) }
      replying()
      var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
      for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
      head += "Content-Length: \(body.count)\r\n\r\n"
      return sendAll(connection, Data(head.utf8) + body)
    case .script(let steps):
      replying()
      for step in steps {
        switch step {
        case .send(let data):
          guard sendAll(connection, data) else { return false }
        case .sleep(let milliseconds):
          Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        case .trickle(let data, let chunk, let interval):
          var offset = 0
          while offset < data.count, !isStopped {
            let end = min(offset + chunk, data.count)
            guard sendAll(connection, data[offset..<end]) else { return false }
            offset = end
            Thread.sleep(forTimeInterval: Double(interval) / 1000)
          }
        case .stream(let byte, let count):
          let piece = Data(repeating: byte, count: 65536)
          var sent = 0
          while sent < count, !isStopped {
            let size = min(piece.count, count - sent)
            guard sendAll(connection, piece.prefix(size)) else { return false }
            sent += size
          }
        case .hang:
          var ignored = [UInt8](repeating: 0, count: 1024)
          // Blocks until the client gives up or stop() shuts the socket down.
          while !isStopped, recv(connection, &ignored, ignored.count, 0) > 0 {}
          return false
        case .close:
          return false
        }
      }
      return false
    }
  }

  private func sendAll(_ connection: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { raw -> Bool in
      guard var pointer = raw.baseAddress else { return true }
      var remaining = raw.count
      while remaining > 0 {
        let sent = send(connection, pointer, remaining, Int32(MSG_NOSIGNAL))
        if sent <= 0 { return false }
        pointer += sent
        remaining -= sent
      }
      return true
    }
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 301: return "Moved Permanently"
    case 302: return "Found"
    case 400: return "Bad Request"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    default: return "Status"
    }
  }
}
