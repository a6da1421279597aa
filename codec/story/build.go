package story

import (
	"net/netip"
	"sort"

	"icmplab/codec"
)

// groupKey gathers the probes of one exchange: one source, one destination,
// one protocol, and for echo one identifier.
type groupKey struct {
	fam      codec.Family
	kind     probeKind
	src, dst netip.Addr
	id       uint16
}

// Result builds the exchanges from what was added so far. It can be called
// again after more packets are added.
func (m *Matcher) Result() *Result {
	res := &Result{Packets: m.packets, Untracked: m.untracked, Unlisted: m.unlisted, Limit: m.max}
	groups := make(map[groupKey][]int32)
	var order []groupKey
	for i := 0; i < m.probes.n; i++ {
		pr := m.probes.at(int32(i))
		g := groupKey{fam: pr.key.fam, kind: pr.kind, src: pr.key.src, dst: pr.key.dst}
		if pr.kind == kindEcho || pr.kind == kindExtEcho {
			g.id = pr.key.a
		}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], int32(i))
	}
	for _, g := range order {
		list := groups[g]
		ttls := map[uint8]bool{}
		hopAnswered := false
		for _, i := range list {
			pr := m.probes.at(i)
			ttls[pr.ttl] = true
			for _, e := range pr.errs {
				if e.outcome == OutcomeHop {
					hopAnswered = true
				}
			}
		}
		switch {
		case g.kind == kindExtEcho || g.kind == kindEcho && len(ttls) < 2:
			res.Exchanges = append(res.Exchanges, Exchange{Kind: KindPing, Ping: m.buildPing(g, list)})
		case len(ttls) >= 2 || hopAnswered:
			res.Exchanges = append(res.Exchanges, Exchange{Kind: KindTrace, Trace: m.buildTrace(g, list)})
		}
	}
	sort.SliceStable(res.Exchanges, func(a, b int) bool { return res.Exchanges[a].First() < res.Exchanges[b].First() })
	return res
}

// publicAnswer turns a kept answer into an Answer, with the round trip from
// the probe's capture time.
func publicAnswer(pr *probe, a answer) Answer {
	out := Answer{Frame: a.frame, Time: a.t, From: a.from, Type: a.typ, Code: a.code, MTU: a.mtu, TTL: a.ttl,
		Size: a.size, Outcome: a.outcome, Mark: a.mark, TCP: a.tcp, RST: a.rst}
	if !pr.t.IsZero() && !a.t.IsZero() {
		out.RTT, out.HasRTT = a.t.Sub(pr.t), true
	}
	return out
}

// buildPing tells a ping: every request, its replies and duplicates, the
// errors about it, and the requests never answered.
func (m *Matcher) buildPing(g groupKey, list []int32) *Ping {
	p := &Ping{Family: g.fam, Src: g.src, Dst: g.dst, ID: g.id, Extended: g.kind == kindExtEcho,
		Requests: make([]Request, 0, len(list)), Replies: make([]Reply, 0, len(list))}
	first := m.probes.at(list[0]).t
	last := first
	for _, i := range list {
		pr := m.probes.at(i)
		p.Requests = append(p.Requests, Request{Frame: pr.frame, Time: pr.t, Seq: pr.key.b, TTL: pr.ttl, Size: pr.size})
		p.Transmitted++
		if pr.t.After(last) {
			last = pr.t
		}
		for j, a := range pr.answers {
			pa := publicAnswer(pr, a)
			p.Replies = append(p.Replies, Reply{Seq: pr.key.b, RTT: pa.RTT, HasRTT: pa.HasRTT, TTL: a.ttl, Size: a.size,
				From: a.from, Dup: j > 0, RequestFrame: pr.frame, ReplyFrame: a.frame})
			if j > 0 {
				p.Duplicates++
			} else {
				p.Received++
			}
			if a.t.After(last) {
				last = a.t
			}
		}
		for _, a := range pr.errs {
			pa := publicAnswer(pr, a)
			p.Errors = append(p.Errors, PingError{Seq: pr.key.b, From: a.from, Type: a.typ, Code: a.code, Frame: a.frame,
				RequestFrame: pr.frame, RTT: pa.RTT, HasRTT: pa.HasRTT})
			if a.t.After(last) {
				last = a.t
			}
		}
		if extra := int(pr.replies) - len(pr.answers); extra > 0 && len(pr.answers) > 0 {
			p.Duplicates += extra // past MaxAnswersPerProbe: counted, not listed
		}
		if len(pr.answers) == 0 {
			p.Lost = append(p.Lost, pr.key.b)
		}
	}
	sort.SliceStable(p.Replies, func(a, b int) bool { return p.Replies[a].ReplyFrame < p.Replies[b].ReplyFrame })
	sort.SliceStable(p.Errors, func(a, b int) bool { return p.Errors[a].Frame < p.Errors[b].Frame })
	if !first.IsZero() {
		p.Elapsed = last.Sub(first)
	}
	return p
}

// buildTrace tells a trace: probes by the TTL they were sent with, each
// with the message that answered it, and where and why the trace ended.
func (m *Matcher) buildTrace(g groupKey, list []int32) *Trace {
	t := &Trace{Family: g.fam, Src: g.src, Dst: g.dst, firstFrame: m.probes.at(list[0]).frame, Sent: len(list)}
	switch g.kind {
	case kindUDP:
		t.Method = MethodUDP
	case kindTCP:
		t.Method = MethodTCP
	default:
		t.Method = MethodICMP
	}
	byTTL := map[uint8][]Probe{}
	answers := make([]Answer, 0, len(list))
	var lastTTL uint8
	for n, i := range list {
		pr := m.probes.at(i)
		if n > 0 && pr.ttl < lastTTL {
			t.Cycles = true // the TTL went down again: a new cycle
		}
		lastTTL = pr.ttl
		p := Probe{N: n + 1, Frame: pr.frame, Time: pr.t, TTL: pr.ttl, Size: pr.size,
			IPLen: pr.facts.ipLen, DF: pr.facts.df, Stamped: pr.facts.stamped}
		if pr.kind == kindUDP || pr.kind == kindTCP {
			p.SrcPort, p.DstPort = pr.key.a, pr.key.b
		} else {
			p.ID, p.Seq = pr.key.a, pr.key.b
		}
		// The answer is the first reply or the first error that is not
		// advisory; everything else is kept beside it.
		all := pr.answers
		if len(pr.errs) > 0 {
			all = pr.errs
			if len(pr.answers) > 0 {
				all = make([]answer, 0, len(pr.answers)+len(pr.errs))
				all = append(all, pr.answers...)
				all = append(all, pr.errs...)
				sort.SliceStable(all, func(a, b int) bool { return all[a].frame < all[b].frame })
			}
		}
		for _, a := range all {
			pa := publicAnswer(pr, a)
			if p.Answer == nil && a.outcome != OutcomeAdvisory {
				// One Answer per probe at most: answers never grows past
				// its capacity, so the pointer stays good.
				answers = append(answers, pa)
				p.Answer = &answers[len(answers)-1]
				continue
			}
			p.Others = append(p.Others, pa)
		}
		byTTL[pr.ttl] = append(byTTL[pr.ttl], p)
	}
	ttls := make([]int, 0, len(byTTL))
	for ttl := range byTTL {
		ttls = append(ttls, int(ttl))
	}
	sort.Ints(ttls)
	// The trace ends at the smallest TTL the destination answered, or
	// where an unreachable came back.
	endTTL := -1
	for _, ttl := range ttls {
		for _, p := range byTTL[uint8(ttl)] {
			if p.Answer == nil {
				continue
			}
			switch p.Answer.Outcome {
			case OutcomeReached:
				if endTTL < 0 {
					endTTL, t.End, t.Reached = ttl, EndReached, true
				}
			case OutcomeUnreachable:
				if endTTL < 0 && !resumed(p.Answer, ttl, byTTL) {
					endTTL, t.End, t.Mark = ttl, EndUnreachable, p.Answer.Mark
				}
			}
		}
		if endTTL >= 0 {
			break
		}
	}
	for _, ttl := range ttls {
		h := Hop{TTL: uint8(ttl), Probes: byTTL[uint8(ttl)]}
		if len(h.Probes) > t.Rounds {
			t.Rounds = len(h.Probes)
		}
		if endTTL >= 0 && ttl > endTTL {
			t.Beyond = append(t.Beyond, h)
		} else {
			t.Hops = append(t.Hops, h)
		}
	}
	if endTTL < 0 {
		t.End = EndSilent
		last := t.Hops[len(t.Hops)-1]
		for _, p := range last.Probes {
			if p.Answer != nil {
				t.End = EndStopped
			}
		}
	}
	finishTrace(t)
	return t
}

// index records the role of every frame of exchange x.
func (r *Result) index(x int) {
	e := r.Exchanges[x]
	set := func(frame int, ro Role) {
		if _, ok := r.roles[frame]; !ok {
			r.roles[frame] = ro
		}
	}
	if p := e.Ping; p != nil {
		reqOf := make(map[int]int, len(p.Requests))
		for i, q := range p.Requests {
			reqOf[q.Frame] = i
			set(q.Frame, Role{Exchange: x, Request: i, Which: -1})
		}
		for _, rp := range p.Replies {
			w := 0
			if rp.Dup {
				w = 1
			}
			set(rp.ReplyFrame, Role{Exchange: x, Answer: true, Request: reqOf[rp.RequestFrame], Which: w})
		}
		for _, pe := range p.Errors {
			set(pe.Frame, Role{Exchange: x, Answer: true, Request: reqOf[pe.RequestFrame], Which: 1})
		}
		return
	}
	t := e.Trace
	for _, part := range [2]struct {
		hops   []Hop
		beyond bool
	}{{t.Hops, false}, {t.Beyond, true}} {
		for h, hop := range part.hops {
			for i, p := range hop.Probes {
				set(p.Frame, Role{Exchange: x, Hop: h, Probe: i, InBeyond: part.beyond, Which: -1})
				if p.Answer != nil {
					set(p.Answer.Frame, Role{Exchange: x, Answer: true, Hop: h, Probe: i, InBeyond: part.beyond})
				}
				for k, o := range p.Others {
					set(o.Frame, Role{Exchange: x, Answer: true, Hop: h, Probe: i, InBeyond: part.beyond, Which: k + 1})
				}
			}
		}
	}
}
