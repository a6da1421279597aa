package story

import (
	"regexp"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// numbers are the digit runs of a sentence: the facts both languages share.
var numbers = regexp.MustCompile(`\d+`)

// checkKorean holds SentenceKO to Sentence for every frame of res: the same
// frames have a sentence, each in Hangul and with the same numbers.
func checkKorean(t *testing.T, res *Result, frames int) int {
	n := 0
	for f := 1; f <= frames; f++ {
		en, okEN := res.Sentence(f)
		ko, okKO := res.SentenceKO(f)
		require.Equal(t, okEN, okKO, "frame %d", f)
		if !okEN {
			continue
		}
		n++
		hangul := false
		for _, r := range ko {
			hangul = hangul || unicode.Is(unicode.Hangul, r)
		}
		assert.True(t, hangul, "frame %d: %q", f, ko)
		wantNums := numbers.FindAllString(en, -1)
		gotNums := numbers.FindAllString(ko, -1)
		assert.ElementsMatch(t, wantNums, gotNums, "frame %d:\n%s\n%s", f, en, ko)
	}
	return n
}

func TestSentenceKorean(t *testing.T) {
	// A UDP trace: time exceeded at hop 1, port unreachable at the destination.
	n := newNet()
	p1 := n.at(0, n.udp(src4, dst4, 1, 40000, 33434))
	p2 := n.at(1, n.udp(src4, dst4, 2, 40001, 33435))
	n.at(2, n.icmpErr(r1, p1, codec.ICMPv4TimeExceeded, 0))
	n.at(3, n.icmpErr(dst4, p2, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable))
	res := n.result()
	assert.Equal(t, 2, checkKorean(t, res, len(n.pkts)))
	ko, ok := res.SentenceKO(3)
	require.True(t, ok)
	assert.Equal(t, "보낸 1번째 UDP 프로브 (TTL 1, 목적지 198.18.3.2 포트 33434), 198.18.1.2에서 만료됨, 2.00 ms 뒤", ko)
	ko, _ = res.SentenceKO(4)
	assert.Contains(t, ko, "198.18.3.2에 도달함 (포트 도달 불가능)")

	// A TCP trace reset at the destination.
	n = newNet()
	q := n.at(0, n.tcp(src4, dst4, 1, 50001, 80, 1000, 0, codec.TCPFlagSYN))
	n.at(1, n.icmpErr(r1, q, codec.ICMPv4TimeExceeded, 0))
	n.at(2, n.tcp(src4, dst4, 2, 50002, 80, 2000, 0, codec.TCPFlagSYN))
	n.at(3, n.tcp(dst4, src4, 62, 80, 50002, 9, 2001, codec.TCPFlagRST|codec.TCPFlagACK))
	res = n.result()
	assert.Equal(t, 2, checkKorean(t, res, len(n.pkts)))

	// A ping with a reply, a duplicate and an error.
	n = newNet()
	n.at(0, n.echo(src4, dst4, 64, false, 4242, 1))
	n.at(0.5, n.echo(dst4, src4, 62, true, 4242, 1))
	n.at(0.7, n.echo(dst4, src4, 62, true, 4242, 1))
	req := n.at(1000, n.echo(src4, dst4, 64, false, 4242, 2))
	n.at(1001, n.icmpErr(r1, req, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable))
	res = n.result()
	assert.Equal(t, 3, checkKorean(t, res, len(n.pkts)))
	ko, _ = res.SentenceKO(3)
	assert.Contains(t, ko, "중복된 응답")
}
