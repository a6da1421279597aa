package dissect

import (
	"encoding/json"
	"net/netip"
	"sort"
	"strings"
	"testing"

	"icmplab/codec"
)

// keysOf lists the keys of a JSON object, sorted.
func keysOf(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestRecordSchemaIsStable pins the JSON field names of `--format jsonl`:
// scripts parse them, so a rename must fail a test.
func TestRecordSchemaIsStable(t *testing.T) {
	src, dst, rtr := netip.MustParseAddr("198.18.0.2"), netip.MustParseAddr("198.18.1.9"), netip.MustParseAddr("198.18.0.1")
	u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33435}, nil, src, dst)
	qh := codec.IPv4Header{TotalLength: uint16(20 + len(u)), TTL: 1, Protocol: codec.ProtoUDP, Src: src, Dst: dst}
	ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 100, S: true, TTL: 1}))
	te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded},
		codec.ErrorBody{Quote: append(qh.AppendHeader(nil), u...), Ext: ext})
	oh := codec.IPv4Header{TotalLength: uint16(20 + len(te)), TTL: 64, Protocol: codec.ProtoICMP, Src: rtr, Dst: src}
	f := Dissect(append(oh.AppendHeader(nil), te...), LayerIPv4, Options{Number: 3})
	b, err := json.Marshal(f.Record())
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	json.Unmarshal(b, &top)
	want := map[string]string{
		"":                              "caplen errors frame icmp layers len time",
		"icmp":                          "checksum_ok code code_name dst extensions family layout quoted sentence src type type_name",
		"icmp.quoted":                   "dport dst family proto sport src ttl",
		"icmp.extensions[0]":            "class ctype entries",
		"icmp.extensions[0].entries[0]": "exp label s ttl",
	}
	var icmp map[string]json.RawMessage
	json.Unmarshal(top["icmp"], &icmp)
	var exts []json.RawMessage
	json.Unmarshal(icmp["extensions"], &exts)
	var ext0 map[string]json.RawMessage
	json.Unmarshal(exts[0], &ext0)
	var entries []json.RawMessage
	json.Unmarshal(ext0["entries"], &entries)
	got := map[string][]string{
		"":                              keysOf(t, b),
		"icmp":                          keysOf(t, top["icmp"]),
		"icmp.quoted":                   keysOf(t, icmp["quoted"]),
		"icmp.extensions[0]":            keysOf(t, exts[0]),
		"icmp.extensions[0].entries[0]": keysOf(t, entries[0]),
	}
	for k, w := range want {
		if g := strings.Join(got[k], " "); g != w {
			t.Errorf("%s keys: %s, want %s", k, g, w)
		}
	}
	if !strings.Contains(string(b), `"time":null`) || !strings.Contains(string(b), `"errors":[]`) || !strings.Contains(string(b), `"layout":"rfc4884"`) {
		t.Errorf("record %s", b)
	}
	// No ICMP: "icmp" is null, not absent.
	if b, _ := json.Marshal(Dissect([]byte{1, 2, 3}, LayerData, Options{Number: 1}).Record()); !strings.Contains(string(b), `"icmp":null`) {
		t.Errorf("record without ICMP: %s", b)
	}
}
