/// A stable, machine-readable reason for a finding (`findings[].code`). Never translated.
///
/// Codes are declared next to the rules that raise them (one catalog per chain family) and
/// gathered in ``ReasonCatalog``, which also generates `docs/reason-codes.md`.
public struct ReasonCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  public init(from decoder: Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The severity the catalog gives this code.
  public var defaultSeverity: Severity { ReasonCatalog.entry(for: self)?.severity ?? .info }
}

/// One documented reason code: what it means and what triggers it, in both languages.
public struct ReasonCatalogEntry: Sendable {
  public var code: ReasonCode
  public var severity: Severity
  /// The chain families it applies to, for the docs (`EVM`, `Bitcoin`, `TRON`, `all`).
  public var scope: String
  public var meaning: LocalizedText
  public var trigger: LocalizedText

  public init(_ code: ReasonCode, _ severity: Severity, scope: String, meaning: LocalizedText, trigger: LocalizedText) {
    self.code = code
    self.severity = severity
    self.scope = scope
    self.meaning = meaning
    self.trigger = trigger
  }
}

/// Every reason code the tool can emit.
public enum ReasonCatalog {
  /// All entries, in documentation order. A code raised anywhere must be listed here
  /// (a test checks that every code used in the sources has an entry).
  public static let all: [ReasonCatalogEntry] = endpointEntries + evmEntries + bitcoinEntries + tronEntries

  public static func entry(for code: ReasonCode) -> ReasonCatalogEntry? {
    all.first { $0.code == code }
  }
}
