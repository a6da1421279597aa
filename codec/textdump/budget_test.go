package textdump

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
)

// The text part of the decode budget (README, "The budget"): Parse's live memory
// stays under textFixed plus textPerByte times the text's size (the text
// itself not counted: the caller holds it), and what it allocates under
// textAlloc times that size plus the same constant.
const (
	// textFixed: the lines at DefaultMaxLines (24 bytes each) and the
	// packets at DefaultMaxPackets (about 100 bytes each besides their data).
	textFixed   = DefaultMaxLines*24 + DefaultMaxPackets*100 + 4*hostile.MiB
	textPerByte = 2
	textAlloc   = 8
)

func assertTextBudget(t *testing.T, name string, text string, u hostile.Usage) {
	t.Helper()
	t.Logf("%s: %d bytes of text, peak %d, allocated %d, %v", name, len(text), u.Peak, u.Allocated, u.Elapsed)
	assert.Less(t, u.Peak, uint64(textFixed+textPerByte*len(text)), "%s: peak live heap", name)
	assert.Less(t, u.Allocated, uint64(textFixed+textAlloc*len(text)), "%s: allocated", name)
}

// Issue 11: 60 MB of "45\n\n" (15 million one-byte packets) took 4.4 GB and
// 77 s. Here 4 million of them (16 MB): the first DefaultMaxPackets are
// read, a note says where the rest starts.
func TestBudgetOneBytePackets(t *testing.T) {
	text := hostile.Text(hostile.OneBytePackets(4_000_000))
	var res Result
	var err error
	u := hostile.Measure(func() { res, err = Parse(text, Options{}) })
	require.NoError(t, err)
	assertTextBudget(t, "one-byte packets", text, u)
	assert.Len(t, res.Packets, DefaultMaxPackets)
	require.NotEmpty(t, res.Notes)
	assert.Equal(t, "line 2,000,001: the text has more than 2,000,000 lines: the rest is not read", "line 2,000,001: "+res.Notes[0].Msg)
	assert.Equal(t, "line 200001: the text holds more than 100,000 packets: the rest is not read", res.Notes[len(res.Notes)-1].String())
}

// Every dialect's reader stops at the packet limit, with a note, and reads
// in time and memory in proportion to the text: 150,000 small packets
// formatted by the dialect's own writer.
func TestBudgetEveryDialect(t *testing.T) {
	const n = DefaultMaxPackets + 50_000
	pk := make([][]byte, n)
	for i := range pk {
		pk[i] = []byte{0x45, byte(i), byte(i >> 8), 0}
	}
	for _, d := range Dialects() {
		text := Format(d, pk...)
		var res Result
		var err error
		u := hostile.Measure(func() { res, err = Parse(text, Options{Dialect: d}) })
		require.NoError(t, err, "%v", d)
		assertTextBudget(t, d.String(), text, u)
		if len(res.Packets) == 1 {
			continue // a dialect that cannot mark packet boundaries (one stream)
		}
		assert.Len(t, res.Packets, DefaultMaxPackets, "%v", d)
		require.NotEmpty(t, res.Notes, "%v", d)
		assert.Contains(t, res.Notes[len(res.Notes)-1].Msg, "more than 100,000 packets", "%v", d)
	}
}

// Very long lines, nested quotes, long runs of separators, comments
// never closed: each reads in proportion to its length.
func TestBudgetLongLines(t *testing.T) {
	hex := strings.Repeat("45", 8<<20) // one 16 MB line, 8 MiB of bytes
	cases := map[string]string{
		"one line of hex":         hex,
		"separators":              "45" + strings.Repeat(" ,:;", 4<<20) + "00",
		"C array, one element":    "unsigned char p[] = {" + strings.Repeat("0x45, ", 2<<20) + "};",
		"unclosed comment":        "{0x45}" + strings.Repeat("/*", 4<<20),
		"python nested quotes":    `b'` + strings.Repeat(`\x45\'"`, 1<<20) + `'`,
		"fromhex repeated":        strings.Repeat(`bytes.fromhex("45") `, 300_000),
		"base64 one line":         strings.Repeat("RQ==", 1) + strings.Repeat("QUFB", 4<<20),
		"tcpdump header only":     strings.Repeat("12:00:00.000000 IP 198.18.0.1 > 198.18.0.2: ICMP\n", 200_000),
		"xxd offsets, no bytes":   strings.Repeat("00000000: \n", 500_000),
		"blank lines":             "45" + strings.Repeat("\n", 16<<20) + "45",
		"star lines (hexdump -C)": "00000000  45 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |E...............|\n" + strings.Repeat("*\n", 1<<20) + "00000010\n",
	}
	for name, text := range cases {
		var err error
		u := hostile.Measure(func() { _, err = Parse(text, Options{}) })
		t.Logf("%s: %v", name, err)
		assertTextBudget(t, name, text, u)
	}
}

// The fuzz property of the budget: what Parse allocates is within the
// constant and the multiple of the text's size, for any text.
func FuzzBudget(f *testing.F) {
	for _, d := range Dialects() {
		f.Add(Format(d, []byte{0x45, 0, 0, 1}, []byte{0x60, 0, 0, 0}))
	}
	f.Add(strings.Repeat("45\n\n", 1000))
	f.Fuzz(func(t *testing.T, text string) {
		// The limits above make the constant small (256 lines, 64
		// packets); most of it is the fuzzer's own allocation, which the
		// runtime's counter cannot tell from Parse's (hence the retries).
		budget := uint64(1<<20 + textAlloc*len(text))
		alloc := hostile.AllocatedRetried(3, func() { _, _ = Parse(text, Options{MaxPackets: 64, MaxLines: 256}) },
			func(a uint64) bool { return a <= budget })
		if alloc > budget {
			t.Fatalf("%d bytes of text allocated %d, over %d", len(text), alloc, budget)
		}
	})
}
