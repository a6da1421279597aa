"""Derives capture variants from the real captures (see gen.sh)."""
import struct

def pcap_records(path):
    b = open(path, 'rb').read()
    magic, = struct.unpack('<I', b[:4])
    assert magic in (0xa1b2c3d4, 0xa1b23c4d), hex(magic)
    hdr = struct.unpack('<IHHiIII', b[:24])
    off, recs = 24, []
    while off < len(b):
        sec, frac, incl, orig = struct.unpack('<IIII', b[off:off+16])
        recs.append((sec, frac, orig, b[off+16:off+16+incl]))
        off += 16 + incl
    return hdr, recs

hdr, recs = pcap_records('pings.pcap')
magic, major, minor, zone, sigfigs, snap, link = hdr

# Big-endian pcap, microseconds.
with open('pings-be.pcap', 'wb') as f:
    f.write(struct.pack('>IHHiIII', magic, major, minor, zone, sigfigs, snap, link))
    for sec, frac, orig, data in recs:
        f.write(struct.pack('>IIII', sec, frac, len(data), orig) + data)

# "Modified" pcap (Kuznetzov's libpcap patch): magic a1b2cd34 and 8 more
# bytes a record (ifindex, protocol, pkt_type, padding).
with open('pings-modified.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2cd34, major, minor, zone, sigfigs, snap, link))
    for sec, frac, orig, data in recs:
        f.write(struct.pack('<IIIIIHBB', sec, frac, len(data), orig, 2, 0x0800, 0, 0) + data)

def pad4(b):
    return b + b'\0' * (-len(b) % 4)

def block(order, typ, body):
    body = pad4(body)
    n = len(body) + 12
    return struct.pack(order + 'II', typ, n) + body + struct.pack(order + 'I', n)

def opt(order, code, value):
    return struct.pack(order + 'HH', code, len(value)) + pad4(value)

def shb(order):
    return block(order, 0x0a0d0d0a, struct.pack(order + 'IHHq', 0x1a2b3c4d, 1, 0, -1)
                 + opt(order, 4, b'icmplab gen.py') + opt(order, 0, b''))

def idb(order, link, snap, options=b''):
    return block(order, 1, struct.pack(order + 'HHI', link, 0, snap) + options + (opt(order, 0, b'') if options else b''))

def epb(order, iface, ts, orig, data):
    return block(order, 6, struct.pack(order + 'IIIII', iface, ts >> 32, ts & 0xffffffff, len(data), orig) + data)

# Blocks the reader must get right or skip: a simple packet block cut by the
# snap length, an obsolete packet block, a name resolution block, a custom
# block, and a second interface with millisecond time stamps and an offset.
for order, name in (('<', 'blocks-le.pcapng'), ('>', 'blocks-be.pcapng')):
    out = shb(order)
    out += idb(order, 1, 64)
    out += idb(order, 1, 0, opt(order, 9, b'\x03') + opt(order, 14, struct.pack(order + 'q', 1000)) + opt(order, 2, b'veth0'))
    s0, f0, o0, d0 = recs[0]
    out += block(order, 3, struct.pack(order + 'I', o0) + d0[:64])
    s1, f1, o1, d1 = recs[1]
    out += block(order, 2, struct.pack(order + 'HHIIII', 0, 0, (s1 * 10**6 + f1) >> 32, (s1 * 10**6 + f1) & 0xffffffff, len(d1), o1) + d1)
    out += block(order, 4, struct.pack(order + 'HH', 1, 8) + bytes([198, 18, 0, 1]) + b'a.b\0' + struct.pack(order + 'HH', 0, 0))
    out += block(order, 0x00000bad, struct.pack(order + 'I', 32473) + b'icmplab test custom block')
    s2, f2, o2, d2 = recs[2]
    out += epb(order, 1, s2 * 1000 + f2 // 1000, o2, d2)
    out += epb(order, 0, s2 * 10**6 + f2, o2, d2)
    open(name, 'wb').write(out)

# Two sections in one file, of opposite byte orders.
open('sections.pcapng', 'wb').write(open('blocks-le.pcapng', 'rb').read() + open('blocks-be.pcapng', 'rb').read())
