package main

// Tests of the glue's plain-Go logic. They run natively and, unchanged, under
// Node with GOOS=js GOARCH=wasm (see js_test.go for the syscall/js side).
// Every expectation is asked of the codec, never typed in.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The examples menu must cover the textbook's table (Kurose & Ross 5.6, in
// the source notes, ../shared/seed/icmp-notes.ko.md), one packet per row.
var textbookTable = []string{"0/0", "3/0", "3/1", "3/2", "3/3", "3/6", "3/7", "4/0", "8/0", "9/0", "10/0", "11/0", "12/0"}

func TestExamplesCoverTextbookAndDissectClean(t *testing.T) {
	byID := map[string]Example{}
	for _, e := range Examples() {
		byID[e.ID] = e
	}
	for _, id := range textbookTable {
		e, ok := byID[id]
		if !ok {
			t.Errorf("no example for textbook row %s", id)
			continue
		}
		b := mustHex(t, e.Hex)
		f := dissect.Dissect(b, dissect.LayerIPv4, dissect.Options{})
		if f.ICMP == nil {
			t.Errorf("example %s carries no ICMP message", id)
			continue
		}
		// The parameter problem quotes a malformed header on purpose: the
		// dissector must flag exactly the byte its pointer names.
		quoteAt := -1
		if f.ICMP.Type == codec.ICMPv4ParameterProblem {
			if q := findField(f.Root, "icmp"); q != nil {
				quoteAt = q.Offset + 8 + int(f.ICMP.Pointer)
			}
		}
		for _, n := range f.Notes {
			if n.Severity >= dissect.SevWarning && n.Offset != quoteAt {
				t.Errorf("example %s: %s at byte %d: %s", id, n.Severity, n.Offset, n.Message)
			}
		}
		if quoteAt >= 0 && len(f.Errors) != 1 {
			t.Errorf("example %s: %d errors, want one at the pointer's byte %d", id, len(f.Errors), quoteAt)
		}
		if int(f.ICMP.Type) != e.Type || int(f.ICMP.Code) != e.Code {
			t.Errorf("example %s dissects as %d/%d", id, f.ICMP.Type, f.ICMP.Code)
		}
		if f.ICMP.Checksum.Status != codec.ChecksumGood {
			t.Errorf("example %s: ICMP checksum %v", id, f.ICMP.Checksum.Status)
		}
		if codec.IsError(codec.IPv4, f.ICMP.Type) {
			if f.ICMP.Quoted == nil || f.ICMP.Sentence == "" {
				t.Errorf("example %s is an error but quotes no flow (%v) or has no sentence", id, f.ICMP.Quoted)
			}
		}
		// Every checksum the page works out agrees with the codec's verdict.
		for _, w := range checksumsOf(f) {
			if !w.OK {
				t.Errorf("example %s: %s worked out as wrong (found %#04x, right %#04x)", id, w.Label, w.Found, w.Right)
			}
		}
		// The paste-box text of the example reads back to the same bytes.
		ex, ok := exampleByID(id, EN)
		if !ok {
			t.Fatalf("exampleByID(%s, EN) not found", id)
		}
		res, err := decodeText(ex.Text, DecodeOptions{})
		if err != nil || len(res.Frames) != 1 || res.Frames[0].Hex != e.Hex {
			t.Errorf("example %s text does not decode back (err %v)", id, err)
		}
	}
}

func TestExampleCaptures(t *testing.T) {
	for _, e := range Examples() {
		if e.Kind != "capture" {
			continue
		}
		r, err := openCapReader(bytes.NewReader(mustHex(t, e.Hex)))
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		var kinds []string
		legacyOrExt := false
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			start, _ := dissect.LayerForLinkType(p.LinkType)
			f := dissect.Dissect(p.Data, start, dissect.Options{})
			if len(f.Errors) > 0 {
				t.Errorf("%s: %s", e.ID, f.Errors[0].Message)
			}
			if f.ICMP != nil {
				kinds = append(kinds, f.ICMP.TypeName)
				if f.ICMP.Layout != codec.ExtNone {
					legacyOrExt = true
				}
			} else {
				kinds = append(kinds, "probe")
			}
		}
		switch e.ID {
		case "ping":
			want := []string{}
			for i := 0; i < 4; i++ {
				want = append(want, codec.TypeName(codec.IPv4, codec.ICMPv4EchoRequest), codec.TypeName(codec.IPv4, codec.ICMPv4EchoReply))
			}
			if strings.Join(kinds, ",") != strings.Join(want, ",") {
				t.Errorf("ping capture holds %v", kinds)
			}
		case "traceroute":
			te, du := codec.TypeName(codec.IPv4, codec.ICMPv4TimeExceeded), codec.TypeName(codec.IPv4, codec.ICMPv4DestinationUnreachable)
			want := []string{"probe", te, "probe", te, "probe", te, "probe", du}
			if strings.Join(kinds, ",") != strings.Join(want, ",") {
				t.Errorf("traceroute capture holds %v, want %v", kinds, want)
			}
			if !legacyOrExt {
				t.Error("traceroute capture has no hop with an MPLS extension")
			}
		default:
			t.Errorf("unexpected capture example %s", e.ID)
		}
	}
}

// A corrupted packet shows the wrong checksum and the right one, the same
// the dissector computes.
func TestChecksumOfCorruptedPacket(t *testing.T) {
	e, _ := exampleByID("8/0", EN)
	b := mustHex(t, e.Hex)
	b[len(b)-1] ^= 0xff // a data byte
	f := dissect.Dissect(b, dissect.LayerIPv4, dissect.Options{})
	if f.ICMP == nil || f.ICMP.Checksum.Status != codec.ChecksumBad {
		t.Fatalf("corrupted echo not flagged by the dissector: %+v", f.ICMP)
	}
	var found bool
	for _, w := range checksumsOf(f) {
		if !strings.HasPrefix(w.Field, "icmp") {
			continue
		}
		found = true
		if w.OK || w.Right != f.ICMP.Checksum.Want {
			t.Errorf("worked out ok=%v right=%#04x; dissector wants %#04x", w.OK, w.Right, f.ICMP.Checksum.Want)
		}
	}
	if !found {
		t.Error("no ICMP checksum worked out")
	}
}

func TestDecodeTextDialects(t *testing.T) {
	e, _ := exampleByID("11/0", EN)
	pkt := mustHex(t, e.Hex)
	for _, d := range []textdump.Dialect{textdump.PlainHex, textdump.XXD, textdump.HexdumpC, textdump.TcpdumpXASCII, textdump.WiresharkHexDump, textdump.CArray, textdump.Base64} {
		text := textdump.Format(d, pkt)
		res, err := decodeText(text, DecodeOptions{})
		if err != nil {
			t.Errorf("%v: %v", d, err)
			continue
		}
		if len(res.Frames) != 1 || res.Frames[0].Hex != e.Hex {
			t.Errorf("%v: decoded %d frames, first differs", d, len(res.Frames))
		}
		if !res.DialectDetected || !res.LayerDetected || res.LayerReason == "" {
			t.Errorf("%v: detection not reported: %+v", d, res)
		}
		// Naming the dialect and layer works too.
		if _, err := decodeText(text, DecodeOptions{Dialect: d.String(), Layer: "ipv4"}); err != nil {
			t.Errorf("%v given explicitly: %v", d, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		text string
		opt  DecodeOptions
		want string
	}{
		{"   \n", DecodeOptions{}, "nothing to dissect"},
		{"this is not a packet", DecodeOptions{}, "line 1"},
		{"4500", DecodeOptions{Dialect: "no such dialect"}, "unknown format"},
		{"4500", DecodeOptions{Layer: "carrier pigeon"}, "unknown start layer"},
	}
	for _, c := range cases {
		_, err := decodeText(c.text, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("decodeText(%q, %+v) = %v, want an error containing %q", c.text, c.opt, err, c.want)
		}
	}
	if _, err := decodeBytes(nil, DecodeOptions{}); err == nil {
		t.Error("decodeBytes(nil) succeeded")
	}
}

func findField(nodes []*dissect.Node, field string) *dissect.Node {
	for _, n := range nodes {
		if n.Field == field {
			return n
		}
		if m := findField(n.Kids, field); m != nil {
			return m
		}
	}
	return nil
}

// feedAll streams a capture into a session in small, odd-sized chunks.
func feedAll(t *testing.T, data []byte, chunk int) (int, *session) {
	t.Helper()
	h := openSession("test")
	s, err := getSession(h)
	if err != nil {
		t.Fatal(err)
	}
	for off := 0; off < len(data); off += chunk {
		s.feed(append([]byte(nil), data[off:min(off+chunk, len(data))]...))
	}
	return h, s
}

func TestSessionListsFiltersAndFetches(t *testing.T) {
	e, _ := exampleByID("traceroute", EN)
	data := mustHex(t, e.Hex)
	h, s := feedAll(t, data, 37)
	defer closeSession(h)
	end := s.end(h, EN)
	if end.Error != "" || end.Count != 8 || end.Format != capture.FormatPcapNG.String() {
		t.Fatalf("end = %+v", end)
	}
	rows := s.rowsAt(0, 100, EN)
	r, _ := openCapReader(bytes.NewReader(data))
	for i := range rows {
		p, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		f := dissect.Dissect(p.Data, dissect.LayerIP, dissect.Options{})
		if rows[i].No != i+1 || rows[i].Src != f.Src || rows[i].Dst != f.Dst || !strings.Contains(rows[i].Summary, f.Info) {
			t.Errorf("row %d = %+v, dissect says %s → %s %q", i, rows[i], f.Src, f.Dst, f.Info)
		}
	}
	// Filter by type: time exceeded.
	te := int(codec.ICMPv4TimeExceeded)
	four := int(codec.IPv4)
	if n := mustFilter(t, s, Filter{Family: &four, Type: &te}); n != 3 {
		t.Errorf("filter type %d: %d rows, want 3", te, n)
	}
	first := s.rowsAt(0, 1, EN)[0]
	if first.No != 2 {
		t.Errorf("first time exceeded is row %d, want 2", first.No)
	}
	// Filter by address: the target appears in all 4 probes and in its answer.
	if n := mustFilter(t, s, Filter{Addr: exTarget.String()}); n != 5 {
		t.Errorf("filter addr %s: %d rows, want 5", exTarget, n)
	}
	if n := mustFilter(t, s, Filter{}); n != 8 {
		t.Errorf("no filter: %d rows", n)
	}
	res, need, err := s.packet(7, nil, EN)
	if err != nil || need != nil || len(res.Frames) != 1 || res.Frames[0].ICMP == nil {
		t.Fatalf("packet 7: %v %v %+v", err, need, res)
	}
	if _, _, err := s.packet(8, nil, EN); err == nil {
		t.Error("packet 8 of 8 did not fail")
	}
}

// With no memory budget every packet must be fetched again from the file.
func TestSessionFetchPath(t *testing.T) {
	old := keepBudget
	keepBudget = 0
	defer func() { keepBudget = old }()
	e, _ := exampleByID("ping", EN)
	data := mustHex(t, e.Hex)
	h, s := feedAll(t, data, 4096)
	defer closeSession(h)
	if end := s.end(h, EN); end.Count != 8 {
		t.Fatalf("end = %+v", end)
	}
	_, need, err := s.packet(5, nil, EN)
	if err != nil || need == nil || need.Need.Row != 5 {
		t.Fatalf("packet 5 without kept bytes: need %+v err %v", need, err)
	}
	fh := openFetch(need.Need.Row)
	fs, _ := getSession(fh)
	for off := 0; off < len(data); off += 50 {
		fs.feed(append([]byte(nil), data[off:min(off+50, len(data))]...))
		if fs.status().Done {
			break
		}
	}
	fs.end(fh, EN)
	res, _, err := s.packet(5, fs, EN)
	closeSession(fh)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := openCapReader(bytes.NewReader(data))
	var p capPacket
	for i := 0; i <= 5; i++ {
		p, _ = r.Next()
	}
	if res.Frames[0].Hex != hex.EncodeToString(p.Data) {
		t.Error("fetched packet 6 differs from the file's")
	}
}

func TestSessionBadCapture(t *testing.T) {
	h, s := feedAll(t, []byte("this is not a capture file at all, just text"), 10)
	defer closeSession(h)
	end := s.end(h, EN)
	if end.Error == "" || end.Count != 0 {
		t.Errorf("garbage capture: %+v", end)
	}
	// A capture cut in the middle of a packet keeps the packets before it.
	e, _ := exampleByID("ping", EN)
	data := mustHex(t, e.Hex)
	h2, s2 := feedAll(t, data[:len(data)-10], 100)
	defer closeSession(h2)
	end = s2.end(h2, EN)
	if end.Count != 7 || end.Error == "" {
		t.Errorf("truncated capture: %+v", end)
	}
}

func TestBuild(t *testing.T) {
	res, err := build(BuildSpec{Family: 4, Type: int(codec.ICMPv4EchoRequest), ID: 0x1234, Seq: 9, Data: "hello", Src: "198.18.0.1", Dst: "198.18.0.2", TTL: 7})
	if err != nil {
		t.Fatal(err)
	}
	p, err := codec.DecodeIP(mustHex(t, res.Hex))
	if err != nil || !p.HasICMP {
		t.Fatalf("built packet does not decode: %v", err)
	}
	ec, ok := p.ICMP.Echo()
	if !ok || ec.ID != 0x1234 || ec.Seq != 9 || string(ec.Data) != "hello" || p.V4.TTL != 7 || p.ICMP.Sum.Status != codec.ChecksumGood {
		t.Errorf("built echo = %+v ttl %d sum %v", ec, p.V4.TTL, p.ICMP.Sum.Status)
	}
	res6, err := build(BuildSpec{Family: 6, Type: int(codec.ICMPv6EchoRequest), ID: 1, Seq: 2, Src: "2001:2::1", Dst: "2001:2::2"})
	if err != nil {
		t.Fatal(err)
	}
	p6, err := codec.DecodeIP(mustHex(t, res6.Hex))
	if err != nil || p6.ICMP.Sum.Status != codec.ChecksumGood {
		t.Errorf("built ICMPv6 echo: %v, checksum %v", err, p6.ICMP.Sum.Status)
	}
	bad := []BuildSpec{
		{Family: 5},
		{Family: 4, Type: 300},
		{Family: 4, ID: 70000},
		{Family: 4, Src: "2001:2::1", Dst: "198.18.0.1"},
		{Family: 4, Hex: "zz"},
	}
	for _, b := range bad {
		if _, err := build(b); err == nil {
			t.Errorf("build(%+v) succeeded", b)
		}
	}
}

func TestLookup(t *testing.T) {
	v, err := lookup(4, int(codec.ICMPv4DestinationUnreachable), int(codec.CodePortUnreachable), EN)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Known || v.Type.Name != codec.TypeName(codec.IPv4, codec.ICMPv4DestinationUnreachable) || v.Code == nil ||
		v.Code.Name != codec.CodeName(codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable) {
		t.Errorf("lookup 3/3 = %+v", v)
	}
	if v.Type.Explain.EN == "" || v.Type.Explain.KO == "" {
		t.Error("lookup 3 has no explanation in both languages")
	}
	for _, c := range [][3]int{{5, 0, 0}, {4, 256, 0}, {4, 3, 999}} {
		if _, err := lookup(c[0], c[1], c[2], EN); err == nil {
			t.Errorf("lookup%v succeeded", c)
		}
	}
	if x := explain("icmp.checksum"); !x.Known || x.EN == "" {
		t.Errorf("explain(icmp.checksum) = %+v", x)
	}
	m := meta(EN)
	if len(m.Dialects) == 0 || len(m.Layers) == 0 || len(m.Types) == 0 || len(m.Examples) < len(textbookTable)+2 {
		t.Errorf("meta incomplete: %d dialects, %d layers, %d types, %d examples", len(m.Dialects), len(m.Layers), len(m.Types), len(m.Examples))
	}
}

// marshal must produce what encoding/json produces for every result type the
// glue returns (compared as parsed JSON: encoding/json also escapes <, >, &).
func TestMarshalMatchesEncodingJSON(t *testing.T) {
	var results []any
	for _, e := range Examples() {
		full, _ := exampleByID(e.ID, EN)
		results = append(results, full)
		if e.Kind == "packet" {
			res, err := decodeText(full.Text, DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, res)
		}
	}
	lk, _ := lookup(4, 3, 3, EN)
	ty, _ := types(6, EN)
	br, _ := build(BuildSpec{Family: 4, Type: 8, Data: "x"})
	two := 2
	results = append(results, meta(EN), lk, ty, explain("ip.ttl"), br, FeedResult{Count: 3}, EndResult{Error: "bad <thing> & \"quote\"\n\x01"},
		[]RowView{{No: 1, Summary: "a\tb"}}, CountResult{Count: 7}, Filter{Type: &two}, NeedBytes{}, map[string]int{"b": 1, "a": 2},
		[]byte{1, 2, 3}, "invalid \xff utf-8 ☃", nil)
	for i, r := range results {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		got := marshal(r)
		var a, b any
		if err := json.Unmarshal([]byte(got), &a); err != nil {
			t.Fatalf("result %d (%T): marshal output is not JSON: %v\n%s", i, r, err, got)
		}
		json.Unmarshal(want, &b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("result %d (%T) differs from encoding/json:\n got %s\nwant %s", i, r, got, want)
		}
	}
}

// An ICMPv6 message's checksum is worked out over the pseudo-header too, and
// agrees with the dissector's verdict.
func TestChecksumOfICMPv6(t *testing.T) {
	res, err := build(BuildSpec{Family: 6, Type: int(codec.ICMPv6EchoRequest), ID: 7, Seq: 1, Data: "odd", Src: "2001:2::1", Dst: "2001:2::2"})
	if err != nil {
		t.Fatal(err)
	}
	f := dissect.Dissect(mustHex(t, res.Hex), dissect.LayerIPv6, dissect.Options{})
	var found bool
	for _, w := range checksumsOf(f) {
		if w.Field != "icmpv6.checksum" {
			continue
		}
		found = true
		if !w.OK || len(w.Pseudo) == 0 || w.Right != w.Found {
			t.Errorf("ICMPv6 checksum worked out: ok %v, %d pseudo words, right %#04x found %#04x", w.OK, len(w.Pseudo), w.Right, w.Found)
		}
		if last := w.Words[len(w.Words)-1]; !last.Pad {
			t.Error("odd-length message: the last word is not marked as padded")
		}
	}
	if !found {
		t.Error("no ICMPv6 checksum worked out")
	}
}

// "Copy as" renders what decode reads back, in every dialect.
func TestFormatAsRoundTrips(t *testing.T) {
	e, _ := exampleByID("3/3", EN)
	for _, d := range textdump.Dialects() {
		text, err := formatAs(e.Hex, d.String())
		if err != nil {
			t.Errorf("%v: %v", d, err)
			continue
		}
		res, err := decodeText(text, DecodeOptions{Dialect: d.String()})
		if err != nil || len(res.Frames) != 1 || res.Frames[0].Hex != e.Hex {
			t.Errorf("%v: formatted text does not decode back (%v)", d, err)
		}
	}
	if _, err := formatAs(e.Hex, "morse"); err == nil {
		t.Error("unknown dialect accepted")
	}
	if _, err := formatAs("xyz", "xxd"); err == nil {
		t.Error("bad hex accepted")
	}
}

// Fragments pasted together are reassembled: the frame that completes the
// datagram carries it as a second byte buffer.
func TestDecodeReassemblesPastedFragments(t *testing.T) {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest},
		codec.Echo{ID: 1, Seq: 2, Data: bytes.Repeat([]byte("frag"), 16)})
	frag := func(off int, part []byte, more bool) []byte {
		h := codec.IPv4Header{IHL: 5, TotalLength: uint16(20 + len(part)), ID: 0x4242, TTL: 64, Protocol: codec.ProtoICMP,
			Src: exHost, Dst: exTarget, FragOff: uint16(off / 8)}
		if more {
			h.Flags = codec.IPv4FlagMF
		}
		return append(h.AppendHeader(nil), part...)
	}
	text := hex.EncodeToString(frag(0, msg[:48], true)) + "\n\n" + hex.EncodeToString(frag(48, msg[48:], false))
	res, err := decodeText(text, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Frames) != 2 {
		t.Fatalf("%d frames, want 2", len(res.Frames))
	}
	last := res.Frames[1]
	if len(last.Sources) != 1 || last.ICMP == nil || last.ICMP.Checksum != codec.ChecksumGood.String() {
		t.Errorf("second fragment: %d sources, icmp %+v", len(last.Sources), last.ICMP)
	}
}

// A paste of a great many tiny packets is cut at maxPasteFrames with a
// message, instead of building every tree (issue 11: 2.8 MB of "45\n\n" ran
// the module out of memory).
func TestDecodeTextBoundsFrames(t *testing.T) {
	text := strings.Repeat("45\n\n", maxPasteFrames+10)
	res, err := decodeText(text, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Frames) != maxPasteFrames || !strings.Contains(res.Limit, strconv.Itoa(maxPasteFrames+10)) {
		t.Errorf("%d frames, limit %q", len(res.Frames), res.Limit)
	}
	ko, _ := decodeText(text, DecodeOptions{Lang: KO})
	if ko.Limit == res.Limit || ko.Limit == "" {
		t.Errorf("Korean limit message %q", ko.Limit)
	}
}

// Examples come in both languages, and the language code is checked.
func TestExamplesInKorean(t *testing.T) {
	en, ko := examplesIn(EN), examplesIn(KO)
	require.Len(t, ko, len(en))
	for i := range en {
		assert.NotEmpty(t, ko[i].Note, en[i].ID)
		assert.NotEqual(t, en[i].Note, ko[i].Note, "example %s has no Korean note", en[i].ID)
		assert.Equal(t, en[i].Hex, ko[i].Hex, "example %s: bytes differ by language", en[i].ID)
	}
	for _, s := range []string{"", "en", "ko"} {
		_, err := parseLang(s)
		assert.NoError(t, err, s)
	}
	_, err := parseLang("fr")
	assert.Error(t, err)
}

// A build error names the spec field to fix, in the language asked, and
// never passes a Go parser's words through.
func TestBuildErrorsNameTheField(t *testing.T) {
	for _, c := range []struct {
		spec  BuildSpec
		field string
	}{
		{BuildSpec{Family: 4, Type: 8, Src: "not-an-ip", Dst: "198.18.0.1"}, "src"},
		{BuildSpec{Family: 4, Type: 8, Src: "198.18.0.1", Dst: "2001:2::1"}, "dst"},
		{BuildSpec{Family: 4, Type: 8, ID: 70000}, "id"},
		{BuildSpec{Family: 4, Type: 8, Seq: -1}, "seq"},
		{BuildSpec{Family: 5}, "family"},
		{BuildSpec{Family: 4, Type: 300}, "type"},
		{BuildSpec{Family: 4, Type: 8, Hex: "zz"}, "dataHex"},
	} {
		for _, l := range []Lang{EN, KO} {
			c.spec.Lang = l
			_, err := build(c.spec)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "%+v", c.spec)
			assert.Equal(t, c.field, fe.Field)
			assert.NotContains(t, fe.Text, "ParseAddr")
			assert.NotContains(t, fe.Text, "encoding/hex")
		}
	}
}

// Names come in Korean from the registry where it has them.
func TestNamesInKorean(t *testing.T) {
	f, ty, c := codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable
	assert.Equal(t, codec.TypeName(f, ty), typeName(EN, f, ty))
	assert.Equal(t, codec.TypeNameKO(f, ty), typeName(KO, f, ty))
	assert.Equal(t, codec.CodeNameKO(f, ty, c), codeName(KO, f, ty, c))
	v, err := lookup(int(f), int(ty), int(c), KO)
	require.NoError(t, err)
	assert.Equal(t, codec.TypeNameKO(f, ty), v.Type.Name)
	assert.Equal(t, codec.CodeNameKO(f, ty, c), v.Code.Name)
	e, _ := exampleByID("3/3", KO)
	assert.Contains(t, e.Title, codec.CodeNameKO(f, ty, c))
	assert.Equal(t, "Port", nameIn(KO, "Port", ""))
}

// The glue's own messages come in the language asked.
func TestGlueMessagesInKorean(t *testing.T) {
	_, en := decodeText("zz not hex at all", DecodeOptions{})
	_, ko := decodeText("zz not hex at all", DecodeOptions{Lang: KO})
	require.Error(t, en)
	require.Error(t, ko)
	assert.NotEqual(t, en.Error(), ko.Error())
	assert.Contains(t, ko.Error(), "읽지 못했습니다")
	_, ko = decodeText("  ", DecodeOptions{Lang: KO})
	assert.Contains(t, ko.Error(), "분석할 것이 없습니다")
	h, s := feedAll(t, []byte("not a capture at all"), 7)
	defer closeSession(h)
	end := s.end(h, KO)
	assert.Contains(t, end.Error, "읽기를 멈췄습니다")
}

// The vocabulary the page tests values by is the codec's: severity names by
// number, and each family's ICMP header field id as dissect names the
// header of a real packet of that family.
func TestVocabIsTheCodecs(t *testing.T) {
	v := vocab()
	for s := dissect.SevNote; s <= dissect.SevError; s++ {
		require.Greater(t, len(v.Severities), int(s))
		assert.Equal(t, s.String(), v.Severities[s])
	}
	require.Len(t, v.Families, 2)
	for _, fv := range v.Families {
		f := codec.Family(fv.Number)
		assert.Equal(t, f.String(), fv.Name)
		res, err := build(BuildSpec{Family: fv.Number, Type: int(meta(EN).BuildDefault.Type), Src: fv.Src, Dst: fv.Dst})
		if f == codec.IPv6 {
			res, err = build(BuildSpec{Family: fv.Number, Type: int(codec.ICMPv6EchoRequest), Src: fv.Src, Dst: fv.Dst})
		}
		require.NoError(t, err)
		l, _ := dissect.ParseLayer(res.Layer)
		fr := dissect.Dissect(mustHex(t, res.Hex), l, dissect.Options{})
		require.NotNil(t, fr.ICMP)
		var hdr *dissect.Node
		for _, n := range fr.Root {
			if n.Field == fv.Field {
				hdr = n
			}
		}
		require.NotNil(t, hdr, "%s: no %q header in the tree", fv.Name, fv.Field)
		require.NotEmpty(t, hdr.Kids)
		assert.True(t, strings.HasPrefix(hdr.Kids[0].Field, fv.Field+"."), "%s: field %q", fv.Name, hdr.Kids[0].Field)
	}
}
