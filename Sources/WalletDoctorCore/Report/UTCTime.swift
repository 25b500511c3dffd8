import Foundation

/// The timestamps a report needs, always in UTC and built without shared formatters (which are
/// not Sendable): ISO 8601 for JSON, compact for the directory name, RFC 5322 for the e-mail.
enum UTCTime {
  private static func parts(_ date: Date) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
  }

  private static func pad(_ value: Int?, _ width: Int = 2) -> String {
    let text = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// `2026-11-26T17:30:05Z`
  static func iso8601(_ date: Date) -> String {
    let c = parts(date)
    return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
  }

  /// `20261126-173005`
  static func compact(_ date: Date) -> String {
    let c = parts(date)
    return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))-\(pad(c.hour))\(pad(c.minute))\(pad(c.second))"
  }

  /// `2026-11-26 17:30 UTC`, for people.
  static func readable(_ date: Date) -> String {
    let c = parts(date)
    return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)) UTC"
  }

  /// `Thu, 26 Nov 2026 17:30:05 +0000` (RFC 5322 §3.3; English names are part of the format).
  static func rfc5322(_ date: Date) -> String {
    let c = parts(date)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let day = days[((c.weekday ?? 1) - 1) % 7]
    let month = months[((c.month ?? 1) - 1) % 12]
    return "\(day), \(pad(c.day)) \(month) \(pad(c.year, 4)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) +0000"
  }
}
