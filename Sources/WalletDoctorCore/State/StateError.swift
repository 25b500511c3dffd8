import Foundation

/// A problem with walletdoctor's state directory or one of its files. Messages name the path and
/// say what to do; they never contain a file's contents.
public enum StateError: Error, LocalizedError, Sendable, Equatable {
  /// Neither `WALLETDOCTOR_HOME`, `XDG_STATE_HOME` nor `HOME` is set.
  case noLocation
  /// A directory could not be created or secured.
  case cannotCreateDirectory(path: String, reason: String)
  /// A file could not be written; the previous version, if any, is unchanged.
  case cannotWrite(path: String, reason: String)
  /// A file exists but could not be read.
  case cannotRead(path: String, reason: String)
  /// A file was not what walletdoctor writes; it was moved aside so the tool can go on.
  case corrupt(path: String, movedTo: String?)
  /// A save stopped between writing the temporary file and renaming it (tests simulate a crash).
  case interruptedSave(path: String)

  public var errorDescription: String? { message(.english) }

  /// The message in `language`.
  public func message(_ language: Language) -> String {
    localized(language)
  }

  public var localizedText: LocalizedText {
    LocalizedText(en: localized(.english), zh: localized(.simplifiedChinese))
  }

  private func localized(_ language: Language) -> String {
    let en = language == .english
    switch self {
    case .noLocation:
      return en
        ? "Cannot find a place for walletdoctor's state: set WALLETDOCTOR_HOME (or XDG_STATE_HOME or HOME)."
        : "找不到保存 walletdoctor 状态的位置：请设置 WALLETDOCTOR_HOME（或 XDG_STATE_HOME、HOME）。"
    case .cannotCreateDirectory(let path, let reason):
      return en
        ? "Cannot create the state directory \(path): \(reason). Set WALLETDOCTOR_HOME to a writable directory."
        : "无法创建状态目录 \(path)：\(reason)。请将 WALLETDOCTOR_HOME 设为可写目录。"
    case .cannotWrite(let path, let reason):
      return en
        ? "Cannot save \(path): \(reason). The previous version, if any, is unchanged."
        : "无法保存 \(path)：\(reason)。原有版本（如有）未被改动。"
    case .cannotRead(let path, let reason):
      return en ? "Cannot read \(path): \(reason)." : "无法读取 \(path)：\(reason)。"
    case .corrupt(let path, let movedTo):
      if let movedTo {
        return en
          ? "The file \(path) is damaged or not a walletdoctor file; it was moved aside to \(movedTo) and ignored."
          : "文件 \(path) 已损坏或不是 walletdoctor 的文件；已移到 \(movedTo) 并忽略。"
      }
      return en
        ? "The file \(path) is damaged or not a walletdoctor file, and could not be moved aside; remove it by hand."
        : "文件 \(path) 已损坏或不是 walletdoctor 的文件，且无法移开；请手动删除。"
    case .interruptedSave(let path):
      return en
        ? "Saving \(path) was interrupted; the previous version is unchanged."
        : "保存 \(path) 时被中断；原有版本未被改动。"
    }
  }
}

/// The text of an `errno` value.
func errnoDescription(_ code: Int32) -> String {
  String(cString: strerror(code))
}
