package dissect

import (
	"encoding/binary"
	"strconv"
	"time"
)

// The send time in an echo's data. iputils ping (and the BSD pings) start
// the data of each echo request with the time it was sent, a struct timeval
// in the sender's byte order, and the reply brings it back unchanged:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |        Sequence Number        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  tv_sec: seconds since 1970 (64 bits on 64-bit Linux, else 32) |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  tv_usec: microseconds (64 or 32 bits)                         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  the rest of the data: iputils fills byte i with i (0x10 ...)  |
//
// Two echo requests of one ping differ in it as in their sequence numbers,
// so comparing packets with timestamps ignored (CompareOptions) leaves it
// out. Nothing in the message says the bytes are a time: like Wireshark
// (packet-icmp.c, icmp.data_time) a reading is taken only when it looks like
// one, its microseconds under a million and its seconds within a day of the
// capture time; pasted bytes have no capture time, and then the seconds
// must fall between 2000 and 2100. The field is for reading; no one should
// time anything by it (iputils CVE-2025-47268).

const (
	timeval64Len   = 16 // tv_sec and tv_usec as 64-bit words (64-bit Linux)
	timeval32Len   = 8  // as 32-bit words (32-bit systems, BSD ping)
	usecPerSecond  = 1_000_000
	dataTimeWindow = 24 * time.Hour // from the capture time, as Wireshark allows
)

// dataTimeFirst and dataTimeLast bound a reading when there is no capture time.
var (
	dataTimeFirst = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	dataTimeLast  = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// echoDataTime reads the timeval at the start of an echo's data, trying the
// 64-bit layout before the 32-bit one (a 64-bit little-endian timeval read
// as two 32-bit words would pass as a time with no microseconds). It
// returns the time and how many bytes it took.
func echoDataTime(data []byte, captured time.Time) (time.Time, int, bool) {
	type layout struct {
		n     int
		order binary.ByteOrder
	}
	for _, l := range [...]layout{{timeval64Len, binary.LittleEndian}, {timeval64Len, binary.BigEndian}, {timeval32Len, binary.LittleEndian}, {timeval32Len, binary.BigEndian}} {
		if len(data) < l.n {
			continue
		}
		var sec, usec uint64
		if l.n == timeval64Len {
			sec, usec = l.order.Uint64(data), l.order.Uint64(data[8:])
		} else {
			sec, usec = uint64(l.order.Uint32(data)), uint64(l.order.Uint32(data[4:]))
		}
		if usec >= usecPerSecond || sec > uint64(dataTimeLast) {
			continue
		}
		t := time.Unix(int64(sec), int64(usec)*1000).UTC()
		if captured.IsZero() {
			if int64(sec) < dataTimeFirst {
				continue
			}
		} else if d := captured.Sub(t); d > dataTimeWindow || d < -dataTimeWindow {
			continue
		}
		return t, l.n, true
	}
	return time.Time{}, 0, false
}

// icmpEchoData adds an echo's data at off: the send time when it starts with
// one (short+".data_time"), then the rest of the bytes.
func (d *dissector) icmpEchoData(nd *Node, short string, off, n int) {
	if d.have(off, n) {
		if t, size, ok := echoDataTime(d.b[off:off+n], d.f.Time); ok {
			tn := d.add(nd, "Timestamp from icmp data", short+".data_time", off, size, "")
			st := d.vals.mark()
			d.vals.buf = t.AppendFormat(d.vals.buf, "2006-01-02 15:04:05.000000 UTC")
			if !d.f.Time.IsZero() && !d.f.Time.Before(t) {
				d.vals.buf = append(d.vals.buf, ", "...)
				d.vals.buf = strconv.AppendFloat(d.vals.buf, d.f.Time.Sub(t).Seconds(), 'f', 6, 64)
				d.vals.buf = append(d.vals.buf, d.opt.Lang.say(" s before capture", "초 전 (캡처 시각 기준)")...)
			}
			d.value(tn, st)
			off, n = off+size, n-size
		}
	}
	if n > 0 {
		dn := d.add(nd, "Data", "data", off, n, "")
		st := d.vals.mark()
		d.vals.buf = d.appendByteCount(d.vals.buf, n)
		d.value(dn, st)
	}
}
