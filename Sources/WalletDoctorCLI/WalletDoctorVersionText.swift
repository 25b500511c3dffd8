import WalletDoctorCore

enum WalletDoctorVersionText {
  static let value = WalletDoctorVersion.current
}
