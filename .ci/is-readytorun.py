#!/usr/bin/env python3
"""Fails unless every assembly named is precompiled (ReadyToRun): its CLR header points to a native header "RTR"."""
import struct
import sys


def ready_to_run(path):
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (112 if struct.unpack_from("<H", data, optional)[0] == 0x20B else 96)
    table = optional + optional_size

    def offset(rva):
        for i in range(sections):
            size, address, _, raw = struct.unpack_from("<IIII", data, table + i * 40 + 8)
            if address <= rva < address + size:
                return rva - address + raw
        raise ValueError(f"{path}: RVA {rva:#x} is in no section")

    clr_rva, _ = struct.unpack_from("<II", data, directories + 14 * 8)
    native_rva, native_size = struct.unpack_from("<II", data, offset(clr_rva) + 64)
    return native_size > 0 and data[offset(native_rva):offset(native_rva) + 4] == b"RTR\0"


failed = [p for p in sys.argv[1:] if not ready_to_run(p)]
for p in sys.argv[1:]:
    print(("ReadyToRun: " if p not in failed else "NOT ReadyToRun: ") + p)
sys.exit(1 if failed or len(sys.argv) < 2 else 0)
