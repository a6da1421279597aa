package ping

import (
	"bytes"
	"context"
	"encoding/json"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"icmplab/codec"
)

func TestIputilsTime(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{215 * time.Microsecond, "0.215"},
		{999 * time.Microsecond, "0.999"},
		{1234500 * time.Nanosecond, "1.23"},
		{9994 * time.Microsecond, "9.99"},
		{9995 * time.Microsecond, "10.0"},
		{12345 * time.Microsecond, "12.3"},
		{99949 * time.Microsecond, "99.9"},
		{99950 * time.Microsecond, "100"},
		{123456 * time.Microsecond, "123"},
		{1500 * time.Millisecond, "1500"},
	}
	for _, c := range cases {
		if got := IputilsTime(c.d); got != c.want {
			t.Errorf("IputilsTime(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestLossFormatsLikeCPercentG(t *testing.T) {
	cases := map[[2]int]string{
		{3, 3}: "0", {3, 0}: "100", {3, 2}: "33.3333", {3, 1}: "66.6667",
		{2, 1}: "50", {8, 7}: "12.5", {7, 0}: "100",
	}
	for tr, want := range cases {
		s := Summary{Transmitted: tr[0], Received: tr[1]}
		if got := cG(s.LossPercent()); got != want {
			t.Errorf("loss of %d/%d prints %q, want %q", tr[1], tr[0], got, want)
		}
	}
}

// textRun pings through a fake and returns stdout and stderr as TextSink
// prints them.
func textRun(t *testing.T, cfg Config, opt TextOptions, f *fakeConn) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	sink := NewTextSink(NewOutput(&out, &errOut), opt)
	p, err := New(cfg, f, sink)
	if err != nil {
		t.Fatal(err)
	}
	p.Run(context.Background(), nil)
	f.Close()
	return out.String(), errOut.String()
}

// Line forms of iputils ping 20221126, as regular expressions.
var (
	reHeader4  = regexp.MustCompile(`^PING \S+ \(\d+\.\d+\.\d+\.\d+\) \d+\(\d+\) bytes of data\.$`)
	reHeader6  = regexp.MustCompile(`^PING \S+\([0-9a-f:]+\) \d+ data bytes$`)
	reReply    = regexp.MustCompile(`^(\[\d+\.\d{6}\] )?\d+ bytes from [0-9a-f.:]+: icmp_seq=\d+ ttl=\d+ time=\d+(\.\d+)? ms( \(DUP!\))?( \(BAD CHECKSUM!\))?$`)
	reFrom     = regexp.MustCompile(`^(\[\d+\.\d{6}\] )?From [0-9a-f.:]+ icmp_seq=\d+ .+$`)
	reStatHead = regexp.MustCompile(`^--- \S+ ping statistics ---$`)
	reStats    = regexp.MustCompile(`^\d+ packets transmitted, \d+ received(, \+\d+ duplicates)?(, \+\d+ corrupted)?(, \+\d+ errors)?, \d+(\.\d+)?% packet loss, time \d+ms$`)
	reRTT      = regexp.MustCompile(`^rtt min/avg/max/mdev = \d+\.\d{3}/\d+\.\d{3}/\d+\.\d{3}/\d+\.\d{3} ms(, pipe \d+)?$`)
	reNoAnswer = regexp.MustCompile(`^no answer yet for icmp_seq=\d+$`)
)

func matchLines(t *testing.T, out string, forms ...*regexp.Regexp) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(forms) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(forms), out)
	}
	for i, l := range lines {
		if forms[i] == nil {
			if l != "" {
				t.Errorf("line %d: %q, want an empty line", i+1, l)
			}
			continue
		}
		if !forms[i].MatchString(l) {
			t.Errorf("line %d: %q does not match %v", i+1, l, forms[i])
		}
	}
}

func TestTextForm(t *testing.T) {
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 3
	out, _ := textRun(t, cfg, TextOptions{}, newFake(codec.IPv4, echoer))
	matchLines(t, out, reHeader4, reReply, reReply, reReply, nil, reStatHead, reStats, reRTT)
	if !strings.Contains(out, "PING 198.18.3.2 (198.18.3.2) 56(84) bytes of data.\n") ||
		!strings.Contains(out, "64 bytes from 198.18.3.2: icmp_seq=2 ttl=62 time=") ||
		!strings.Contains(out, "3 packets transmitted, 3 received, 0% packet loss, time ") {
		t.Errorf("output:\n%s", out)
	}

	// -D, duplicates and bad checksums.
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		r := reply(f.fam, req, nil)
		f.deliver(dst, r, 64)
		if e, _ := req.Echo(); e.Seq == 1 { // a corrupted copy and a duplicate, before seq 2 leaves
			bad := append([]byte(nil), r...)
			bad[3] ^= 1
			f.deliver(dst, bad, 64)
			f.deliver(dst, r, 64)
		}
	})
	cfg.Count = 2
	cfg.Interval = 50 * time.Millisecond
	out, _ = textRun(t, cfg, TextOptions{Timestamps: true}, f)
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || !strings.HasSuffix(lines[2], " (BAD CHECKSUM!)") || !strings.HasSuffix(lines[3], " (DUP!)") {
		t.Errorf("want a bad checksum then a DUP:\n%s", out)
	}
	for _, l := range lines[1:4] {
		if !reReply.MatchString(l) || !strings.HasPrefix(l, "[") {
			t.Errorf("%q: not a -D reply line", l)
		}
	}
	if !strings.Contains(out, ", +1 duplicates, +1 corrupted, ") {
		t.Errorf("summary lacks duplicates and corrupted:\n%s", out)
	}
}

func TestTextErrorsQuietAndOutstanding(t *testing.T) {
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		cfg := baseConfig(fam)
		cfg.Count = 2
		f := newFake(fam, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
			f.deliver(router4, timeExceeded(fam, req, selfOf(fam), dst), 64)
		})
		if fam == codec.IPv6 {
			f = newFake(fam, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
				f.deliver(netip.MustParseAddr("2001:2:0:1::2"), timeExceeded(fam, req, selfOf(fam), dst), 64)
			})
		}
		out, _ := textRun(t, cfg, TextOptions{}, f)
		head := reHeader4
		want := "From 198.18.1.2 icmp_seq=1 Time to live exceeded\n"
		if fam == codec.IPv6 {
			head = reHeader6
			want = "From 2001:2:0:1::2 icmp_seq=1 Time exceeded: Hop limit\n"
		}
		// No rtt line when nothing came back: iputils prints an empty one.
		matchLines(t, out, head, reFrom, reFrom, nil, reStatHead, reStats, nil)
		if !strings.Contains(out, want) || !strings.Contains(out, "2 packets transmitted, 0 received, +2 errors, 100% packet loss") {
			t.Errorf("%v:\n%s", fam, out)
		}
	}

	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	out, _ := textRun(t, cfg, TextOptions{Quiet: true}, newFake(codec.IPv4, echoer))
	matchLines(t, out, reHeader4, nil, reStatHead, reStats, reRTT)

	cfg.Count = 3
	cfg.Timeout = 30 * time.Millisecond
	cfg.Interval = 5 * time.Millisecond
	out, _ = textRun(t, cfg, TextOptions{Outstanding: true}, newFake(codec.IPv4, nil))
	matchLines(t, out, reHeader4, reNoAnswer, reNoAnswer, nil, reStatHead, reStats, nil)
}

func TestJSONLines(t *testing.T) {
	var out bytes.Buffer
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		if e, _ := req.Echo(); e.Seq == 1 {
			f.deliver(router4, timeExceeded(codec.IPv4, req, self4, dst), 255)
			return
		}
		f.deliver(dst, reply(f.fam, req, nil), 62)
	})
	p, err := New(cfg, f, NewJSONSink(NewOutput(&out, &out)))
	if err != nil {
		t.Fatal(err)
	}
	p.Run(context.Background(), nil)
	f.Close()
	var types []string
	var last map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		types = append(types, m["type"].(string))
		switch m["type"] {
		case "error":
			if m["text"] != "Time to live exceeded" || m["type_name"] != codec.TypeName(codec.IPv4, codec.ICMPv4TimeExceeded) || m["from"] != router4.String() {
				t.Errorf("error object %v", m)
			}
		case "reply":
			if m["ttl"].(float64) != 62 || m["rtt_ms"] == nil || m["seq"].(float64) != 2 {
				t.Errorf("reply object %v", m)
			}
		}
		last = m
	}
	if strings.Join(types, ",") != "start,error,reply,summary" {
		t.Errorf("object types %v", types)
	}
	if last["end_reason"] != "count" || last["received"].(float64) != 1 || last["errors"].(float64) != 1 || last["exit_code"].(float64) != 0 {
		t.Errorf("summary %v", last)
	}
}

// TestPipe: replies held back until three probes are out give iputils'
// "pipe 3" on the rtt line.
func TestPipe(t *testing.T) {
	var held []codec.Message
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		held = append(held, req)
		if len(held) == 3 {
			for _, r := range held {
				f.deliver(dst, reply(f.fam, r, nil), 64)
			}
		}
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 3
	out, _ := textRun(t, cfg, TextOptions{Quiet: true}, f)
	if !strings.Contains(out, " ms, pipe 3\n") {
		t.Errorf("no pipe 3:\n%s", out)
	}
}
