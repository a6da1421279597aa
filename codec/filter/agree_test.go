package filter

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/filter/filtertest"
)

// agreeExprs are the expressions both paths are compared on: the quick
// ones of the fuzz test, the benchmark's, and more over every header kind
// the quick path reads.
var agreeExprs = slices.Concat(quickExprs, mixedExprs, []string{
	"ip.ttl == 1", "ip.ttl > 200 && icmp.type == 11", "ip.proto == 17 || ipv6.nxt == 17", "ip.id == 7",
	"ip.len < 50", "ip.hdr_len > 20", "ip.version == 4", "ip.flags.df == 1", "ip.flags.mf == 1", "ip.frag_offset > 0",
	"ip.dsfield == 0 && ip.dsfield.dscp == 0 && ip.dsfield.ecn == 0", "ip.checksum == 0",
	"ipv6.hlim < 64", "ipv6.flow == 0x12345", "ipv6.plen > 100", "ipv6.addr == 2001:2::/48", "ipv6.src == 2001:2::2",
	"icmp.checksum > 0x8000", "icmpv6.checksum != 0", "icmp.seq >= 5 && icmp.ident == 0x4321",
	"icmpv6.echo.identifier == 0x6666", "icmp.checksum.status == 2", "icmpv6.checksum_bad", "icmp.checksum.status == 0",
	"udp", "udp.length > 8", "udp.checksum == 0", "udp.port == 40000", "udp.srcport in {40000..40063}",
	"tcp", "tcp.seq_raw > 0", "tcp.ack_raw == 0", "tcp.port in {80 443}", "tcp.srcport >= 50000",
	"eth", "eth.src == 02:00:00:00:00:0b", "eth.addr == 02:00:00:00:00:0a", "eth.type == 0x86dd",
	"vlan", "sll || frame", "frame.cap_len < 60", "frame.number > 100 && !udp",
	"icmp.mtu == 1400", "icmp.type == 5 && icmp.redir_gw", "icmp.redir_gw == 198.18.3.9", "icmp.pointer == 8",
	"icmpv6.mtu < 1500", "icmpv6.pointer",
	"icmp.type == 3 && icmp.code == 3", "icmp.type in {0, 8}", "icmpv6.type in {128, 129} && ipv6.hlim == 64",
})

// allFields is an expression naming every field the quick path reads, each
// as a bare test: a filter of it gathers every occurrence of each.
var allFields = func() string {
	var names []string
	for name := range quickSpecs() {
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, " || ")
}()

// agreement compares the quick path with the tree, frame by frame: every
// field's occurrences (as sets: the order and repeats do not change any
// expression's value) and every expression's verdict, wherever the quick
// path decides.
type agreement struct {
	t       testing.TB
	all     *Filter
	exprs   []*Filter
	frames  int
	decided int // frames the all-fields filter read without a tree
	verdict int // expression verdicts given without a tree
}

func newAgreement(t testing.TB) *agreement {
	a := &agreement{t: t, all: MustCompile(allFields)}
	require.True(t, a.all.plan.ok, "every field of quickSpecs compiles and is quick")
	for _, e := range agreeExprs {
		f := MustCompile(e)
		require.True(t, f.plan.ok, "%s: every field it names is quick", e)
		a.exprs = append(a.exprs, f)
	}
	return a
}

// check compares the two paths on one frame; what names it in messages.
func (a *agreement) check(data []byte, start dissect.Layer, number, wireLen int, what string) {
	a.t.Helper()
	a.frames++
	var fr *dissect.Frame
	tree := func() *dissect.Frame {
		if fr == nil {
			fr = dissect.Dissect(data, start, dissect.Options{Number: number, Len: wireLen})
		}
		return fr
	}
	if _, ok := a.all.MatchBytes(data, start, number, wireLen); ok {
		a.decided++
		quick := occurrenceSets(a.all)
		a.all.Match(tree())
		full := occurrenceSets(a.all)
		for slot, fd := range a.all.fields {
			if !assert.Equal(a.t, full[slot], quick[slot], "%s: %s: quick path and tree disagree on %s", what, fd.name, fd.name) {
				return
			}
		}
	}
	for i, f := range a.exprs {
		if m, ok := f.MatchBytes(data, start, number, wireLen); ok {
			a.verdict++
			if !assert.Equal(a.t, f.Match(tree()), m, "%s: %q: quick path disagrees with the tree", what, agreeExprs[i]) {
				return
			}
		}
	}
}

// occurrenceSets copies each slot's occurrences, sorted and without
// repeats.
func occurrenceSets(f *Filter) [][]value {
	out := make([][]value, len(f.vals))
	for i, vs := range f.vals {
		s := slices.Clone(vs)
		slices.SortFunc(s, func(x, y value) int {
			if c := cmp.Compare(x.alen, y.alen); c != 0 {
				return c
			}
			if c := compareAddr(x.a, y.a); c != 0 {
				return c
			}
			return cmp.Compare(x.n, y.n)
		})
		out[i] = slices.Compact(s)
	}
	return out
}

// TestQuickAgreesOnGenerated runs both paths over filtertest's mix, whole
// and with bytes changed and cut, as raw IP and behind Ethernet.
func TestQuickAgreesOnGenerated(t *testing.T) {
	a := newAgreement(t)
	n := 4000
	if testing.Short() || runtime.GOOS == "js" {
		n = 800 // a dissection costs ten times more in Node
	}
	for i := range n {
		fr := filtertest.Mixed(i)
		a.check(fr.Data, fr.Start, i+1, fr.Len, "Mixed("+itoa(i)+")")
		if fr.Start == dissect.LayerEthernet {
			// In Linux cooked captures, v1 and v2, whole and mutated.
			for _, v := range []dissect.Layer{dissect.LayerSLL, dissect.LayerSLL2} {
				b := cooked(fr.Data, v)
				what := "Mixed(" + itoa(i) + ") cooked " + v.String()
				a.check(b, v, i+1, len(b), what)
				m := filtertest.Mutated(i, uint64(v))
				if len(m.Data) >= codec.EthernetHeaderLen {
					grown := len(b) - len(fr.Data) // the cooked header's bytes beyond Ethernet's
					a.check(cooked(m.Data, v), v, i+1, m.Len+grown, what+" mutated")
				}
			}
			// Behind one 802.1Q tag, two (802.1ad outside) and more
			// than the quick path reads, whole and cut.
			for tags := 1; tags <= maxVLANTags+1; tags += 2 {
				b := vlanTagged(fr.Data, tags, uint16(i))
				what := "Mixed(" + itoa(i) + ") with " + itoa(tags) + " VLAN tags"
				a.check(b, fr.Start, i+1, fr.Len+tags*codec.VLANTagLen, what)
				a.check(b[:min(len(b), 14+4*tags+i%40)], fr.Start, i+1, fr.Len+tags*codec.VLANTagLen, what+", cut")
			}
		}
		for seed := range uint64(6) {
			fr := filtertest.Mutated(i, seed)
			a.check(fr.Data, fr.Start, i+1, fr.Len, "Mutated("+itoa(i)+", "+itoa(int(seed))+")")
			a.check(fr.Data, dissect.LayerAuto, i+1, fr.Len, "Mutated("+itoa(i)+", "+itoa(int(seed))+") auto")
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d frames, %d read without a tree; %d verdicts without a tree", a.frames, a.decided, a.verdict)
	// Every kind the mix holds, the damaged ones included (a capture
	// cut short, a header whose version the link layer contradicts), is
	// read without a tree, behind VLAN tags too.
	for k := range filtertest.NumKinds {
		fr := filtertest.Make(k, 7, 3)
		_, ok := a.all.MatchBytes(fr.Data, fr.Start, 1, fr.Len)
		assert.True(t, ok, "kind %d: the quick path reads it", k)
		_, ok = a.all.MatchBytes(vlanTagged(fr.Data, 2, 7), fr.Start, 1, fr.Len+2*codec.VLANTagLen)
		assert.True(t, ok, "kind %d behind two VLAN tags: the quick path reads it", k)
		for _, v := range []dissect.Layer{dissect.LayerSLL, dissect.LayerSLL2} {
			b := cooked(fr.Data, v)
			_, ok = a.all.MatchBytes(b, v, 1, fr.Len-len(fr.Data)+len(b))
			assert.True(t, ok, "kind %d in a cooked capture %s: the quick path reads it", k, v)
		}
	}
	m, ok := MustCompile("sll && icmp").MatchBytes(cooked(filtertest.Make(filtertest.EchoRequest4, 1, 1).Data, dissect.LayerSLL), dissect.LayerSLL, 1, 0)
	require.True(t, ok)
	assert.True(t, m, "a cooked v1 echo has an sll")
	m, ok = MustCompile("vlan && icmp").MatchBytes(vlanTagged(filtertest.Make(filtertest.EchoRequest4, 1, 1).Data, 1, 7), dissect.LayerEthernet, 1, 0)
	require.True(t, ok)
	assert.True(t, m, "a tagged echo has a vlan")
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// vlanTagged is an Ethernet frame with n VLAN tags inserted after its
// addresses: 802.1ad outside when there are several, 802.1Q inside, the
// VLAN id taken from id.
func vlanTagged(frame []byte, n int, id uint16) []byte {
	b := append([]byte(nil), frame[:12]...)
	for i := range n {
		tpid := uint16(0x8100)
		if i < n-1 {
			tpid = 0x88a8
		}
		tci := id&0x0fff | uint16(i)<<13
		b = append(b, byte(tpid>>8), byte(tpid), byte(tci>>8), byte(tci))
	}
	return append(b, frame[12:]...)
}

// cooked is an Ethernet frame as a Linux cooked capture (v1 or v2) would
// hold it: the source address, the EtherType, and what the Ethernet header
// carried.
func cooked(frame []byte, v dissect.Layer) []byte {
	var h []byte
	et, src := frame[12:14], frame[6:12]
	if v == dissect.LayerSLL {
		h = append([]byte{0, 0, 0, 1, 0, 6}, src...)
		h = append(append(h, 0, 0), et...)
	} else {
		h = append([]byte{}, et...)
		h = append(h, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6)
		h = append(append(h, src...), 0, 0)
	}
	return append(h, frame[14:]...)
}
