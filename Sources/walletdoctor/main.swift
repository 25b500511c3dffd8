import WalletDoctorCLI

await WalletDoctorMain.run()
