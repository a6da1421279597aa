package dissect

import (
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// fuzzSeeds are small frames of every start layer: an Ethernet echo, an
// IPv4 time exceeded with a quote, an IPv6 echo behind a hop-by-hop header,
// an IPv4 fragment, an ICMP error with an extension structure, a PPP frame.
var fuzzSeeds = []string{
	"0200000000 0b02000000000a0800 450000540000400040016fe8c6120001c6120002 0800d0c512340001" + strings.Repeat("00", 48),
	"4500003800004000ff011cc0c6120101c6120001 0b00f4ff00000000 450000240001000001111cc6c6120001c6120109 9c40829b00100000",
	"6000000000100001200100020000000000000000000000012001000200000000000000000000000002 3a00050200000100 80007b6c00010001",
	"450005dc77772000400100000c612000 1c6120002",
	"45000094000000004001000 0c6120101c6120001 0b00000020000000 4500003c00000000011100 00c6120001c612010 99c40829b0028000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 2000 7a2c 000c0101 03e84001 05dc1b01",
	"ff030021450000200000000040010000c6120001c61200020800f7ff00000000",
}

func seedBytes(s string) []byte {
	s = strings.ReplaceAll(s, " ", "")
	if len(s)%2 == 1 {
		s += "0"
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// FuzzDissect feeds arbitrary bytes to every start layer and checks the
// tree's invariants, the three output formats, and that dissection with
// a reassembler holding earlier fragments behaves the same way.
func FuzzDissect(f *testing.F) {
	for _, s := range fuzzSeeds {
		for l := range layerNames {
			f.Add(seedBytes(s), uint8(l))
		}
	}
	ra, raKO := NewReassembler(), NewReassembler()
	f.Fuzz(func(t *testing.T, b []byte, layer uint8) {
		l := Layer(layer % uint8(len(layerNames)))
		fr := Dissect(b, l, Options{Number: 1, Reassembler: ra})
		if err := checkTree(fr); err != nil {
			t.Fatalf("layer %s: %v", l, err)
		}
		if err := WriteTree(io.Discard, fr); err != nil {
			t.Fatal(err)
		}
		if err := WriteTreeWorked(io.Discard, fr); err != nil {
			t.Fatal(err)
		}
		if err := checkWorked(fr); err != nil {
			t.Fatalf("layer %s: %v", l, err)
		}
		if g, why := GuessWhy(b); g == LayerAuto || why == "" {
			t.Fatalf("GuessWhy(%x) = %s %q: no layer or no reason", b, g, why)
		}
		if err := WriteLine(io.Discard, fr, fr.Time); err != nil {
			t.Fatal(err)
		}
		rec, err := json.Marshal(fr.Record())
		if err != nil {
			t.Fatal(err)
		}
		var back map[string]any
		if err := json.Unmarshal(rec, &back); err != nil {
			t.Fatalf("record is not JSON: %v", err)
		}
		// In Korean: the same tree, fields at the same bytes, every label
		// and note in Hangul, the worked checksums found the same way.
		ko := Dissect(b, l, Options{Number: 1, Reassembler: raKO, Lang: LangKO})
		if err := checkTree(ko); err != nil {
			t.Fatalf("layer %s, Korean: %v", l, err)
		}
		if len(WorkedChecksums(ko)) != len(WorkedChecksums(fr)) {
			t.Fatalf("layer %s: the Korean tree works out another number of checksums", l)
		}
		if err := WriteTree(io.Discard, ko); err != nil {
			t.Fatal(err)
		}
		for _, n := range ko.Notes {
			if n.Kind == NoteNone || !hasHangul(n.Message) {
				t.Fatalf("layer %s: Korean note %+v", l, n)
			}
		}
		if _, why := GuessWhyIn(b, LangKO); !hasHangul(why) {
			t.Fatalf("GuessWhyIn(%x, ko) = %q", b, why)
		}
		if d, n := ra.Pending(); d > DefaultMaxDatagrams || n > DefaultMaxBytes {
			t.Fatalf("reassembler holds %d datagrams, %d bytes", d, n)
		}
	})
}
