/// Text with every secret replaced by a marker such as `[REDACTED: recovery phrase]`.
public struct RedactedText: Sendable, Hashable {
  public var text: String
  /// How many secrets of each kind were replaced.
  public var counts: [SecretKind: Int]

  public var redactedAnything: Bool { !counts.isEmpty }
}

/// Replaces secrets with markers: what reports keep of free text, and what recovery keeps of
/// nothing (recovery refuses instead). Shares the detector, so both follow one policy.
public struct SecretRedactor: Sendable {
  public let detector: SecretDetector

  public init(detector: SecretDetector) {
    self.detector = detector
  }

  /// The redactor with the bundled word lists; throws when they are missing.
  public static func standard() throws -> SecretRedactor {
    SecretRedactor(detector: try SecretDetector.standard())
  }

  /// `text` with each secret replaced by its kind's marker, and the counts by kind.
  public func redact(_ text: String, context: SecretScanContext) -> RedactedText {
    let matches = detector.scan(text, context: context)
    guard !matches.isEmpty else { return RedactedText(text: text, counts: [:]) }
    var output = ""
    var counts: [SecretKind: Int] = [:]
    var cursor = text.startIndex
    for match in matches {
      output += text[cursor..<match.range.lowerBound]
      output += match.kind.redactionMarker
      counts[match.kind, default: 0] += 1
      cursor = match.range.upperBound
    }
    output += text[cursor...]
    return RedactedText(text: output, counts: counts)
  }

  /// Convenience with the bundled word lists.
  public static func redact(_ text: String, context: SecretScanContext) throws -> RedactedText {
    try standard().redact(text, context: context)
  }
}
