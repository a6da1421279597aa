package filter

import (
	"encoding/hex"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// Fixtures (raw IPv4, built with the codec's checksum rules):
//
//	echo:  198.18.0.1 → 198.18.0.2 ICMP 60 Echo (ping) request id=0x1234, seq=7, ttl=64
//	te:    10.1.1.1 → 198.18.0.1 ICMP 68 Time-to-live exceeded, ttl=254, quoting
//	       198.18.0.1 → 198.18.0.2 UDP 40000 → 33435 ttl=1
//	ethEcho: echo behind Ethernet II 02:00:00:00:00:0a → 02:00:00:00:00:0b
var (
	echoHex    = "4500003c000100004001ee98c6120001c612000208009f6e123400076162636465666768616263646566676861626364656667686162636465666768"
	teHex      = "4500004400010000fe01eba20a010101c61200010b00033d00000000450000280009000001112d95c6120001c61200029c40829b00140000787878787878787878787878"
	ethEchoHex = "02000000000b02000000000a0800" + echoHex
)

func frame(t *testing.T, h string, start dissect.Layer) *dissect.Frame {
	t.Helper()
	b, err := hex.DecodeString(h)
	require.NoError(t, err)
	return dissect.Dissect(b, start, dissect.Options{Number: 3})
}

func TestMatch(t *testing.T) {
	echo := frame(t, echoHex, dissect.LayerIPv4)
	te := frame(t, teHex, dissect.LayerIPv4)
	eth := frame(t, ethEchoHex, dissect.LayerEthernet)
	cases := []struct {
		expr          string
		echo, te, eth bool
	}{
		{"icmp", true, true, true},
		{"icmpv6", false, false, false},
		{"!icmpv6", true, true, true},
		{"icmp.type == 8", true, false, true},
		{"icmp.type eq 11", false, true, false},
		{"icmp.type == 0x0b", false, true, false},
		{"icmp.type in {0 8}", true, false, true},
		{"icmp.type in {0, 3..11}", true, true, true},
		{"icmp.type in {0, 9..11}", false, true, false},
		{"icmp.type == 11 && ip.src in 10.0.0.0/8", false, true, false},
		{"ip.src == 198.18.0.1", true, true, true}, // te: the quoted datagram's source
		{"ip.src == 198.18.0.0/16", true, true, true},
		{"ip.dst == 198.18.0.2", true, true, true},
		{"ip.addr == 10.1.1.1", false, true, false},
		{"ip.src != 198.18.0.1", false, false, false}, // != is "no occurrence equals"
		{"ip.ttl == 1", false, true, false},
		{"ip.ttl > 100", false, true, false},
		{"ip.ttl le 64", true, true, true},
		{"ip.proto == 17", false, true, false},
		{"ip.hdr_len == 20", true, true, true},
		{"ip.len == 60", true, false, true},
		{"udp", false, true, false},
		{"udp.dstport >= 33434", false, true, false},
		{"udp.port == 40000", false, true, false},
		{"tcp.port == 80", false, false, false},
		{"icmp.code != 0", false, false, false},
		{"icmp.ident == 0x1234 and icmp.seq == 7", true, false, true},
		{"icmp.checksum_bad", false, false, false},
		{"icmp.checksum.status == 1", true, true, true},
		{"frame.len > 64", false, true, true},
		{"frame.number == 3", true, true, true},
		{"eth", false, false, true},
		{"eth.src == 02:00:00:00:00:0a", false, false, true},
		{"eth.addr == 02-00-00-00-00-0b", false, false, true},
		{"not (icmp.type == 8 or icmp.type == 11)", false, false, false},
		{"!(icmp.type == 8) && ip", false, true, false},
		{"icmp.type == 8 || icmp.type == 11 && ip.ttl == 1", true, true, true}, // && binds tighter
		{"ipv6.src == 2001:2::1", false, false, false},
	}
	for _, c := range cases {
		f, err := Compile(c.expr)
		require.NoError(t, err, c.expr)
		assert.Equal(t, c.echo, f.Match(echo), "%s on echo", c.expr)
		assert.Equal(t, c.te, f.Match(te), "%s on time exceeded", c.expr)
		assert.Equal(t, c.eth, f.Match(eth), "%s on Ethernet echo", c.expr)
		for _, fr := range []*dissect.Frame{echo, te, eth} {
			start := dissect.LayerIPv4
			if fr == eth {
				start = dissect.LayerEthernet
			}
			if m, ok := f.MatchBytes(fr.Data, start, fr.Number, 0); ok {
				assert.Equal(t, f.Match(fr), m, "%s: quick path disagrees with the tree", c.expr)
			}
		}
	}
}

func TestQuickPathTaken(t *testing.T) {
	b, _ := hex.DecodeString(echoHex)
	f := MustCompile("icmp.type == 8 && ip.src in 198.18.0.0/15")
	m, ok := f.MatchBytes(b, dissect.LayerAuto, 1, 0)
	require.True(t, ok, "an echo is decided without a tree")
	assert.True(t, m)

	te, _ := hex.DecodeString(teHex)
	m, ok = MustCompile("udp.dstport == 33435 && ip.ttl == 1").MatchBytes(te, dissect.LayerAuto, 1, 0)
	require.True(t, ok, "an error quoting a UDP probe is read without a tree, quote included")
	assert.True(t, m, "the quoted probe's port and TTL")
	m, ok = MustCompile("ip.ttl == 254 && !udp.dstport").MatchBytes(te, dissect.LayerAuto, 1, 0)
	require.True(t, ok)
	assert.False(t, m)

	_, ok = MustCompile("icmp.mpls.label == 16").MatchBytes(b, dissect.LayerAuto, 1, 0)
	assert.False(t, ok, "extensions are not read by the quick path")
	echo := dissect.Dissect(b, dissect.LayerAuto, dissect.Options{Number: 1, Len: len(b) + 10})
	m, ok = f.MatchBytes(b, dissect.LayerAuto, 1, len(b)+10)
	require.True(t, ok, "a frame whose capture ends after its datagram is read without a tree")
	assert.Equal(t, f.Match(echo), m)
	m, ok = MustCompile("icmp.type == 11 && ip.src in 198.18.0.0/15").MatchBytes(te[:len(te)-30], dissect.LayerAuto, 1, len(te))
	require.True(t, ok, "a time exceeded the capture cut inside its quote is read as far as it goes")
	assert.Equal(t, MustCompile("icmp.type == 11 && ip.src in 198.18.0.0/15").Match(dissect.Dissect(te[:len(te)-30], dissect.LayerAuto, dissect.Options{Number: 1, Len: len(te)})), m)
	m, ok = MustCompile("icmp.checksum.status == 2 && !icmp.checksum_bad").MatchBytes(te[:len(te)-30], dissect.LayerAuto, 1, len(te))
	require.True(t, ok)
	assert.True(t, m, "a message the capture cut cannot have its checksum verified")
	_, ok = MustCompile("frame.len > 64").MatchBytes(b[:3], dissect.LayerAuto, 1, len(b)+10)
	assert.False(t, ok, "a frame cut short needs the tree, even for frame.* alone")
	frag := append([]byte(nil), b...)
	frag[6] |= 0x20 // more fragments: the rest is in other frames
	frag[10], frag[11] = 0, 0
	sum := codec.Checksum(frag[:20])
	frag[10], frag[11] = byte(sum>>8), byte(sum)
	_, ok = MustCompile("frame.len > 64").MatchBytes(b, dissect.LayerAuto, 1, 0)
	require.True(t, ok, "the same datagram whole is decided")
	_, ok = MustCompile("frame.len > 64").MatchBytes(frag, dissect.LayerAuto, 1, 0)
	assert.False(t, ok, "a fragment is left to the tree, which a Reassembler must see")
}

// TestCompileErrors: each bad expression fails at its column with the
// same error in English and Korean, worded from the one catalogue.
func TestCompileErrors(t *testing.T) {
	cases := []struct {
		expr string
		col  int
		msg  string // English, as `icmplab decode -Y` prints it
		ko   string // the same error from the Korean catalogue
	}{
		{"icmp.typ == 11", 1, "unknown field \"icmp.typ\" at column 1; did you mean icmp.type?",
			"알 수 없는 필드 \"icmp.typ\" (1번째 글자); 혹시 icmp.type?"},
		{"icmp.type == 11 && ip.scr == 1.2.3.4", 20, "unknown field \"ip.scr\" at column 20; did you mean ip.src?",
			"알 수 없는 필드 \"ip.scr\" (20번째 글자); 혹시 ip.src?"},
		{"icmp.type = 11", 11, "unexpected \"=\" at column 11; compare with ==",
			"여기에 올 수 없는 \"=\" (11번째 글자); 같은지 비교하려면 =="},
		{"icmp.type == ", 14, "expected a number to compare icmp.type with, found end of expression at column 14",
			"icmp.type 필드와 비교할 숫자 값이 필요함 (찾은 것: 식의 끝) (14번째 글자)"},
		{"icmp.type == foo", 14, "\"foo\" is not an integer (icmp.type holds a number) at column 14",
			"\"foo\": 정수 형식이 아님 (icmp.type 필드의 값은 숫자) (14번째 글자)"},
		{"ip.src == 300.1.1.1", 11, "\"300.1.1.1\" is not an IPv4 or IPv6 address (ip.src holds an address) at column 11",
			"\"300.1.1.1\": IPv4나 IPv6 주소 형식이 아님 (ip.src 필드의 값은 주소) (11번째 글자)"},
		{"(icmp.type == 8", 16, "expected \")\" to close the \"(\" at column 1, found end of expression at column 16",
			"1번째 글자의 \"(\"를 닫는 \")\"가 필요함 (찾은 것: 식의 끝) (16번째 글자)"},
		{"icmp.type == 8)", 15, "unmatched \")\" at column 15",
			"짝이 되는 \"(\"가 없는 \")\" (15번째 글자)"},
		{"icmp.type in {0 8", 18, "expected \"}\" to close the set at column 14 at column 18",
			"14번째 글자의 집합을 닫는 \"}\"가 없음 (18번째 글자)"},
		{"icmp.type in {}", 15, "empty set at column 15",
			"집합이 비어 있음 (15번째 글자)"},
		{"icmp == 1", 6, "icmp has no value to compare; use it alone to test that it is present at column 6",
			"icmp에는 비교할 값이 없음: 있는지만 보려면 이름만 쓰세요 (6번째 글자)"},
		{"icmp icmpv6", 6, "unexpected \"icmpv6\" at column 6; join tests with && or ||",
			"여기에 올 수 없는 \"icmpv6\" (6번째 글자); 검사는 &&나 ||로 이으세요"},
		{"", 1, "empty expression at column 1",
			"식이 비어 있음 (1번째 글자)"},
		{"&& icmp", 1, "expected a field name, found \"&&\" at column 1",
			"필드 이름이 필요함 (찾은 것: \"&&\") (1번째 글자)"},
		{"ip.src < 10.0.0.0/8", 10, "a network can only be tested with ==, != or in at column 10",
			"네트워크는 ==, !=, in으로만 비교할 수 있음 (10번째 글자)"},
		{"ip.src == ip.dst", 11, "comparing two fields is not supported at column 11",
			"두 필드끼리 비교하는 것은 지원하지 않음 (11번째 글자)"},
		{"frame contains \"x\"", 7, "operator contains is not supported at column 7",
			"contains 연산자는 지원하지 않음 (7번째 글자)"},
		{"icmp.type == 1 & icmp", 16, "unexpected \"&\" at column 16; use &&",
			"여기에 올 수 없는 \"&\" (16번째 글자); && 연산자를 쓰세요"},
		{"ip.src == \"10.0.0.1", 11, "unterminated string at column 11",
			"문자열의 닫는 따옴표(\")가 없음 (11번째 글자)"},
		{`icmp.type "eq" 8`, 11, "unexpected string \"eq\" at column 11; join tests with && or ||",
			"여기에 올 수 없는 문자열 \"eq\" (11번째 글자); 검사는 &&나 ||로 이으세요"},
		{"é == 1", 1, "unexpected character \"é\" at column 1",
			"식에 쓸 수 없는 문자 \"é\" (1번째 글자)"},
		{"icmp.type == 8 && é", 19, "unexpected character \"é\" at column 19",
			"식에 쓸 수 없는 문자 \"é\" (19번째 글자)"},
	}
	for _, c := range cases {
		_, err := Compile(c.expr)
		var fe *Error
		require.ErrorAs(t, err, &fe, c.expr)
		assert.Equal(t, c.col, fe.Column(), c.expr)
		assert.Equal(t, c.msg, fe.Error(), c.expr)
		assert.Equal(t, c.msg, fe.In(dissect.LangEN), c.expr)
		assert.Equal(t, c.ko, fe.In(dissect.LangKO), c.expr)
	}
}

func TestValues(t *testing.T) {
	echo := frame(t, echoHex, dissect.LayerIPv4)
	for _, e := range []string{
		`ip.src == "198.18.0.1"`, "icmp.seq == 07", "icmp.ident == 4660", "icmp.type in {8}",
		"icmp.type == 8 AND ip", "icmp.type EQ 8", "ip.dst in {10.0.0.0/8 198.18.0.2}", "ip.ttl >= 64 && ip.ttl <= 64",
		"ip.src < 198.18.0.2", "icmp.seq > 0x6",
	} {
		f, err := Compile(e)
		require.NoError(t, err, e)
		assert.True(t, f.Match(echo), e)
	}
	_, err := Compile("ICMP.type == 8")
	assert.Error(t, err, "field names are case-sensitive, as in Wireshark")
}

func TestFieldsList(t *testing.T) {
	fs := Fields()
	require.NotEmpty(t, fs)
	names := map[string]string{}
	for i, f := range fs {
		assert.NotEmpty(t, f.Desc, f.Name)
		if i > 0 {
			assert.Less(t, fs[i-1].Name, f.Name, "sorted, no duplicates")
		}
		names[f.Name] = f.Type
	}
	for _, n := range []string{"ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len", "ipv6.src", "ipv6.dst", "ipv6.hlim",
		"ipv6.nxt", "icmp.type", "icmp.code", "icmp.checksum", "icmp.ident", "icmp.seq", "icmpv6.type", "icmpv6.code",
		"udp.srcport", "udp.dstport", "udp.port", "tcp.srcport", "tcp.dstport", "tcp.port", "frame.len", "frame.number",
		"eth.src", "eth.dst", "icmp", "icmpv6", "ip", "ipv6", "udp", "tcp", "icmp.checksum_bad", "icmp.checksum.status"} {
		assert.Contains(t, names, n)
	}
	assert.Equal(t, "address", names["ip.src"])
	assert.Equal(t, "protocol", names["icmp"])
	assert.Equal(t, []string{"icmp.type", "ip.src"}, MustCompile("icmp.type == 3 || ip.src == 1.1.1.1 && icmp.type == 4").Fields())
}

// Every field has a Korean description for the page's completion: in
// Hangul, unless it is a protocol's name alone (IPv4, UDP...), which
// Korean textbooks leave as it is; the names and types do not change.
func TestFieldsInKorean(t *testing.T) {
	en, ko := Fields(), FieldsIn(dissect.LangKO)
	require.Len(t, ko, len(en))
	for i := range en {
		assert.Equal(t, en[i].Name, ko[i].Name)
		assert.Equal(t, en[i].Type, ko[i].Type)
		require.NotEmpty(t, ko[i].Desc, en[i].Name)
		if ko[i].Desc == en[i].Desc {
			assert.Equal(t, "protocol", en[i].Type, "%s: only a protocol's name is the same in Korean", en[i].Name)
			continue
		}
		assert.True(t, strings.ContainsFunc(ko[i].Desc, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }),
			"%s: %q is in Hangul", en[i].Name, ko[i].Desc)
	}
}
