// Package explain is the field-explanation catalogue: what each field of a
// dissected packet is for, in English and Korean, for the workbench page and
// `icmplab decode`. It sits beside codec/dissect, whose field ids are its
// keys. It imports codec (for the registry's texts) and nothing that does
// I/O.
package explain

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"icmplab/codec"
)

// Keys are the stable field ids of the dissector (codec/dissect Node.Field and
// Node.Explain), named like Wireshark's display filters so a student can carry
// them over: a protocol prefix, then the field, then sub-fields.
//
//	eth.* vlan.* sll.* null.* macsec.* ppp.* ... link layers (link.go)
//	gre.* vxlan.* geneve.* mpls.* ...            tunnels and labels (link.go)
//	ip.* ipv6.* ah.*                             IPv4, IPv6 and its extension headers (ip.go)
//	icmp.*                                       ICMPv4 fields, RFC 4884 extensions, MPLS and
//	                                             interface objects, PROBE (icmp.go)
//	icmpv6.*                                     ICMPv6 fields, NDP and its options, MLD,
//	                                             node information (icmpv6.go)
//	udp.* tcp.* pim.*                            the headers above IP a quote reveals (transport.go)
//	checksum.*                                   how the Internet checksum works, for the page's
//	                                             worked example (checksum.go)
//
// The tables in those files are the single source of truth: Keys lists
// exactly their keys (plus the aliases below), and the tests check that every
// one has both languages. Besides these static keys, Lookup resolves a few
// families of keys computed from packet values, whose text comes from the
// protocol registry so it is written once:
//
//	icmp.type.T, icmpv6.type.T        the registry's explanation of type T
//	icmp.code.T.C, icmpv6.code.T.C    of code C of type T (else of type T)
//
// and a sub-field without an explEntry of its own ("ipv6.routing.srh.addr.3")
// gets the explanation of the nearest field above it ("ipv6.routing.srh.addr").

// explEntry is one line of a catalogue table.
type explEntry struct {
	key string
	x   codec.Text
}

// expl makes a catalogue line: a key, its English and its Korean text.
func expl(key, en, ko string) explEntry {
	return explEntry{key: key, x: codec.Text{EN: en, KO: ko}}
}

// explainAliases maps the other names a field is known by (the short names
// of the project brief and of textbooks) to the dissector's key.
var explainAliases = map[string]string{
	"ip.ihl":                      "ip.hdr_len",
	"ip.opt":                      "ip.options",
	"vlan.pcp":                    "vlan.priority",
	"icmpv6.echo.identifier":      "icmpv6.ident",
	"icmpv6.echo.sequence_number": "icmpv6.seq",
	"icmpv6.data_time":            "icmp.data_time",
	"icmp.ts.originate":           "icmp.originate_timestamp",
	"icmp.ts.receive":             "icmp.receive_timestamp",
	"icmp.ts.transmit":            "icmp.transmit_timestamp",
	"mpls.s":                      "mpls.bottom",
	"tcp.seq":                     "tcp.seq_raw",
	"tcp.ack":                     "tcp.ack_raw",
	"sll.protocol":                "sll.etype",
}

// explainTables are the catalogue, by layer. Each is made when the index
// is built, on the first Lookup: a program that explains nothing (the page
// until its first explanation, README "Start-up") never builds them.
func explainTables() [][]explEntry {
	return [][]explEntry{
		explainLink(),
		explainIP(),
		explainICMP(),
		explainICMPv6(),
		explainTransport(),
		explainChecksum(),
	}
}

// explainIndex is the catalogue by key, aliases included, built once.
var explainIndex = sync.OnceValue(func() map[string]codec.Text {
	m := map[string]codec.Text{}
	for _, tab := range explainTables() {
		for _, e := range tab {
			m[e.key] = e.x
		}
	}
	for alias, key := range explainAliases {
		if x, ok := m[key]; ok {
			m[alias] = x
		}
	}
	return m
})

// Lookup returns the explanation of a field id. The bool is false when
// neither the key, nor a registry key (icmp.code.T.C, ...), nor any field
// above it has one.
func Lookup(key string) (codec.Text, bool) {
	if x, ok := explainIndex()[key]; ok {
		return x, true
	}
	if x, ok := explainRegistry(key); ok {
		return x, true
	}
	for k := key; ; {
		i := strings.LastIndexByte(k, '.')
		if i <= 0 {
			return codec.Text{}, false
		}
		k = k[:i]
		if x, ok := explainIndex()[k]; ok {
			return x, true
		}
	}
}

// Keys lists every static key of the catalogue, aliases included,
// sorted. Registry keys (icmp.code.T.C, ...) are not listed: they follow the
// registry (Types, LookupCode).
func Keys() []string {
	keys := make([]string, 0, len(explainIndex()))
	for k := range explainIndex() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// explainRegistry resolves icmp.type.T, icmpv6.type.T, icmp.code.T.C and
// icmpv6.code.T.C from the protocol registry.
func explainRegistry(key string) (codec.Text, bool) {
	var f codec.Family
	var rest string
	switch {
	case strings.HasPrefix(key, "icmp."):
		f, rest = codec.IPv4, key[len("icmp."):]
	case strings.HasPrefix(key, "icmpv6."):
		f, rest = codec.IPv6, key[len("icmpv6."):]
	default:
		return codec.Text{}, false
	}
	kind, nums, _ := strings.Cut(rest, ".")
	parts := strings.Split(nums, ".")
	var vals []uint8
	for _, p := range parts {
		n, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return codec.Text{}, false
		}
		vals = append(vals, uint8(n))
	}
	switch {
	case kind == "type" && len(vals) == 1:
		ti, _ := codec.LookupType(f, codec.Type(vals[0]))
		return ti.Explain, true
	case kind == "code" && len(vals) == 2:
		if ci, ok := codec.LookupCode(f, codec.Type(vals[0]), codec.Code(vals[1])); ok {
			return ci.Explain, true
		}
		ti, _ := codec.LookupType(f, codec.Type(vals[0]))
		return ti.Explain, true
	}
	return codec.Text{}, false
}
