package codec

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
)

// generalDecode is decodeIP alone, without the fast path, on a zero Packet.
func generalDecode(b []byte) (Packet, error) {
	var p Packet
	err := decodeIP(&p, b)
	return p, err
}

// resum rewrites the IPv4 header checksum and, when the total length
// delimits an ICMP message inside b, the ICMP checksum, so that a mutated
// datagram still passes both checks and reaches the fast path.
func resum(b []byte) {
	if len(b) < ipv4MinHeaderLen || b[0]>>4 != 4 {
		return
	}
	hl := int(b[0]&0x0f) * 4
	if hl < ipv4MinHeaderLen || hl > len(b) {
		return
	}
	put16(b[10:], 0)
	put16(b[10:], Checksum(b[:hl]))
	tl := int(be16(b[2:]))
	if b[9] != ProtoICMP || tl < hl+icmpHeaderLen || tl > len(b) {
		return
	}
	put16(b[hl+2:], 0)
	put16(b[hl+2:], Checksum(b[hl:tl]))
}

// checkFastAgrees decodes b every way there is (DecodeIP, Packet.Decode
// with its fast path into a Packet dirty from another datagram, the
// general path alone) and
// insists on the same Packet and the same error; it reports whether the
// fast path took b.
func checkFastAgrees(t *testing.T, name string, b []byte, dirty Packet) bool {
	t.Helper()
	want, werr := generalDecode(b)
	got, gerr := DecodeIP(b)
	if !reflect.DeepEqual(got, want) || !sameErr(gerr, werr) {
		t.Fatalf("%s: DecodeIP % x\n got %+v, %v\nwant %+v, %v", name, b, got, gerr, want, werr)
	}
	p := dirty
	perr := p.Decode(b)
	if !reflect.DeepEqual(p, want) || !sameErr(perr, werr) {
		t.Fatalf("%s: Packet.Decode over a used Packet % x\n got %+v, %v\nwant %+v, %v", name, b, p, perr, want, werr)
	}
	return shortcutShape(want, werr)
}

// shortcutShape reports whether the general decoder's result is of the
// shape Packet.Decode's shortcut is written for, so that the test can
// insist that it met such datagrams.
func shortcutShape(p Packet, err error) bool {
	h := p.V4
	return err == nil && p.Family == IPv4 && h.IHL == 5 && h.Flags&IPv4FlagMF == 0 && h.FragOff == 0 &&
		h.TotalLength >= ipv4MinHeaderLen+icmpFixedLen && h.Protocol == ProtoICMP && h.Sum.Status == ChecksumGood &&
		p.HasICMP && p.ICMP.Sum.Status == ChecksumGood &&
		(p.ICMP.Kind == KindEcho || p.ICMP.Kind == KindError || p.ICMP.Kind == KindRaw)
}

// sameErr compares two decode errors by their text and ParseError fields.
func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var pa, pb *ParseError
	if errors.As(a, &pa) && errors.As(b, &pb) {
		return *pa == *pb
	}
	return a.Error() == b.Error()
}

// TestDecodeFastAgrees holds Packet.Decode's shortcut to the general
// decoder on every fixture and on mutations of the IPv4 ones, checksums
// rewritten so that most mutants are of the shape the shortcut is for.
func TestDecodeFastAgrees(t *testing.T) {
	dirtyFrom := []Packet{{}}
	for _, f := range fixtures {
		p, _ := DecodeIP(f.ip)
		dirtyFrom = append(dirtyFrom, p)
	}
	for _, name := range []string{"v4_echo_request", "v4_echo_reply", "v4_ttl_exceeded_udp"} {
		if !checkFastAgrees(t, name, fixtureByName(t, name), dirtyFrom[len(dirtyFrom)-1]) {
			t.Errorf("%s: not of the shape the fast path is for", name)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	took := 0
	for i, f := range fixtures {
		checkFastAgrees(t, f.name, f.ip, dirtyFrom[i%len(dirtyFrom)])
		if len(f.ip) == 0 || f.ip[0]>>4 != 4 {
			continue
		}
		for range 400 {
			b := append([]byte(nil), f.ip...)
			for range 1 + rng.IntN(3) {
				at := rng.IntN(min(len(b), 40))
				if rng.IntN(4) == 0 {
					at = rng.IntN(len(b))
				}
				b[at] = byte(rng.Uint32())
			}
			if rng.IntN(4) == 0 {
				b = b[:rng.IntN(len(b)+1)]
			}
			if rng.IntN(8) != 0 {
				resum(b)
			}
			if checkFastAgrees(t, f.name+" mutated", b, dirtyFrom[rng.IntN(len(dirtyFrom))]) {
				took++
			}
		}
	}
	if took == 0 {
		t.Error("no mutant of the shape the fast path is for: the test exercises nothing")
	}
	t.Logf("%d mutants of the shape the fast path is for", took)
}

// generalQuotedFlow is the flow key of m's quote by the general decoder
// alone, as a reference for the fast path.
func generalQuotedFlow(m *Message) (FlowKey, error) {
	q, err := quoteOf(m)
	if err != nil {
		return FlowKey{}, err
	}
	k, err := QuotedFlow(q)
	return k, shift(err, icmpFixedLen)
}

// TestDecodeQuoteAgrees holds FlowKey.DecodeQuote, fast path included, to
// the general decoder on every fixture's message and on mutations of its
// quote, over a FlowKey left dirty by the previous one.
func TestDecodeQuoteAgrees(t *testing.T) {
	var k FlowKey
	if err := k.DecodeQuote(nil); !errors.Is(err, ErrWrongKind) || k != (FlowKey{}) {
		t.Fatalf("DecodeQuote(nil) = %v, key %+v; want ErrWrongKind and a zero key", err, k)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	fast := 0
	compare := func(name string, m *Message) {
		t.Helper()
		if q, err := quoteOf(m); err == nil {
			var probe FlowKey
			if probe.probe4(q) {
				fast++
			}
		}
		want, werr := generalQuotedFlow(m)
		err := k.DecodeQuote(m)
		if k != want || !sameErr(err, werr) {
			t.Fatalf("%s: DecodeQuote % x\n got %+v, %v\nwant %+v, %v", name, m.raw, k, err, want, werr)
		}
	}
	for _, f := range fixtures {
		p, _ := DecodeIP(f.ip)
		if !p.HasICMP {
			continue
		}
		compare(f.name, &p.ICMP)
		if p.ICMP.Kind != KindError {
			continue
		}
		for range 300 {
			raw := append([]byte(nil), p.ICMP.raw...)
			at := icmpFixedLen + rng.IntN(min(len(raw)-icmpFixedLen, 32))
			raw[at] = byte(rng.Uint32())
			if rng.IntN(4) == 0 {
				raw = raw[:rng.IntN(len(raw)+1)]
			}
			m, err := Parse(p.ICMP.Family, raw, p.V6.Src, p.V6.PseudoDst())
			if err != nil && m.Kind == KindRaw {
				continue
			}
			compare(f.name+" mutated", &m)
		}
	}
	if fast == 0 {
		t.Error("no quote took the fast path: the test exercises nothing")
	}
	t.Logf("%d quotes took the fast path", fast)
}

// TestReceiveLoopAllocs: the reusing receive loop BenchmarkDecode measures
// allocates nothing, on the fast path and off it.
func TestReceiveLoopAllocs(t *testing.T) {
	var (
		p    Packet
		k    FlowKey
		keep int
	)
	for _, name := range []string{"v4_echo_request", "v4_ttl_exceeded_udp", "v6_hop_limit_exceeded_udp", "v4_redirect"} {
		b := fixtureByName(t, name)
		n := testing.AllocsPerRun(100, func() {
			if err := p.Decode(b); err != nil {
				panic(err)
			}
			if e, ok := p.Echo(); ok {
				keep += int(e.Seq)
			} else if k.DecodeQuote(&p.ICMP) == nil {
				keep += int(k.DstPort)
			}
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per datagram, want 0", name, n)
		}
	}
	sink = keep
}
