package textdump

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

// An ICMPv4 echo request with its IPv4 header (tcpdump:
// "IP 198.18.0.1 > 198.18.0.2: ICMP echo request, id 12230, seq 1, length 8"),
// built for these tests; the IPv4 header checksum verifies.
const echoHex = "4500001c5cbf4000400151c2c6120001c6120002" + "0800f0ed2fc60001"

var echo, _ = hex.DecodeString(echoHex)

func mustParse(t *testing.T, text string, opt Options) Result {
	t.Helper()
	res, err := Parse(text, opt)
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return res
}

func TestPlainHexVariants(t *testing.T) {
	spaced := strings.TrimSpace(Format(PlainHex, echo))
	upper := strings.ToUpper(echoHex)
	var prefixed, commas, colons, escaped strings.Builder
	for i := 0; i < len(echoHex); i += 2 {
		if i > 0 {
			commas.WriteString(", ")
			colons.WriteString(":")
			prefixed.WriteString(" ")
		}
		prefixed.WriteString("0x" + echoHex[i:i+2])
		commas.WriteString("0x" + upper[i:i+2])
		colons.WriteString(echoHex[i : i+2])
		escaped.WriteString(`\x` + echoHex[i:i+2])
	}
	mixed := "4500001C 5cbf4000\n400151C2\nc6120001c6120002-0800f0ed-2fc60001"
	// Wireshark's "Copy as Escaped String", cut over two lines.
	quoted := `"` + escaped.String()[:40] + `" \` + "\n" + `"` + escaped.String()[40:] + `"`
	for _, text := range []string{echoHex, upper, spaced, prefixed.String(), commas.String(), colons.String(), escaped.String(), quoted, mixed, "  " + echoHex + "  \r\n"} {
		res := mustParse(t, text, Options{})
		if res.Dialect != PlainHex || len(res.Packets) != 1 || !bytes.Equal(res.Packets[0].Data, echo) {
			t.Errorf("Parse(%q) = %v %x", text, res.Dialect, res.Packets)
		}
	}
	// Offsets shorter than xxd's or od's, as other programs print them, are
	// offsets all the same when the dump starts at 0; "4500 00 1c" is not.
	for text, want := range map[string]Dialect{
		"0000: 45 00 00 1c 5c bf 40 00 40 01 51 c2 c6 12 00 01\n0010: c6 12 00 02 08 00 f0 ed 2f c6 00 01\n": XXDBytes,
		"0000 45 00 00 1c 5c bf 40 00 40 01 51 c2 c6 12 00 01\n0010 c6 12 00 02 08 00 f0 ed 2f c6 00 01\n":   OD,
	} {
		res := mustParse(t, text, Options{})
		if res.Dialect != want || len(res.Packets) != 1 || !bytes.Equal(res.Packets[0].Data, echo) {
			t.Errorf("Parse(%q) = %v %x", text, res.Dialect, res.Packets)
		}
	}
	if res := mustParse(t, "4500 00 1c", Options{}); res.Dialect != PlainHex || len(res.Packets[0].Data) != 4 {
		t.Errorf("4500 00 1c: %v %x", res.Dialect, res.Packets)
	}

	// Blank lines separate packets.
	res := mustParse(t, echoHex+"\n\n"+echoHex[:8]+"\n", Options{})
	if len(res.Packets) != 2 || !bytes.Equal(res.Packets[1].Data, echo[:4]) || res.Packets[1].Line != 3 {
		t.Errorf("two blocks: %+v", res.Packets)
	}
}

// Wireshark's "Copy as Hex Dump" puts three spaces after the offset and
// before the ASCII; tshark -x two and three. The ASCII here holds "dead"
// and "beef": it must not be read.
func TestWiresharkCopyAndASCIIColumn(t *testing.T) {
	text := "0000   de ad be ef 64 65 61 64 20 62 65 65 66 00 01 02   ....dead beef...\n" +
		"0010   ca fe                                             ..\n"
	res := mustParse(t, text, Options{})
	want, _ := hex.DecodeString("deadbeef6465616420626565660001" + "02cafe")
	if res.Dialect != WiresharkHexDump || len(res.Packets) != 1 || !bytes.Equal(res.Packets[0].Data, want) {
		t.Fatalf("got %v %x", res.Dialect, res.Packets)
	}
	// tshark -x adds the titles of data sources when there are several;
	// only the frame's own bytes are a packet.
	text = "Frame (18 bytes):\n" + text + "Reassembled IPv4 (4 bytes):\n0000  01 02 03 04   ....\n"
	res = mustParse(t, text, Options{})
	if len(res.Packets) != 1 || !bytes.Equal(res.Packets[0].Data, want) || res.Packets[0].Header != "Frame (18 bytes):" {
		t.Fatalf("with data sources: %+v", res.Packets)
	}
}

func TestSourceLiterals(t *testing.T) {
	cases := []struct {
		text    string
		dialect Dialect
		want    []string // hex of each packet
	}{
		{"/* Frame (4 bytes) */\nstatic const unsigned char pkt1[4] = {\n0x45, 0x00, /* E. */\n0x00, 0x1c };\n" +
			"static const unsigned char pkt2[2] = { 0xde, 0xad };", CArray, []string{"4500001c", "dead"}},
		{"char x[] = {69, 0, 0105, 255,};", CArray, []string{"450045ff"}},
		{"func f() {\n\tb := []byte{0x45, 0x00, // E\n\t\t0x1c}\n\t_ = b\n}", GoSlice, []string{"45001c"}},
		{`pkt = b'E\x00\x00\x1c\\\'"\t'`, PythonBytes, []string{"4500001c5c272209"}},
		{"pkt = (b'E\\x00'\n       b'\\x00\\x1c')  # joined\nother = b'\\xff'", PythonBytes, []string{"4500001c", "ff"}},
		{"[b'\\x01', b'\\x02\\x03']", PythonBytes, []string{"01", "0203"}},
		{"x = bytes.fromhex('45 00 00 1c')\ny = bytes.fromhex(\"dead\")", PythonFromHex, []string{"4500001c", "dead"}},
	}
	for _, c := range cases {
		res := mustParse(t, c.text, Options{})
		if res.Dialect != c.dialect || len(res.Packets) != len(c.want) {
			t.Errorf("Parse(%q) = %v with %d packets, want %v with %d", c.text, res.Dialect, len(res.Packets), c.dialect, len(c.want))
			continue
		}
		for i, w := range c.want {
			if got := hex.EncodeToString(res.Packets[i].Data); got != w {
				t.Errorf("Parse(%q) packet %d = %s, want %s", c.text, i+1, got, w)
			}
		}
	}
}

func TestErrorsNamePlace(t *testing.T) {
	cases := []struct {
		text      string
		opt       Options
		line, col int
		msg       string
	}{
		{"4500\n00 1c 5\n", Options{}, 2, 7, "odd number of hex digits"},
		{"45 00 zz", Options{Dialect: PlainHex}, 1, 7, "'z' is not a hex digit"},
		{"\t0x0000:  4500 001c\n\t0x0010:  4500\n", Options{}, 2, 2, "offset 0x10 where 0x4 was expected (the line before holds 4 bytes)"},
		{"00000000: 4500 0g1c  E...\n", Options{}, 1, 17, "'g' is not a hex digit"},
		{"000000 45 00 01\n*\n000010\n", Options{}, 3, 1, "not a whole number of repeated"},
		{"{0x45, 0x100}", Options{}, 1, 8, "0x100 does not fit in a byte"},
		{"pkt = b'\\x4'", Options{}, 1, 9, "\\x must be followed by two hex digits"},
		{"QUJD\nRA=x\n", Options{}, 2, 3, "'=' padding before the end"},
		{" 45 00\n*\n", Options{}, 2, 1, "'*' repeat line without offsets"},
	}
	for _, c := range cases {
		_, err := Parse(c.text, c.opt)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q): error %v, want a *SyntaxError", c.text, err)
			continue
		}
		if se.Line != c.line || se.Column != c.col || !strings.Contains(se.Msg, c.msg) {
			t.Errorf("Parse(%q): %v; want line %d, column %d, %q", c.text, err, c.line, c.col, c.msg)
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q): %v does not wrap ErrSyntax", c.text, err)
		}
	}
	if _, err := Parse("  \n\n", Options{}); !errors.Is(err, ErrNoBytes) {
		t.Errorf("blank text: %v, want ErrNoBytes", err)
	}
}

// A '*' line can stand for far more bytes than the text holds; the limit
// stops it before any memory is spent.
func TestRepeatLimit(t *testing.T) {
	text := "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\nffffffff0\n"
	_, err := Parse(text, Options{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	res, err := Parse("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000040\n", Options{})
	if err != nil || len(res.Packets) != 1 || len(res.Packets[0].Data) != 64 {
		t.Fatalf("4 lines of zeros: %v %v", err, res.Packets)
	}
}

func TestDialectNames(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Dialects() {
		s := d.String()
		if seen[s] {
			t.Errorf("two dialects named %q", s)
		}
		seen[s] = true
		if back, ok := ParseDialect(s); !ok || back != d {
			t.Errorf("ParseDialect(%q) = %v, %v", s, back, ok)
		}
	}
	var d Dialect
	if err := d.UnmarshalText([]byte("tcpdump -XX")); err != nil || d != TcpdumpXXASCII {
		t.Errorf("UnmarshalText: %v %v", d, err)
	}
	if err := d.UnmarshalText([]byte("wireshark")); err == nil {
		t.Error("UnmarshalText accepted an unknown name")
	}
	if s := Dialect(200).String(); s != "dialect(200)" {
		t.Errorf("unknown dialect prints %q", s)
	}
}
