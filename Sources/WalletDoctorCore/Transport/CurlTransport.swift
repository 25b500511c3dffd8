import CurlShim
import Foundation

/// The production transport: libcurl's multi interface driven by one dedicated thread.
///
/// Why a thread of its own: `curl_multi_poll` blocks, and Swift's cooperative pool has only as
/// many threads as cores. All transfers share one multi handle, so connections (and HTTP/2
/// streams) to the same host are reused across requests. Certificate verification is always on;
/// proxies come from the usual environment variables unless `proxy` overrides them.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
  /// One process-wide instance, so every request shares the connection cache.
  public static let shared = CurlTransport()

  /// Overrides the proxy environment variables when set (`--proxy`).
  public let proxy: String?

  private let lock = NSLock()
  private var multi: UnsafeMutableRawPointer?
  private var queuedTransfers: [CurlTransfer] = []
  private var cancelledTransfers: [CurlTransfer] = []
  private var activeTransfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
  private var loopStarted = false

  public init(proxy: String? = nil) {
    self.proxy = proxy
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let transfer = CurlTransfer(request: request, proxy: proxy)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        transfer.continuation = continuation
        enqueue(transfer)
      }
    } onCancel: {
      cancel(transfer)
    }
  }

  private func enqueue(_ transfer: CurlTransfer) {
    lock.lock()
    queuedTransfers.append(transfer)
    startLoopIfNeeded()
    let multi = self.multi
    lock.unlock()
    if let multi { curl_multi_wakeup(multi) }
  }

  private func cancel(_ transfer: CurlTransfer) {
    lock.lock()
    cancelledTransfers.append(transfer)
    let multi = self.multi
    lock.unlock()
    if let multi { curl_multi_wakeup(multi) }
  }

  /// Called with `lock` held.
  private func startLoopIfNeeded() {
    guard !loopStarted else { return }
    loopStarted = true
    curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    let multi = curl_multi_init()
    _ = wd_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    self.multi = multi
    let thread = Thread { [unowned self] in self.runLoop() }
    thread.name = "walletdoctor.curl"
    thread.start()
  }

  private func runLoop() {
    guard let multi else { return }
    while true {
      lock.lock()
      let toAdd = queuedTransfers
      queuedTransfers.removeAll()
      let toCancel = cancelledTransfers
      cancelledTransfers.removeAll()
      lock.unlock()

      for transfer in toAdd {
        do {
          let handle = try transfer.makeHandle()
          activeTransfers[handle] = transfer
          curl_multi_add_handle(multi, handle)
        } catch {
          transfer.finish(.failure(error))
        }
      }
      for transfer in toCancel {
        guard let handle = transfer.handle, activeTransfers[handle] != nil else {
          // Not started yet, or already finished: finishing twice is a no-op.
          transfer.finish(.failure(CancellationError()))
          continue
        }
        curl_multi_remove_handle(multi, handle)
        activeTransfers[handle] = nil
        transfer.finish(.failure(CancellationError()))
      }

      var running: Int32 = 0
      curl_multi_perform(multi, &running)
      var remaining: Int32 = 0
      while let message = curl_multi_info_read(multi, &remaining) {
        guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else {
          continue
        }
        let code = message.pointee.data.result
        curl_multi_remove_handle(multi, handle)
        if let transfer = activeTransfers.removeValue(forKey: handle) {
          transfer.complete(code: code)
        }
      }
      // Sleeps until a socket is ready, a wakeup arrives, or 1 s passes.
      curl_multi_poll(multi, nil, 0, 1000, nil)
    }
  }
}

/// One request in flight: its easy handle, the bytes received, and the continuation to resume.
final class CurlTransfer: @unchecked Sendable {
  let request: HTTPRequest
  let proxy: String?
  var continuation: CheckedContinuation<HTTPResponse, Error>?
  private(set) var handle: UnsafeMutableRawPointer?
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private var body = Data()
  private var headers: [String: String] = [:]
  private var exceededCap = false
  private var finished = false
  private let finishLock = NSLock()
  private let started = ContinuousClock.now

  init(request: HTTPRequest, proxy: String?) {
    self.request = request
    self.proxy = proxy
  }

  deinit {
    if let headerList { curl_slist_free_all(headerList) }
    if let handle { curl_easy_cleanup(handle) }
  }

  func makeHandle() throws -> UnsafeMutableRawPointer {
    guard let handle = curl_easy_init() else {
      throw TransportFailure(.connect, LocalizedText(en: "libcurl could not start a transfer.", zh: "libcurl 无法发起请求。"))
    }
    self.handle = handle
    let context = Unmanaged.passUnretained(self).toOpaque()
    let scheme = request.url.scheme?.lowercased() ?? "https"

    _ = wd_easy_setopt_string(handle, CURLOPT_URL, request.url.absoluteString)
    _ = wd_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = wd_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    _ = wd_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
    _ = wd_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
    _ = wd_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
    _ = wd_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
    _ = wd_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
    _ = wd_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
    _ = wd_easy_setopt_string(handle, CURLOPT_USERAGENT, "walletdoctor/\(WalletDoctorVersion.current)")
    // The cap is enforced in the write callback on decoded bytes; this only stops early when
    // the server announces a too-large Content-Length.
    _ = wd_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, Int64(request.maxBodyBytes) * 4)
    if request.maxRedirects > 0 {
      _ = wd_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
      _ = wd_easy_setopt_long(handle, CURLOPT_MAXREDIRS, request.maxRedirects)
      _ = wd_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, scheme == "http" ? "http" : "https")
    }
    if let proxy {
      _ = wd_easy_setopt_string(handle, CURLOPT_PROXY, proxy)
    }
    if let body = request.body {
      _ = wd_easy_setopt_long(handle, CURLOPT_POST, 1)
      _ = wd_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, Int64(body.count))
      body.withUnsafeBytes { bytes in
        // COPYPOSTFIELDS copies, so the Data need not outlive this call.
        _ = wd_easy_setopt_pointer(
          handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
      }
    } else if request.method == .post {
      _ = wd_easy_setopt_long(handle, CURLOPT_POST, 1)
      _ = wd_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0)
    }
    for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
      headerList = curl_slist_append(headerList, "\(name): \(value)")
    }
    // An empty Expect stops curl from waiting for "100 Continue" on larger POST bodies.
    headerList = curl_slist_append(headerList, "Expect:")
    _ = wd_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
    _ = wd_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback)
    _ = wd_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
    _ = wd_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
    _ = wd_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    return handle
  }

  fileprivate func receiveBody(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
    guard let pointer else { return 0 }
    if body.count + count > request.maxBodyBytes {
      exceededCap = true
      return 0  // aborts the transfer with CURLE_WRITE_ERROR
    }
    pointer.withMemoryRebound(to: UInt8.self, capacity: count) { body.append($0, count: count) }
    return count
  }

  fileprivate func receiveHeader(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
    guard let pointer else { return 0 }
    let line = pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
      String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
      headers.removeAll()  // a new response (after a redirect or 100 Continue) starts over
    } else if let colon = line.firstIndex(of: ":") {
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
      headers[name] = value
    }
    return count
  }

  func complete(code: CURLcode) {
    guard let handle else { return }
    var status = 0
    _ = wd_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    if code == CURLE_OK {
      finish(.success(HTTPResponse(status: status, headers: headers, body: body, latency: ContinuousClock.now - started)))
    } else {
      finish(.failure(classify(code: code, status: status)))
    }
  }

  func finish(_ result: Result<HTTPResponse, Error>) {
    finishLock.lock()
    guard !finished, let continuation else {
      finishLock.unlock()
      return
    }
    finished = true
    self.continuation = nil
    finishLock.unlock()
    continuation.resume(with: result)
  }

  private func classify(code: CURLcode, status: Int) -> TransportFailure {
    let detail = String(cString: curl_easy_strerror(code))
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      return TransportFailure(
        .dns,
        LocalizedText(
          en: "the host name could not be resolved (DNS) — check the address or your network/proxy",
          zh: "无法解析主机名（DNS）——请检查地址或网络/代理设置"))
    case CURLE_COULDNT_CONNECT:
      return TransportFailure(
        .connect,
        LocalizedText(en: "the connection was refused (\(detail))", zh: "连接被拒绝（\(detail)）"))
    case CURLE_OPERATION_TIMEDOUT:
      let seconds = Double(Self.milliseconds(request.timeout)) / 1000
      return TransportFailure(
        .timeout,
        LocalizedText(
          en: "no complete answer within \(Self.format(seconds)) s (timeout)",
          zh: "\(Self.format(seconds)) 秒内未收到完整应答（超时）"))
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return TransportFailure(
        .tls,
        LocalizedText(
          en: "the secure connection failed: \(detail) — the certificate is not trusted or the connection is intercepted",
          zh: "安全连接失败：\(detail)——证书不受信任或连接被拦截"))
    case CURLE_WRITE_ERROR where exceededCap, CURLE_FILESIZE_EXCEEDED:
      let mebibytes = request.maxBodyBytes / (1024 * 1024)
      return TransportFailure(
        .tooLarge,
        LocalizedText(
          en: "the answer is larger than \(mebibytes) MiB and was abandoned",
          zh: "应答超过 \(mebibytes) MiB，已放弃读取"))
    case CURLE_TOO_MANY_REDIRECTS, CURLE_UNSUPPORTED_PROTOCOL:
      return TransportFailure(
        .httpStatus,
        LocalizedText(en: "too many or unsafe redirects (\(detail))", zh: "重定向过多或不安全（\(detail)）"))
    case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_BAD_CONTENT_ENCODING:
      if body.isEmpty && status == 0 {
        return TransportFailure(
          .connect,
          LocalizedText(en: "the connection was reset before any answer (\(detail))", zh: "连接在应答前被重置（\(detail)）"))
      }
      return TransportFailure(
        .interrupted,
        LocalizedText(en: "the connection closed in the middle of the answer (\(detail))", zh: "应答传输中途连接被关闭（\(detail)）"))
    default:
      return TransportFailure(
        .connect,
        LocalizedText(en: "the request failed: \(detail)", zh: "请求失败：\(detail)"))
    }
  }

  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
  }

  static func format(_ seconds: Double) -> String {
    seconds.rounded() == seconds ? String(Int(seconds)) : String(format: "%.1f", seconds)
  }
}

private let curlWriteCallback: wd_write_callback = { data, size, count, context in
  guard let context else { return 0 }
  return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
}

private let curlHeaderCallback: wd_write_callback = { data, size, count, context in
  guard let context else { return 0 }
  return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveHeader(data, size * count)
}
