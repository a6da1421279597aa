package story

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// WriteText writes each exchange in the form of the tool that would have
// made it (Trace.Tool): a trace as traceroute's hop lines, tracepath's
// lines or mtr's report, a ping as iputils ping's reply lines and
// statistics, pings of one fping run as fping's summary. Exchanges are separated by a blank line.
func WriteText(w io.Writer, r *Result) error { return WriteTextIn(w, r, dissect.LangEN) }

// WriteTextIn is WriteText in l: the same lines, with the same numbers in
// the same order, the prose between them in l's words (textWords). English
// is exactly WriteText.
func WriteTextIn(w io.Writer, r *Result, l dissect.Lang) error {
	words := textWordsIn(l)
	bw := bufio.NewWriter(w)
	fping := fpingGroups(r)
	done := map[*Ping]bool{}
	first := true
	for _, e := range r.Exchanges {
		if e.Ping != nil && done[e.Ping] {
			continue
		}
		if !first {
			bw.WriteByte('\n')
		}
		first = false
		switch {
		case e.Ping != nil && len(fping[e.Ping]) > 1:
			writeFping(bw, fping[e.Ping], words)
			for _, p := range fping[e.Ping] {
				done[p] = true
			}
		case e.Trace != nil && e.Trace.Tool == ToolTracepath:
			writeTracepath(bw, e.Trace, words)
		case e.Trace != nil && e.Trace.Cycles:
			writeMTR(bw, e.Trace, words)
		case e.Trace != nil:
			writeTrace(bw, e.Trace, words)
		case e.Ping != nil:
			writePing(bw, e.Ping, words)
		}
	}
	if r.Untracked > 0 {
		fmt.Fprintf(bw, words.untracked, r.Untracked, r.Limit)
	}
	if r.Unlisted > 0 {
		fmt.Fprintf(bw, words.unlisted, r.Unlisted, MaxAnswersPerProbe)
	}
	return bw.Flush()
}

// writeTrace prints a trace as traceroute -n does: "%2d " then, per probe,
// the address when it differs from the previous answer's in the line, the
// round trip and the mark, or "*".
func writeTrace(w *bufio.Writer, t *Trace, words *textWords) {
	maxTTL := t.Hops[len(t.Hops)-1].TTL
	if n := len(t.Beyond); n > 0 {
		maxTTL = t.Beyond[n-1].TTL
	}
	fmt.Fprintf(w, words.traceHeader, t.Dst, t.Dst, t.Src, t.Method, maxTTL)
	for _, h := range t.Hops {
		w.WriteString(HopLine(h))
		w.WriteByte('\n')
	}
	switch t.End {
	case EndSilent:
		w.WriteString(words.traceSilent)
	case EndStopped:
		w.WriteString(words.traceStopped)
	}
}

// HopLine is one hop in traceroute's layout, without the newline.
func HopLine(h Hop) string {
	b := make([]byte, 0, 64)
	b = fmt.Appendf(b, "%2d ", h.TTL)
	var prev Answer
	have := false
	for _, p := range h.Probes {
		a := p.Answer
		if a == nil {
			b = append(b, " *"...)
			continue
		}
		if !have || prev.From != a.From {
			b = append(b, ' ')
			b = a.From.AppendTo(b)
		}
		prev, have = *a, true
		if a.HasRTT {
			b = append(b, "  "...)
			b = strconv.AppendFloat(b, ms(a.RTT), 'f', 3, 64)
			b = append(b, " ms"...)
		}
		if a.Mark != "" {
			b = append(b, ' ')
			b = append(b, a.Mark...)
		}
	}
	return string(b)
}

// ms is a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// pingTime formats a round trip as iputils does: three decimals below 1 ms,
// two below 10, one below 100, none above.
func pingTime(d time.Duration) string {
	us := d.Microseconds()
	switch {
	case us >= 100000-50:
		return strconv.FormatInt((us+500)/1000, 10)
	case us >= 10000-5:
		return fmt.Sprintf("%d.%01d", (us+50)/1000, ((us+50)%1000)/100)
	case us >= 1000:
		return fmt.Sprintf("%d.%02d", (us+5)/1000, ((us+5)%1000)/10)
	}
	return fmt.Sprintf("%d.%03d", us/1000, us%1000)
}

// writePing prints a ping as iputils ping does.
func writePing(w *bufio.Writer, p *Ping, words *textWords) {
	data := 56
	if len(p.Requests) > 0 {
		data = p.Requests[0].Size - 8
	}
	if p.Family == codec.IPv4 {
		fmt.Fprintf(w, words.pingHeader4, p.Dst, p.Dst, data, data+28)
	} else {
		fmt.Fprintf(w, words.pingHeader6, p.Dst, p.Dst, data)
	}
	ri, ei := 0, 0
	for ri < len(p.Replies) || ei < len(p.Errors) {
		if ei >= len(p.Errors) || ri < len(p.Replies) && p.Replies[ri].ReplyFrame < p.Errors[ei].Frame {
			r := p.Replies[ri]
			ri++
			fmt.Fprintf(w, words.pingReply, r.Size, r.From, r.Seq, r.TTL)
			if r.HasRTT {
				fmt.Fprintf(w, " time=%s ms", pingTime(r.RTT))
			}
			if r.Dup {
				w.WriteString(words.pingDup)
			}
			w.WriteByte('\n')
			continue
		}
		e := p.Errors[ei]
		ei++
		fmt.Fprintf(w, words.pingError, e.From, e.Seq, words.errorWords(p.Family, e.Type, e.Code))
	}
	fmt.Fprintf(w, words.pingStats, p.Dst)
	fmt.Fprintf(w, words.pingSent, p.Transmitted, p.Received)
	if p.Duplicates > 0 {
		fmt.Fprintf(w, words.pingDups, p.Duplicates)
	}
	if len(p.Errors) > 0 {
		fmt.Fprintf(w, words.pingErrors, len(p.Errors))
	}
	loss := 0.0
	if p.Transmitted > 0 {
		loss = 100 * float64(p.Transmitted-p.Received) / float64(p.Transmitted)
	}
	fmt.Fprintf(w, words.pingLoss, strconv.FormatFloat(loss, 'g', 6, 64), p.Elapsed.Milliseconds())
	if st, ok := p.RTTStats(); ok {
		fmt.Fprintf(w, words.pingRTT, ms(st.Min), ms(st.Avg), ms(st.Max), ms(st.Mdev))
	}
}

// errorWords names an error after "From X icmp_seq=N ".
func errorWords(f codec.Family, t codec.Type, c codec.Code) string {
	if f == codec.IPv4 && t == codec.ICMPv4TimeExceeded && c == codec.CodeTTLExceeded {
		return "Time to live exceeded" // iputils' wording, which scripts match
	}
	if n := codec.CodeName(f, t, c); n != "" {
		return codec.TypeName(f, t) + ": " + n
	}
	return codec.TypeName(f, t)
}

// RTTStats are a ping's round-trip statistics as iputils computes them
// (duplicates are not counted; mdev is the standard deviation).
type RTTStats struct {
	Min, Avg, Max, Mdev time.Duration
}

// RTTStats computes the statistics over the first reply to each request;
// false when no reply has a round trip.
func (p *Ping) RTTStats() (RTTStats, bool) {
	var st RTTStats
	var sum, sum2 float64
	n := 0
	for _, r := range p.Replies {
		if r.Dup || !r.HasRTT {
			continue
		}
		if n == 0 || r.RTT < st.Min {
			st.Min = r.RTT
		}
		if r.RTT > st.Max {
			st.Max = r.RTT
		}
		v := float64(r.RTT)
		sum += v
		sum2 += v * v
		n++
	}
	if n == 0 {
		return st, false
	}
	avg := sum / float64(n)
	st.Avg = time.Duration(avg)
	st.Mdev = time.Duration(math.Sqrt(math.Max(0, sum2/float64(n)-avg*avg)))
	return st, true
}

// writeMTR prints a trace made in cycles as mtr --report does: one line
// per hop with its loss, probes sent, and the last, average, best and worst
// round trips and their standard deviation, "???" for a silent hop.
// Its column headings stay mtr's in every language (textWords says why);
// words.mtrLegend follows the table.
func writeMTR(w *bufio.Writer, t *Trace, words *textWords) {
	fmt.Fprintf(w, "HOST: %-27s Loss%%   Snt   Last   Avg  Best  Wrst StDev\n", t.Src)
	for _, h := range t.Hops {
		w.WriteString(MTRLine(h))
		w.WriteByte('\n')
	}
	w.WriteString(words.mtrLegend)
}

// MTRLine is one hop in mtr --report's layout, without the newline.
func MTRLine(h Hop) string {
	addr := "???"
	var rtts []float64
	for _, p := range h.Probes {
		if p.Answer == nil {
			continue
		}
		if addr == "???" {
			addr = p.Answer.From.String()
		}
		if p.Answer.HasRTT {
			rtts = append(rtts, ms(p.Answer.RTT))
		}
	}
	sent := len(h.Probes)
	recv := 0
	for _, p := range h.Probes {
		if p.Answer != nil {
			recv++
		}
	}
	loss := 100 * float64(sent-recv) / float64(sent)
	var last, avg, best, worst, sd float64
	if n := len(rtts); n > 0 {
		last, best, worst = rtts[n-1], rtts[0], rtts[0]
		for _, v := range rtts {
			avg += v
			best, worst = math.Min(best, v), math.Max(worst, v)
		}
		avg /= float64(n)
		for _, v := range rtts {
			sd += (v - avg) * (v - avg)
		}
		if n > 1 {
			sd = math.Sqrt(sd / float64(n-1))
		} else {
			sd = 0
		}
	}
	return fmt.Sprintf("%3d.|-- %-24s %5.1f%% %5d %6.1f %5.1f %5.1f %5.1f %5.1f", h.TTL, addr, loss, sent, last, avg, best, worst, sd)
}

// fpingKey gathers the pings one fping run made: one source, one
// identifier, several destinations.
type fpingKey struct {
	src string
	id  uint16
}

// fpingGroups maps each ping to every ping of its fping run (itself alone
// when it is the only destination under its identifier).
func fpingGroups(r *Result) map[*Ping][]*Ping {
	byKey := map[fpingKey][]*Ping{}
	for _, e := range r.Exchanges {
		if p := e.Ping; p != nil && !p.Extended {
			k := fpingKey{p.Src.String(), p.ID}
			byKey[k] = append(byKey[k], p)
		}
	}
	out := map[*Ping][]*Ping{}
	for _, ps := range byKey {
		for _, p := range ps {
			out[p] = ps
		}
	}
	return out
}

// writeFping prints one fping run as fping -c N -q summarises it: a line
// per target, in the order they were first probed.
func writeFping(w *bufio.Writer, ps []*Ping, words *textWords) {
	width := 0
	for _, p := range ps {
		width = max(width, len(p.Dst.String()))
	}
	for _, p := range ps {
		loss := 0
		if p.Transmitted > 0 {
			loss = (p.Transmitted - p.Received) * 100 / p.Transmitted
		}
		fmt.Fprintf(w, "%-*s : xmt/rcv/%%loss = %d/%d/%d%%", width, p.Dst, p.Transmitted, p.Received, loss)
		if st, ok := p.RTTStats(); ok {
			fmt.Fprintf(w, ", min/avg/max = %s/%s/%s", pingTime(st.Min), pingTime(st.Avg), pingTime(st.Max))
		}
		w.WriteByte('\n')
	}
	w.WriteString(words.fpingLegend)
}
