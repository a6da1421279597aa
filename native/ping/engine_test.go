package ping

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

var (
	target4 = netip.MustParseAddr("198.18.3.2")
	router4 = netip.MustParseAddr("198.18.1.2")
	self4   = netip.MustParseAddr("198.18.1.1")
	target6 = netip.MustParseAddr("2001:2:0:3::2")
	self6   = netip.MustParseAddr("2001:2:0:1::1")
)

// selfOf is the address the fake's probes leave from (Config.Src): the
// source an error's quote carries.
func selfOf(fam codec.Family) netip.Addr {
	if fam == codec.IPv6 {
		return self6
	}
	return self4
}

func baseConfig(fam codec.Family) Config {
	dst := target4
	if fam == codec.IPv6 {
		dst = target6
	}
	return Config{Family: fam, Dst: dst, Src: selfOf(fam), Size: DefaultSize, Interval: 5 * time.Millisecond,
		Timeout: time.Second, Start: Start{Host: dst.String(), Addr: dst, Numeric: true}}
}

// run pings through f with cfg and returns what the sink saw.
func run(t *testing.T, cfg Config, f *fakeConn) (*recordSink, Summary) {
	t.Helper()
	return runCtx(t, context.Background(), cfg, f)
}

func runCtx(t *testing.T, ctx context.Context, cfg Config, f *fakeConn) (*recordSink, Summary) {
	t.Helper()
	sink := &recordSink{}
	p, err := New(cfg, f, sink)
	if err != nil {
		t.Fatal(err)
	}
	s := p.Run(ctx, nil)
	f.Close()
	return sink, s
}

// echoer answers every request at once, from the target.
func echoer(f *fakeConn, req codec.Message, dst netip.Addr, _ time.Time) {
	f.deliver(dst, reply(f.fam, req, nil), 62)
}

func TestRepliesCountedBothFamilies(t *testing.T) {
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		cfg := baseConfig(fam)
		cfg.Count = 5
		sink, s := run(t, cfg, newFake(fam, echoer))
		if s.Transmitted != 5 || s.Received != 5 || s.Errors != 0 || s.Duplicates != 0 {
			t.Errorf("%v: %+v", fam, s)
		}
		if s.EndReason != EndCount || s.ExitCode() != 0 {
			t.Errorf("%v: end %q exit %d", fam, s.EndReason, s.ExitCode())
		}
		replies := sink.of(EventReply)
		if len(replies) != 5 {
			t.Fatalf("%v: %d reply events", fam, len(replies))
		}
		for i, r := range replies {
			if r.Seq != uint16(i+1) || r.TTL != 62 || !r.HasRTT || r.RTT < 0 || r.Bytes != 8+DefaultSize {
				t.Errorf("%v: reply %d: %+v", fam, i, r)
			}
		}
	}
}

func TestDatagramIdentifierIsTheKernels(t *testing.T) {
	f := newFake(codec.IPv4, echoer)
	f.id, f.dgram = 0x4242, true
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 1
	sink := &recordSink{}
	p, err := New(cfg, f, sink)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID() != 0x4242 {
		t.Fatalf("engine uses id %#x, the socket's is 0x4242", p.ID())
	}
	if s := p.Run(context.Background(), nil); s.Received != 1 {
		t.Fatalf("%+v", s)
	}
	f.Close()
}

func TestDuplicates(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		r := reply(f.fam, req, nil)
		f.deliver(dst, r, 64)
		f.deliver(dst, r, 64)
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 3
	sink, s := run(t, cfg, f)
	// The run may end as soon as the third original arrives, before its
	// duplicate: at least two duplicates are certain.
	if s.Received != 3 || s.Duplicates < 2 {
		t.Fatalf("%+v", s)
	}
	for _, e := range sink.of(EventReply) {
		if e.Dup && e.Seq == 0 {
			t.Errorf("duplicate without a sequence: %+v", e)
		}
	}
	if n := len(sink.of(EventReply)); n != s.Received+s.Duplicates {
		t.Errorf("%d reply events for %d received + %d dups", n, s.Received, s.Duplicates)
	}
}

// TestOnlyOurRepliesCount sends, before each genuine reply, forgeries that
// get one thing wrong each: cookie, identifier, sequence, source.
func TestOnlyOurRepliesCount(t *testing.T) {
	forgeries := map[string]func(f *fakeConn, req codec.Message, dst netip.Addr){
		"wrong cookie": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(dst, reply(f.fam, req, func(e *codec.Echo) { e.Data[3] ^= 0xff }), 64)
		},
		"wrong id": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(dst, reply(f.fam, req, func(e *codec.Echo) { e.ID++ }), 64)
		},
		"unsent seq": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(dst, reply(f.fam, req, func(e *codec.Echo) { e.Seq += 100 }), 64)
		},
		"wrong source": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(router4, reply(f.fam, req, nil), 64)
		},
		"truncated before the cookie": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(dst, reply(f.fam, req, func(e *codec.Echo) { e.Data = e.Data[:4] }), 64)
		},
		"an echo request, not a reply": func(f *fakeConn, req codec.Message, dst netip.Addr) {
			f.deliver(dst, append([]byte(nil), req.Bytes()...), 64)
		},
	}
	for name, forge := range forgeries {
		f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
			forge(f, req, dst)
			f.deliver(dst, reply(f.fam, req, nil), 64)
		})
		cfg := baseConfig(codec.IPv4)
		cfg.Count = 4
		sink, s := run(t, cfg, f)
		if s.Received != 4 || s.Duplicates != 0 || s.Corrupted != 0 || s.Errors != 0 {
			t.Errorf("%s: %+v", name, s)
		}
		if n := len(sink.of(EventReply)); n != 4 {
			t.Errorf("%s: %d reply events, want the 4 genuine ones", name, n)
		}
	}
}

func TestBadChecksum(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		bad := reply(f.fam, req, nil)
		bad[2] ^= 0x5a // the checksum field
		f.deliver(dst, bad, 64)
		f.deliver(dst, reply(f.fam, req, nil), 64)
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	sink, s := run(t, cfg, f)
	if s.Received != 2 || s.Corrupted < 2 || s.Duplicates != 0 {
		t.Fatalf("%+v", s)
	}
	bad := 0
	for _, e := range sink.of(EventReply) {
		if e.BadChecksum {
			bad++
		}
	}
	if bad != s.Corrupted || s.Stats.N != 2 {
		t.Errorf("%d bad-checksum events, %d corrupted, %d RTT samples (corrupted ones must not count)", bad, s.Corrupted, s.Stats.N)
	}
}

func TestErrorsMatchedByQuote(t *testing.T) {
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		cfg := baseConfig(fam)
		router := router4
		if fam == codec.IPv6 {
			router = netip.MustParseAddr("2001:2:0:1::2")
		}
		f := newFake(fam, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
			// One about somebody else's probe (other identifier), then ours.
			e, _ := req.Echo()
			other := codec.Append(nil, req.Header(), codec.Echo{ID: e.ID + 1, Seq: e.Seq, Data: e.Data})
			om, _ := codec.Parse(fam, other, netip.Addr{}, netip.Addr{})
			f.deliver(router, timeExceeded(fam, om, selfOf(fam), dst), 64)
			f.deliver(router, timeExceeded(fam, req, selfOf(fam), dst), 64)
		})
		cfg.Count = 2
		sink, s := run(t, cfg, f)
		if s.Errors != 2 || s.Received != 0 || s.ExitCode() != 1 {
			t.Errorf("%v: %+v exit %d", fam, s, s.ExitCode())
		}
		errs := sink.of(EventError)
		if len(errs) != 2 {
			t.Fatalf("%v: %d error events", fam, len(errs))
		}
		want := "Time to live exceeded"
		if fam == codec.IPv6 {
			want = "Time exceeded: Hop limit"
		}
		if errs[0].From != router || ErrorText(errs[0]) != want || errs[0].Seq != 1 {
			t.Errorf("%v: %+v says %q", fam, errs[0], ErrorText(errs[0]))
		}
	}
}

func TestErrorWithForeignCookieIgnored(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		e, _ := req.Echo()
		data := append([]byte(nil), e.Data...)
		data[0] ^= 1
		forged := codec.Append(nil, req.Header(), codec.Echo{ID: e.ID, Seq: e.Seq, Data: data})
		fm, _ := codec.Parse(codec.IPv4, forged, netip.Addr{}, netip.Addr{})
		f.deliver(router4, timeExceeded(codec.IPv4, fm, self4, dst), 64)
		f.deliver(dst, reply(f.fam, req, nil), 64)
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	_, s := run(t, cfg, f)
	if s.Errors != 0 || s.Received != 2 {
		t.Fatalf("%+v", s)
	}
}

// TestLateReply: seq 1's reply comes 150 ms after it left, its timeout
// being 20 ms; it is reported as a timeout, then as a late reply, and
// counted (as iputils counts it). On the fake clock the run is exact: a
// probe every 40 ms until the 600 ms deadline is 15 probes, all answered.
func TestLateReply(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		e, _ := req.Echo()
		if e.Seq == 1 {
			f.later(150*time.Millisecond, dst, reply(f.fam, req, nil), 64)
			return
		}
		f.deliver(dst, reply(f.fam, req, nil), 64)
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Timeout = 20 * time.Millisecond
	cfg.Interval = 40 * time.Millisecond
	cfg.Deadline = 600 * time.Millisecond
	sink, s := run(t, cfg, f)

	timeouts := sink.of(EventTimeout)
	require.Len(t, timeouts, 1)
	assert.Equal(t, uint16(1), timeouts[0].Seq)
	assert.Equal(t, fakeEpoch.Add(20*time.Millisecond), timeouts[0].At, "timed out exactly at -W")
	var late []Event
	for _, e := range sink.of(EventReply) {
		if e.Late {
			late = append(late, e)
		}
	}
	require.Len(t, late, 1, "only seq 1 is late")
	assert.Equal(t, uint16(1), late[0].Seq)
	assert.Equal(t, 150*time.Millisecond, late[0].RTT)
	assert.Equal(t, EndDeadline, s.EndReason)
	assert.Equal(t, 15, s.Transmitted)
	assert.Equal(t, 15, s.Received)
}

// TestOutstandingReported: seq 2 is never answered; when seq 3 leaves 30 ms
// later, within seq 2's 100 ms timeout, the engine says seq 2 is still
// outstanding (iputils -O), once.
func TestOutstandingReported(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		if e, _ := req.Echo(); e.Seq != 2 {
			f.deliver(dst, reply(f.fam, req, nil), 64)
		}
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 4
	cfg.Interval = 30 * time.Millisecond
	cfg.Timeout = 100 * time.Millisecond
	sink, s := run(t, cfg, f)
	na := sink.of(EventNoAnswerYet)
	require.Len(t, na, 1)
	assert.Equal(t, uint16(2), na[0].Seq)
	assert.Equal(t, fakeEpoch.Add(60*time.Millisecond), na[0].At, "reported as seq 3 leaves")
	assert.Equal(t, 3, s.Received)
	assert.Equal(t, 4, s.Transmitted)
}

func TestDeadline(t *testing.T) {
	cfg := baseConfig(codec.IPv4)
	cfg.Interval = 10 * time.Millisecond
	cfg.Deadline = 100 * time.Millisecond
	_, s := run(t, cfg, newFake(codec.IPv4, echoer))
	if s.EndReason != EndDeadline || s.Received == 0 || s.ExitCode() != 0 {
		t.Errorf("answered: %+v", s)
	}
	_, s = run(t, cfg, newFake(codec.IPv4, nil))
	if s.EndReason != EndDeadline || s.Received != 0 || s.Transmitted == 0 || s.ExitCode() != 1 {
		t.Errorf("silent: %+v", s)
	}
	// -c with -w: fewer replies than asked by the deadline is exit 1.
	cfg.Count = 1000
	_, s = run(t, cfg, newFake(codec.IPv4, echoer))
	if s.EndReason != EndDeadline || s.ExitCode() != 1 {
		t.Errorf("count beyond deadline: %+v exit %d", s, s.ExitCode())
	}
}

func TestLingerWhenSilent(t *testing.T) {
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	cfg.Timeout = 30 * time.Millisecond
	sink, s := run(t, cfg, newFake(codec.IPv4, nil))
	if s.EndReason != EndCount || s.Transmitted != 2 || s.Received != 0 || s.ExitCode() != 1 {
		t.Fatalf("%+v", s)
	}
	if n := len(sink.of(EventTimeout)); n != 2 {
		t.Errorf("%d timeouts, want 2", n)
	}
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		f.deliver(dst, reply(f.fam, req, nil), 64)
		if e, _ := req.Echo(); e.Seq == 3 {
			cancel()
		}
	})
	cfg := baseConfig(codec.IPv4)
	_, s := runCtx(t, ctx, cfg, f)
	if s.EndReason != EndInterrupted || s.Transmitted < 3 {
		t.Fatalf("%+v", s)
	}
}

func TestLocalErrorAndFatalError(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		f.fail(&icmpsock.LocalError{Err: errors.New("message too long"), MessageTooLong: true, MTU: 1500, OrigDst: dst})
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 2
	sink, s := run(t, cfg, f)
	if s.Errors != 2 || len(sink.of(EventLocalError)) != 2 || s.ExitCode() != 1 {
		t.Fatalf("%+v", s)
	}
	if got := sink.of(EventLocalError)[0].Err.Error(); got != "local error: message too long, mtu=1500" {
		t.Errorf("local error reads %q", got)
	}

	boom := errors.New("socket on fire")
	f = newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) { f.fail(boom) })
	cfg.Count = 0
	_, s = run(t, cfg, f)
	if s.EndReason != EndError || !errors.Is(s.Err, boom) || s.ExitCode() != 2 {
		t.Fatalf("%+v", s)
	}
}

func TestProbeReplies(t *testing.T) {
	q, err := ParseProbeQuery("eth0")
	if err != nil {
		t.Fatal(err)
	}
	answer := func(code codec.Code) func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		return func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
			r, ok := req.ExtendedEchoRequest()
			if !ok || !r.Local {
				panic("not an extended echo request with L set")
			}
			rep := codec.Append(nil, codec.Header{Family: f.fam, Type: codec.ICMPv4ExtendedEchoReply, Code: code},
				codec.ExtendedEchoReply{ID: r.ID, Seq: r.Seq, Active: true, IPv4: true})
			f.deliver(dst, rep, 64)
		}
	}
	cfg := baseConfig(codec.IPv4)
	cfg.Probe = q
	cfg.Count = 2
	sink, s := run(t, cfg, newFake(codec.IPv4, answer(0)))
	pr := sink.of(EventProbeReply)
	if s.Received != 2 || len(pr) != 2 || pr[0].Probe.Describe() != "active, IPv4" {
		t.Fatalf("%+v %+v", s, pr)
	}
	// Code 2: the target has no such interface. An error, named by the registry.
	sink, s = run(t, cfg, newFake(codec.IPv4, answer(2)))
	pr = sink.of(EventProbeReply)
	if s.Received != 0 || s.Errors != 2 || len(pr) != 2 {
		t.Fatalf("%+v", s)
	}
	if got, want := pr[0].Probe.Describe(), codec.CodeName(codec.IPv4, codec.ICMPv4ExtendedEchoReply, 2); got != want || got == "" {
		t.Errorf("describes code 2 as %q, registry says %q", got, want)
	}
}

// TestStatsAgainstReference checks both arithmetics against the textbook
// formulas computed independently from the samples.
func TestStatsAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		n := 1 + r.IntN(200)
		var s Stats
		samples := make([]time.Duration, n)
		for i := range samples {
			samples[i] = time.Duration(r.Int64N(int64(50 * time.Millisecond)))
			s.Add(samples[i])
		}
		// Exact: mean and population standard deviation, two passes.
		var sum float64
		mn, mx := math.Inf(1), math.Inf(-1)
		for _, d := range samples {
			ms := float64(d) / 1e6
			sum += ms
			mn, mx = math.Min(mn, ms), math.Max(mx, ms)
		}
		mean := sum / float64(n)
		var ss float64
		for _, d := range samples {
			dv := float64(d)/1e6 - mean
			ss += dv * dv
		}
		sd := math.Sqrt(ss / float64(n))
		if math.Abs(s.AvgMS()-mean) > 1e-9 || math.Abs(s.MdevMS()-sd) > 1e-6 || s.MinMS != mn || s.MaxMS != mx {
			t.Fatalf("trial %d: avg %v mdev %v, reference %v %v", trial, s.AvgMS(), s.MdevMS(), mean, sd)
		}
		// iputils: integer microseconds; within a microsecond of the
		// reference over truncated samples.
		var sumUS float64
		for _, d := range samples {
			sumUS += float64(d / time.Microsecond)
		}
		meanUS := sumUS / float64(n)
		var ssUS float64
		for _, d := range samples {
			dv := float64(d/time.Microsecond) - meanUS
			ssUS += dv * dv
		}
		avg, mdev := s.IputilsAvgMdevUS()
		if math.Abs(float64(avg)-meanUS) > 1 || math.Abs(float64(mdev)-math.Sqrt(ssUS/float64(n))) > 2 {
			t.Fatalf("trial %d: iputils avg %d mdev %d, reference %.3f %.3f", trial, avg, mdev, meanUS, math.Sqrt(ssUS/float64(n)))
		}
	}
}

// TestConcurrentPingers runs two engines over fakes that deliver every
// reply to both, as two raw sockets would see them: each counts its own.
func TestConcurrentPingers(t *testing.T) {
	var mu sync.Mutex
	var fakes []*fakeConn
	both := func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		mu.Lock()
		defer mu.Unlock()
		for _, g := range fakes {
			g.deliver(dst, reply(f.fam, req, nil), 64)
		}
	}
	a, b := newFake(codec.IPv4, both), newFake(codec.IPv4, both)
	fakes = []*fakeConn{a, b}
	cfg := baseConfig(codec.IPv4)
	var wg sync.WaitGroup
	var sa, sb Summary
	wg.Add(2)
	go func() { defer wg.Done(); cfg := cfg; cfg.Count = 20; _, sa = run(t, cfg, a) }()
	go func() { defer wg.Done(); cfg := cfg; cfg.Count = 30; _, sb = run(t, cfg, b) }()
	wg.Wait()
	if sa.Received != 20 || sb.Received != 30 || sa.Duplicates+sb.Duplicates != 0 {
		t.Fatalf("a %+v\nb %+v", sa, sb)
	}
}

// TestRedirectIsNotAnAnswer: an ICMPv4 redirect about our probe (as a
// datagram socket's error queue delivers it) is shown, as iputils shows it,
// but the probe still waits for its reply: no error is counted and -c is not
// reached early.
func TestRedirectIsNotAnAnswer(t *testing.T) {
	gw := netip.MustParseAddr("198.18.1.3")
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		raw := req.Bytes()
		quote := codec.IPv4Header{TotalLength: uint16(20 + len(raw)), TTL: 63, Protocol: codec.ProtoICMP, Src: self4, Dst: dst}.AppendHeader(nil)
		quote = append(quote, raw...)
		redirect := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4Redirect, Code: 1}, codec.ErrorBody{Gateway: gw, Quote: quote})
		f.deliver(router4, redirect, 64)
		f.deliver(dst, reply(f.fam, req, nil), 62)
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 3
	sink, s := run(t, cfg, f)
	if s.Errors != 0 || s.Received != 3 || s.Transmitted != 3 || s.ExitCode() != 0 {
		t.Fatalf("redirects counted as answers: %+v exit %d", s, s.ExitCode())
	}
	errs := sink.of(EventError)
	if len(errs) != 3 || errs[0].Type != codec.ICMPv4Redirect || errs[0].Gateway != gw {
		t.Fatalf("redirects not shown: %+v", errs)
	}
}

// TestLingerDrainsAfterStall: the last reply is queued at once, but the
// engine's goroutine stalls 50 ms after the send (simulated by moving the
// fake clock in the send call), past the 20 ms linger. The reply came in
// time and must be read, not dropped by the linger.
func TestLingerDrainsAfterStall(t *testing.T) {
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		f.deliver(dst, reply(f.fam, req, nil), 64)
		if e, _ := req.Echo(); e.Seq == 3 {
			f.clk.Advance(50 * time.Millisecond)
		}
	})
	cfg := baseConfig(codec.IPv4)
	cfg.Count = 3
	_, s := run(t, cfg, f)
	assert.Equal(t, EndCount, s.EndReason)
	assert.Equal(t, 3, s.Received, "the queued reply was read after the stall")
}
