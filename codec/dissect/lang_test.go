package dissect

import (
	"bytes"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/internal/hostile"
)

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// verbs counts the fmt verbs of a format, %% aside.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\[\d+\])?[a-z]`)

// englishInKorean finds English words of codec's wants and haves left in
// a Korean note; besideTerms are the English terms Korean keeps beside its
// own, in parentheses ("잘림(truncated)", "(legacy layout)").
var (
	englishInKorean = regexp.MustCompile(`\b(want|have|bytes?|header|words?|version|option|datagram|record|message|length|sources|extension|address|type|class|more|least)\b`)
	besideTerms     = regexp.MustCompile(`\([A-Za-z][A-Za-z -]*\)`)
)

// TestNoteKindsHaveKorean: every kind of note has an id, an English and a
// Korean sentence, the Korean in Hangul and taking as many arguments.
func TestNoteKindsHaveKorean(t *testing.T) {
	ids := map[string]bool{}
	for _, k := range NoteKinds() {
		require.NotContains(t, ids, k.String(), "note id %q twice", k)
		ids[k.String()] = true
		var back NoteKind
		require.NoError(t, back.UnmarshalText([]byte(k.String())))
		assert.Equal(t, k, back)
		en, ko := k.Format(LangEN), k.Format(LangKO)
		assert.NotEmpty(t, en, "%s: no English", k)
		assert.True(t, hasHangul(ko), "%s: Korean %q has no Hangul", k, ko)
		assert.Len(t, verbRE.FindAllString(ko, -1), len(verbRE.FindAllString(en, -1)), "%s: %q and %q take different arguments", k, en, ko)
		// Filled with distinct numbers (and words for %s), both read every
		// argument once and write the same numbers.
		var args []any
		for i, v := range verbRE.FindAllString(en, -1) {
			switch v[len(v)-1] {
			case 's', 'v':
				args = append(args, "w"+itoa(i))
			default:
				args = append(args, 100+i)
			}
		}
		outEN, outKO := noteMessage(LangEN, k, append([]any(nil), args...)), noteMessage(LangKO, k, append([]any(nil), args...))
		assert.NotContains(t, outEN+outKO, "%!", "%s: %q / %q", k, outEN, outKO)
		assert.ElementsMatch(t, regexp.MustCompile(`\d+|w\d`).FindAllString(stripFixed(en, outEN), -1), regexp.MustCompile(`\d+|w\d`).FindAllString(stripFixed(ko, outKO), -1), "%s: %q / %q", k, outEN, outKO)
	}
	assert.Greater(t, len(ids), 40)
}

// stripFixed removes from out the digits the format itself writes ("4
// bytes", "RFC 4884"), leaving those of the arguments.
func stripFixed(format, out string) string {
	for _, d := range regexp.MustCompile(`\d+`).FindAllString(verbRE.ReplaceAllString(format, ""), -1) {
		out = strings.Replace(out, d, "", 1)
	}
	return out
}

// TestKoreanLabelTable: every Korean label is Hangul (an English term may
// follow in parentheses, never stand alone).
func TestKoreanLabelTable(t *testing.T) {
	for id, s := range labelsKO {
		assert.True(t, hasHangul(s), "field %s: Korean label %q has no Hangul", id, s)
	}
	for k, s := range labelVariantsKO {
		assert.True(t, hasHangul(s), "field %s %q: Korean label %q has no Hangul", k[0], k[1], s)
	}
}

// langFrames are the frames the language tests walk: every testdata
// capture, every fuzz seed at every start layer, the frames that carry
// codec's names (codecNameFrames), and one message of every
// type of the ICMPv4 and ICMPv6 registries behind an IP header, well
// formed and cut short.
func langFrames(t *testing.T) []langFrame {
	t.Helper()
	var out []langFrame
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.pcap"))
	require.NotEmpty(t, paths)
	for _, p := range paths {
		out = append(out, readLangCapture(t, p)...)
	}
	for _, s := range fuzzSeeds {
		for l := range layerNames {
			out = append(out, langFrame{name: "seed", data: seedBytes(s), layer: Layer(l)})
		}
	}
	// The budget notes: nesting past the depth limit, long option chains,
	// fragments beyond the reassembler's bounds.
	for name, data := range map[string][]byte{
		"IP in IP": hostile.NestedIPinIP(40), "errors quoting errors": hostile.NestedErrors(30), "option chain": hostile.LongOptionChain(40),
	} {
		out = append(out, langFrame{name: name, data: data, layer: LayerIP})
	}
	out = append(out, codecNameFrames()...)
	for i, fr := range hostile.Fragments(3, 64, 0x4242) {
		out = append(out, langFrame{name: "fragment " + itoa(i), data: fr, layer: LayerIPv4})
	}
	a4, b4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	a6, b6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	quote := ipv4(b4, a4, codec.ProtoUDP, 1, 7, udp(b4, a4, 40000, 33434, make([]byte, 12)))
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		for _, ti := range codec.Types(fam) {
			for _, code := range append([]codec.Code{0}, codeNumbers(ti)...) {
				body := codec.RawBody(append(make([]byte, 4), quote...))
				h := codec.Header{Family: fam, Type: ti.Type, Code: code, Src: a4, Dst: b4}
				var frame []byte
				if fam == codec.IPv4 {
					frame = ipv4(a4, b4, codec.ProtoICMP, 64, 1, codec.Append(nil, h, body))
				} else {
					h.Src, h.Dst = a6, b6
					frame = ipv6(a6, b6, codec.ProtoICMPv6, 64, codec.Append(nil, h, body))
				}
				out = append(out, langFrame{name: fam.String() + " " + ti.Name, data: frame, layer: LayerIP})
				out = append(out, langFrame{name: fam.String() + " " + ti.Name + " cut", data: frame[:len(frame)-20], layer: LayerIP})
			}
		}
	}
	return out
}

func codeNumbers(ti codec.TypeInfo) []codec.Code {
	var cs []codec.Code
	for _, c := range ti.Codes {
		cs = append(cs, c.Code)
	}
	return cs
}

type langFrame struct {
	name  string
	data  []byte
	layer Layer
	opt   Options
}

func readLangCapture(t *testing.T, path string) []langFrame {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	r, err := capture.NewReader(bytes.NewReader(b))
	require.NoError(t, err, path)
	var out []langFrame
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err, path)
		l, _ := LayerForLinkType(uint32(p.LinkType))
		out = append(out, langFrame{name: filepath.Base(path), data: append([]byte(nil), p.Data...), layer: l,
			opt: Options{Number: p.Index, Time: p.Time, Len: p.OrigLen}})
	}
}

// TestKoreanDissection dissects every frame of langFrames in English and
// in Korean, each with its own reassembler: the two trees have the same
// fields at the same bytes and the same notes at the same offsets; every
// Korean label, note, summary and sentence is written in Hangul, and no
// label, value, note, summary or sentence carries an English word outside
// koreanKeeps' kinds (lang_words_test.go).
func TestKoreanDissection(t *testing.T) {
	checkKorean(t, langFrames(t))
}

// checkKorean is TestKoreanDissection over frames, shared with the test
// that walks the shared corpus natively.
func checkKorean(t *testing.T, frames []langFrame) {
	fields, kinds := map[string]bool{}, map[NoteKind]bool{}
	left := englishAudit{}
	quick := 0
	raEN, raKO := NewReassembler(), NewReassembler()
	for i, fr := range frames {
		where := fr.name + " #" + itoa(i)
		// Where the bytes start, and why, in both languages.
		lEN, whyEN := GuessWhy(fr.data)
		lKO, whyKO := GuessWhyIn(fr.data, LangKO)
		assert.Equal(t, lEN, lKO, where)
		assert.True(t, hasHangul(whyKO), "%s: guess reason %q", where, whyKO)
		numsEN, numsKO := whyEN, whyKO // the same numbers, the registry's names aside
		if len(fr.data) > 0 {
			for _, fam := range []codec.Family{codec.IPv6, codec.IPv4} { // v6 first: its names may hold v4's
				numsEN = strings.ReplaceAll(numsEN, codec.TypeName(fam, codec.Type(fr.data[0])), "")
				numsKO = strings.ReplaceAll(numsKO, codec.TypeNameKO(fam, codec.Type(fr.data[0])), "")
			}
		}
		assert.ElementsMatch(t, regexp.MustCompile(`\d+`).FindAllString(numsEN, -1), regexp.MustCompile(`\d+`).FindAllString(numsKO, -1), "%s: %q / %q", where, whyEN, whyKO)
		oEN, oKO := fr.opt, fr.opt
		oEN.Reassembler, oKO.Reassembler = raEN, raKO
		oKO.Lang = LangKO
		en := Dissect(fr.data, fr.layer, oEN)
		ko := Dissect(fr.data, fr.layer, oKO)
		require.Equal(t, LangKO, ko.Lang)
		sameShape(t, where, en.Root, ko.Root, fields, left)
		// The summary line is Src → Dst, the protocol column, the length and
		// Info: the protocol column ("ICMP", "Ethernet", "Data") names the
		// innermost protocol as tshark's column does, the same in every
		// language (Wireshark's Korean interface keeps it), so only the
		// rest is read for English.
		left.check(where, "summary", ko.Src+" "+ko.Dst+" "+ko.Info)
		require.Len(t, ko.Notes, len(en.Notes), where)
		for j, n := range ko.Notes {
			assert.Equal(t, en.Notes[j].Kind, n.Kind, where)
			assert.Equal(t, en.Notes[j].Offset, n.Offset, where)
			assert.NotEqual(t, NoteNone, n.Kind, "%s: note %q has no kind", where, en.Notes[j].Message)
			assert.True(t, hasHangul(n.Message), "%s: note %q", where, n.Message)
			// No English sentence inside a Korean note, codec's errors
			// included (their want and have come from codec's Korean);
			// English kept beside a Korean term, in parentheses, aside.
			assert.NotRegexp(t, englishInKorean, besideTerms.ReplaceAllString(n.Message, ""), "%s: note %q", where, n.Message)
			left.check(where, "note "+n.Kind.String(), n.Message)
			kinds[n.Kind] = true
		}
		assert.Equal(t, en.Src, ko.Src, where)
		assert.Equal(t, en.Dst, ko.Dst, where)
		if en.ICMP != nil {
			assert.True(t, hasHangul(ko.Info), "%s: summary %q", where, ko.Summary)
			assert.Equal(t, en.ICMP.Sentence == "", ko.ICMP.Sentence == "", where)
			if ko.ICMP.Sentence != "" {
				assert.True(t, hasHangul(ko.ICMP.Sentence), "%s: sentence %q", where, ko.ICMP.Sentence)
				left.check(where, "sentence", ko.ICMP.Sentence)
			}
		}
		var tree bytes.Buffer
		require.NoError(t, WriteTree(&tree, ko))
		require.NoError(t, WriteLine(&tree, ko, ko.Time))
		// The summary fast path writes the Korean line Dissect writes.
		if fr.opt.Len <= len(fr.data) {
			qo := fr.opt
			qo.Lang = LangKO
			if line, ok := AppendQuickLine(nil, fr.data, fr.layer, qo, ko.Time); ok {
				var want bytes.Buffer
				require.NoError(t, WriteLine(&want, Dissect(fr.data, fr.layer, qo), ko.Time))
				assert.Equal(t, want.String(), string(line), where)
				quick++
			}
		}
	}
	t.Logf("%d frames, %d field ids, %d note kinds met, %d Korean quick lines", len(frames), len(fields), len(kinds), quick)
	left.report(t)
	assert.Greater(t, len(fields), 100, "the walk met too few fields to mean anything")
}

// sameShape compares two trees node by node and checks the Korean labels
// and values: some Hangul in every label, and no English word left in a
// label or a value (englishLeft).
func sameShape(t *testing.T, where string, en, ko []*Node, fields map[string]bool, left englishAudit) {
	t.Helper()
	require.Len(t, ko, len(en), where)
	for i, e := range en {
		k := ko[i]
		require.Equal(t, e.Field, k.Field, where)
		require.Equal(t, [4]int{e.Offset, e.Length, int(e.Mask), e.Source}, [4]int{k.Offset, k.Length, int(k.Mask), k.Source}, "%s: %s", where, e.Field)
		assert.Equal(t, e.Explain, k.Explain, where)
		if !hasHangul(k.Label) {
			t.Errorf("%s: field %s (%q) has no Korean label: %q", where, e.Field, e.Label, k.Label)
		}
		left.check(where, e.Field+" label", k.Label)
		if !packetTextFields[e.Field] {
			left.check(where, e.Field+" value", k.Value)
		}
		fields[e.Field] = true
		sameShape(t, where, e.Kids, k.Kids, fields, left)
	}
}

// TestKoreanWords pins the words issue 14 names: a time exceeded quoting a
// UDP probe, in the tree, the summary and the sentence.
func TestKoreanWords(t *testing.T) {
	a, r := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.9")
	probe := ipv4(a, netip.MustParseAddr("198.18.1.9"), codec.ProtoUDP, 1, 0x3001, udp(a, netip.MustParseAddr("198.18.1.9"), 40000, 33435, make([]byte, 24)))
	te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: probe})
	f := Dissect(ipv4(r, a, codec.ProtoICMP, 255, 9, te), LayerIPv4, Options{Lang: LangKO})
	assert.Equal(t, "198.18.0.9 → 198.18.0.1 ICMP 80 시간 초과 (전송 중 TTL(Time to Live) 초과) [인용: 198.18.0.1 → 198.18.1.9 UDP 40000 → 33435]", f.Summary)
	assert.Equal(t, "보낸 UDP 프로브 (목적지 198.18.1.9 포트 33435)가 198.18.0.9에서 만료됨 (TTL 초과); 인용에 보이는 TTL 1: 버려질 때 남아 있던 값이며, 보낼 때의 값이 아님", f.ICMP.Sentence)
	ip := f.Root[0]
	assert.Equal(t, "인터넷 프로토콜 버전 4 (IPv4)", ip.Label)
	assert.Equal(t, "출발지: 198.18.0.9, 목적지: 198.18.0.1", ip.Value)
	byField := map[string]*Node{}
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			if byField[n.Field] == nil {
				byField[n.Field] = n
			}
			walk(n.Kids)
		}
	}
	walk(f.Root)
	assert.Equal(t, "생존 시간 TTL (Time to Live)", byField["ip.ttl"].Label)
	assert.Equal(t, "20바이트 (5)", byField["ip.hdr_len"].Value)
	assert.Equal(t, "분할 금지 (Don't Fragment)", byField["ip.flags.df"].Label)
	assert.Equal(t, "설정 안 됨 (Not set)", byField["ip.flags.df"].Value)
	assert.True(t, strings.HasSuffix(byField["ip.checksum"].Value, " [정상]"), byField["ip.checksum"].Value)
	assert.Equal(t, "11 (시간 초과)", byField["icmp.type"].Value)
	assert.Equal(t, "체크섬 (Checksum)", byField["icmp.checksum"].Label)

	// A malformed packet: the total length promises more than was captured.
	bad := ipv4(a, r, codec.ProtoICMP, 64, 1, echo4(codec.ICMPv4EchoRequest, 1, 1, 8))
	bad[3] += 40
	f = Dissect(bad, LayerIPv4, Options{Lang: LangKO})
	require.NotEmpty(t, f.Errors)
	assert.Equal(t, NoteIPv4TotalLong, f.Errors[0].Kind)
	assert.Equal(t, "IPv4 전체 길이(Total Length) 76 값이 캡처된 36바이트보다 김", f.Errors[0].Message)
	en := Dissect(bad, LayerIPv4, Options{})
	assert.Equal(t, "IPv4 total length 76 exceeds the 36 captured bytes", en.Errors[0].Message)
}

// TestKoreanReassemblyNotes: what a reassembler gives up to keep its
// bounds is noted in Korean with the same numbers.
func TestKoreanReassemblyNotes(t *testing.T) {
	for _, l := range []Lang{LangEN, LangKO} {
		ra := NewReassembler()
		ra.MaxDatagrams = 1
		var notes []Note
		for id := uint16(1); id <= 3; id++ {
			fr := hostile.Fragments(2, 64, id)[0] // each datagram's first fragment only
			notes = append(notes, Dissect(fr, LayerIPv4, Options{Reassembler: ra, Lang: l}).Notes...)
		}
		var given []Note
		for _, n := range notes {
			if n.Kind == NoteGivenUpOldest {
				given = append(given, n)
			}
		}
		require.Len(t, given, 2, "%s: %v", l, notes)
		if l == LangKO {
			assert.Equal(t, "재조립 중인 가장 오래된 데이터그램을 포기함: 재조립 중인 데이터그램이 1개를 넘음", given[0].Message)
		} else {
			assert.Equal(t, "the oldest datagram in reassembly given up: more than 1 datagrams in reassembly", given[0].Message)
		}
	}
}

// TestKoreanDiagramText: `decode --format diagram --lang ko` says its frame
// line and header sizes in Korean too, as the tree format does.
func TestKoreanDiagramText(t *testing.T) {
	a, b := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	echo := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 1, Seq: 1})
	f := Dissect(ipv4(a, b, codec.ProtoICMP, 64, 7, echo), LayerIPv4, Options{Number: 1, Lang: LangKO})
	var out strings.Builder
	require.NoError(t, WriteDiagrams(&out, f))
	assert.Contains(t, out.String(), "프레임 1: 회선상 28바이트, 캡처 28바이트")
	assert.Contains(t, out.String(), "(IPv4) (20바이트)")
	assert.NotContains(t, out.String(), "bytes")
}
