package ping

import (
	"bytes"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// sinkLines feeds one reply and the end to a TextSink and returns stdout.
func sinkLines(opt TextOptions, st Start, ev Event) string {
	var out, errOut bytes.Buffer
	s := NewTextSink(NewOutput(&out, &errOut), opt)
	s.Start(st)
	s.Event(ev)
	var stats Stats
	stats.Add(ev.RTT)
	s.End(Summary{Host: st.Host, Addr: st.Addr, Transmitted: 1, Received: 1, Stats: stats, Elapsed: 0})
	return out.String()
}

var (
	dst4     = netip.MustParseAddr("198.18.2.2")
	oneReply = Event{Kind: EventReply, Seq: 1, From: dst4, TTL: 63, RTT: 215 * time.Microsecond, HasRTT: true}
)

// TestTextBelowTimingSize: with a payload under 16 bytes iputils has no
// room for its send time and prints neither time= nor an rtt line.
func TestTextBelowTimingSize(t *testing.T) {
	for _, size := range []int{0, 4, 8, 15} {
		ev := oneReply
		ev.Bytes = 8 + size
		out := sinkLines(TextOptions{Numeric: true}, Start{Host: "198.18.2.2", Addr: dst4, Numeric: true, Size: size}, ev)
		assert.NotContains(t, out, "time=", "size %d", size)
		assert.NotContains(t, out, "rtt min/avg/max/mdev", "size %d", size)
		assert.Contains(t, out, "icmp_seq=1 ttl=63\n", "size %d", size)
	}
	ev := oneReply
	ev.Bytes = 24
	out := sinkLines(TextOptions{Numeric: true}, Start{Host: "198.18.2.2", Addr: dst4, Numeric: true, Size: 16}, ev)
	assert.Contains(t, out, "icmp_seq=1 ttl=63 time=0.215 ms\n")
	assert.Contains(t, out, "rtt min/avg/max/mdev = 0.215/0.215/0.215/0.000 ms\n")
}

// TestTextAudible: -a rings the bell at the end of each reply line.
func TestTextAudible(t *testing.T) {
	ev := oneReply
	ev.Bytes = 64
	out := sinkLines(TextOptions{Numeric: true, Audible: true}, Start{Host: "198.18.2.2", Addr: dst4, Numeric: true, Size: 56}, ev)
	assert.Contains(t, out, "time=0.215 ms\a\n")
}

// TestTextNamelessAddress: a target given by name, an address without a
// reverse name prints "ADDR (ADDR)", as iputils' getnameinfo gives it.
func TestTextNamelessAddress(t *testing.T) {
	ev := oneReply
	ev.Bytes = 64
	noName := func(netip.Addr) string { return "" }
	out := sinkLines(TextOptions{Names: noName}, Start{Host: "target.test", Addr: dst4, Size: 56}, ev)
	assert.Contains(t, out, "64 bytes from 198.18.2.2 (198.18.2.2): icmp_seq=1")
	named := func(netip.Addr) string { return "router.test" }
	out = sinkLines(TextOptions{Names: named}, Start{Host: "target.test", Addr: dst4, Size: 56}, ev)
	assert.Contains(t, out, "64 bytes from router.test (198.18.2.2): icmp_seq=1")
}
