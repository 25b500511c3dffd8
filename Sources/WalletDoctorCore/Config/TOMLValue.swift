/// A value of the TOML subset walletdoctor reads (see ``TOMLParser``).
public enum TOMLValue: Sendable, Hashable {
  case string(String)
  case integer(Int64)
  case float(Double)
  case boolean(Bool)
  case array([TOMLNode])
  case table(TOMLTable)

  /// The kind of value, for error messages ("expected a string, found an integer").
  public var kindName: LocalizedText {
    switch self {
    case .string: return LocalizedText(en: "a string", zh: "字符串")
    case .integer: return LocalizedText(en: "an integer", zh: "整数")
    case .float: return LocalizedText(en: "a decimal number", zh: "小数")
    case .boolean: return LocalizedText(en: "true/false", zh: "布尔值")
    case .array: return LocalizedText(en: "an array", zh: "数组")
    case .table: return LocalizedText(en: "a table", zh: "表")
    }
  }
}

/// A value and the line (1-based) it was written on, so settings errors can point at it.
public struct TOMLNode: Sendable, Hashable {
  public var value: TOMLValue
  public var line: Int

  public init(_ value: TOMLValue, line: Int) {
    self.value = value
    self.line = line
  }
}

/// A TOML table: keys in the order they were first written, each with its value.
public struct TOMLTable: Sendable, Hashable {
  public private(set) var keys: [String] = []
  private var nodes: [String: TOMLNode] = [:]

  public init() {}

  public subscript(key: String) -> TOMLNode? { nodes[key] }

  /// Every entry in written order.
  public var entries: [(key: String, node: TOMLNode)] { keys.map { ($0, nodes[$0]!) } }

  public var isEmpty: Bool { keys.isEmpty }

  /// Adds or replaces a key (the parser rejects duplicates before calling this).
  mutating func set(_ key: String, _ node: TOMLNode) {
    if nodes[key] == nil { keys.append(key) }
    nodes[key] = node
  }
}
