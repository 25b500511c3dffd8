// libFuzzer's driver entry (FuzzerDriver.cpp). SwiftPM names an executable's entry point
// `<Target>_main` and aliases `main` to it, so each fuzz target starts libFuzzer through this.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
