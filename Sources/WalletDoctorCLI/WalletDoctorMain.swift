public enum WalletDoctorMain {
  public static func run() async {}
}
