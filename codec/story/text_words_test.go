package story

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// fmtVerbs lists a format string's verbs with their flags, width and
// precision ("%2d", "%-*s", "%.3f"), "%%" left out.
var fmtVerb = regexp.MustCompile(`%[-+# 0]*(\*|\d+)?(\.\d+)?[a-zA-Z%]`)

func fmtVerbs(s string) []string {
	var out []string
	for _, v := range fmtVerb.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

func hasHangul(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0
}

// Every phrase of the Korean table has Hangul and the English phrase's
// verbs in the same order (so a Korean line carries the same numbers in
// the same order); English has no Hangul and no legend lines, which the
// tools do not print.
func TestTextWordsVerbs(t *testing.T) {
	en, ko := reflect.ValueOf(textWordsOf[dissect.LangEN]), reflect.ValueOf(textWordsOf[dissect.LangKO])
	strs := 0
	for i := range en.NumField() {
		name := en.Type().Field(i).Name
		if en.Field(i).Kind() != reflect.String {
			continue
		}
		strs++
		e, k := en.Field(i).String(), ko.Field(i).String()
		assert.True(t, hasHangul(k), "Korean %s has no Hangul: %q", name, k)
		assert.False(t, hasHangul(e), "English %s: %q", name, e)
		if strings.HasSuffix(name, "Legend") { // written as it is, not a format
			assert.Empty(t, e, "%s: the tools print no legend", name)
			continue
		}
		assert.Equal(t, fmtVerbs(e), fmtVerbs(k), "%s: the numbers in another order", name)
	}
	assert.Greater(t, strs, 25)
	assert.Same(t, textWordsIn(dissect.LangEN), textWordsIn(dissect.Lang(99)), "an unknown language is English")
}

// textStories are results covering every line WriteText writes: pings
// with a loss, a duplicate and errors, IPv6, fping, traceroute reaching,
// stopped by !H and never answered, mtr, tracepath with a path MTU and
// silent, the limit and the unlisted answers.
func textStories(t *testing.T) map[string]*Result {
	out := map[string]*Result{}
	n := newNet()
	for seq := uint16(1); seq <= 4; seq++ {
		base := float64(seq) * 1000
		n.at(base, n.echo(src4, dst4, 64, false, 4242, seq))
		if seq != 2 {
			n.at(base+0.25, n.echo(dst4, src4, 62, true, 4242, seq))
		}
		if seq == 3 {
			n.at(base+0.7, n.echo(dst4, src4, 62, true, 4242, seq))
		}
	}
	out["ping"] = n.result()

	n = newNet()
	for seq := uint16(1); seq <= 2; seq++ {
		rq := n.at(float64(seq)*1000, n.echo(src4, dst4, 2, false, 99, seq))
		n.at(float64(seq)*1000+0.3, n.icmpErr(r2, rq, codec.ICMPv4TimeExceeded, 0))
	}
	rq := n.at(3000, n.echo(src4, dst4, 2, false, 99, 3))
	n.at(3000.4, n.icmpErr(r2, rq, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable))
	out["ping errors"] = n.result()

	n = newNet()
	for seq := uint16(1); seq <= 3; seq++ {
		n.at(float64(seq)*1000, n.echo(src6, dst6, 64, false, 7, seq))
		n.at(float64(seq)*1000+12.5, n.echo(dst6, src6, 62, true, 7, seq))
	}
	out["ping6"] = n.result()

	n = newNet()
	targets := []string{dst4, "198.18.3.3", "198.18.3.4"}
	for seq := uint16(0); seq < 2; seq++ {
		for i, d := range targets {
			n.at(float64(seq)*1000+float64(i), n.echo(src4, d, 64, false, 31000, seq+uint16(i)*2))
		}
		for i, d := range targets[:2] {
			n.at(float64(seq)*1000+float64(i)+0.5, n.echo(d, src4, 62, true, 31000, seq+uint16(i)*2))
		}
	}
	out["fping"] = n.result()

	n = newNet()
	port := uint16(33434)
	var probes [][]byte
	for ttl := uint8(1); ttl <= 4; ttl++ {
		for range 3 {
			probes = append(probes, n.at(float64(len(probes))*0.01, n.udp(src4, dst4, ttl, 40000+uint16(len(probes)), port)))
			port++
		}
	}
	for i := range 3 {
		n.at(1+float64(i)*0.1, n.icmpErr(r1, probes[i], codec.ICMPv4TimeExceeded, 0))
	}
	n.at(1.4, n.icmpErr(r2, probes[4], codec.ICMPv4TimeExceeded, 0))
	for i := 6; i < 12; i++ {
		n.at(2+float64(i)*0.1, n.icmpErr(dst4, probes[i], codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable))
	}
	out["traceroute"] = n.result()

	n = newNet()
	a := n.at(1, n.udp(src4, dst4, 1, 40001, 33434))
	b := n.at(2, n.udp(src4, dst4, 2, 40002, 33435))
	n.at(3, n.udp(src4, dst4, 3, 40003, 33436))
	n.at(4, n.icmpErr(r1, a, codec.ICMPv4TimeExceeded, 0))
	n.at(5, n.icmpErr(r2, b, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable))
	out["traceroute !H"] = n.result()

	n = newNet()
	a = n.at(1, n.udp(src4, dst4, 1, 40001, 33434))
	n.at(2, n.udp(src4, dst4, 2, 40002, 33435))
	n.at(3, n.udp(src4, dst4, 3, 40003, 33436))
	n.at(4, n.icmpErr(r1, a, codec.ICMPv4TimeExceeded, 0))
	out["traceroute silent"] = n.result()

	n = newNet()
	seq := uint16(33000)
	for round := range 3 {
		base := float64(round) * 1000
		for ttl := uint8(1); ttl <= 3; ttl++ {
			pr := n.at(base+float64(ttl), n.echo(src4, dst4, ttl, false, 777, seq))
			switch {
			case ttl == 1:
				n.at(base+float64(ttl)+0.2, n.icmpErr(r1, pr, codec.ICMPv4TimeExceeded, 0))
			case ttl == 2 && round != 1:
				n.at(base+float64(ttl)+0.3, n.icmpErr(r2, pr, codec.ICMPv4TimeExceeded, 0))
			case ttl == 3:
				n.at(base+float64(ttl)+0.4, n.echo(dst4, src4, 62, true, 777, seq))
			}
			seq++
		}
	}
	out["mtr"] = n.result()

	_, out["tracepath"] = tracepathRun(t, false)
	_, out["tracepath6"] = tracepathRun(t, true)

	n = newNet()
	port = 50000
	probe := func(ttl uint8) []byte {
		port++
		return n.at(float64(port-50000), n.tpProbe("198.18.1.1", dst4, ttl, 40000, port-1, 1000, true, true))
	}
	n.at(1.25, n.tpAnswer("198.18.1.2", probe(1), codec.ICMPv4TimeExceeded, 0, 0, 63))
	for ttl := uint8(2); ttl <= 3; ttl++ {
		for range 3 {
			probe(ttl)
		}
	}
	out["tracepath silent"] = n.result()

	n = newNet()
	pkt := n.echo(src4, dst4, 64, false, 1, 0)
	m := New(Options{MaxProbes: 10})
	for i := range 25 {
		pkt[26], pkt[27] = byte(i>>8), byte(i)
		m.Add(Packet{Frame: i + 1, IP: pkt})
	}
	rep := n.echo(dst4, src4, 60, true, 1, 0)
	for i := range MaxAnswersPerProbe + 5 {
		m.Add(Packet{Frame: 100 + i, IP: rep})
	}
	out["limits"] = m.Result()
	return out
}

// WriteTextIn in English is WriteText; in Korean every line carries the
// English line's numbers in the same order, a line whose words changed
// has Hangul, and the only lines added are the legends under the mtr and
// fping tables.
func TestWriteTextKorean(t *testing.T) {
	ko := textWordsIn(dissect.LangKO)
	for name, res := range textStories(t) {
		t.Run(name, func(t *testing.T) {
			var en, en2, kb bytes.Buffer
			require.NoError(t, WriteText(&en, res))
			require.NoError(t, WriteTextIn(&en2, res, dissect.LangEN))
			require.NoError(t, WriteTextIn(&kb, res, dissect.LangKO))
			require.Equal(t, en.String(), en2.String())
			require.NotEmpty(t, en.String())
			var kl []string
			for _, l := range strings.SplitAfter(kb.String(), "\n") {
				if l != ko.mtrLegend && l != ko.fpingLegend {
					kl = append(kl, l)
				}
			}
			el := strings.SplitAfter(en.String(), "\n")
			require.Len(t, kl, len(el), "en:\n%s\nko:\n%s", en.String(), kb.String())
			for i := range el {
				assert.Equal(t, numbers.FindAllString(el[i], -1), numbers.FindAllString(kl[i], -1), "line %d\nen: %sko: %s", i+1, el[i], kl[i])
				if el[i] != kl[i] {
					assert.True(t, hasHangul(kl[i]), "line %d changed without Hangul: %q", i+1, kl[i])
				}
			}
			assert.True(t, hasHangul(kb.String()), "no Korean:\n%s", kb.String())
		})
	}
}

// The words of the tools' lines are not touched in English: a few lines
// as iputils, traceroute and tracepath print them.
func TestWriteTextEnglishIsTheTools(t *testing.T) {
	st := textStories(t)
	text := func(name string, l dissect.Lang) string {
		var b bytes.Buffer
		require.NoError(t, WriteTextIn(&b, st[name], l))
		return b.String()
	}
	assert.Contains(t, text("ping", dissect.LangEN), "4 packets transmitted, 3 received, +1 duplicates, 25% packet loss, time 3000ms\n")
	assert.Contains(t, text("ping", dissect.LangKO), "패킷 4개 전송, 3개 수신, 중복 +1개, 패킷 손실 25%, 걸린 시간 3000ms\n")
	assert.Contains(t, text("ping errors", dissect.LangEN), "From 198.18.2.2 icmp_seq=1 Time to live exceeded\n")
	assert.Contains(t, text("ping errors", dissect.LangKO), "198.18.2.2의 알림 icmp_seq=1 "+codec.TypeNameKO(codec.IPv4, codec.ICMPv4TimeExceeded)+": "+
		codec.CodeNameKO(codec.IPv4, codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded)+"\n")
	assert.Contains(t, text("tracepath silent", dissect.LangEN), "     Too many hops: pmtu 1000\n     Resume: pmtu 1000 \n")
	mtr := text("mtr", dissect.LangKO)
	assert.Contains(t, mtr, "HOST: 198.18.0.1                  Loss%   Snt   Last   Avg  Best  Wrst StDev\n", "mtr's headings stay aligned")
	assert.True(t, strings.HasSuffix(mtr, textWordsIn(dissect.LangKO).mtrLegend))
}
