package explain

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"icmplab/codec"
)

// Field ids are lower case except where Wireshark's own ids are not
// (macsec.TCI, arcnet.protID), which the dissector keeps.
var explainKeyRE = regexp.MustCompile(`^[a-z][a-z0-9]*(\.[A-Za-z0-9_]+)*$`)

func TestExplainTablesWellFormed(t *testing.T) {
	seen := map[string]bool{}
	n := 0
	for _, tab := range explainTables() {
		for _, e := range tab {
			n++
			if !explainKeyRE.MatchString(e.key) {
				t.Errorf("key %q is not a field id", e.key)
			}
			if seen[e.key] {
				t.Errorf("key %q listed twice", e.key)
			}
			seen[e.key] = true
			checkText(t, e.key, e.x)
		}
	}
	for alias, key := range explainAliases {
		if !explainKeyRE.MatchString(alias) {
			t.Errorf("alias %q is not a field id", alias)
		}
		if seen[alias] {
			t.Errorf("alias %q is also a key of its own", alias)
		}
		if !seen[key] {
			t.Errorf("alias %q points at %q, which has no explEntry", alias, key)
		}
	}
	if n < 200 {
		t.Errorf("catalogue has only %d entries", n)
	}
}

func TestExplainKeys(t *testing.T) {
	keys := Keys()
	if !slices.IsSorted(keys) {
		t.Error("ExplainKeys is not sorted")
	}
	if len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Error("ExplainKeys has duplicates")
	}
	canonical := 0
	for _, tab := range explainTables() {
		canonical += len(tab)
	}
	if len(keys) != canonical+len(explainAliases) {
		t.Errorf("ExplainKeys has %d keys, tables %d + aliases %d", len(keys), canonical, len(explainAliases))
	}
	for _, k := range keys {
		x, ok := Lookup(k)
		if !ok {
			t.Errorf("Explain(%q) not found though listed", k)
			continue
		}
		checkText(t, k, x)
	}
	for alias, key := range explainAliases {
		a, _ := Lookup(alias)
		b, _ := Lookup(key)
		if a != b {
			t.Errorf("alias %q explains differently from %q", alias, key)
		}
	}
}

// The field ids the project brief names; the dissector and the page rely on
// them.
func TestExplainRequiredKeys(t *testing.T) {
	required := strings.Fields(`
		ip.version ip.ihl ip.dsfield.dscp ip.dsfield.ecn ip.len ip.id ip.flags.df ip.flags.mf
		ip.frag_offset ip.ttl ip.proto ip.checksum ip.src ip.dst ip.opt
		ipv6.version ipv6.tclass ipv6.flow ipv6.plen ipv6.nxt ipv6.hlim ipv6.src ipv6.dst ipv6.ext
		ipv6.hopopts ipv6.routing ipv6.fraghdr ipv6.dstopts
		icmp.type icmp.code icmp.checksum icmp.ident icmp.seq icmp.data icmp.mtu icmp.pointer
		icmp.redir_gw icmp.unused icmp.length icmp.quote icmp.ext icmp.ext.version icmp.ext.checksum
		icmp.ext.class icmp.ext.ctype icmp.mpls.label icmp.mpls.exp icmp.mpls.s icmp.mpls.ttl
		icmp.int_info.ifindex icmp.int_info.name icmp.int_info.mtu icmp.int_info.role
		icmp.ts.originate icmp.ts.receive icmp.ts.transmit
		icmpv6.type icmpv6.code icmpv6.checksum icmpv6.ident icmpv6.seq icmpv6.mtu icmpv6.pointer
		icmpv6.quote icmpv6.length icmpv6.ext icmpv6.nd.ns.target_address icmpv6.nd.ra.router_lifetime
		icmpv6.opt icmpv6.opt.linkaddr icmpv6.opt.prefix icmpv6.mld.multicast_address
		udp.srcport udp.dstport udp.length udp.checksum tcp.srcport tcp.dstport tcp.seq tcp.flags
		eth.dst eth.src eth.type vlan.id vlan.pcp null.family sll.pkttype sll.etype
		checksum.howto checksum.pseudo_header`)
	for _, k := range required {
		if _, ok := explainIndex()[k]; !ok {
			t.Errorf("required key %q has no explEntry of its own", k)
		}
	}
}

func TestExplainKeyTexts(t *testing.T) {
	// The TTL explEntry tells why TTL exists and how traceroute uses it.
	ttl, _ := Lookup("ip.ttl")
	for _, w := range []string{"loop", "traceroute", "Time Exceeded"} {
		if !strings.Contains(ttl.EN, w) {
			t.Errorf("ip.ttl EN lacks %q", w)
		}
	}
	// The checksum how-to names the steps the page's worked example shows.
	how, _ := Lookup("checksum.howto")
	for _, w := range []string{"16-bit", "carry", "complement", "0xffff"} {
		if !strings.Contains(how.EN, w) {
			t.Errorf("checksum.howto EN lacks %q", w)
		}
	}
	for _, w := range []string{"1의 보수", "0xffff"} {
		if !strings.Contains(how.KO, w) {
			t.Errorf("checksum.howto KO lacks %q", w)
		}
	}
	// The quote explains the 8 bytes.
	q, _ := Lookup("icmp.quote")
	if !strings.Contains(q.EN, "8 bytes") || !strings.Contains(q.KO, "8바이트") {
		t.Errorf("icmp.quote does not explain the first 8 bytes: %q", q.EN)
	}
}

func TestExplainRegistryKeys(t *testing.T) {
	must := func(key string) codec.Text {
		t.Helper()
		x, ok := Lookup(key)
		if !ok {
			t.Fatalf("Explain(%q) not found", key)
		}
		return x
	}
	portUnreach, _ := codec.LookupCode(codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable)
	if got := must("icmp.code.3.3"); got != portUnreach.Explain {
		t.Errorf("icmp.code.3.3 = %q", got.EN)
	}
	port6, _ := codec.LookupCode(codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable)
	if got := must("icmpv6.code.1.4"); got != port6.Explain {
		t.Errorf("icmpv6.code.1.4 = %q", got.EN)
	}
	echo, _ := codec.LookupType(codec.IPv4, codec.ICMPv4EchoRequest)
	if got := must("icmp.type.8"); got != echo.Explain {
		t.Errorf("icmp.type.8 = %q", got.EN)
	}
	// A code the registry does not name explains its type.
	if got := must("icmp.code.8.0"); got != echo.Explain {
		t.Errorf("icmp.code.8.0 = %q", got.EN)
	}
	du, _ := codec.LookupType(codec.IPv4, codec.ICMPv4DestinationUnreachable)
	if got := must("icmp.code.3.99"); got != du.Explain {
		t.Errorf("icmp.code.3.99 = %q", got.EN)
	}
	// The same number means different things in the two families.
	if must("icmp.type.3") == must("icmpv6.type.3") {
		t.Error("icmp.type.3 and icmpv6.type.3 explain alike")
	}
	// Unassigned types still explain something, and say so.
	unassigned, _ := codec.LookupType(codec.IPv6, 99)
	if got := must("icmpv6.type.99"); got != unassigned.Explain {
		t.Errorf("icmpv6.type.99 = %q", got.EN)
	}
	// A malformed number falls back to the field itself.
	code, _ := Lookup("icmp.code")
	for _, k := range []string{"icmp.code.x.1", "icmp.code.3.256", "icmp.code.3", "icmp.code.3.3.3"} {
		if got := must(k); got != code {
			t.Errorf("Explain(%q) = %q, want the icmp.code explEntry", k, got.EN)
		}
	}
}

func TestExplainFallbackAndMisses(t *testing.T) {
	name, _ := Lookup("ipv6.routing.srh.addr")
	if got, ok := Lookup("ipv6.routing.srh.addr.3"); !ok || got != name {
		t.Errorf("sub-field did not fall back to its parent: %q %v", got.EN, ok)
	}
	if got, ok := Lookup("icmpv6.ext.class.1"); !ok || !strings.Contains(got.EN, "MPLS") {
		t.Errorf("icmpv6.ext.class.1 = %q %v", got.EN, ok)
	}
	if got, ok := Lookup("icmpv6.opt.type.25"); !ok || !strings.Contains(got.EN, "DNS") {
		t.Errorf("icmpv6.opt.type.25 = %q %v", got.EN, ok)
	}
	// Every extension-header prefix has its own Next Header explEntry.
	for _, h := range []string{"ipv6.hopopts", "ipv6.dstopts", "ipv6.routing", "ipv6.fraghdr", "ah"} {
		if _, ok := explainIndex()[h+".nxt"]; !ok {
			t.Errorf("%s.nxt missing", h)
		}
	}
	for _, k := range []string{"", ".", "nosuch", "nosuch.field", "icmpx.code.3.3", ".icmp"} {
		if x, ok := Lookup(k); ok {
			t.Errorf("Explain(%q) found %q", k, x.EN)
		}
	}
}

func FuzzExplain(f *testing.F) {
	for _, s := range []string{"ip.ttl", "icmp.code.3.3", "icmpv6.type.255", "icmp.code..", "a.b.c", "icmp.type.-1", "icmpv6.code.1.4.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		x, ok := Lookup(key)
		if ok && (x.EN == "" || x.KO == "") {
			t.Errorf("Explain(%q) found an empty text", key)
		}
		if !ok && x != (codec.Text{}) {
			t.Errorf("Explain(%q) missed but returned text", key)
		}
	})
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// checkText holds a catalogue text to the registry's rules: English without
// Hangul, Korean with it, no stray whitespace.
func checkText(t *testing.T, where string, x codec.Text) {
	t.Helper()
	assert.NotEmpty(t, strings.TrimSpace(x.EN), "%s: no English explanation", where)
	assert.True(t, hasHangul(x.KO), "%s: Korean explanation %q has no Hangul", where, x.KO)
	assert.False(t, hasHangul(x.EN), "%s: English explanation contains Hangul: %q", where, x.EN)
	for _, s := range []string{x.EN, x.KO} {
		assert.False(t, s != strings.TrimSpace(s) || strings.Contains(s, "  "), "%s: stray whitespace in %q", where, s)
	}
}

// Every checksum the codec works out, and every word role it names, has
// its texts here.
func TestWorkedChecksumKeys(t *testing.T) {
	for k := codec.ChecksumKindIPv4Header; k <= codec.ChecksumKindExtension; k++ {
		for _, key := range []string{k.Key(), k.Key() + ".how"} {
			x, ok := Lookup(key)
			assert.True(t, ok, key)
			checkText(t, key, x)
		}
	}
	for r := codec.WordData; r <= codec.WordPseudoProtocol; r++ {
		x, ok := Lookup(r.Key())
		assert.True(t, ok, r.Key())
		checkText(t, r.Key(), x)
	}
}
