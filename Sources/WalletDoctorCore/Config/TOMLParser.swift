/// A syntax error in a TOML document: the line, the key when one was being defined, and what
/// is wrong. Messages never quote the input's values, which may be API keys.
public struct TOMLSyntaxError: Error, Sendable, Hashable {
  public var line: Int
  /// The dotted key being defined, when the error concerns one (`endpoints.ethereum`).
  public var key: String?
  public var message: LocalizedText

  public init(line: Int, key: String? = nil, _ message: LocalizedText) {
    self.line = line
    self.key = key
    self.message = message
  }
}

/// Parses the subset of TOML 1.0 that walletdoctor's config file uses, without a dependency.
///
/// Supported: comments; bare, quoted and dotted keys; basic strings with escapes and literal
/// strings; decimal, hexadecimal, octal and binary integers; decimal floats; booleans; arrays
/// (across lines, trailing comma allowed); inline tables; `[table]` and `[[array.of.tables]]`
/// headers. Not supported, with a clear error: multi-line strings, dates and times, `inf`/`nan`.
/// Duplicate keys and redefined tables are errors, never silent overwrites.
public enum TOMLParser {
  /// Arrays and inline tables nested deeper than this are refused (a hostile file must not
  /// exhaust the stack).
  public static let maxNesting = 32

  public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
    try parse(Array(text.utf8))
  }

  public static func parse(_ bytes: [UInt8]) throws(TOMLSyntaxError) -> TOMLTable {
    var parser = TOMLScanner(bytes)
    return try parser.document()
  }
}

// MARK: - Building the table tree

/// A table while the document is being read; tables are shared by reference so a header can
/// reopen one defined implicitly earlier.
private final class TableBuilder {
  enum Origin { case implicit, header, dotted, inline, arrayElement }

  var origin: Origin
  let line: Int
  var keys: [String] = []
  var entries: [String: Entry] = [:]

  init(origin: Origin, line: Int) {
    self.origin = origin
    self.line = line
  }

  func table() -> TOMLTable {
    var result = TOMLTable()
    for key in keys {
      switch entries[key]! {
      case .value(let node):
        result.set(key, node)
      case .table(let child):
        result.set(key, TOMLNode(.table(child.table()), line: child.line))
      case .tableArray(let array):
        result.set(
          key, TOMLNode(.array(array.tables.map { TOMLNode(.table($0.table()), line: $0.line) }), line: array.line))
      }
    }
    return result
  }
}

private final class TableArrayBuilder {
  let line: Int
  var tables: [TableBuilder] = []

  init(line: Int) { self.line = line }
}

private enum Entry {
  /// A scalar, a static array or an inline table: complete once written.
  case value(TOMLNode)
  case table(TableBuilder)
  case tableArray(TableArrayBuilder)
}

// MARK: - Scanner

private enum ASCII {
  static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
  static let quote: UInt8 = 0x22, hash: UInt8 = 0x23, apostrophe: UInt8 = 0x27, plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E, zero: UInt8 = 0x30
  static let colon: UInt8 = 0x3A, equals: UInt8 = 0x3D, openBracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C
  static let closeBracket: UInt8 = 0x5D, underscore: UInt8 = 0x5F, openBrace: UInt8 = 0x7B
  static let closeBrace: UInt8 = 0x7D, delete: UInt8 = 0x7F

  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
  static func isBareKey(_ byte: UInt8) -> Bool {
    isDigit(byte) || isLetter(byte) || byte == underscore || byte == minus
  }
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: return UInt32(byte - 0x30)
    case 0x41...0x46: return UInt32(byte - 0x41 + 10)
    case 0x61...0x66: return UInt32(byte - 0x61 + 10)
    default: return nil
    }
  }
}

private struct TOMLScanner {
  let bytes: [UInt8]
  var index = 0
  var line = 1

  init(_ bytes: [UInt8]) {
    // A UTF-8 byte order mark some editors write is not part of the document.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      self.bytes = Array(bytes.dropFirst(3))
    } else {
      self.bytes = bytes
    }
  }

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  func peek(at offset: Int) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  func error(_ english: String, _ chinese: String, key: [String]? = nil) -> TOMLSyntaxError {
    TOMLSyntaxError(line: line, key: key.map(Self.display), LocalizedText(en: english, zh: chinese))
  }

  /// A dotted key as written in error messages; parts that are not bare keys are quoted.
  static func display(_ path: [String]) -> String {
    path.map { part in
      !part.isEmpty && part.utf8.allSatisfy(ASCII.isBareKey) ? part : "\"\(part)\""
    }.joined(separator: ".")
  }

  // MARK: Document

  mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
    try checkUTF8()
    let root = TableBuilder(origin: .header, line: 1)
    var current = root
    var currentPath: [String] = []
    while true {
      skipBlanks()
      guard let byte = peek else { break }
      switch byte {
      case ASCII.hash, ASCII.newline, ASCII.carriageReturn:
        try endOfLine()
      case ASCII.openBracket:
        (current, currentPath) = try header(root: root)
        try endOfLine()
      default:
        let (path, node) = try keyValue(depth: 0)
        try insert(node, at: path, into: current, fullPath: currentPath + path)
        try endOfLine()
      }
    }
    return root.table()
  }

  /// Refuses bytes that are not UTF-8 before anything else, naming the line.
  mutating func checkUTF8() throws(TOMLSyntaxError) {
    let decoded = Array(String(decoding: bytes, as: UTF8.self).utf8)
    guard decoded != bytes else { return }
    let firstDifference = zip(decoded, bytes).enumerated().first { $1.0 != $1.1 }?.offset ?? min(decoded.count, bytes.count)
    line = 1 + bytes[..<firstDifference].reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) }
    throw error("the file is not valid UTF-8 text", "文件不是有效的 UTF-8 文本")
  }

  mutating func skipBlanks() {
    while let byte = peek, byte == ASCII.space || byte == ASCII.tab { index += 1 }
  }

  /// Consumes an optional comment and the line break (or the end of the file).
  mutating func endOfLine() throws(TOMLSyntaxError) {
    skipBlanks()
    if peek == ASCII.hash { try skipComment() }
    guard let byte = peek else { return }
    if byte == ASCII.newline {
      index += 1
      line += 1
    } else if byte == ASCII.carriageReturn, peek(at: 1) == ASCII.newline {
      index += 2
      line += 1
    } else {
      throw error(
        "unexpected text after the value; put one key = value per line",
        "值后面有多余的内容；每行只能写一个「键 = 值」")
    }
  }

  mutating func skipComment() throws(TOMLSyntaxError) {
    while let byte = peek, byte != ASCII.newline {
      if byte == ASCII.carriageReturn, peek(at: 1) == ASCII.newline { return }
      if isControl(byte) {
        throw error("a comment contains a control character", "注释中含有控制字符")
      }
      index += 1
    }
  }

  func isControl(_ byte: UInt8) -> Bool {
    (byte < ASCII.space && byte != ASCII.tab) || byte == ASCII.delete
  }

  /// Skips spaces, comments and line breaks (inside arrays).
  mutating func skipBlanksCommentsAndNewlines() throws(TOMLSyntaxError) {
    while true {
      skipBlanks()
      guard let byte = peek else { return }
      if byte == ASCII.hash {
        try skipComment()
      } else if byte == ASCII.newline {
        index += 1
        line += 1
      } else if byte == ASCII.carriageReturn, peek(at: 1) == ASCII.newline {
        index += 2
        line += 1
      } else {
        return
      }
    }
  }

  // MARK: Headers

  mutating func header(root: TableBuilder) throws(TOMLSyntaxError) -> (TableBuilder, [String]) {
    index += 1  // [
    let isArray = peek == ASCII.openBracket
    if isArray { index += 1 }
    skipBlanks()
    let path = try keyPath()
    skipBlanks()
    guard peek == ASCII.closeBracket, !isArray || peek(at: 1) == ASCII.closeBracket else {
      throw error(
        isArray ? "expected ]] to close the [[table]] header" : "expected ] to close the [table] header",
        isArray ? "[[表]] 标题缺少结尾的 ]]" : "[表] 标题缺少结尾的 ]", key: path)
    }
    index += isArray ? 2 : 1

    var table = root
    for (position, part) in path.dropLast().enumerated() {
      table = try descend(table, part, create: .implicit, path: Array(path[...position]))
    }
    let last = path[path.count - 1]
    switch table.entries[last] {
    case nil:
      if isArray {
        let array = TableArrayBuilder(line: line)
        let element = TableBuilder(origin: .arrayElement, line: line)
        array.tables.append(element)
        add(.tableArray(array), as: last, to: table)
        return (element, path)
      }
      let child = TableBuilder(origin: .header, line: line)
      add(.table(child), as: last, to: table)
      return (child, path)
    case .table(let child) where !isArray && child.origin == .implicit:
      // A table first created as the parent of another ([a.b] before [a]) may be defined once.
      child.origin = .header
      return (child, path)
    case .tableArray(let array) where isArray:
      let element = TableBuilder(origin: .arrayElement, line: line)
      array.tables.append(element)
      return (element, path)
    case .table, .tableArray:
      throw error(
        isArray
          ? "[[\(Self.display(path))]] repeats a key already defined as a table"
          : "the table [\(Self.display(path))] is defined twice",
        isArray ? "[[\(Self.display(path))]] 与已定义的表同名" : "表 [\(Self.display(path))] 被定义了两次", key: path)
    case .value:
      throw error(
        "\(Self.display(path)) already has a value and cannot also be a table",
        "\(Self.display(path)) 已有值，不能再作为表", key: path)
    }
  }

  /// Steps into the child table `part` of `table`, creating it when missing.
  mutating func descend(
    _ table: TableBuilder, _ part: String, create origin: TableBuilder.Origin, path: [String]
  ) throws(TOMLSyntaxError) -> TableBuilder {
    switch table.entries[part] {
    case nil:
      let child = TableBuilder(origin: origin, line: line)
      add(.table(child), as: part, to: table)
      return child
    case .table(let child):
      return child
    case .tableArray(let array):
      // [a.b] after [[a]] refers to the last element of a.
      guard origin == .implicit, let last = array.tables.last else {
        throw error(
          "\(Self.display(path)) is an array of tables; it cannot be extended with a dotted key",
          "\(Self.display(path)) 是表数组，不能用点号键扩展", key: path)
      }
      return last
    case .value:
      throw error(
        "\(Self.display(path)) already has a value and cannot also be a table",
        "\(Self.display(path)) 已有值，不能再作为表", key: path)
    }
  }

  func add(_ entry: Entry, as key: String, to table: TableBuilder) {
    table.keys.append(key)
    table.entries[key] = entry
  }

  mutating func insert(
    _ node: TOMLNode, at path: [String], into table: TableBuilder, fullPath: [String]
  ) throws(TOMLSyntaxError) {
    var target = table
    let prefixLength = fullPath.count - path.count
    for (position, part) in path.dropLast().enumerated() {
      target = try descend(target, part, create: .dotted, path: Array(fullPath[..<(prefixLength + position + 1)]))
    }
    let last = path[path.count - 1]
    guard target.entries[last] == nil else {
      throw error(
        "the key \(Self.display(fullPath)) is defined twice", "键 \(Self.display(fullPath)) 被定义了两次", key: fullPath)
    }
    add(.value(node), as: last, to: target)
  }

  // MARK: Keys

  mutating func keyPath() throws(TOMLSyntaxError) -> [String] {
    var parts = [try simpleKey()]
    while true {
      skipBlanks()
      guard peek == ASCII.dot else { return parts }
      index += 1
      skipBlanks()
      parts.append(try simpleKey())
    }
  }

  mutating func simpleKey() throws(TOMLSyntaxError) -> String {
    switch peek {
    case ASCII.quote:
      return try basicString()
    case ASCII.apostrophe:
      return try literalString()
    case let byte? where ASCII.isBareKey(byte):
      let start = index
      while let next = peek, ASCII.isBareKey(next) { index += 1 }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    default:
      throw error(
        "expected a key (letters, digits, _ and -, or a quoted name)",
        "此处应为键名（字母、数字、_ 和 -，或带引号的名称）")
    }
  }

  mutating func keyValue(depth: Int) throws(TOMLSyntaxError) -> ([String], TOMLNode) {
    let path = try keyPath()
    skipBlanks()
    guard peek == ASCII.equals else {
      throw error("expected = after the key", "键后面应为 =")
    }
    index += 1
    skipBlanks()
    let node = try value(depth: depth, key: path)
    return (path, node)
  }

  // MARK: Values

  mutating func value(depth: Int, key: [String]) throws(TOMLSyntaxError) -> TOMLNode {
    let startLine = line
    guard let byte = peek else {
      throw error("expected a value after =", "= 后面应为值", key: key)
    }
    switch byte {
    case ASCII.quote:
      if peek(at: 1) == ASCII.quote, peek(at: 2) == ASCII.quote {
        throw error("multi-line strings (\"\"\") are not supported", "不支持多行字符串（\"\"\"）", key: key)
      }
      return TOMLNode(.string(try basicString()), line: startLine)
    case ASCII.apostrophe:
      if peek(at: 1) == ASCII.apostrophe, peek(at: 2) == ASCII.apostrophe {
        throw error("multi-line strings (''') are not supported", "不支持多行字符串（'''）", key: key)
      }
      return TOMLNode(.string(try literalString()), line: startLine)
    case ASCII.openBracket:
      return TOMLNode(.array(try array(depth: depth + 1, key: key)), line: startLine)
    case ASCII.openBrace:
      return TOMLNode(.table(try inlineTable(depth: depth + 1, key: key)), line: startLine)
    default:
      let token = scalarToken()
      return TOMLNode(try scalar(token, key: key), line: startLine)
    }
  }

  mutating func array(depth: Int, key: [String]) throws(TOMLSyntaxError) -> [TOMLNode] {
    guard depth <= TOMLParser.maxNesting else {
      throw error("arrays and tables are nested too deeply", "数组和表嵌套过深", key: key)
    }
    index += 1  // [
    let startLine = line
    var items: [TOMLNode] = []
    var unclosed = error("the array is not closed with ]", "数组缺少结尾的 ]", key: key)
    unclosed.line = startLine
    while true {
      try skipBlanksCommentsAndNewlines()
      if peek == nil { throw unclosed }
      if peek == ASCII.closeBracket {
        index += 1
        return items
      }
      items.append(try value(depth: depth, key: key))
      try skipBlanksCommentsAndNewlines()
      switch peek {
      case nil:
        throw unclosed
      case ASCII.comma:
        index += 1
      case ASCII.closeBracket:
        index += 1
        return items
      default:
        throw error("expected , or ] in the array", "数组中此处应为 , 或 ]", key: key)
      }
    }
  }

  mutating func inlineTable(depth: Int, key: [String]) throws(TOMLSyntaxError) -> TOMLTable {
    guard depth <= TOMLParser.maxNesting else {
      throw error("arrays and tables are nested too deeply", "数组和表嵌套过深", key: key)
    }
    index += 1  // {
    let table = TableBuilder(origin: .inline, line: line)
    skipBlanks()
    if peek == ASCII.closeBrace {
      index += 1
      return table.table()
    }
    while true {
      skipBlanks()
      let (path, node) = try keyValue(depth: depth)
      try insert(node, at: path, into: table, fullPath: key + path)
      skipBlanks()
      switch peek {
      case ASCII.comma:
        index += 1
        skipBlanks()
        if peek == ASCII.closeBrace {
          throw error("an inline table may not end with a comma", "内联表不能以逗号结尾", key: key)
        }
      case ASCII.closeBrace:
        index += 1
        return table.table()
      case ASCII.newline, ASCII.carriageReturn, nil:
        throw error("an inline table { … } must be written on one line", "内联表 { … } 必须写在一行内", key: key)
      default:
        throw error("expected , or } in the inline table", "内联表中此处应为 , 或 }", key: key)
      }
    }
  }

  // MARK: Strings

  mutating func basicString() throws(TOMLSyntaxError) -> String {
    index += 1  // "
    var result: [UInt8] = []
    while true {
      guard let byte = peek, byte != ASCII.newline else {
        throw error("a string is not closed with \" on the same line", "字符串没有在同一行内用 \" 结束")
      }
      index += 1
      switch byte {
      case ASCII.quote:
        return String(decoding: result, as: UTF8.self)
      case ASCII.backslash:
        try escape(into: &result)
      default:
        if isControl(byte) {
          throw error("a string contains a control character; write it as an escape such as \\t", "字符串中含有控制字符；请使用 \\t 等转义")
        }
        result.append(byte)
      }
    }
  }

  mutating func escape(into result: inout [UInt8]) throws(TOMLSyntaxError) {
    guard let byte = peek else {
      throw error("a string ends in the middle of an escape", "字符串在转义序列中结束")
    }
    index += 1
    switch byte {
    case UInt8(ascii: "b"): result.append(0x08)
    case UInt8(ascii: "t"): result.append(ASCII.tab)
    case UInt8(ascii: "n"): result.append(ASCII.newline)
    case UInt8(ascii: "f"): result.append(0x0C)
    case UInt8(ascii: "r"): result.append(ASCII.carriageReturn)
    case ASCII.quote: result.append(ASCII.quote)
    case ASCII.backslash: result.append(ASCII.backslash)
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = byte == UInt8(ascii: "u") ? 4 : 8
      var value: UInt32 = 0
      for _ in 0..<digits {
        guard let next = peek, let digit = ASCII.hexValue(next) else {
          throw error("\\u needs 4 and \\U 8 hexadecimal digits", "\\u 需要 4 位、\\U 需要 8 位十六进制数字")
        }
        value = value << 4 | digit
        index += 1
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw error("the escape names no Unicode character", "该转义不是有效的 Unicode 字符")
      }
      result.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw error("unknown escape sequence in a string (use \\\\ for a backslash)", "字符串中有未知的转义序列（反斜杠请写作 \\\\）")
    }
  }

  mutating func literalString() throws(TOMLSyntaxError) -> String {
    index += 1  // '
    let start = index
    while true {
      guard let byte = peek, byte != ASCII.newline else {
        throw error("a string is not closed with ' on the same line", "字符串没有在同一行内用 ' 结束")
      }
      if byte == ASCII.apostrophe {
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
      }
      if isControl(byte) {
        throw error("a string contains a control character", "字符串中含有控制字符")
      }
      index += 1
    }
  }

  // MARK: Numbers and booleans

  /// The characters of a bare value: a number, a boolean, or something unsupported.
  mutating func scalarToken() -> [UInt8] {
    let start = index
    while let byte = peek,
      ASCII.isDigit(byte) || ASCII.isLetter(byte) || byte == ASCII.underscore || byte == ASCII.plus
        || byte == ASCII.minus || byte == ASCII.dot || byte == ASCII.colon
    {
      index += 1
    }
    return Array(bytes[start..<index])
  }

  func scalar(_ token: [UInt8], key: [String]) throws(TOMLSyntaxError) -> TOMLValue {
    let text = String(decoding: token, as: UTF8.self)
    switch text {
    case "true": return .boolean(true)
    case "false": return .boolean(false)
    case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
      throw error("inf and nan are not accepted here", "此处不接受 inf 和 nan", key: key)
    case "":
      throw error(
        "expected a value: a \"string\", a number, true/false, [an array] or { an inline table }",
        "此处应为值：\"字符串\"、数字、true/false、[数组] 或 { 内联表 }", key: key)
    default:
      break
    }
    if token.contains(ASCII.colon) || (token.count >= 10 && token[4] == ASCII.minus && token[7] == ASCII.minus) {
      throw error("dates and times are not supported; write a string instead", "不支持日期和时间；请写成字符串", key: key)
    }
    if let integer = try integer(token, key: key) { return .integer(integer) }
    if let float = try float(token, key: key) { return .float(float) }
    throw error(
      "expected a value: a \"string\" (in quotes), a number, true/false, [an array] or { an inline table }",
      "此处应为值：\"字符串\"（带引号）、数字、true/false、[数组] 或 { 内联表 }", key: key)
  }

  /// Digits with single underscores only between digits; nil when the underscores are misplaced.
  func withoutUnderscores(_ digits: ArraySlice<UInt8>, isDigit: (UInt8) -> Bool) -> [UInt8]? {
    guard let first = digits.first, let last = digits.last, isDigit(first), isDigit(last) else { return nil }
    var result: [UInt8] = []
    var previousWasUnderscore = false
    for byte in digits {
      if byte == ASCII.underscore {
        if previousWasUnderscore { return nil }
        previousWasUnderscore = true
        continue
      }
      guard isDigit(byte) else { return nil }
      previousWasUnderscore = false
      result.append(byte)
    }
    return result
  }

  func integer(_ token: [UInt8], key: [String]) throws(TOMLSyntaxError) -> Int64? {
    let tooLarge = error("the integer does not fit in 64 bits", "整数超出 64 位范围", key: key)
    if token.count > 2, token[0] == ASCII.zero {
      let radix: Int
      let isDigit: (UInt8) -> Bool
      switch token[1] {
      case UInt8(ascii: "x"): radix = 16; isDigit = { ASCII.hexValue($0) != nil }
      case UInt8(ascii: "o"): radix = 8; isDigit = { (0x30...0x37).contains($0) }
      case UInt8(ascii: "b"): radix = 2; isDigit = { $0 == 0x30 || $0 == 0x31 }
      default: return nil
      }
      guard let digits = withoutUnderscores(token[2...], isDigit: isDigit) else {
        throw error("malformed number", "数字格式不正确", key: key)
      }
      guard let value = Int64(String(decoding: digits, as: UTF8.self), radix: radix) else { throw tooLarge }
      return value
    }
    var body = token[...]
    var sign: [UInt8] = []
    if let first = body.first, first == ASCII.plus || first == ASCII.minus {
      sign = first == ASCII.minus ? [ASCII.minus] : []
      body = body.dropFirst()
    }
    guard body.allSatisfy({ ASCII.isDigit($0) || $0 == ASCII.underscore }) else { return nil }
    guard let digits = withoutUnderscores(body, isDigit: ASCII.isDigit) else {
      throw error("malformed number", "数字格式不正确", key: key)
    }
    if digits.count > 1, digits[0] == ASCII.zero {
      throw error("integers may not have leading zeros", "整数不能以 0 开头", key: key)
    }
    guard let value = Int64(String(decoding: sign + digits, as: UTF8.self)) else { throw tooLarge }
    return value
  }

  func float(_ token: [UInt8], key: [String]) throws(TOMLSyntaxError) -> Double? {
    let malformed = error("malformed number", "数字格式不正确", key: key)
    let numberCharacters: Set<UInt8> = [ASCII.underscore, ASCII.plus, ASCII.minus, ASCII.dot, UInt8(ascii: "e"), UInt8(ascii: "E")]
    guard token.allSatisfy({ ASCII.isDigit($0) || numberCharacters.contains($0) }) else { return nil }
    var body = token[...]
    if let first = body.first, first == ASCII.plus || first == ASCII.minus { body = body.dropFirst() }
    // integer part, then an optional fraction, then an optional exponent; at least one of the two.
    let exponentIndex = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    let mantissa = body[..<(exponentIndex ?? body.endIndex)]
    let dotIndex = mantissa.firstIndex(of: ASCII.dot)
    guard dotIndex != nil || exponentIndex != nil else { return nil }
    let integerPart = mantissa[..<(dotIndex ?? mantissa.endIndex)]
    guard let integerDigits = withoutUnderscores(integerPart, isDigit: ASCII.isDigit) else { throw malformed }
    if integerDigits.count > 1, integerDigits[0] == ASCII.zero { throw malformed }
    if let dotIndex {
      guard withoutUnderscores(mantissa[(dotIndex + 1)...], isDigit: ASCII.isDigit) != nil else { throw malformed }
    }
    if let exponentIndex {
      var exponent = body[(exponentIndex + 1)...]
      if let first = exponent.first, first == ASCII.plus || first == ASCII.minus { exponent = exponent.dropFirst() }
      guard withoutUnderscores(exponent, isDigit: ASCII.isDigit) != nil else { throw malformed }
    }
    let cleaned = token.filter { $0 != ASCII.underscore }
    guard let value = Double(String(decoding: cleaned, as: UTF8.self)), value.isFinite else {
      throw error("the number is out of range", "数字超出范围", key: key)
    }
    return value
  }
}
